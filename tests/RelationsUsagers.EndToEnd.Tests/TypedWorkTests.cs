using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>Nothing typed is lost in the browser: history entries, Back and Forward, the unsaved-changes question.</summary>
public sealed class TypedWorkTests(PortalFixture portal)
{
    private static Task<int> HistoryLengthAsync(IPage page) => page.EvaluateAsync<int>("() => history.length");

    [Fact]
    public async Task Opening_a_case_from_the_queue_adds_one_history_entry_and_back_returns_to_the_queue()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "officer");
        var link = page.Locator("a.case-link").Nth(2);
        var reference = (await link.TextContentAsync())!.Trim();
        var before = await HistoryLengthAsync(page);

        await link.ClickAsync();
        await Expect(page.Locator("#case-reference")).ToHaveTextAsync(reference);
        await PortalFixture.WaitReadyAsync(page);

        Assert.Equal(before + 1, await HistoryLengthAsync(page));
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(portal.BaseUrl + "/");
        await Expect(page.Locator("a.case-link").Nth(2)).ToHaveTextAsync(reference);
    }

    [Fact]
    public async Task Back_then_forward_on_the_new_case_form_brings_the_typed_values_back()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "officer");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" }).GetByRole(AriaRole.Link, new() { Name = "Nouveau dossier" }).ClickAsync();
        await page.GetByLabel("Accès au dossier patient").CheckAsync();
        await page.Locator("#patient-last-name").FillAsync("Fontaine");
        await page.Locator("#requester-name").FillAsync("Lucie Fontaine");
        await page.Locator("#summary").FillAsync("Copie du compte rendu opératoire de janvier.");
        await page.Locator("#summary").BlurAsync();

        await page.GoBackAsync();
        // Leaving asks first; the typed values are kept as a draft whatever the answer.
        var question = page.Locator(".unsaved-changes-dialog");
        await Expect(question).ToContainTextAsync("Des modifications ne sont pas enregistrées. Quitter cette page sans les enregistrer\u00A0?");
        await question.GetByRole(AriaRole.Button, new() { Name = "Quitter sans enregistrer" }).ClickAsync();
        await Expect(page.Locator("a.case-link").First).ToBeVisibleAsync();
        await page.GoForwardAsync();

        await Expect(page.Locator("#draft-restored")).ToContainTextAsync("Brouillon restauré");
        await Expect(page.Locator("#patient-last-name")).ToHaveValueAsync("Fontaine");
        await Expect(page.Locator("#requester-name")).ToHaveValueAsync("Lucie Fontaine");
        await Expect(page.Locator("#summary")).ToHaveValueAsync("Copie du compte rendu opératoire de janvier.");
        await Expect(page.GetByLabel("Accès au dossier patient")).ToBeCheckedAsync();
        await PortalFixture.ShotAsync(page, "new-case-draft-restored");
    }

    [Fact]
    public async Task Unsaved_changes_question_has_no_serious_wcag_violation_and_staying_keeps_the_typed_summary()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "officer");
        await page.Locator("a.case-link").First.ClickAsync();
        await Expect(page.Locator("#case-reference")).ToBeVisibleAsync();
        await PortalFixture.WaitReadyAsync(page);
        var url = page.Url;
        await page.Locator("#summary").FillAsync("Résumé en cours de saisie, pas encore enregistré.");
        await page.Locator("#summary").BlurAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" }).GetByRole(AriaRole.Link, new() { Name = "File d'attente" }).ClickAsync();

        var question = page.GetByRole(AriaRole.Dialog);
        await Expect(question).ToContainTextAsync("Modifications non enregistrées");
        await Axe.AssertAccessibleAsync(page, "a11y-unsaved-changes");
        // The focus is kept inside the dialog; the keyboard reaches the safe choice first.
        await page.Keyboard.PressAsync("Tab");
        await Expect(question.GetByRole(AriaRole.Button, new() { Name = "Rester sur la page" })).ToBeFocusedAsync();

        await question.GetByRole(AriaRole.Button, new() { Name = "Rester sur la page" }).ClickAsync();
        await Expect(question).ToHaveCountAsync(0);
        Assert.Equal(url, page.Url);
        await Expect(page.Locator("#summary")).ToHaveValueAsync("Résumé en cours de saisie, pas encore enregistré.");
    }
}
