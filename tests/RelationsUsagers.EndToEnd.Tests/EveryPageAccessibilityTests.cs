using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.FunctionalProtection;
using RelationsUsagers.Web.Accessibility;
using RelationsUsagers.Web.Security;
using RelationsUsagers.Web.Tests.Security;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>
/// Every page each profile may open, in Chromium: the rows of <see cref="PortalRoutes.Table"/> that are pages, those the profile
/// reaches, their route parameters taken from the demo data (a case of every kind with each tab and each step open, a CDU meeting
/// held and one to come, a claim of the insurance ledger, the mediator's own mediation). On each view: no axe-core violation
/// of WCAG 2.1 A/AA nor of axe's best practices, whatever its impact (<see cref="Axe.Level.Full"/>: minor and moderate too),
/// <c>lang="fr"</c>, a title of its own, one <c>h1</c> and heading levels without a gap.
/// Reads only: it opens demo cases (each opening an audited read), never one another test takes or counts the reads of, and
/// changes nothing (each step is opened, then cancelled).
/// </summary>
public sealed class EveryPageAccessibilityTests(PortalFixture portal)
{
    private const string SignedOut = "déconnecté";
    private const string TitleSuffix = " — RelationsUsagers";

    /// <summary>
    /// axe-core rules left out, each with its reason. Empty: every rule of the WCAG 2.1 A/AA and best-practice tags applies on
    /// every page, at every impact. A rule may only be added here with the reason written, and the statement's
    /// « Non-conformités » must then name it.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string> ExcludedRules = new Dictionary<string, string>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Profiles => ["officer", "manager", "mediator", "cdu", "admin", SignedOut];

