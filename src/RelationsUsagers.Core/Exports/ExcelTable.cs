using System.Globalization;
using ClosedXML.Excel;

namespace RelationsUsagers.Core.Exports;

/// <summary>What every export table shares: column widths, the overdue colour, typed cells written with ClosedXML.</summary>
internal static partial class ExcelTable
{
    public const double MinWidth = 6;
    public const double MaxWidth = 60;
    /// <summary>
    /// The widest a measured column gets: a longer value wraps in its cell, its line made taller, so that a few long
    /// labels or remarks do not shrink the whole printed table (the tracking register prints at about 40 % on A3).
    /// </summary>
    public const double WrapWidth = 20;
    /// <summary>The height of one line of text (Calibri 11), in points.</summary>
    public const double LineHeight = 15;
    /// <summary>Light red, as Excel's "bad" style: open rows past their due date.</summary>
    public const string OverdueFillHtml = "#FFC7CE";
    public static readonly XLColor OverdueFill = XLColor.FromHtml(OverdueFillHtml);

    /// <summary>Typed set: ClosedXML 0.95's <c>Value</c> setter guesses types from text (and "=..." would become a formula).</summary>
    public static void Set(IXLCell cell, object value)
    {
        switch (value)
        {
            case string text: cell.SetValue(text); break;
            case DateTime date: cell.SetValue(date); break;
            case decimal number: cell.SetValue(number); break;
            case int number: cell.SetValue(number); break;
            case double number: cell.SetValue(number); break;
            default: throw new ArgumentException($"Type de cellule non pris en charge : {value.GetType().Name}.", nameof(value));
        }
    }

    /// <summary>Characters shown in the cell, for the column width (AdjustToContents needs GDI+, absent on Linux).</summary>
    public static int DisplayLength(object value) => value switch
    {
        string text => LongestLine(text),
        DateTime => 10,
        decimal number => number.ToString("#,##0.00", CultureInfo.InvariantCulture).Length + 2,
        double number => number.ToString("0.0", CultureInfo.InvariantCulture).Length,
        int number => number.ToString(CultureInfo.InvariantCulture).Length,
        _ => 10,
    };

    private static int LongestLine(string text)
    {
        var (longest, start) = (0, 0);
        for (int end; (end = text.IndexOf('\n', start)) >= 0; start = end + 1)
            longest = Math.Max(longest, end - start);
        return Math.Max(longest, text.Length - start);
    }
}

/// <summary>
/// The widths of a table's columns, measured on the rows as they pass (a streamed table is measured in a first pass):
/// the header's longest word plus the filter button (the header row wraps), or the longest value, within
/// <see cref="ExcelTable.MinWidth"/>..<see cref="ExcelTable.WrapWidth"/> (longer values wrap); a column with a fixed width keeps it.
/// </summary>
internal sealed class ColumnWidths<T>
{
    private readonly IReadOnlyList<ExportColumn<T>> _columns;
    private readonly double[] _longest;

    public ColumnWidths(IReadOnlyList<ExportColumn<T>> columns)
    {
        _columns = columns;
        // The header wraps between its words; the filter button takes about three characters of the header cell.
        _longest = columns.Select(c => (double)c.Header.Split(' ').Max(w => w.Length) + 3).ToArray();
    }

    public static ColumnWidths<T> Of(IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows)
    {
        var widths = new ColumnWidths<T>(columns);
        foreach (var row in rows)
            widths.Measure(row);
        return widths;
    }

    public void Measure(T row)
    {
        for (var c = 0; c < _columns.Count; c++)
        {
            if (_columns[c].Width is null && _columns[c].Value(row).Value is { } value)
                _longest[c] = Math.Max(_longest[c], ExcelTable.DisplayLength(value));
        }
    }

    public double this[int column] =>
        _columns[column].Width ?? Math.Clamp(_longest[column] + 2, ExcelTable.MinWidth, ExcelTable.WrapWidth);

    /// <summary>
    /// Characters a line of the column holds when some value of it is longer than its width (its cells then wrap), else 0.
    /// </summary>
    public int WrapsAt(int column) =>
        _columns[column].Width is null && _longest[column] + 2 > ExcelTable.WrapWidth ? (int)ExcelTable.WrapWidth - 2 : 0;

    /// <summary>
    /// The header row's height, in points: tall enough for the longest label wrapped in its column (15 points a line), since
    /// neither Excel nor LibreOffice grows it on opening.
    /// </summary>
    public double HeaderHeight => ExcelTable.LineHeight * Enumerable.Range(0, _columns.Count)
        .Max(c => Math.Ceiling((_columns[c].Header.Length + 3) / Math.Max(this[c] - 3, 1)));

