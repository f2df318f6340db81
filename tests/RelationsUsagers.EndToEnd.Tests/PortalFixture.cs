using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>
/// The portal on a real Kestrel port (Production, demo mode, 40 demo cases, its own SQLite file and documents folder) and
/// one headless Chromium, shared by every test of the assembly. Each test opens its own browser context.
/// </summary>
public sealed partial class PortalFixture : IAsyncLifetime
{
    public const string DemoPassword = "Demo-2026!";

    /// <summary>How often an open page checks its account again (Sessions:RevalidationInterval), short for the tests.</summary>
    public const string RevalidationInterval = "00:00:02";

    /// <summary>Where each test leaves a screenshot of the pages it checks (not part of the repository).</summary>
    public const string ShotsFolder = "/tmp/e2e-shots";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run",
    ];

    private readonly string _workFolder = Path.Combine(Path.GetTempPath(), "ru-e2e-" + Guid.NewGuid().ToString("N"));
    private DemoPortal? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string ChromiumPath { get; } = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public bool ChromiumFound => File.Exists(ChromiumPath);

    /// <summary>The running portal's services (its database, its Core services), for tests that set up or check data.</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The portal is not started.");

    /// <summary>The file name of the hand-kept dashboard sample (a copy of shared/samples kept beside the command-line tests).</summary>
    public const string SampleName = "suivi-demandes-dossiers-2025.xlsx";

    /// <summary>The sample's path, found from the repository's root.</summary>
    public static string SamplePath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RelationsUsagers.sln")))
                return Path.Combine(folder.FullName, "tests", "RelationsUsagers.Web.Tests", "CommandLine", SampleName);
        }
        throw new InvalidOperationException($"No RelationsUsagers.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>The portal's root address, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_workFolder);
        Directory.CreateDirectory(ShotsFolder);
        var documents = Directory.CreateDirectory(Path.Combine(_workFolder, "documents")).FullName;
        _factory = DemoPortal.Start(new Dictionary<string, string>
        {
            ["Database:Path"] = Path.Combine(_workFolder, "portal.db"),
            ["Documents:Path"] = documents,
            // Open pages check their account every 2 seconds (SessionRevocationTests).
            ["Sessions:RevalidationInterval"] = RevalidationInterval,
            ["Demo:Cases"] = "40",
        });
        BaseUrl = _factory.BaseUrl;

        // Slow CI machines: the first circuit of a run can take a few seconds.
        Assertions.SetDefaultExpectTimeout(15_000);

        if (!ChromiumFound)
            return;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null)
            await _factory.DisposeAsync();
        try
        {
            Directory.Delete(_workFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by SQLite: the temp folder is cleaned by the system later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// A fresh browser context (own cookies, own circuit) on the portal, or on another one at <paramref name="baseUrl"/> (a
    /// <see cref="DemoPortal"/> of a test's own), 1366 × 900 unless told (a zoomed screen: fewer CSS pixels, more device
    /// pixels each); skips the test when Chromium is absent.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(ViewportSize? viewport = null, float? deviceScaleFactor = null, string? baseUrl = null)
    {
        if (_browser is null)
            Assert.Skip($"Chromium introuvable à {ChromiumPath} : installez-le (apt-get install -y chromium) ou définissez CHROMIUM_PATH.");
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl ?? BaseUrl,
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
            ViewportSize = viewport ?? new ViewportSize { Width = 1366, Height = 900 },
            DeviceScaleFactor = deviceScaleFactor,
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        return context;
    }

    /// <summary>Signs in through the sign-in form and waits until the interactive shell is ready.</summary>
    public async Task SignInAsync(IPage page, string userName, string password = DemoPassword)
    {
        await page.GotoAsync("/connexion");
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(SignInPage());
        await WaitReadyAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=signed-in-user]")).ToContainTextAsync(userName);
    }

    /// <summary>Waits for the layout's marker: after it the circuit is connected and the buttons are wired.</summary>
    public static Task WaitReadyAsync(IPage page) =>
        page.Locator("#app-ready[data-ready=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>Saves a full-page screenshot to <see cref="ShotsFolder"/> for a human to look at.</summary>
    public static async Task ShotAsync(IPage page, string name)
    {
        // From the top: a full-page capture of a scrolled page draws the fixed app bar in the middle.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ShotsFolder, name + ".png"), FullPage = true });
    }

    [GeneratedRegex(@"/connexion(\?|$)")]
    public static partial Regex SignInPage();
}
