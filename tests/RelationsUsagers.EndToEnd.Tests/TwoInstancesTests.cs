using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Tests;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>
/// Two instances of the portal on one PostgreSQL database (a hospital group behind a load balancer): a case created in
/// one shows up in the other's open queue without a reload (LISTEN/NOTIFY, <see cref="CaseChangeListener"/>).
/// </summary>
public sealed class TwoInstancesTests(TwoInstancesTests.TwoPortals portals) : IClassFixture<TwoInstancesTests.TwoPortals>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_case_created_in_one_instance_shows_up_live_in_the_queue_open_in_the_other()
    {
        await using var context = await portals.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portals.B.BaseUrl, Locale = "fr-FR", TimezoneId = "Europe/Paris", ViewportSize = new() { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/connexion");
        await page.Locator("#username").FillAsync("officer");
        await page.Locator("#password").FillAsync(PortalFixture.DemoPassword);
        await page.Locator("button[type=submit]").ClickAsync();
        await PortalFixture.WaitReadyAsync(page);
        var search = page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Textbox);
        await search.FillAsync("Vasseur-Lenoir");
        // The search has run (not merely the grid emptied while loading): nothing matches yet.
        await Expect(page).ToHaveURLAsync(new Regex("[?&]q=Vasseur-Lenoir(&|$)"));
        await Expect(page.GetByText("Aucun dossier ne correspond à ces filtres.")).ToBeVisibleAsync();
        await Expect(page.GetByText("0 dossier", new() { Exact = true })).ToBeVisibleAsync();

        // Created by instance A's own services, as its circuit would: B's page is not touched from here on.
        CaseFile created;
        using (var scope = portals.A.Services.CreateScope())
        {
            created = await scope.ServiceProvider.GetRequiredService<CaseFileService>().CreateAsync(new Complaint
            {
                ReceivedOn = DateOnly.FromDateTime(DateTime.Today),
                Channel = Channel.Email,
                Patient = new Patient { LastName = "Vasseur-Lenoir", FirstName = "Odile", BirthDate = new DateOnly(1950, 4, 12) },
                Requester = new Party { Name = "Odile Vasseur-Lenoir", Email = "odile.vasseur@example.fr" },
                Services = ["Urgences"],
                Motives = [ComplaintMotive.WaitingTimes],
                Summary = "Attente de six heures aux urgences sans information.",
            }, Ct);
        }

        var row = page.Locator("tr.queue-row", new() { HasText = created.Reference });
        await Expect(row).ToHaveCountAsync(1);
        await PortalFixture.ShotAsync(page, "two-instances-queue-b");
    }

    /// <summary>Instances A and B on a database of their own on the test cluster (never the shared portal's), and one Chromium.</summary>
    public sealed class TwoPortals : IAsyncLifetime
    {
        private readonly (string Name, string ConnectionString) database = PostgresServer.CreateDatabase(migrated: false);
        private readonly string documents = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ru-e2e-two-" + Guid.NewGuid().ToString("N"))).FullName;
        private IPlaywright? playwright;
        private IBrowser? browser;

        public DemoPortal A { get; private set; } = null!;
        public DemoPortal B { get; private set; } = null!;
        public IBrowser Browser => browser ?? throw new InvalidOperationException("Chromium is not started.");

        public async ValueTask InitializeAsync()
        {
            // A first: it migrates and seeds the demo; B then finds both done.
            A = Start();
            B = Start();
            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
            });
        }

        private DemoPortal Start() => DemoPortal.Start(new Dictionary<string, string>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Default"] = database.ConnectionString,
            ["Documents:Path"] = documents,
            ["Demo:Cases"] = "40",
        });

        public async ValueTask DisposeAsync()
        {
            if (browser is not null)
                await browser.DisposeAsync();
            playwright?.Dispose();
            await B.DisposeAsync();
            await A.DisposeAsync();
            PostgresServer.DropDatabase(database.Name);
            Directory.Delete(documents, recursive: true);
        }
    }
}
