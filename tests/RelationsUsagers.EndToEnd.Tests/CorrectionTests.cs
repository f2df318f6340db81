using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Complaints;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>Corrections, never erasure: a manager corrects a timeline event's date and the deadline follows at once.</summary>
public sealed class CorrectionTests(PortalFixture portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Fr(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Manager_corrects_a_late_acknowledgement_date_and_the_deadline_turns_met()
    {
        // A complaint received ten days ago, acknowledged yesterday: one day past its 8-day target.
        Guid id;
        DateOnly today;
        using (var scope = portal.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            today = ParisCalendar.Today(services.GetRequiredService<TimeProvider>());
            var cases = services.GetRequiredService<CaseFileService>();
            var created = await cases.CreateAsync(new Complaint
            {
                ReceivedOn = today.AddDays(-10),
                Channel = Channel.Mail,
                Patient = new Patient { LastName = "Corvaisier", FirstName = "Armand", BirthDate = new DateOnly(1950, 5, 4) },
                Requester = new Party { Name = "Armand Corvaisier", Capacity = "le patient" },
                Summary = "Repas froids servis pendant tout le séjour.",
                Motives = [ComplaintMotive.Hospitality],
                Services = ["Médecine interne"],
            }, Ct);
            id = (await cases.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.AcknowledgementSent, today.AddDays(-1), null, Ct)).Id;
        }

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "manager");
        await page.GotoAsync($"/dossiers/{id}");
        await PortalFixture.WaitReadyAsync(page);
        var state = page.Locator("tr[data-code='complaint.acknowledgement'] .deadline-state");
        await Expect(state).ToHaveTextAsync("hors délai");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Chronologie" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Corriger l'événement Accusé de réception envoyé du {Fr(today.AddDays(-1))}", Exact = true })
            .ClickAsync();
        var panel = page.Locator("#event-correction");
        await Expect(panel).ToBeVisibleAsync();
        await Expect(panel.GetByRole(AriaRole.Heading)).ToBeFocusedAsync();
        await Axe.AssertAccessibleAsync(page, "correction-1-panel");

        await page.Locator("#correction-date").FillAsync(Fr(today.AddDays(-3)));
        await page.Locator("#correction-date").PressAsync("Tab");
        await page.Locator("#correction-reason").FillAsync("Accusé daté du courrier, saisi en retard");
        await page.Locator("#correction-confirm").ClickAsync();

        await Expect(state).ToHaveTextAsync("respecté");
        await Expect(panel).ToHaveCountAsync(0);
        var history = page.Locator(".event-correction");
        await Expect(history.Locator("del")).ToHaveTextAsync(Fr(today.AddDays(-1)));
        await Expect(history).ToContainTextAsync($"remplacée par {Fr(today.AddDays(-3))}");
        await Expect(history).ToContainTextAsync("par manager");
        await PortalFixture.ShotAsync(page, "correction-2-done");
    }
}
