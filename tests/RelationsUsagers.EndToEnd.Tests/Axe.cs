using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>axe-core on a page: the RGAA bar, no serious or critical violation of WCAG 2.0 / 2.1 level A and AA rules.</summary>
public static class Axe
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    /// <summary>What one run of axe-core found: the blocking nodes, one line each, and the engine's version.</summary>
    public sealed record Findings(IReadOnlyList<string> Blocking, string EngineVersion);

    /// <summary>Saves a screenshot named <paramref name="shot"/>, runs axe-core and fails with every blocking node listed.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string shot)
    {
        var findings = await ScanAsync(page, shot);
        Assert.True(findings.Blocking.Count == 0,
            $"axe-core found {findings.Blocking.Count} serious/critical WCAG A/AA violation(s) on {page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, findings.Blocking)}");
    }

    /// <summary>
    /// Saves a screenshot named <paramref name="shot"/> (none when null) and runs axe-core on the settled page: what blocks,
    /// without failing.
    /// </summary>
    public static async Task<Findings> ScanAsync(IPage page, string? shot)
    {
        // A notification fading in is half transparent: axe would measure its contrast mid-animation. Check the settled page
        // (endless animations, such as a progress bar, never settle and are left out).
        await page.WaitForFunctionAsync(
            "() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)");
        if (shot is not null)
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
                blocking.Add($"- {violation.Id} ({violation.Impact}) at {node.Target}: {violation.Help}{Environment.NewLine}    {node.Html}");
            }
        }
        return new Findings(blocking, result.TestEngine.Version);
    }
}
