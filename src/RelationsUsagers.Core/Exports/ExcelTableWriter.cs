using System.Globalization;
using ClosedXML.Excel;

namespace RelationsUsagers.Core.Exports;

/// <summary>Writes rows through a column map as an Excel table: header on its first row, frozen, filterable, typed cells.</summary>
internal static class ExcelTableWriter
{
    public const double MinWidth = 6;
    public const double MaxWidth = 60;
    /// <summary>Light red, as Excel's "bad" style: open rows past their due date.</summary>
    public static readonly XLColor OverdueFill = XLColor.FromHtml("#FFC7CE");

    public static IXLTable Write<T>(IXLWorksheet sheet, string tableName, IReadOnlyList<ExportColumn<T>> columns,
        IReadOnlyList<T> rows, Func<T, bool>? highlight = null)
    {
        var widths = new double[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            // A column format set before the cells exist is inherited by them: cheaper than styling a range afterwards.
            if (columns[c].Format is { } format)
                sheet.Column(c + 1).Style.NumberFormat.Format = format;
            sheet.Cell(1, c + 1).SetValue(columns[c].Header);
            // The filter button takes about three characters of the header cell.
            widths[c] = columns[c].Header.Length + 3;
        }
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            for (var c = 0; c < columns.Count; c++)
            {
                var value = columns[c].Value(row).Value;
                if (value is null)
                    continue;
                Set(sheet.Cell(r + 2, c + 1), value);
                widths[c] = Math.Max(widths[c], DisplayLength(value));
            }
        }
        // A table needs a data row: an empty export keeps one blank line under its header.
        var lastRow = Math.Max(rows.Count, 1) + 1;
        for (var c = 0; c < columns.Count; c++)
            sheet.Column(c + 1).Width = columns[c].Width ?? Math.Clamp(widths[c] + 2, MinWidth, MaxWidth);
        var table = sheet.Range(1, 1, lastRow, columns.Count).CreateTable(tableName);
        table.ShowAutoFilter = true;
        sheet.SheetView.FreezeRows(1);
        if (highlight is not null)
        {
            for (var r = 0; r < rows.Count; r++)
            {
                if (highlight(rows[r]))
                    sheet.Range(r + 2, 1, r + 2, columns.Count).Style.Fill.BackgroundColor = OverdueFill;
            }
        }
        return table;
    }

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
    private static int DisplayLength(object value) => value switch
    {
        string text => text.Split('\n').Max(l => l.Length),
        DateTime => 10,
        decimal number => number.ToString("#,##0.00", CultureInfo.InvariantCulture).Length + 2,
        double number => number.ToString("0.0", CultureInfo.InvariantCulture).Length,
        int number => number.ToString(CultureInfo.InvariantCulture).Length,
        _ => 10,
    };
}
