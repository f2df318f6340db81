using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>Takes a step of the case page as an officer would: its button, what its panel asks, « Enregistrer l'étape ».</summary>
internal static class StepPanel
{
    public static ILocator Open(IPage page) => page.Locator("#status-step");

    public static async Task ChooseAsync(IPage page, string step)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Étape : {step}", Exact = true }).ClickAsync();
        // Focus lands on the panel's heading, for keyboard and screen-reader users.
        await Expect(Open(page).Locator("h3")).ToBeFocusedAsync();
    }

    public static async Task TakeAsync(IPage page, string step, string? text = null, string? earlyReason = null)
    {
        await ChooseAsync(page, step);
        await ConfirmAsync(page, text, earlyReason);
    }

    public static async Task ConfirmAsync(IPage page, string? text = null, string? earlyReason = null)
    {
        var panel = Open(page);
        if (text is not null)
            await panel.Locator("#step-text").FillAsync(text);
        if (earlyReason is not null)
        {
            await panel.Locator("#step-early-confirm").CheckAsync();
            await panel.Locator("#step-early-reason").FillAsync(earlyReason);
        }
        await panel.Locator("#status-step-confirm").ClickAsync();
        await Expect(panel).ToHaveCountAsync(0);
    }
}
