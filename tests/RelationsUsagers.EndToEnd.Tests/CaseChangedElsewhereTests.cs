using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Complaints;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>
/// Issue 18, item 2, in the browser: a case open on the officer's screen, with a summary typed and not saved, is changed
/// by someone else; the page says so, keeps what was typed, and its reload shows the latest version with the typing kept.
/// </summary>
public sealed class CaseChangedElsewhereTests(PortalFixture portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Another_user_s_change_shows_the_banner_and_the_reload_keeps_the_typed_summary()
    {
        // A complaint of its own: no other test reads it.
        CaseFile file;
        using (var scope = portal.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            var today = ParisCalendar.Today(services.GetRequiredService<TimeProvider>());
            file = await services.GetRequiredService<CaseFileService>().CreateAsync(new Complaint
            {
                ReceivedOn = today.AddDays(-3),
                Channel = Channel.Mail,
                Patient = new Patient { LastName = "Quéméner", FirstName = "Yannig", BirthDate = new DateOnly(1958, 11, 2) },
                Requester = new Party { Name = "Yannig Quéméner", Capacity = "le patient" },
                Summary = "Attente de six heures aux urgences sans information.",
                Motives = [ComplaintMotive.MedicalCare],
                Services = ["Urgences"],
            }, Ct);
        }
        await using var context = await portal.NewContextAsync();
        var officer = await context.NewPageAsync();
        await portal.SignInAsync(officer, "officer");
        await officer.GotoAsync($"/dossiers/{file.Id}");
        await PortalFixture.WaitReadyAsync(officer);
        await Expect(officer.Locator("#case-reference")).ToHaveTextAsync(file.Reference);
        const string typed = "Attente de six heures aux urgences ; le patient demande des excuses écrites.";
        await officer.Locator("#summary").FillAsync(typed);
        await officer.Locator("#summary").PressAsync("Tab");

        // Someone else assigns the case, from another circuit.
        using (var scope = portal.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<CaseFileService>().AssignAsync(file.Id, file.ConcurrencyStamp, "manager", Ct);

        var banner = officer.Locator("#case-changed-elsewhere");
        await Expect(banner).ToContainTextAsync("Ce dossier a été modifié par un autre utilisateur");
        await Expect(officer.Locator("#summary")).ToHaveValueAsync(typed);
        await Expect(officer.GetByText("chargé(e) : non attribué")).ToBeVisibleAsync();
        await PortalFixture.ShotAsync(officer, "case-changed-elsewhere-1-banner");
        await Axe.AssertAccessibleAsync(officer, "case-changed-elsewhere-banner");

        await officer.Locator("#case-changed-reload").ClickAsync();

        await Expect(banner).ToHaveCountAsync(0);
        await Expect(officer.Locator("#summary")).ToHaveValueAsync(typed);
        // The other user's change is shown now: the demo manager is in charge.
        await Expect(officer.GetByText("chargé(e) : Marc Lefèvre")).ToBeVisibleAsync();
        await PortalFixture.ShotAsync(officer, "case-changed-elsewhere-2-reloaded");
    }
}
