using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using RelationsUsagers.Core.Cases;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>
/// The officer's queue past its count's cap (10,000, CaseQueueService.DefaultCountCap), in Chromium, on a portal of its own
/// seeded with <see cref="CappedPortal.Cases"/> demo cases: « Plus de 10 000 dossiers », one more page than counted,
/// opening it counts on (up to 20,000), and a narrower filter counts exactly. Every expected count is read from the
/// database file with SQL of its own, not from the portal's services.
/// </summary>
public sealed class CappedQueueTests(PortalFixture portal, CappedQueueTests.CappedPortal capped) : IClassFixture<CappedQueueTests.CappedPortal>
{
    /// <summary>A narrow no-break space, the French digit group separator: « 10 000 ».</summary>
    private const char Narrow = '\u202F';

    /// <summary>Generous: a 2-core CI machine shared with builds answers a first circuit slowly.</summary>
    private static readonly LocatorAssertionsToHaveTextOptions Slowly = new() { Timeout = 30_000 };

    [Fact]
    public async Task Past_ten_thousand_cases_the_queue_says_more_pages_on_and_counts_exactly_once_narrowed()
    {
        // The officer does not hold the protection fonctionnelle's permission (CGFP L.134-1): those cases are not theirs to count.
        var visible = capped.Count($"SELECT count(*) FROM CaseFiles WHERE Kind <> {(int)CaseKind.FunctionalProtection}");
        var complaints = capped.Count($"SELECT count(*) FROM CaseFiles WHERE Kind = {(int)CaseKind.Complaint}");
        var openComplaints = capped.Count(
            $"SELECT count(*) FROM CaseFiles WHERE Kind = {(int)CaseKind.Complaint} AND Status NOT IN ({Final})");
        // The seeding crosses the cap by more than a page, and stays below the second cap.
        Assert.InRange(visible, 10_026, 19_999);
        Assert.InRange(complaints, 26, 9_999);

        TestContext.Current.TestOutputHelper?.WriteLine($"{visible} cases seen by the officer; portal started in {capped.StartTime.TotalSeconds:F1} s");

        await using var context = await portal.NewContextAsync(baseUrl: capped.BaseUrl);
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "officer");
        var total = page.Locator("#queue-total");
        var rows = page.Locator("tr.queue-row");
        var pager = page.GetByRole(AriaRole.List, new() { Name = "Pages de la file d'attente" });

        // The counters are grouped as the total is: « Plainte / réclamation : 1 012 ».
        await Expect(page.Locator(".queue-counters").GetByRole(AriaRole.Button, new() { Name = "Plainte / réclamation" }))
            .ToHaveTextAsync(Exactly($"Plainte / réclamation\u00A0: {Grouped(openComplaints)}"), Slowly);

