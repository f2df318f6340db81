using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Complaints;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>An officer unfolds, from the keyboard alone, how a deadline of the case page was computed.</summary>
public sealed class DeadlineExplanationTests(PortalFixture portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Fr(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Officer_unfolds_the_explanation_of_a_mediation_meeting_by_keyboard_and_reads_its_suspension_and_discharge()
    {
        // A hospitalised complainant, mixed mediation referred four days ago, the patient leaving in two days; the
        // physician's meeting clock stopped two days (the complainant unavailable), resumed yesterday.
        Guid id;
        DateOnly today;
        using (var scope = portal.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            today = ParisCalendar.Today(services.GetRequiredService<TimeProvider>());
            var cases = services.GetRequiredService<CaseFileService>();
            var created = await cases.CreateAsync(new Complaint
            {
                ReceivedOn = today.AddDays(-6),
                Channel = Channel.Mail,
                Patient = new Patient { LastName = "Kerexplou", FirstName = "Bernard", BirthDate = new DateOnly(1948, 2, 11) },
                Requester = new Party { Name = "Claire Kerexplou", Capacity = "fille du patient" },
                Summary = "Douleurs mal prises en charge et accueil jugé froid en cardiologie.",
                Motives = [ComplaintMotive.MedicalCare, ComplaintMotive.StaffRelations],
                Services = ["Cardiologie"],
                MediationType = MediationType.Mixed,
                MediatorName = "Dr Girard et M. Petit",
                PatientHospitalised = true,
                PlannedDischargeOn = today.AddDays(2),
            }, Ct);
            id = (await cases.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.MediatorReferred, today.AddDays(-4), null, Ct)).Id;
            var clocks = services.GetRequiredService<LegalClockService>();
            var suspension = await clocks.SuspendAsync(id, DelaySettings.ComplaintMediationMeeting, "Plaignant indisponible", today.AddDays(-3), Ct);
            await clocks.ResumeAsync(suspension.Id, today.AddDays(-1), Ct);
        }

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "officer");
        await page.GotoAsync($"/dossiers/{id}");
        await PortalFixture.WaitReadyAsync(page);

        var row = page.Locator("tr[data-code='complaint.mediation-meeting']").Filter(new() { HasText = "médiateur médecin" });
        var toggle = row.GetByRole(AriaRole.Button, new() { Name = "Comment ce délai est calculé" });
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        var explanation = page.Locator($"#{await toggle.GetAttributeAsync("aria-controls")}");
        await Expect(explanation).ToBeHiddenAsync();

        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(explanation).ToBeVisibleAsync();
        // Referred D-4, 8 days → D+4, brought forward to the discharge D+2, then 2 suspended days → D+4.
        await Expect(explanation.Locator(".explanation-start")).ToHaveTextAsync($"À compter de la saisine du médiateur, le {Fr(today.AddDays(-4))}");
        await Expect(explanation.Locator(".explanation-suspension")).ToContainTextAsync("2 jours — suspension : Plaignant indisponible");
        await Expect(explanation.Locator(".explanation-note")).ToContainTextAsync($"Avancée à la sortie prévue du patient le {Fr(today.AddDays(2))}");
        await Expect(explanation.Locator(".explanation-due")).ToContainTextAsync(Fr(today.AddDays(4)));
        await Expect(explanation.Locator(".explanation-actor")).ToHaveTextAsync("Le service");
        await Expect(explanation.Locator(".explanation-article")).ToHaveTextAsync("CSP art. R.1112-93");
        await Axe.AssertAccessibleAsync(page, "deadline-explanation-1-unfolded");

        await page.Keyboard.PressAsync(" ");
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(explanation).ToBeHiddenAsync();

        // In the queue, the chip's tooltip gives the short version of the office's next deadline: received D-6, 8 days → D+2.
        await page.GotoAsync("/?q=kerexplou");
        await PortalFixture.WaitReadyAsync(page);
        await page.Locator("tr.queue-row .deadline-chip").HoverAsync();
        var tooltip = page.Locator(".deadline-tooltip");
        await Expect(tooltip).ToContainTextAsync($"Accusé de réception (8 jours)\u00A0: {Fr(today.AddDays(2))} (proche)");
        await Expect(tooltip).ToContainTextAsync($"À compter de la réception de la plainte ({Fr(today.AddDays(-6))}) : 8 jours — CSP art. R.1112-92 (cible interne)");
        await Expect(tooltip).ToContainTextAsync("À faire par\u00A0: le service");
        // Shown once faded in, for the person who looks at the picture.
        await Expect(page.Locator(".mud-tooltip").Filter(new() { Has = tooltip })).ToHaveCSSAsync("opacity", "1");
        await PortalFixture.ShotAsync(page, "deadline-explanation-2-queue-tooltip");
    }

    [Fact]
    public async Task Administrator_reads_the_referential_and_its_warning_windows()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "admin");
        await page.GotoAsync("/administration");
        await PortalFixture.WaitReadyAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Référentiel des délais" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Référentiel des délais" })).ToBeVisibleAsync();
        await Expect(page.Locator("tr[data-code='claim.implicit-rejection'] input")).ToHaveValueAsync("15");
        await Axe.AssertAccessibleAsync(page, "deadline-explanation-3-referential");
    }
}
