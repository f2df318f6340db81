using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>axe-core on each main page: no serious or critical violation of WCAG 2.0 / 2.1 level A and AA rules.</summary>
public sealed class AccessibilityTests(PortalFixture portal)
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    [Fact]
    public async Task Sign_in_page_has_no_serious_wcag_violation()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/connexion");
        await Expect(page.Locator("#username")).ToBeVisibleAsync();

        await AssertAccessibleAsync(page, "a11y-connexion");
    }

    [Fact]
    public async Task Queue_page_has_no_serious_wcag_violation()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "officer");
        await Expect(page.Locator("a.case-link").First).ToBeVisibleAsync();

        await AssertAccessibleAsync(page, "a11y-queue");
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

        await AssertAccessibleAsync(page, "a11y-new-case");
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

        // Known, reported: MudBreadcrumbs draws the current (disabled) item in the palette's "disabled" grey, about
        // 2.5:1 on white (needs 4.5:1). A theme/CSS change in src, outside this suite; only that node is tolerated.
        await AssertAccessibleAsync(page, "a11y-case",
            new KnownIssue("color-contrast", ".mud-breadcrumbs a[aria-current=page]"));
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

        await AssertAccessibleAsync(page, "a11y-administration");
    }

    /// <summary>A reported violation tolerated on the nodes matching <paramref name="Selector"/> only, for that rule only.</summary>
    private sealed record KnownIssue(string RuleId, string Selector);

    private static async Task AssertAccessibleAsync(IPage page, string shot, params KnownIssue[] known)
    {
        await PortalFixture.ShotAsync(page, shot);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
            ResultTypes = [ResultType.Violations],
        });
        var blocking = new List<string>();
        foreach (var violation in result.Violations.Where(v => BlockingImpacts.Contains(v.Impact)))
        {
            foreach (var node in violation.Nodes)
            {
                if (await IsKnownAsync(page, violation.Id, node.Target.ToString(), known))
                    continue;
                blocking.Add($"- {violation.Id} ({violation.Impact}) at {node.Target}: {violation.Help}{Environment.NewLine}    {node.Html}");
            }
        }
        Assert.True(blocking.Count == 0,
            $"axe-core found {blocking.Count} serious/critical WCAG A/AA violation(s) on {page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, blocking)}");
    }

    private static async Task<bool> IsKnownAsync(IPage page, string ruleId, string target, KnownIssue[] known)
    {
        foreach (var issue in known.Where(k => k.RuleId == ruleId))
        {
            var element = page.Locator(target);
            if (await element.CountAsync() == 1 && await element.EvaluateAsync<bool>("(e, s) => e.matches(s)", issue.Selector))
                return true;
        }
        return false;
    }
}
