using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>
/// RGAA 10.11 and 10.4 (WCAG 1.4.10 reflow, 1.4.4 resize): at 320 CSS pixels wide, and at 200 % zoom of a 1280 × 800 screen
/// (640 × 400 CSS pixels, two device pixels each), the queue, the case page and the CDU member view need no horizontal
/// scrolling (data tables scroll inside their own box), keep their menu one button away and their main actions on screen.
/// </summary>
public sealed class ReflowTests(PortalFixture portal)
{
    public static TheoryData<string, int, int, float> Screens => new()
    {
        { "320px", 320, 640, 1f },
        { "zoom200", 640, 400, 2f },
    };

    private async Task<IPage> OpenAsync(IBrowserContext context, string userName)
    {
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, userName);
        return page;
    }

    private Task<IBrowserContext> ContextAsync(int width, int height, float scale) =>
        portal.NewContextAsync(new ViewportSize { Width = width, Height = height }, scale);

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Queue_reflows_without_horizontal_scrolling(string name, int width, int height, float scale)
    {
        await using var context = await ContextAsync(width, height, scale);
        var page = await OpenAsync(context, "officer");
        await Expect(page.Locator("a.case-link").First).ToBeVisibleAsync();

        await AssertNoHorizontalScrollAsync(page, width);
        await AssertOnScreenAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Nouveau dossier" }).Last, width);
        await AssertOnScreenAsync(page, page.Locator(".filter-search input"), width);
        await PortalFixture.ShotAsync(page, $"reflow-queue-{name}");
        await ScreenAsync(page, $"reflow-queue-{name}-screen");
        await AssertMenuReachableAsync(page, width);
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Case_page_reflows_without_horizontal_scrolling(string name, int width, int height, float scale)
    {
        await using var context = await ContextAsync(width, height, scale);
        var page = await OpenAsync(context, "officer");
        var href = await page.Locator("a.case-link").First.GetAttributeAsync("href");
        Assert.NotNull(href);
        await page.GotoAsync(href);
        await PortalFixture.WaitReadyAsync(page);
        await Expect(page.Locator("#case-reference")).ToBeVisibleAsync();

        await AssertNoHorizontalScrollAsync(page, width);
        await AssertOnScreenAsync(page, page.Locator("#case-reference"), width);
        await AssertOnScreenAsync(page, page.Locator("#step-buttons button").First, width);
        await AssertOnScreenAsync(page, page.Locator("#save-case"), width);
        await PortalFixture.ShotAsync(page, $"reflow-case-{name}");
        await ScreenAsync(page, $"reflow-case-{name}-screen");
        // Each tab's content reflows too.
        foreach (var tab in new[] { "Chronologie", "Documents" })
        {
            await page.GetByRole(AriaRole.Tab, new() { Name = tab }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Tab, new() { Name = tab })).ToHaveAttributeAsync("aria-selected", "true");
            await AssertNoHorizontalScrollAsync(page, width);
        }
        await AssertMenuReachableAsync(page, width);
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Member_view_reflows_without_horizontal_scrolling(string name, int width, int height, float scale)
    {
        await using var context = await ContextAsync(width, height, scale);
        var page = await OpenAsync(context, "cdu");
        await page.GotoAsync("/cdu/prochaine-seance");
        await PortalFixture.WaitReadyAsync(page);
        await Expect(page.Locator("section.member-view-case").First).ToBeVisibleAsync();

        await AssertNoHorizontalScrollAsync(page, width);
        await AssertOnScreenAsync(page, page.Locator("#member-view-print"), width);
        await AssertOnScreenAsync(page, page.Locator("section.member-view-case").First, width);
        await PortalFixture.ShotAsync(page, $"reflow-member-view-{name}");
        await AssertMenuReachableAsync(page, width);
    }

    /// <summary>What the screen shows from the top, as the user first sees it (the full-page shot is many screens tall).</summary>
    private static async Task ScreenAsync(IPage page, string shot)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalFixture.ShotsFolder, shot + ".png") });
    }

    /// <summary>The page as a whole scrolls only downwards; a data table may scroll sideways inside its own box.</summary>
    private static async Task AssertNoHorizontalScrollAsync(IPage page, int width)
    {
        var (scrollWidth, clientWidth) = await WidthsAsync(page);
        if (scrollWidth > clientWidth + 1)
        {
            // Name what sticks out, for the failure message.
            var wide = await page.EvaluateAsync<string>("""
                w => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > w + 1
                    && !e.closest('.mud-table-container, .table-scroll'))
                  .slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.')
                    + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')
                """, width);
            Assert.Fail($"{page.Url} at {width} CSS px: the page is {scrollWidth} px wide for {clientWidth} px shown. Too wide: {wide}");
        }
    }

    private static async Task<(int ScrollWidth, int ClientWidth)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]");
        return (widths[0], widths[1]);
    }

    /// <summary>Visible and, once scrolled to, wholly inside the screen's width.</summary>
    private static async Task AssertOnScreenAsync(IPage page, ILocator target, int width)
    {
        await Expect(target).ToBeVisibleAsync();
        await target.ScrollIntoViewIfNeededAsync();
        var box = await target.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= -1 && box.X + box.Width <= width + 1,
            $"{target} lies from x = {box.X} to {box.X + box.Width}, outside the {width} CSS px of {page.Url}.");
    }

    /// <summary>
    /// The app bar's controls lie on screen, and the main menu is one button away (the app bar's menu button), its links then
    /// on screen too.
    /// </summary>
    private static async Task AssertMenuReachableAsync(IPage page, int width)
    {
        await AssertOnScreenAsync(page, page.Locator("form.signout-form button:visible"), width);
        if (await page.Locator("#quick-log-open").CountAsync() > 0)
            await AssertOnScreenAsync(page, page.Locator("#quick-log-open"), width);
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" });
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Afficher ou masquer le menu" });
        await AssertOnScreenAsync(page, toggle, width);
        var firstLink = menu.GetByRole(AriaRole.Link).First;
        if (!await IsOnScreenAsync(firstLink, width))
            await toggle.ClickAsync();
        await Expect(firstLink).ToBeInViewportAsync();
        await AssertOnScreenAsync(page, firstLink, width);
    }

    private static async Task<bool> IsOnScreenAsync(ILocator target, int width)
    {
        if (!await target.IsVisibleAsync())
            return false;
        var box = await target.BoundingBoxAsync();
        return box is not null && box.X >= -1 && box.X + box.Width <= width + 1;
    }
}
