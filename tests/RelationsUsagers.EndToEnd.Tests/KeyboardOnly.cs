using Microsoft.Playwright;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>
/// Moves through a page as a keyboard user does (Tab, Shift+Tab), and at each stop checks what WCAG 2.4.7 and 2.1.2 ask:
/// the focus moved (never trapped) and the control reached shows a focus ring.
/// </summary>
internal static class KeyboardOnly
{
    // Answers "moved|ring|tabbable|description" for document.activeElement. A MudBlazor checkbox or radio is a transparent
    // input over its icon button: the button draws the ring. Elements out of the tab order (a heading or <main> focused by
    // the page, tabindex -1) are stops the page chose, not controls: their ring is not required.
    private const string ActiveState = """
        () => {
          const e = document.activeElement;
          const moved = window.__keyboardPrevious !== e;
          window.__keyboardPrevious = e;
          if (!e || e === document.body) return `${moved}|false|false|body`;
          const drawn = (e.matches('input[type=checkbox], input[type=radio]') && e.closest('.mud-button-root')) || e;
          const style = getComputedStyle(drawn);
          const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
          const text = (e.getAttribute('aria-label') || e.textContent || e.value || '').trim().replace(/\s+/g, ' ').slice(0, 60);
          return `${moved}|${ring}|${e.tabIndex >= 0}|${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} « ${text} »`;
        }
        """;

    /// <summary>What has the focus, for failure messages.</summary>
    public static async Task<string> FocusedAsync(IPage page) =>
        (await page.EvaluateAsync<string>(ActiveState)).Split('|', 4)[3];

    /// <summary>Presses Tab (or Shift+Tab) until <paramref name="target"/> has the focus, checking every stop on the way.</summary>
    public static async Task TabToAsync(IPage page, ILocator target, bool backwards = false, int maxPresses = 80)
    {
        await page.EvaluateAsync(ActiveState);
        var path = new List<string>();
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var state = (await page.EvaluateAsync<string>(ActiveState)).Split('|', 4);
            path.Add(state[3]);
            Assert.True(state[0] == "true", $"The focus did not move from {state[3]} (trapped) after: {string.Join(" → ", path)}");
            if (state[2] == "true")
                Assert.True(state[1] == "true", $"No visible focus ring on {state[3]} on {page.Url}");
            if (await IsFocusedAsync(target))
                return;
        }
        Assert.Fail($"{maxPresses} presses of {(backwards ? "Shift+Tab" : "Tab")} never reached {target}: {string.Join(" → ", path)}");
    }

    /// <summary>Presses Tab once and checks that the focus left where it was (WCAG 2.1.2, no keyboard trap).</summary>
    public static async Task AssertTabMovesOnAsync(IPage page)
    {
        await page.EvaluateAsync(ActiveState);
        await page.Keyboard.PressAsync("Tab");
        var state = (await page.EvaluateAsync<string>(ActiveState)).Split('|', 4);
        Assert.True(state[0] == "true", $"Tab left the focus on {state[3]} (trapped).");
    }

    /// <summary>The focused element shows a ring (for stops reached otherwise than by Tab: Enter, Escape, a page's own move).</summary>
    public static async Task AssertRingAsync(IPage page)
    {
        var state = (await page.EvaluateAsync<string>(ActiveState)).Split('|', 4);
        Assert.True(state[1] == "true", $"No visible focus ring on {state[3]} on {page.Url}");
    }

    public static Task<bool> IsFocusedAsync(ILocator target) =>
        target.EvaluateAsync<bool>("e => e === document.activeElement || (e.contains(document.activeElement) && document.activeElement.matches('input, textarea'))");

    /// <summary>Signs in with the keyboard: Tab to each field, type, Enter.</summary>
    public static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/connexion");
        await TabToAsync(page, page.Locator("#username"));
        await page.Keyboard.TypeAsync(userName);
        await TabToAsync(page, page.Locator("#password"));
        await page.Keyboard.TypeAsync(PortalFixture.DemoPassword);
        await page.Keyboard.PressAsync("Enter");
        await PortalFixture.WaitReadyAsync(page);
        await Microsoft.Playwright.Assertions.Expect(page.Locator("[data-testid=signed-in-user]")).ToContainTextAsync(userName);
    }

    /// <summary>The first element of the page's tab order (visible, enabled, tabindex not negative), described.</summary>
    public static Task<string> FirstTabStopAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
          const all = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
            .filter(e => e.tabIndex >= 0 && !e.disabled && !e.closest('[hidden], [inert]') && getComputedStyle(e).visibility !== 'hidden'
              && getComputedStyle(e).display !== 'none');
          const first = all.find(e => e.tabIndex > 0) || all[0];
          return first ? first.outerHTML.slice(0, 120) : '';
        }
        """);
}
