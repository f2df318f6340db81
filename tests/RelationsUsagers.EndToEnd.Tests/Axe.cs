using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>
/// axe-core on a page. <see cref="AssertAccessibleAsync"/>: the RGAA bar, no serious or critical violation of WCAG 2.0 / 2.1
/// level A and AA rules. <see cref="ScanAsync"/> with <see cref="Level.Full"/>, as the every-page and every-dialog scans run
/// it: every impact (minor and moderate too) of those rules and of axe's best practices (landmarks, regions, heading order...).
/// </summary>
public static class Axe
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
    private static readonly string[] FullTags = [.. WcagTags, "best-practice"];
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    /// <summary>What a scan counts as a finding.</summary>
    public enum Level
    {
        /// <summary>Serious and critical violations of WCAG 2.0 / 2.1 A and AA rules.</summary>
        SeriousWcag,

        /// <summary>Every violation, whatever its impact, of the WCAG 2.0 / 2.1 A and AA rules and of axe's best practices.</summary>
        Full,
    }

    /// <summary>What one run of axe-core found: the nodes at the level asked, one line each (« - rule (impact) at ... »), and the engine's version.</summary>
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
    public static async Task<Findings> ScanAsync(IPage page, string? shot, Level level = Level.SeriousWcag)
    {
        await SettleAsync(page);
        if (shot is not null)
            await PortalFixture.ShotAsync(page, shot);
        bool Counts(AxeResultItem v) => level == Level.Full || BlockingImpacts.Contains(v.Impact);
        var result = await RunAsync(page, level);
        // A notification that began to fade in during the run was measured half transparent: what blocks is measured
        // again on the page settled once more. A real violation is there both times.
        if (result.Violations.Any(Counts) && await page.EvaluateAsync<bool>(Animated))
        {
            await SettleAsync(page);
            result = await RunAsync(page, level);
        }
        var blocking = new List<string>();
        foreach (var violation in result.Violations.Where(Counts))
        {
            foreach (var node in violation.Nodes)
            {
                blocking.Add($"- {violation.Id} ({violation.Impact}) at {node.Target}: {violation.Help}{Environment.NewLine}    {node.Html}");
            }
        }
        return new Findings(blocking, result.TestEngine.Version);
    }

    /// <summary>Whether a notification appeared or moved since the page settled: an animation ran or still runs.</summary>
    private const string Animated = "() => document.getAnimations().some(a => a.effect?.getComputedTiming().iterations !== Infinity)";

    /// <summary>
    /// A notification fading in is half transparent: axe would measure its contrast mid-animation. Waits for the settled page
    /// (endless animations, such as a progress bar, never settle and are left out).
    /// </summary>
    private static Task SettleAsync(IPage page) => page.WaitForFunctionAsync(
        "() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)");

    private static Task<AxeResult> RunAsync(IPage page, Level level) => page.RunAxe(new AxeRunOptions
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. level == Level.Full ? FullTags : WcagTags] },
        ResultTypes = [ResultType.Violations],
    });
}
