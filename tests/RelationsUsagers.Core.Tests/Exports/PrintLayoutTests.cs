using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Exports;
using RelationsUsagers.Core.Expressions;
using RelationsUsagers.Core.Tests.Cdu;
using static RelationsUsagers.Core.Tests.Exports.ExportTestData;

namespace RelationsUsagers.Core.Tests.Exports;

/// <summary>
/// Every exported workbook prints: each sheet's page setup read back from the saved file with the Open XML SDK (landscape, one
/// page wide, header rows repeated, footer with the document's name, the page number and the Paris date of the export).
/// </summary>
public abstract class PrintLayoutTests : IAsyncLifetime
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>23:30 in UTC on 14 March is 00:30 on 15 March in Paris: the footer must say 15/03/2026.</summary>
    private static readonly DateTimeOffset LateEvening = new(2026, 3, 14, 23, 30, 0, TimeSpan.Zero);

    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider, TestDatabase.DefaultUserName, LateEvening, Ct);
        await _database.AddCaseAsync(TestCases.AccessRequest(D(2026, 2, 2)), "DAD-2026-00001", CaseStatus.Received);
        await _database.AddCaseAsync(TestCases.Complaint(D(2026, 2, 3)), "PLT-2026-00001", CaseStatus.Received);
        await _database.AddCaseAsync(TestCases.IndemnityClaim(D(2026, 2, 4)), "IND-2026-00001", CaseStatus.Received);
        await _database.AddCaseAsync(TestCases.Requisition(D(2026, 2, 5)), "REQ-2026-00001", CaseStatus.Received);
        await _database.AddAsync(new UserExpression
        {
            Kind = ExpressionKind.Praise, OccurredOn = D(2026, 2, 6), Channel = Channel.Mail, Text = "Merci.", RecordedBy = "officer",
        });
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    public static TheoryData<string> Registers => ["access-requests", "complaints", "claims", "requisitions", "expressions"];

    private Task<byte[]> ExportAsync(string register)
    {
        var service = CreateExportService(_database);
        var (from, to) = (D(2026, 1, 1), D(2026, 3, 31));
        return ExportTestData.ExportAsync(s => register switch
        {
            "access-requests" => service.WriteAccessRequestsAsync(s, from, to, null, Ct),
            "complaints" => service.WriteComplaintsAsync(s, from, to, null, Ct),
            "claims" => service.WriteClaimsAsync(s, from, to, null, Ct),
            "requisitions" => service.WriteRequisitionsAsync(s, from, to, null, Ct),
            "expressions" => service.WriteExpressionsAsync(s, from, to, Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(register)),
        });
    }

    private static readonly Dictionary<string, (string Title, string[] Sheets)> Expected = new()
    {
        ["access-requests"] = (ExportService.AccessRequestsTitle, ["Demandes", "Synthèse"]),
        ["complaints"] = (ExportService.ComplaintsTitle, ["Plaintes"]),
        ["claims"] = (ExportService.ClaimsTitle, ["Indemnisations"]),
        ["requisitions"] = (ExportService.RequisitionsTitle, ["Réquisitions"]),
        ["expressions"] = (ExportService.ExpressionsTitle, ["Expressions"]),
    };

    [Theory]
    [MemberData(nameof(Registers))]
    public async Task Every_register_prints_landscape_one_page_wide_with_its_header_row_on_each_page_and_its_footer(string register)
    {
        var bytes = await ExportAsync(register);

        AssertValidOpenXml(bytes);
        var (title, sheets) = Expected[register];
        var pages = ReadPageSetup(bytes);
        Assert.Equal(sheets, pages.Select(p => p.Sheet));
        // The table's header row is repeated; the summary sheet repeats its title and period lines.
        Assert.All(pages, p => Assert.Equal(
            (p.Sheet, OrientationValues.Landscape, 1u, 0u, true, $"'{p.Sheet}'!$1:${(p.Sheet == "Synthèse" ? 2 : 1)}",
             $"&L{title}&CPage &P / &N&RExporté le 15/03/2026"),
            (p.Sheet, p.Orientation, p.FitToWidth, p.FitToHeight, p.FitToPage, p.PrintTitles, p.Footer)));
        // The table's cells are what prints (one line under the header): not the text running over the empty cells beyond.
        var columns = ExcelTable.ColumnLetter(register switch
        {
            "access-requests" => TrackingWorkbook.Columns.Count,
            "complaints" => ComplaintRegisterRow.Columns.Count,
            "claims" => ClaimRegisterRow.Columns.Count,
            "requisitions" => RequisitionRegisterRow.Columns.Count,
            _ => ExpressionRegisterRow.Columns.Count,
        });
        Assert.Equal($"'{sheets[0]}'!$A$1:${columns}$2", pages[0].PrintArea);
        // A register wider than 300 characters goes on A3 (8): the tracking register's 28 columns, and the complaints', claims'
        // and requisitions' registers with their 60-character summaries; the expressions' register and the summary sheet on A4 (9).
        Assert.Equal(register == "expressions" ? 9u : 8u, pages[0].PaperSize);
        Assert.All(pages.Skip(1), p => Assert.Equal(9u, p.PaperSize));
        Assert.True(pages[0].HeaderWraps);
    }

    [Fact]
    public async Task The_annual_report_prints_every_section_the_same_way_under_its_title_and_year()
    {
        using var stream = new MemoryStream();
        await new AnnualReportWorkbook(_database.AnnualReport(), _database.Factory, _database.Clock).WriteAsync(stream, 2025, Ct);
        var bytes = stream.ToArray();

        AssertValidOpenXml(bytes);
        var pages = ReadPageSetup(bytes);
        Assert.Equal(7, pages.Count);
        Assert.All(pages, p => Assert.Equal(
            (p.Sheet, OrientationValues.Landscape, 1u, 0u, true, $"'{p.Sheet}'!$1:$2",
             "&LRapport annuel de la commission des usagers 2025&CPage &P / &N&RExporté le 15/03/2026"),
            (p.Sheet, p.Orientation, p.FitToWidth, p.FitToHeight, p.FitToPage, p.PrintTitles, p.Footer)));
        Assert.All(pages, p => Assert.Null(p.PrintArea));
    }

    [Fact]
    public async Task An_ampersand_in_the_name_prints_as_such_and_an_apostrophe_in_the_sheet_s_name_is_quoted_in_its_print_titles()
    {
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.AddWorksheet("Suivi d'été");
        sheet.Cell(1, 1).SetValue("En-tête");
        new PrintLayout("Plaintes & réclamations", new DateTime(2026, 3, 15)).ApplyTo(sheet);
        using var stream = new MemoryStream();
        await WorkbookFile.SaveAsync(workbook, stream, Ct);

        AssertValidOpenXml(stream.ToArray());
        var page = Assert.Single(ReadPageSetup(stream.ToArray()));
        Assert.Equal(("&LPlaintes && réclamations&CPage &P / &N&RExporté le 15/03/2026", "'Suivi d''été'!$1:$1"), (page.Footer, page.PrintTitles));
    }

    private sealed record PageSetupRead(string Sheet, OrientationValues? Orientation, uint? FitToWidth, uint? FitToHeight, bool FitToPage,
        string? PrintTitles, string? Footer, string? PrintArea, uint? PaperSize, bool HeaderWraps);

    /// <summary>Each sheet's page setup, fit flag, footer and print titles (the defined name scoped to the sheet), in sheet order.</summary>
    private static List<PageSetupRead> ReadPageSetup(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbookPart = document.WorkbookPart!;
        var formats = workbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var sheets = workbookPart.Workbook.Sheets!.Elements<Sheet>().ToList();
        var names = workbookPart.Workbook.DefinedNames?.Elements<DefinedName>().ToList() ?? [];
        string? Named(string name, int index) => names.SingleOrDefault(n => n.Name == name && n.LocalSheetId?.Value == index)?.Text;
        return sheets.Select((sheet, index) =>
        {
            var worksheet = ((WorksheetPart)workbookPart.GetPartById(sheet.Id!)).Worksheet;
            var setup = worksheet.GetFirstChild<PageSetup>();
            return new PageSetupRead(sheet.Name!,
                setup?.Orientation?.Value, setup?.FitToWidth?.Value ?? 1, setup?.FitToHeight?.Value ?? 1,
                worksheet.SheetProperties?.PageSetupProperties?.FitToPage?.Value == true,
                Named("_xlnm.Print_Titles", index),
                worksheet.GetFirstChild<HeaderFooter>()?.OddFooter?.Text,
                Named("_xlnm.Print_Area", index),
                setup?.PaperSize?.Value,
                worksheet.Descendants<Row>().FirstOrDefault()?.Elements<Cell>().FirstOrDefault() is { StyleIndex: { } style }
                    && formats[(int)style.Value].Alignment?.WrapText?.Value == true);
        }).ToList();
    }
}

public sealed class SqlitePrintLayoutTests : PrintLayoutTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlPrintLayoutTests : PrintLayoutTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