        // Closed cases included: every case the officer may see, past the cap.
        await page.GetByLabel("Inclure les dossiers clos").CheckAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]clos=1(&|$)"));
        await Expect(total).ToHaveTextAsync(Exactly($"Plus de 10{Narrow}000 dossiers"), Slowly);
        // Read whole by a screen reader when it changes.
        await Expect(total).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(total).ToHaveAttributeAsync("aria-atomic", "true");
        await Expect(rows).ToHaveCountAsync(25);
        // 400 pages counted, and one more to count on.
        await Expect(pager.GetByRole(AriaRole.Button, new() { Name = "Page 401", Exact = true })).ToBeVisibleAsync();
        await Expect(pager.GetByRole(AriaRole.Button, new() { Name = "Page 402", Exact = true })).ToHaveCountAsync(0);
        await Expect(pager.Locator("[aria-current=page]")).ToHaveAccessibleNameAsync("Page 1");
        var findings = await Axe.ScanAsync(page, "queue-cap-1-capped", Axe.Level.Full);
        Assert.True(findings.Blocking.Count == 0,
            $"axe-core found {findings.Blocking.Count} violation(s) on the capped queue:{Environment.NewLine}{string.Join(Environment.NewLine, findings.Blocking)}");

        // The next page: still capped, other cases.
        var firstOfPageOne = await rows.First.Locator("a.case-link").TextContentAsync();
        await pager.GetByRole(AriaRole.Button, new() { Name = "Page suivante" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]page=2(&|$)"));
        await Expect(pager.Locator("[aria-current=page]")).ToHaveAccessibleNameAsync("Page 2");
        await Expect(total).ToHaveTextAsync(Exactly($"Plus de 10{Narrow}000 dossiers"));
        await Expect(rows).ToHaveCountAsync(25);
        await Expect(rows.First.Locator("a.case-link")).Not.ToHaveTextAsync(firstOfPageOne!);
        await PortalFixture.ShotAsync(page, "queue-cap-2-next-page");

        // The page past the ten thousand counted: the count goes on up to 20,000, so here it is exact.
        await pager.GetByRole(AriaRole.Button, new() { Name = "Page 401", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]page=401(&|$)"));
        await Expect(total).ToHaveTextAsync(Exactly($"{Grouped(visible)} dossiers"), Slowly);
        await Expect(rows).ToHaveCountAsync(Math.Min(25, visible - 10_000));
        await Expect(pager.Locator("[aria-current=page]")).ToHaveAccessibleNameAsync("Page 401");
        await Expect(pager.GetByRole(AriaRole.Button, new() { Name = $"Page {Pages(visible)}", Exact = true })).ToBeVisibleAsync();
        await Expect(pager.GetByRole(AriaRole.Button, new() { Name = $"Page {Pages(visible) + 1}", Exact = true })).ToHaveCountAsync(0);
        await PortalFixture.ShotAsync(page, "queue-cap-3-past-the-cap");

        // Narrowed to one kind, closed cases still included: below the cap, counted exactly, from the first page.
        await page.Locator(".mud-input-control.mud-select").Filter(new() { Has = page.Locator("label", new() { HasText = "Type" }) }).ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("Plainte / réclamation", new() { Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]type=Complaint(&|$)"));
        await Expect(page).Not.ToHaveURLAsync(new Regex(@"[?&]page="));
        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]clos=1(&|$)"));
        await Expect(total).ToHaveTextAsync(Exactly($"{Grouped(complaints)} dossiers"), Slowly);
        await Expect(rows).ToHaveCountAsync(25);
        await Expect(pager.Locator("[aria-current=page]")).ToHaveAccessibleNameAsync("Page 1");
        await Expect(pager.GetByRole(AriaRole.Button, new() { Name = $"Page {Pages(complaints)}", Exact = true })).ToBeVisibleAsync();
        await Expect(pager.GetByRole(AriaRole.Button, new() { Name = $"Page {Pages(complaints) + 1}", Exact = true })).ToHaveCountAsync(0);
        await PortalFixture.ShotAsync(page, "queue-cap-4-narrowed");
    }

    [Fact]
    public async Task At_320_pixels_the_capped_count_keeps_one_line_and_its_pager_wraps_below_it()
    {
        await using var context = await portal.NewContextAsync(new ViewportSize { Width = 320, Height = 640 }, baseUrl: capped.BaseUrl);
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "officer");
        await page.GotoAsync("/?clos=1&page=2");
        await PortalFixture.WaitReadyAsync(page);
        var total = page.Locator("#queue-total");
        var pager = page.GetByRole(AriaRole.List, new() { Name = "Pages de la file d'attente" });
        await Expect(total).ToHaveTextAsync(Exactly($"Plus de 10{Narrow}000 dossiers"), Slowly);
        await Expect(pager.GetByRole(AriaRole.Button, new() { Name = "Page 401", Exact = true })).ToBeVisibleAsync();
        await PortalFixture.ShotAsync(page, "queue-cap-5-320px");

        // Beside its nine-button pager the count was squeezed onto three lines of a few words each.
        var lineHeight = await total.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).lineHeight)");
        var count = await total.BoundingBoxAsync();
        var buttons = await pager.BoundingBoxAsync();
        Assert.NotNull(count);
        Assert.NotNull(buttons);
        Assert.True(count.Height < 1.5 * lineHeight, $"The count takes {count.Height} px for a line of {lineHeight} px.");
        Assert.True(buttons.Y >= count.Y + count.Height - 1, $"The pager starts at {buttons.Y} px, beside the count ({count.Y} to {count.Y + count.Height} px).");
        Assert.True(buttons.X + buttons.Width <= 320 + 1, $"The pager ends at {buttons.X + buttons.Width} px, past the screen's 320.");
    }

    /// <summary>The final statuses (closed, refused, abandoned): the open queue leaves them out.</summary>
    private static readonly string Final = string.Join(", ", new[] { CaseStatus.Closed, CaseStatus.Refused, CaseStatus.Abandoned }.Select(s => (int)s));

    /// <summary>
    /// The text as written, no-break spaces included: Playwright compares a string with every white space (no-break ones
    /// too) folded into one space, a regular expression with the text as it is. White space around it is markup's.
    /// </summary>
    private static Regex Exactly(string text) => new($@"^\s*{Regex.Escape(text)}\s*$");

    private static int Pages(int count) => (count + 24) / 25;

    /// <summary>Digits in groups of three from the right, joined by a narrow no-break space, as French typography writes them.</summary>
    private static string Grouped(int count)
    {
        var digits = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0)
                text.Append(Narrow);
            text.Append(digits[i]);
        }
        return text.ToString();
    }

    /// <summary>
    /// A portal of its own on its own SQLite file, seeded with <see cref="Cases"/> demo cases: the shared portal's 40 never
    /// reach the cap.
    /// </summary>
    public sealed class CappedPortal : IAsyncLifetime
    {
        /// <summary>
        /// The smallest round count past the cap by more than a page (closed cases included, as the test filters): the page
        /// opened past the cap then holds a full page, and the pager grows. The open queue alone would need about 33,000.
        /// </summary>
        public const int Cases = 10_050;

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "ru-e2e-capped-" + Guid.NewGuid().ToString("N"));
        private DemoPortal? _portal;

        private string DatabasePath => Path.Combine(_folder, "portal.db");

        public string BaseUrl => _portal?.BaseUrl ?? throw new InvalidOperationException("The portal is not started.");

        /// <summary>How long migrating, seeding and starting took.</summary>
        public TimeSpan StartTime { get; private set; }

        public ValueTask InitializeAsync()
        {
            var documents = Directory.CreateDirectory(Path.Combine(_folder, "documents")).FullName;
            var clock = Stopwatch.StartNew();
            _portal = DemoPortal.Start(new Dictionary<string, string>
            {
                ["Database:Path"] = DatabasePath,
                ["Documents:Path"] = documents,
                ["Demo:Cases"] = Cases.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            StartTime = clock.Elapsed;
            return ValueTask.CompletedTask;
        }

        /// <summary>A count read from the database file by SQL of the test's own, on a read-only connection.</summary>
        public int Count(string sql)
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        public async ValueTask DisposeAsync()
        {
            if (_portal is not null)
                await _portal.DisposeAsync();
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open: the temp folder is cleaned by the system later.
            }
        }
    }
}
