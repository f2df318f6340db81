using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Exports;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>
/// Exports and import through the browser: the officer downloads the access-request tracking workbook (whole period, then
/// narrowed by the queue's filters), a CDU member gets no file, and the hand-kept dashboard sample is imported once only.
/// The workbooks are opened with ClosedXML and compared with the portal's own database.
/// </summary>
public sealed partial class ExportTests(PortalFixture portal)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Officer_downloads_the_tracking_workbook_of_a_period_with_one_line_per_access_request_received()
    {
        var (from, to) = DemoPeriod();
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "officer");
        await page.GotoAsync("/exports");
        await PortalFixture.WaitReadyAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Exports Excel", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = ExportService.AccessRequestsTitle })).ToBeCheckedAsync();

        await ChoosePeriodAsync(page, from, to);
        await PortalFixture.ShotAsync(page, "exports-1-period");

        // The button fetches the file in JavaScript (progress shown) and saves it through a blob link: a browser download.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-download").ClickAsync());
        Assert.Equal($"suivi-demandes-acces-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.xlsx", download.SuggestedFilename);
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Fichier enregistré" })).ToContainTextAsync("journal d'audit");
        await PortalFixture.ShotAsync(page, "exports-2-downloaded");

        var expected = await AccessRequestReferencesAsync(from, to, overdueOnly: false);
        Assert.True(expected.Count > 0, $"The demo has no access request received from {from} to {to}.");
        using var workbook = await OpenAsync(download);
        Assert.Contains(workbook.Worksheets, w => w.Name == TrackingWorkbook.RequestsSheet);
        Assert.Contains(workbook.Worksheets, w => w.Name == TrackingWorkbook.SummarySheet);
        var sheet = workbook.Worksheet(TrackingWorkbook.RequestsSheet);
        Assert.Equal("Référence", sheet.Cell(1, 1).GetString());
        Assert.Equal("Date de réception", sheet.Cell(1, 2).GetString());
        var references = References(sheet);
        Assert.Equal(expected.Count, references.Count);
        Assert.Contains(expected[0], references);
        Assert.Equal(expected.Order(StringComparer.Ordinal), references.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Export_from_a_filtered_queue_keeps_its_filters_and_holds_only_the_overdue_requests()
    {
        var (from, to) = DemoPeriod();
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "officer");
        await page.GotoAsync("/?type=AccessRequest&retard=1");
        await PortalFixture.WaitReadyAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Exporter", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/exports\?type=AccessRequest&retard=1$"));
        await PortalFixture.WaitReadyAsync(page);
        var filters = page.Locator(".mud-alert").Filter(new() { HasText = "Filtres de la file d'attente appliqués" });
        await Expect(filters).ToContainTextAsync($"type : {CaseKind.AccessRequest.Label()}");
        await Expect(filters).ToContainTextAsync("en retard");
        await ChoosePeriodAsync(page, from, to);
        await Expect(page.Locator("#export-direct-link")).ToHaveAttributeAsync("href", new Regex("[?&]type=AccessRequest&retard=1(&|$)"));
        await PortalFixture.ShotAsync(page, "exports-3-queue-filters");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-download").ClickAsync());
        using var filtered = await OpenAsync(download);
        var sheet = filtered.Worksheet(TrackingWorkbook.RequestsSheet);
        var overdue = References(sheet);
        // Not sent yet, every one of them. (Not all are filled red: the workbook reckons lateness from the practice's deadline,
        // from the complete request when there is one; the queue warns on the legal one, from receipt, which the workbook
        // reports beside it.)
        var sentColumn = sheet.Row(1).CellsUsed().Single(c => c.GetString() == "Date d'envoi").Address.ColumnNumber;
        Assert.All(Enumerable.Range(2, overdue.Count), row => Assert.True(sheet.Cell(row, sentColumn).IsEmpty(), $"Line {row} has a sending date."));

        // The queue's "en retard": open, its earliest running deadline before today (the demo leaves some lying).
        var expected = await AccessRequestReferencesAsync(from, to, overdueOnly: true);
        Assert.True(expected.Count > 0, "The demo has no overdue access request: the filter would prove nothing.");
        Assert.Equal(expected.Order(StringComparer.Ordinal), overdue.Order(StringComparer.Ordinal));

        // The same period without the filters, straight from the endpoint with the officer's session: more lines.
        var response = await context.APIRequest.GetAsync($"/exports/demandes-acces?du={from:yyyy-MM-dd}&au={to:yyyy-MM-dd}");
        Assert.Equal((int)HttpStatusCode.OK, response.Status);
        Assert.Equal(Xlsx, response.Headers["content-type"]);
        using var all = new XLWorkbook(new MemoryStream(await response.BodyAsync()));
        var everything = References(all.Worksheet(TrackingWorkbook.RequestsSheet));
        Assert.True(overdue.Count < everything.Count, $"{overdue.Count} overdue lines, {everything.Count} in all.");
        Assert.Subset(everything.ToHashSet(), overdue.ToHashSet());
    }

    [Fact]
    public async Task Cdu_member_gets_no_workbook_from_the_export_address()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "cdu");

        // Redirections followed, as a browser would: the answer ends on the access-denied page, never on a file.
        var response = await context.APIRequest.GetAsync("/exports/demandes-acces?du=2025-01-01&au=2026-12-31");
        Assert.True(response.Status == (int)HttpStatusCode.Forbidden || response.Url.Contains("/acces-refuse", StringComparison.Ordinal),
            $"HTTP {response.Status} at {response.Url}");
        Assert.DoesNotContain(Xlsx, response.Headers.GetValueOrDefault("content-type") ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("attachment", response.Headers.GetValueOrDefault("content-disposition") ?? "", StringComparison.Ordinal);
        var body = await response.BodyAsync();
        Assert.False(body.Length >= 2 && body[0] == (byte)'P' && body[1] == (byte)'K', "The answer is a zip package (an xlsx file).");
    }

    [Fact]
    public async Task Officer_imports_the_hand_kept_dashboard_once_and_a_second_import_creates_no_duplicate()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "officer");

        await UploadSampleAsync(page);
        var lines = page.Locator("#import-counts");
        await Expect(lines).ToContainTextAsync("57 à importer, 0 doublon(s), 5 rejetée(s)");
        // R.1111-1: a « Parent » of a patient of age at the receipt holds no parental authority; the open lines come in.
        await Expect(page.Locator(".import-rows .error-text").Filter(new() { HasText = "Ligne 11, colonne G (Qualité du demandeur)" }))
            .ToContainTextAsync("le patient, né le 28/05/1953, était majeur à la réception");
        await Expect(page.Locator(".import-rows .error-text")).ToHaveCountAsync(5);
        await Axe.AssertAccessibleAsync(page, "import-1-preview");

        var run = page.Locator("#import-run");
        await Expect(run).ToHaveTextAsync("Importer les 57 nouvelles lignes");
        await run.ClickAsync();
        var result = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "lignes lues" });
        await Expect(result).ToContainTextAsync("62 lignes lues, 57 importées, 5 rejetées, 0 déjà présentes dans le portail.");
        await PortalFixture.ShotAsync(page, "import-2-imported");
        Assert.Equal(57, await ImportedCountAsync());

        // The same file again, from a fresh page: the preview shows every valid line as already there, before anything is written.
        await UploadSampleAsync(page);
        await Expect(lines).ToContainTextAsync("0 à importer, 57 doublon(s), 5 rejetée(s)");
        await Expect(page.Locator(".import-rows .import-duplicate").First).ToContainTextAsync(new Regex(@"Doublon : déjà enregistrée \(DAD-2025-\d+\) — non importée"));
        await Expect(page.Locator("#import-run")).ToBeDisabledAsync();
        await PortalFixture.ShotAsync(page, "import-3-again");
        Assert.Equal(57, await ImportedCountAsync());
    }

    /// <summary>Opens the import page and gives the sample to MudFileUpload's file input, as the file picker would.</summary>
    private static async Task UploadSampleAsync(IPage page)
    {
        await page.GotoAsync("/exports/import");
        await PortalFixture.WaitReadyAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Importer un tableau de suivi des demandes d'accès" })).ToBeVisibleAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(PortalFixture.SamplePath());
    }

    /// <summary>
    /// A period that covers every demo case (they lie within 425 days of today, <c>DemoCaseGenerator.WindowDays</c>): the
    /// year before last chosen in the year list, then "Au" typed as today.
    /// </summary>
    private static (DateOnly From, DateOnly To) DemoPeriod()
    {
        var today = ParisCalendar.Today(TimeProvider.System);
        return (new DateOnly(today.Year - 2, 1, 1), today);
    }

    private static async Task ChoosePeriodAsync(IPage page, DateOnly from, DateOnly to)
    {
        // "input#": the picker's popover, when open, carries the same id.
        var (fromField, toField) = (page.Locator("input#export-from"), page.Locator("input#export-to"));
        await page.Locator(".mud-input-control.mud-select").Filter(new() { Has = page.Locator("label", new() { HasText = "Année" }) }).ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(from.Year.ToString(CultureInfo.InvariantCulture), new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await Expect(fromField).ToHaveValueAsync(Fr(from));
        await Expect(toField).ToHaveValueAsync($"31/12/{from.Year}");

        // Typed, as an officer would: the period the link and the button use follows the field.
        await toField.FillAsync(Fr(to));
        await toField.PressAsync("Tab");
        await Expect(page.Locator("#export-direct-link")).ToHaveAttributeAsync("href",
            new Regex($@"^/exports/demandes-acces\?du={from:yyyy-MM-dd}&au={to:yyyy-MM-dd}(&|$)"));
        await Expect(toField).ToHaveValueAsync(Fr(to));
    }

    private static string Fr(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static async Task<XLWorkbook> OpenAsync(IDownload download)
    {
        var path = Path.Combine(Path.GetTempPath(), "ru-e2e-export-" + Guid.NewGuid().ToString("N") + ".xlsx");
        await download.SaveAsAsync(path);
        try
        {
            return new XLWorkbook(new MemoryStream(await File.ReadAllBytesAsync(path, Ct)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The references of the "Demandes" table, under its header row (an empty table keeps one blank line).</summary>
    private static List<string> References(IXLWorksheet sheet) =>
        sheet.Column(1).CellsUsed().Where(c => c.Address.RowNumber > 1).Select(c => c.GetString()).ToList();

    /// <summary>Access requests received in the period, from the portal's database, earliest first; the queue's "en retard" when asked.</summary>
    private async Task<List<string>> AccessRequestReferencesAsync(DateOnly from, DateOnly to, bool overdueOnly)
    {
        using var scope = portal.Services.CreateScope();
        var services = scope.ServiceProvider;
        var today = ParisCalendar.Today(services.GetRequiredService<TimeProvider>());
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var query = db.CaseFiles.AsNoTracking().Where(c => c.Kind == CaseKind.AccessRequest && c.ReceivedOn >= from && c.ReceivedOn <= to);
        if (overdueOnly)
        {
            query = query.Where(c => c.Status != CaseStatus.Closed && c.Status != CaseStatus.Refused && c.Status != CaseStatus.Abandoned
                && c.NextDueOn < today);
        }
        return await query.OrderBy(c => c.ReceivedOn).ThenBy(c => c.Reference).Select(c => c.Reference).ToListAsync(Ct);
    }

    private async Task<int> ImportedCountAsync()
    {
        using var scope = portal.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.CaseFiles.CountAsync(c => c.ImportSource != null && c.ImportSource.StartsWith(PortalFixture.SampleName + " › Suivi DMD 2025 › "), Ct);
    }
}
