using ClosedXML.Excel;
using RelationsUsagers.Core.Exports;
using static RelationsUsagers.Core.Tests.Exports.ExportTestData;

namespace RelationsUsagers.Core.Tests.Exports;

/// <summary>The streamed table rows: what users type in free text reaches the file intact, or made writable.</summary>
public sealed class ExcelTableTests
{
    private sealed record Line(string? Text, DateOnly? On, decimal? Amount, bool Late);

    private static readonly IReadOnlyList<ExportColumn<Line>> Columns =
    [
        new("Texte", l => l.Text),
        new("Date", l => l.On, ExportFormats.Date),
        new("Montant", l => l.Amount, ExportFormats.Money),
    ];

    private static async Task<byte[]> SaveAsync(params Line[] lines)
    {
        using var workbook = new XLWorkbook();
        var table = ExcelTable<Line>.Layout(workbook.AddWorksheet("Lignes"), "Lignes", Columns, lines,
            new PrintLayout("Lignes", new DateTime(2026, 3, 15, 11, 0, 0)), l => l.Late);
        workbook.AddWorksheet("Après").Cell(1, 1).SetValue("feuille suivante");
        using var output = new MemoryStream();
        await WorkbookFile.SaveAsync(workbook, output, TestContext.Current.CancellationToken, table);
        return output.ToArray();
    }

    [Fact]
    public async Task Edge_spaces_line_breaks_and_control_characters_are_written_as_valid_text()
    {
        var bytes = await SaveAsync(
            new Line("  retrait à gauche", null, null, false),
            new Line("ligne 1\nligne 2", null, null, false),
            new Line("bip\u0007 et\u0001fin", null, null, false));
        AssertValidOpenXml(bytes);
        using var workbook = Open(bytes);
        var sheet = workbook.Worksheet("Lignes");
        Assert.Equal("  retrait à gauche", sheet.Cell(2, 1).GetString());
        Assert.Equal("ligne 1\nligne 2", sheet.Cell(3, 1).GetString());
        Assert.Equal("bip  et fin", sheet.Cell(4, 1).GetString());
        Assert.Equal("feuille suivante", workbook.Worksheet("Après").Cell(1, 1).GetString());
    }

    [Fact]
    public async Task Rows_stretch_the_table_and_late_lines_alone_are_filled()
    {
        var bytes = await SaveAsync(
            new Line("à l'heure", new DateOnly(2025, 3, 11), 12.5m, false),
            new Line("en retard", new DateOnly(2025, 3, 12), null, true));
        AssertValidOpenXml(bytes);
        using var workbook = Open(bytes);
        var sheet = workbook.Worksheet("Lignes");
        Assert.Equal("A1:C3", Assert.Single(sheet.Tables).RangeAddress.ToString());
        Assert.Equal((XLDataType.DateTime, new DateTime(2025, 3, 11)), (sheet.Cell(2, 2).DataType, sheet.Cell(2, 2).GetDateTime()));
        Assert.Equal((XLDataType.Number, 12.5), (sheet.Cell(2, 3).DataType, sheet.Cell(2, 3).GetDouble()));
        Assert.Equal(ExportFormats.Money, sheet.Cell(2, 3).Style.NumberFormat.Format);
        Assert.NotEqual(ExcelTable.OverdueFill, sheet.Cell(2, 1).Style.Fill.BackgroundColor);
        Assert.All(sheet.Range("A3:C3").Cells(), c => Assert.Equal(ExcelTable.OverdueFill, c.Style.Fill.BackgroundColor));
        Assert.True(sheet.Cell(3, 3).IsEmpty());
    }

    [Fact]
    public async Task A_lone_surrogate_is_replaced_and_text_longer_than_a_cell_is_cut_to_what_excel_holds()
    {
        var tooLong = new string('a', ExcelTable.MaxCellLength - 2) + "😀" + "fin";
        var bytes = await SaveAsync(new Line("avant\uD83Daprès", null, null, false), new Line(tooLong, null, null, false));
        AssertValidOpenXml(bytes);
        using var workbook = Open(bytes);
        var sheet = workbook.Worksheet("Lignes");
        Assert.Equal("avant\uFFFDaprès", sheet.Cell(2, 1).GetString());
        // 32,765 letters, then the ellipsis: the emoji's two halves would not both fit, so neither is kept.
        var cut = sheet.Cell(3, 1).GetString();
        Assert.Equal((ExcelTable.MaxCellLength - 1, "a…"), (cut.Length, cut[^2..]));
    }
}
