using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>The quick log opened by its shortcut, the office's mediation calendar and the mediator's own page, each passing axe.</summary>
public sealed class MediationPagesTests(PortalFixture portal)
{
    [Fact]
    public async Task The_officer_logs_a_praise_by_keyboard_and_reads_the_expressions_and_the_mediation_calendar()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "officer");
        await page.GotoAsync("/expressions");
        await PortalFixture.WaitReadyAsync(page);
        await Expect(page.Locator("#expressions-table")).ToBeVisibleAsync();
        var before = (await page.Locator("#expressions-count").TextContentAsync())!;

        // Alt+N from anywhere opens the quick log; the praise is saved in one click.
        await page.Keyboard.PressAsync("Alt+n");
        await Expect(page.Locator("#quick-log-title")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "quick-log-dialog");
        await page.Locator("#quick-log-text").FillAsync("Merci à l'équipe de nuit pour sa bienveillance.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Expression enregistrée")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await PortalFixture.WaitReadyAsync(page);
        await Expect(page.Locator("#expressions-table")).ToContainTextAsync("Merci à l'équipe de nuit pour sa bienveillance.");
        Assert.NotEqual(before, await page.Locator("#expressions-count").TextContentAsync());
        await Axe.AssertAccessibleAsync(page, "expressions-page");

        await page.GotoAsync("/mediations/agenda");
        await PortalFixture.WaitReadyAsync(page);
        await Expect(page.Locator("#calendar-period")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "mediation-calendar");
    }

    [Fact]
    public async Task The_mediator_sees_his_meetings_and_nothing_of_the_office()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "mediator");
        await page.GotoAsync("/mediations");
        await PortalFixture.WaitReadyAsync(page);
        await Expect(page.Locator("#not-a-mediator")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "my-mediations");

        // The office's queue and a case address are not his.
        await page.GotoAsync("/expressions");
        await PortalFixture.WaitReadyAsync(page);
        await Expect(page.Locator("#expressions-table")).ToHaveCountAsync(0);
    }
}
