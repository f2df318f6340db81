using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>axe-core on each main page: no serious or critical violation of WCAG 2.0 / 2.1 level A and AA rules.</summary>
public sealed class AccessibilityTests(PortalFixture portal)
{
    [Fact]
    public async Task Sign_in_page_has_no_serious_wcag_violation()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/connexion");
        await Expect(page.Locator("#username")).ToBeVisibleAsync();

        await Axe.AssertAccessibleAsync(page, "a11y-connexion");
    }

    [Fact]
    public async Task Queue_page_has_no_serious_wcag_violation()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "officer");
        await Expect(page.Locator("a.case-link").First).ToBeVisibleAsync();

        await Axe.AssertAccessibleAsync(page, "a11y-queue");
    }

    [Fact]
    public async Task New_case_page_with_a_kind_chosen_has_no_serious_wcag_violation()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "officer");
        await page.GotoAsync("/dossiers/nouveau");
        await PortalFixture.WaitReadyAsync(page);
        await page.GetByLabel("Accès au dossier patient").CheckAsync();
        await Expect(page.Locator("#save-case")).ToBeVisibleAsync();

        await Axe.AssertAccessibleAsync(page, "a11y-new-case");
    }

    [Fact]
    public async Task Case_page_has_no_serious_wcag_violation()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "officer");
        var href = await page.Locator("a.case-link").First.GetAttributeAsync("href");
        Assert.NotNull(href);
        await page.GotoAsync(href);
        await PortalFixture.WaitReadyAsync(page);
        await Expect(page.Locator("#case-reference")).ToBeVisibleAsync();

        await Axe.AssertAccessibleAsync(page, "a11y-case");
    }

    [Fact]
    public async Task Administration_page_has_no_serious_wcag_violation()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "admin");
        await page.GotoAsync("/administration");
        await PortalFixture.WaitReadyAsync(page);
        await Expect(page.GetByRole(AriaRole.Table)).ToBeVisibleAsync();

        await Axe.AssertAccessibleAsync(page, "a11y-administration");
    }

    [Fact]
    public async Task Queue_filtered_to_access_requests_has_no_serious_wcag_violation()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "officer");
        await page.GotoAsync("/?type=AccessRequest");
        await PortalFixture.WaitReadyAsync(page);
        await Expect(page.Locator("a.case-link").First).ToBeVisibleAsync();

        await Axe.AssertAccessibleAsync(page, "a11y-queue-access-requests");
    }

    [Fact]
    public async Task Access_request_page_with_the_status_step_open_has_no_serious_wcag_violation()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "officer");
        await page.GotoAsync("/?type=AccessRequest&statut=Complete");
        await PortalFixture.WaitReadyAsync(page);
        var href = await page.Locator("a.case-link").First.GetAttributeAsync("href");
        Assert.NotNull(href);
        await page.GotoAsync(href);
        await PortalFixture.WaitReadyAsync(page);
        await StepPanel.ChooseAsync(page, "Envoyer la copie");
        var step = StepPanel.Open(page);
        await Expect(step.Locator("#status-step-date")).ToBeVisibleAsync();
        await Expect(step.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'étape" })).ToBeVisibleAsync();

        await Axe.AssertAccessibleAsync(page, "a11y-case-status-step");
    }

    [Fact]
    public async Task Exports_page_has_no_serious_wcag_violation()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "officer");
        await page.GotoAsync("/exports");
        await PortalFixture.WaitReadyAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Exports Excel", Level = 1 })).ToBeVisibleAsync();

        await Axe.AssertAccessibleAsync(page, "a11y-exports");
    }

    [Fact]
    public async Task Import_page_with_the_mapping_and_the_lines_read_has_no_serious_wcag_violation()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "officer");
        await page.GotoAsync("/exports/import");
        await PortalFixture.WaitReadyAsync(page);
        await page.Locator("input[type=file]").SetInputFilesAsync(PortalFixture.SamplePath());
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Correspondance des colonnes" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Lignes lues" })).ToBeVisibleAsync();

        await Axe.AssertAccessibleAsync(page, "a11y-import-preview");
    }

    [Fact]
    public async Task Audit_journal_page_with_its_integrity_checked_has_no_serious_wcag_violation()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "manager");
        await page.GotoAsync("/journal");
        await PortalFixture.WaitReadyAsync(page);
        await Expect(page.Locator("#journal-table a.case-link").First).ToBeVisibleAsync();
        await page.Locator("#journal-verify").ClickAsync();
        await Expect(page.Locator("#journal-integrity")).ToContainTextAsync("Journal intègre");

        await Axe.AssertAccessibleAsync(page, "a11y-journal");
    }
}