    /// <summary>The table's width in characters, which picks the printed paper.</summary>
    public double Total => Enumerable.Range(0, _columns.Count).Sum(c => this[c]);
}

/// <summary>
/// An Excel table of export rows, written in two steps. Before the workbook is saved, ClosedXML lays out the sheet: header,
/// column formats and widths, the table with its filters, the frozen header, the print layout. When it is saved,
/// <see cref="WorkbookFile"/> streams the rows into the file with <c>OpenXmlWriter</c> as they come (from a query): ClosedXML 0.95
/// would first build every cell as an object, and the rows never need to be all in memory.
/// </summary>
internal sealed partial class ExcelTable<T> : IStreamedTable
{
    private readonly IReadOnlyList<ExportColumn<T>> _columns;
    private readonly IAsyncEnumerable<T> _rows;
    private readonly Func<T, bool>? _highlight;
    /// <summary>Per column, the characters a wrapped line holds (0: the column does not wrap).</summary>
    private int[] _wrapsAt = [];

    private ExcelTable(string sheetName, string tableName, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, Func<T, bool>? highlight)
    {
        (SheetName, TableName, _columns, _rows, _highlight) = (sheetName, tableName, columns, rows, highlight);
        _letters = Enumerable.Range(1, columns.Count).Select(ExcelTable.ColumnLetter).ToArray();
    }

    /// <summary>
    /// A table written without ClosedXML by <see cref="WriteAsync"/>: <paramref name="rows"/> are read once as they are written,
    /// <paramref name="widths"/> were measured on the same rows; rows that <paramref name="highlight"/> picks are light red.
    /// </summary>
    public static ExcelTable<T> Streamed(string sheetName, string tableName, IReadOnlyList<ExportColumn<T>> columns, ColumnWidths<T> widths,
        IAsyncEnumerable<T> rows, Func<T, bool>? highlight) =>
        new(sheetName, tableName, columns, rows, highlight) { _wrapsAt = Enumerable.Range(0, columns.Count).Select(widths.WrapsAt).ToArray() };

    public string SheetName { get; }
    public string TableName { get; }
    public bool Highlights => _highlight is not null;

    /// <summary>Lays out <paramref name="sheet"/> for rows held in memory (a register of a few thousand lines at most).</summary>
    public static ExcelTable<T> Layout(IXLWorksheet sheet, string tableName, IReadOnlyList<ExportColumn<T>> columns, IReadOnlyList<T> rows,
        PrintLayout print, Func<T, bool>? highlight = null) =>
        Layout(sheet, tableName, columns, ColumnWidths<T>.Of(columns, rows), rows.ToAsyncEnumerable(), print, highlight);

    /// <summary>
    /// Lays out <paramref name="sheet"/> for <paramref name="rows"/>, read once when the workbook is saved; <paramref name="widths"/>
    /// were measured on the same rows; rows that <paramref name="highlight"/> picks will be light red.
    /// </summary>
    public static ExcelTable<T> Layout(IXLWorksheet sheet, string tableName, IReadOnlyList<ExportColumn<T>> columns, ColumnWidths<T> widths,
        IAsyncEnumerable<T> rows, PrintLayout print, Func<T, bool>? highlight = null)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(print);
        for (var c = 0; c < columns.Count; c++)
        {
            var column = sheet.Column(c + 1);
            // The column's style is the one every streamed cell of the column takes (its number format).
            if (columns[c].Format is { } format)
                column.Style.NumberFormat.Format = format;
            column.Width = widths[c];
            // A wrapped line is taller: every cell of it starts at the top.
            column.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            if (widths.WrapsAt(c) > 0)
                column.Style.Alignment.WrapText = true;
            sheet.Cell(1, c + 1).SetValue(columns[c].Header);
        }
        // The header wraps between its words: the columns are as wide as their values, not as their labels.
        var header = sheet.Range(1, 1, 1, columns.Count).Style.Alignment;
        (header.WrapText, header.Vertical) = (true, XLAlignmentVerticalValues.Top);
        sheet.Row(1).Height = widths.HeaderHeight;
        // A table needs a data row: one blank line under the header, which the streamed rows replace.
        var table = sheet.Range(1, 1, 2, columns.Count).CreateTable(tableName);
        table.ShowAutoFilter = true;
        sheet.SheetView.FreezeRows(1);
        print.ApplyTo(sheet, headerRows: 1, tableWidth: widths.Total);
        return new ExcelTable<T>(sheet.Name, tableName, columns, rows, highlight)
        {
            _wrapsAt = Enumerable.Range(0, columns.Count).Select(widths.WrapsAt).ToArray(),
        };
    }
}