    /// <summary>A page to look at: its route (its row of the table), a name for its screenshot, its address.</summary>
    private sealed record View(string Pattern, string Name, string Path);

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task Every_page_the_profile_may_open_passes_axe_with_a_french_title_of_its_own_and_headings_in_order(string profile)
    {
        var role = profile == SignedOut ? null : DemoAccounts.All.Single(a => a.UserName == profile).Role;
        var pages = PageTemplates();
        var reachable = PortalRoutes.Table
            .Where(r => pages.Contains(r.Pattern) && r.Who.ExpectedFor(role) == PortalRoutes.Outcome.Reached)
            .ToList();
        Assert.NotEmpty(reachable);

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        if (role is not null)
            await portal.SignInAsync(page, profile);

        var scan = new Scan(profile);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var row in reachable)
        {
            foreach (var view in await ViewsAsync(page, row, profile))
            {
                await ScanPages.OpenAsync(page, view.Path);
                await scan.CheckAsync(page, view);
                if (view.Pattern == "/dossiers/{Id:guid}")
                    await scan.TabsAndStepsAsync(page, view);
                if (view.Pattern == "/dossiers/nouveau")
                    await scan.EveryKindAsync(page, view);
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{profile}: {scan.Views} views of {scan.Titles.Count} pages scanned in {clock.Elapsed.TotalSeconds:0} s ({string.Join(", ", scan.Titles.Keys)}).");
        Assert.Equal(reachable.Select(r => r.Pattern).Order(StringComparer.Ordinal), scan.Titles.Keys.Order(StringComparer.Ordinal));
        var shared = scan.Titles.SelectMany(t => t.Value.Select(title => (Page: t.Key, Title: title)))
            .GroupBy(t => t.Title).Where(g => g.Select(t => t.Page).Distinct().Count() > 1)
            .Select(g => $"- « {g.Key} » is the title of {string.Join(" and ", g.Select(t => t.Page).Distinct())}");
        scan.Failures.AddRange(shared);
        Assert.True(scan.Failures.Count == 0,
            $"{scan.Failures.Count} problem(s) for {profile} over {scan.Views} views:{Environment.NewLine}{string.Join(Environment.NewLine, scan.Failures)}");
    }

    /// <summary>The route templates of the portal's page components (the other rows of the table are endpoints).</summary>
    private static HashSet<string> PageTemplates() =>
        typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(a => a.Template))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The addresses to scan for a row: its own path, or its route parameters resolved to demo data the profile may open.</summary>
    private async Task<IReadOnlyList<View>> ViewsAsync(IPage page, PortalRoutes.Row row, string profile)
    {
        View Of(string name, string path) => new(row.Pattern, name, path);
        switch (row.Pattern)
        {
            case "/dossiers/{Id:guid}":
                return [.. (await ScanPages.CasesAsync(portal, page, profile)).Select(c => Of($"case-{c.Name}", $"/dossiers/{c.Id}"))];
            case "/dossiers/{Id:guid}/journal":
                return [.. (await ScanPages.CasesAsync(portal, page, profile)).Take(1).Select(c => Of($"case-journal-{c.Name}", $"/dossiers/{c.Id}/journal"))];
            case "/assurance/sinistres/{CaseId:guid}":
                return [Of("claim-ledger", $"/assurance/sinistres/{await ScanPages.FirstAsync(portal, db => db.Set<Core.Insurance.ClaimCover>().OrderBy(c => c.RecordedAtUtc).Select(c => c.CaseFileId))}")];
            case "/cdu/seances/{Id:guid}":
                return
                [
                    Of("cdu-meeting-held", $"/cdu/seances/{await ScanPages.FirstAsync(portal, db => db.CduMeetings.Where(m => m.Status == CduMeetingStatus.Held).OrderByDescending(m => m.Date).Select(m => m.Id))}"),
                    Of("cdu-meeting-published", $"/cdu/seances/{await ScanPages.FirstAsync(portal, db => db.CduMeetings.Where(m => m.AgendaPublishedOn != null && m.Status != CduMeetingStatus.Held && m.Place == CduDemoSeeder.Place).OrderBy(m => m.Date).Select(m => m.Id))}"),
                ];
            case "/mediations/{CaseId:guid}":
                // His own mediations, as his list links them (a mediation he is not booked for is refused by the page).
                await ScanPages.OpenAsync(page, "/mediations");
                var own = await page.Locator("main a[href^='/mediations/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
                Assert.NotEmpty(own);
                return [Of("mediator-case", own[0])];
            case "/" when profile is "officer" or "manager":
                // The queue, and the queue of each kind (its own columns).
                return [Of("home", "/"), .. QueueKinds.Select(k => Of($"queue-{k}", $"/?type={k}"))];
            default:
                Assert.DoesNotContain('{', row.Path);
                return [Of(row.Pattern == "/" ? "home" : row.Pattern.Trim('/').Replace('/', '-'), row.Path)];
        }
    }

    private static readonly CaseKind[] QueueKinds = [CaseKind.Complaint, CaseKind.IndemnityClaim, CaseKind.AccessRequest, CaseKind.Requisition];

    /// <summary>What one profile's scan found: the failures, one line each, and the titles seen per page.</summary>
    private sealed class Scan(string profile)
    {
        public List<string> Failures { get; } = [];
        public Dictionary<string, HashSet<string>> Titles { get; } = new(StringComparer.Ordinal);
        public int Views { get; private set; }

        public async Task CheckAsync(IPage page, View view, string? state = null, string? shotSuffix = null)
        {
            Views++;
            var where = $"{view.Path}{(state is null ? "" : $" ({state})")}";
            var problems = new List<string>();

            // No screenshot of the ~150 views that pass (a full page each would double the scan's time); one of each that fails.
            var findings = await Axe.ScanAsync(page, shot: null, Axe.Level.Full);
            problems.AddRange(findings.Blocking.Where(b => !ExcludedRules.Keys.Any(r => b.StartsWith($"- {r} ", StringComparison.Ordinal))));
            if (findings.EngineVersion != AccessibilityStatement.AxeCoreVersion)
                problems.Add($"axe-core {findings.EngineVersion} ran, the statement says {AccessibilityStatement.AxeCoreVersion}");

            var lang = await page.EvaluateAsync<string>("() => document.documentElement.lang");
            if (lang != "fr")
                problems.Add($"<html lang=\"{lang}\">, expected \"fr\"");

            var title = await page.TitleAsync();
            if (!title.EndsWith(TitleSuffix, StringComparison.Ordinal) || title.Length <= TitleSuffix.Length)
                problems.Add($"title « {title} » is not « <what the page is> — RelationsUsagers »");
            if (!Titles.TryGetValue(view.Pattern, out var titles))
                Titles[view.Pattern] = titles = [];
            titles.Add(title);

            problems.AddRange(await HeadingProblemsAsync(page));
            if (problems.Count == 0)
                return;
            Failures.AddRange(problems.Select(p => $"{where}: {p}"));
            await PortalFixture.ShotAsync(page, $"scan-{profile}-{view.Name}{(shotSuffix is null ? "" : "-" + shotSuffix)}");
        }

        /// <summary>Each tab of the case page, then each step its status offers, opened one at a time and cancelled.</summary>
        public async Task TabsAndStepsAsync(IPage page, View view)
        {
            // Their text as written (the tabs show it in capitals).
            var tabs = await page.GetByRole(AriaRole.Tab).EvaluateAllAsync<string[]>("tabs => tabs.map(t => t.textContent.trim())");
            Assert.NotEmpty(tabs);
            foreach (var tab in tabs.Skip(1).Select(t => t.Trim()))
            {
                await page.GetByRole(AriaRole.Tab, new() { Name = tab, Exact = true }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Tab, new() { Name = tab, Exact = true })).ToHaveAttributeAsync("aria-selected", "true");
                await ScanPages.SettledAsync(page);
                await CheckAsync(page, view, $"onglet {tab}", $"tab-{Slug(tab)}");
            }
            await page.GetByRole(AriaRole.Tab).First.ClickAsync();

            var steps = await page.Locator("[data-step]").EvaluateAllAsync<string[]>("buttons => buttons.map(b => b.dataset.step)");
            foreach (var step in steps)
            {
                await page.Locator($"[data-step='{step}']").ClickAsync();
                var panel = page.Locator("#status-step");
                await Expect(panel.Locator("h3")).ToBeFocusedAsync();
                await ScanPages.SettledAsync(page);
                await CheckAsync(page, view, $"étape {step}", $"step-{step}");
                await panel.GetByRole(AriaRole.Button, new() { Name = "Annuler", Exact = true }).ClickAsync();
                await Expect(panel).ToHaveCountAsync(0);
            }
        }

        /// <summary>The new-case form of each kind the profile may create, chosen one after the other.</summary>
        public async Task EveryKindAsync(IPage page, View view)
        {
            var kinds = await page.GetByRole(AriaRole.Radio).EvaluateAllAsync<string[]>(
                "radios => radios.map(r => r.closest('label')?.textContent.trim() ?? r.getAttribute('aria-label') ?? '')");
            Assert.NotEmpty(kinds);
            foreach (var kind in kinds)
            {
                await page.GetByRole(AriaRole.Radio, new() { Name = kind, Exact = true }).CheckAsync();
                await Expect(page.Locator("#save-case")).ToBeVisibleAsync();
                await ScanPages.SettledAsync(page);
                await CheckAsync(page, view, $"type {kind}", $"kind-{Slug(kind)}");
            }
        }

        private static string Slug(string text) =>
            new string([.. text.Normalize(System.Text.NormalizationForm.FormD).Where(c => char.IsAscii(c))
                .Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]);

        /// <summary>One h1, the first heading; then no level more than one below the one before (hidden headings left out).</summary>
        private static async Task<IReadOnlyList<string>> HeadingProblemsAsync(IPage page)
        {
            var json = await page.EvaluateAsync<string>("""
                () => JSON.stringify([...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]')]
                    .filter(h => h.getClientRects().length > 0 && !h.closest('[aria-hidden=true]'))
                    .map(h => ({ level: Number(h.getAttribute('aria-level') ?? h.tagName.substring(1)), text: h.textContent.trim().substring(0, 60) })))
                """);
            var headings = JsonSerializer.Deserialize<List<Heading>>(json, JsonSerializerOptions.Web) ?? [];
            var problems = new List<string>();
            var h1 = headings.Count(h => h.Level == 1);
            if (h1 != 1)
                problems.Add($"{h1} h1 ({string.Join(" | ", headings.Where(h => h.Level == 1).Select(h => h.Text))}), expected one");
            if (headings.Count > 0 && headings[0].Level != 1)
                problems.Add($"the first heading is h{headings[0].Level} « {headings[0].Text} », expected the h1");
            for (var i = 1; i < headings.Count; i++)
            {
                if (headings[i].Level > headings[i - 1].Level + 1)
                    problems.Add($"h{headings[i].Level} « {headings[i].Text} » follows h{headings[i - 1].Level} « {headings[i - 1].Text} »: a level skipped");
            }
            return problems;
        }

        private sealed record Heading(int Level, string Text);
    }
}
