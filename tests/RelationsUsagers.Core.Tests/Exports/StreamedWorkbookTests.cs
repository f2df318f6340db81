using System.Globalization;
using System.Runtime.CompilerServices;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using RelationsUsagers.Core.Exports;
using static RelationsUsagers.Core.Tests.Exports.ExportTestData;

namespace RelationsUsagers.Core.Tests.Exports;

/// <summary>
/// A table written without ClosedXML (as the tracking workbook is, see <see cref="TrackingWorkbook"/>): the rows are read from an
/// <see cref="IAsyncEnumerable{T}"/> as they are written, never all held, and the file read back holds every one of them with
/// the print layout of the registers.
/// </summary>
public sealed class StreamedWorkbookTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const int Rows = 5_000;

    private sealed record Line(string Reference, DateOnly On, decimal Amount, bool Late);

    private static readonly IReadOnlyList<ExportColumn<Line>> Columns =
    [
        new("Référence", l => l.Reference),
        new("Date", l => l.On, ExportFormats.Date),
        new("Montant", l => l.Amount, ExportFormats.Money),
    ];

    private static Line LineOf(int i) => new(
        string.Create(CultureInfo.InvariantCulture, $"DAD-2025-{i:D5} {(i * 7919 % 10007):X4}"), new DateOnly(2025, 1, 1).AddDays(i % 365),
        i * 1.25m, i % 10 == 0);

    /// <summary>The lines as a query gives them, noting at each one how many bytes of the file were already written.</summary>
    private static async IAsyncEnumerable<Line> ReadAsync(Stream output, List<long> written, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var i = 1; i <= Rows; i++)
        {
            await Task.Yield();
            ct.ThrowIfCancellationRequested();
            written.Add(output.Length);
            yield return LineOf(i);
        }
    }

    private static async Task<(byte[] File, List<long> Written, int Count)> SaveAsync()
    {
        var widths = ColumnWidths<Line>.Of(Columns, Enumerable.Range(1, Rows).Select(LineOf));
        var print = new PrintLayout("Registre d'essai", new DateTime(2026, 3, 15, 11, 0, 0));
        using var output = new MemoryStream();
        var written = new List<long>();
        var count = 0;
        await XlsxPackage.SaveAsync(output, async package =>
            count = await ExcelTable<Line>.Streamed("Lignes", "Lignes", Columns, widths, ReadAsync(output, written, Ct), l => l.Late)
                .WriteAsync(package, widths, print, Ct), Ct);
        return (output.ToArray(), written, count);
    }

    [Fact]
    public async Task Rows_reach_the_file_while_later_rows_are_still_unread()
    {
        var (_, written, count) = await SaveAsync();

        Assert.Equal(Rows, count);
        Assert.Equal(Rows, written.Count);
        // The file grows between the first row read and the last: the first rows were compressed into it before the last were read.
        Assert.True(written[^1] > written[0] + 10_000,
            $"{written[0]} bytes written when the first row was read, {written[^1]} when the last was: the rows were held.");
        Assert.True(written[Rows / 2] > written[0], "Half the rows read and nothing written yet.");
    }

    [Fact]
    public async Task Every_row_reads_back_typed_with_the_table_over_them_and_the_overdue_ones_light_red()
    {
        var (file, _, _) = await SaveAsync();

        AssertValidOpenXml(file);
        using var workbook = Open(file);
        var sheet = workbook.Worksheet("Lignes");
        Assert.Equal($"A1:C{Rows + 1}", Assert.Single(sheet.Tables).RangeAddress.ToString());
        Assert.Equal(Rows + 1, sheet.LastRowUsed().RowNumber());
        Assert.Equal(1, sheet.SheetView.SplitRow);
        foreach (var i in new[] { 1, 2, Rows / 2, Rows - 1, Rows })
        {
            var (row, line) = (sheet.Row(i + 1), LineOf(i));
            Assert.Equal(line.Reference, row.Cell(1).GetString());
            Assert.Equal((XLDataType.DateTime, line.On.ToDateTime(TimeOnly.MinValue)), (row.Cell(2).DataType, row.Cell(2).GetDateTime()));
            Assert.Equal((XLDataType.Number, (double)line.Amount, ExportFormats.Money),
                (row.Cell(3).DataType, row.Cell(3).GetDouble(), row.Cell(3).Style.NumberFormat.Format));
            Assert.Equal(line.Late, row.Cell(1).Style.Fill.BackgroundColor == XLColor.FromHtml(ExcelTable.OverdueFillHtml));
        }
    }

    [Fact]
    public async Task The_file_prints_landscape_one_page_wide_its_header_row_on_every_page_its_table_as_print_area_and_its_footer()
    {
        var (file, _, _) = await SaveAsync();

        using var document = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var workbookPart = document.WorkbookPart!;
        var worksheet = ((WorksheetPart)workbookPart.GetPartById(workbookPart.Workbook.Sheets!.Elements<Sheet>().Single().Id!)).Worksheet;
        var setup = worksheet.GetFirstChild<PageSetup>()!;
        Assert.Equal((OrientationValues.Landscape, 1u, 0u, 9u), (setup.Orientation!.Value, setup.FitToWidth!.Value, setup.FitToHeight!.Value, setup.PaperSize!.Value));
        Assert.True(worksheet.SheetProperties!.PageSetupProperties!.FitToPage!.Value);
        Assert.Equal("&LRegistre d'essai&CPage &P / &N&RExporté le 15/03/2026", worksheet.GetFirstChild<HeaderFooter>()!.OddFooter!.Text);
        var names = workbookPart.Workbook.DefinedNames!.Elements<DefinedName>().ToDictionary(n => n.Name!.Value!, n => n.Text);
        Assert.Equal("'Lignes'!$1:$1", names["_xlnm.Print_Titles"]);
        Assert.Equal($"'Lignes'!$A$1:$C${Rows + 1}", names["_xlnm.Print_Area"]);
    }
}
