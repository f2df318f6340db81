using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RelationsUsagers.Core.Data;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>Issue 3: an access request from intake to the copy sent, found in the queue, and a concurrent edit refused.</summary>
public sealed partial class AccessRequestJourneyTests(PortalFixture portal)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task Officer_records_an_access_request_until_the_copy_is_sent_and_a_concurrent_save_is_refused()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Paris).DateTime);
        string Fr(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

        await using var officerContext = await portal.NewContextAsync();
        var page = await officerContext.NewPageAsync();
        await portal.SignInAsync(page, "officer");

        // Intake: an access request received today.
        await page.GotoAsync("/dossiers/nouveau");
        await PortalFixture.WaitReadyAsync(page);
        await page.GetByLabel("Accès au dossier patient").CheckAsync();
        await page.Locator("#patient-last-name").FillAsync("Lefèvre");
        await page.Locator("#patient-first-name").FillAsync("Anaïs");
        await page.Locator("#requester-name").FillAsync("Anaïs Lefèvre");
        await page.Locator("#requester-name").PressAsync("Tab");
        // The patient's identity document: the only proof a patient must give (R.1111-1), so the request can become complete.
        await page.GetByLabel("Pièce d'identité").CheckAsync();
        await Expect(page.Locator("#received-on")).ToHaveValueAsync(Fr(today));
        await PortalFixture.ShotAsync(page, "journey-1-intake");
        // The demo data may hold a namesake: the page then shows that person's cases once the name is typed, and the
        // officer, having seen them, creates anyway.
        if (await HasNamesakeAsync("lefevre anais"))
            await Expect(page.Locator("#person-cases")).ToBeVisibleAsync();
        await page.Locator("#save-case").ClickAsync();

        // The case page: an 8-day deadline due today + 8, still to come.
        await Expect(page).ToHaveURLAsync(CasePage());
        var caseUrl = page.Url;
        var reference = page.Locator("#case-reference");
        await Expect(reference).ToHaveTextAsync(AccessReference());
        var referenceText = (await reference.TextContentAsync())!.Trim();
        var eightDays = page.Locator("tr[data-code]").Filter(new() { HasText = "8 jours" });
        await Expect(eightDays).ToHaveCountAsync(1);
        await Expect(eightDays).ToContainTextAsync(Fr(today.AddDays(8)));
        await Expect(eightDays.Locator(".deadline-state")).ToHaveTextAsync("à venir");
        await PortalFixture.ShotAsync(page, "journey-2-case-created");

        // The queue finds it without the accent.
        await page.GotoAsync("/");
        await PortalFixture.WaitReadyAsync(page);
        var search = page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Textbox);
        await search.FillAsync("lefevre");
        await search.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]q=lefevre(&|$)"));
        await Expect(search).ToHaveValueAsync("lefevre");
        var rows = page.Locator("tr.queue-row");
        await Expect(rows.Filter(new() { HasNotTextRegex = LefevreAnyCase() })).ToHaveCountAsync(0);
        var link = rows.Locator("a.case-link", new() { HasText = referenceText });
        await Expect(link).ToBeVisibleAsync();
        await PortalFixture.ShotAsync(page, "journey-3-queue-search");

        // Steps: the request is complete today; the 48 h floor reads « pas avant » before the copy is sent; sending it today
        // needs a confirmed reason, and then meets every 8-day deadline.
        await link.ClickAsync();
        await Expect(page).ToHaveURLAsync(caseUrl);
        await Expect(reference).ToHaveTextAsync(referenceText);
        await StepPanel.TakeAsync(page, "Dossier complet");
        var floor = page.Locator("tr[data-code='access.reflection-48h'] .deadline-floor");
        await Expect(floor).ToHaveTextAsync($"Pas avant le {Fr(today.AddDays(2))}");
        await StepPanel.ChooseAsync(page, "Envoyer la copie");
        await Expect(page.Locator("#step-floor")).ToContainTextAsync($"Pas avant le {Fr(today.AddDays(2))}");
        await PortalFixture.ShotAsync(page, "journey-4-floor-before-sending");
        await StepPanel.ConfirmAsync(page, earlyReason: "Transfert urgent vers le centre de rééducation.");
        await Expect(page.Locator("#case-status")).ToHaveTextAsync("Communiqué");
        await Expect(eightDays.First.Locator(".deadline-state")).ToHaveTextAsync(DoneState());
        await Expect(eightDays.Locator(".deadline-state").Filter(new() { HasNotTextRegex = DoneState() })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Chronologie" }).ClickAsync();
        await Expect(page.Locator(".case-timeline")).ToContainTextAsync("Communication avant la fin du délai de réflexion, confirmée");
        await PortalFixture.ShotAsync(page, "journey-4-copy-sent");

        // A manager opens the same case; the officer saves first; the manager's save is refused, their text kept.
        await using var managerContext = await portal.NewContextAsync();
        var managerPage = await managerContext.NewPageAsync();
        await portal.SignInAsync(managerPage, "manager");
        await managerPage.GotoAsync(caseUrl);
        await PortalFixture.WaitReadyAsync(managerPage);
        await Expect(managerPage.Locator("#case-reference")).ToHaveTextAsync(referenceText);

        await page.GetByRole(AriaRole.Tab, new() { Name = "Résumé" }).ClickAsync();
        await page.Locator("#summary").FillAsync("Demande de copie du dossier du séjour de mars (officer).");
        await page.Locator("#save-case").ClickAsync();
        // Shown in the snackbar, and said by the case page's live region to a screen reader.
        await Expect(page.Locator("#mud-snackbar-container").GetByText("Modifications enregistrées.")).ToBeVisibleAsync();
        await Expect(page.Locator("#case-announcement")).ToContainTextAsync("Modifications enregistrées.");

        const string managerSummary = "Copie à remettre en main propre (saisie du responsable).";
        await managerPage.Locator("#summary").FillAsync(managerSummary);
        await managerPage.Locator("#save-case").ClickAsync();
        await Expect(managerPage.Locator("#conflict-message")).ToContainTextAsync("officer");
        await Expect(managerPage.Locator("#summary")).ToHaveValueAsync(managerSummary);
        await PortalFixture.ShotAsync(managerPage, "journey-5-conflict");
    }

    private async Task<bool> HasNamesakeAsync(string searchName)
    {
        using var scope = portal.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>()
            .CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.CaseFiles.AnyAsync(c => c.Patient.SearchName == searchName, TestContext.Current.CancellationToken);
    }

    [GeneratedRegex(@"/dossiers/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex CasePage();

    [GeneratedRegex(@"^\s*\S+-\d{4}-\d+\s*$")]
    private static partial Regex AccessReference();

    [GeneratedRegex("lef[eè]vre", RegexOptions.IgnoreCase)]
    private static partial Regex LefevreAnyCase();

    /// <summary>Received, complete and sent today: every 8-day deadline is met, none is "hors délai".</summary>
    [GeneratedRegex("^respecté$")]
    private static partial Regex DoneState();
}
