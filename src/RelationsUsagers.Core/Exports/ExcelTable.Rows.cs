using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RelationsUsagers.Core.Exports;

/// <summary>A sheet whose rows <see cref="WorkbookFile"/> streams into the saved file, after ClosedXML laid it out.</summary>
internal interface IStreamedTable
{
    string SheetName { get; }
    string TableName { get; }
    int ColumnCount { get; }

    /// <summary>
    /// Writes the sheet's part into <paramref name="part"/>: everything of the laid-out sheet (columns, frozen pane, print
    /// setup, table link) with the header row, then the rows as they are read; adds the overdue styles to
    /// <paramref name="stylesheet"/>. Returns the number of rows written.
    /// </summary>
    Task<int> WriteSheetAsync(Worksheet layout, Stylesheet stylesheet, Stream part, CancellationToken ct);
}

internal sealed partial class ExcelTable<T>
{
    public int ColumnCount => _columns.Count;

    public async Task<int> WriteSheetAsync(Worksheet layout, Stylesheet stylesheet, Stream part, CancellationToken ct)
    {
        var styles = ColumnStyles(layout);
        var overdueStyles = _highlight is null ? styles : AddOverdueStyles(stylesheet, styles);

        var count = 0;
        using var writer = SheetXml.Create(part);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(layout.Prefix, layout.LocalName, layout.NamespaceUri);
        foreach (var (prefix, uri) in layout.NamespaceDeclarations.Where(d => d.Key != layout.Prefix))
            writer.WriteAttributeString("xmlns", prefix, null, uri);
        foreach (var child in layout.ChildElements)
        {
            switch (child)
            {
                // The used range is known only once the rows are written; the element is optional.
                case SheetDimension:
                    continue;
                case SheetData data:
                    writer.WriteStartElement("sheetData", SheetXml.Main);
                    if (data.Elements<Row>().FirstOrDefault(r => r.RowIndex?.Value == 1) is { } header)
                        writer.WriteRaw(header.OuterXml);
                    count = await WriteRowsAsync(new SheetXml(writer), styles, overdueStyles, ct);
                    writer.WriteEndElement();
                    break;
                default:
                    writer.WriteRaw(child.OuterXml);
                    break;
            }
        }
        writer.WriteEndElement();
        writer.WriteEndDocument();
        return count;
    }

    /// <summary>
    /// Writes the whole sheet, laid out without ClosedXML, into <paramref name="package"/>: columns (widths, formats, wrapping),
    /// frozen header row, the header, the rows as they are read, the print layout, and its table over them (which is also its
    /// print area). <paramref name="widths"/> were measured on the same rows. Returns the number of rows written.
    /// </summary>
    public async Task<int> WriteAsync(XlsxPackage package, ColumnWidths<T> widths, PrintLayout print, CancellationToken ct)
    {
        var cellStyles = package.Styles;
        var styles = new int[_columns.Count];
        var overdueStyles = new int[_columns.Count];
        var headerStyles = new int[_columns.Count];
        var columns = new (double Width, int Style)[_columns.Count];
        for (var c = 0; c < _columns.Count; c++)
        {
            // Every cell starts at the top (a wrapped line is taller); a column some value of which is too long wraps.
            var (format, wraps) = (_columns[c].Format, _wrapsAt[c] > 0);
            styles[c] = cellStyles.Get(format, top: true, wrap: wraps);
            overdueStyles[c] = _highlight is null ? styles[c] : cellStyles.Get(format, fill: CellStyles.Fill.Overdue, top: true, wrap: wraps);
            // The header wraps between its words: the columns are as wide as their values, not as their labels.
            headerStyles[c] = cellStyles.Get(format, top: true, wrap: true);
            columns[c] = (widths[c], styles[c]);
        }

        var count = await package.AddSheetAsync(SheetName, headerRows: 1, async w =>
        {
            package.StartWorksheet(w, frozenRows: 1, columns);
            w.WriteStartElement("sheetData", SheetXml.Main);
            var sheet = new SheetXml(w);
            sheet.StartRow("1", widths.HeaderHeight);
            for (var c = 0; c < _columns.Count; c++)
                sheet.Text(_letters[c] + "1", _columns[c].Header, headerStyles[c]);
            sheet.EndRow();
            var written = await WriteRowsAsync(sheet, styles, overdueStyles, ct);
            w.WriteEndElement();
            XlsxPackage.EndWorksheet(w, print, PrintLayout.PaperFor(widths.Total), hasTable: true);
            return written;
        });
        package.AddTable(TableName, [.. _columns.Select(c => c.Header)], ExcelTable.TableRange(_columns.Count, count));
        return count;
    }

    /// <summary>The rows from row 2 as they are read, overdue ones in their light-red styles; returns how many.</summary>
    private async Task<int> WriteRowsAsync(SheetXml sheet, int[] styles, int[] overdueStyles, CancellationToken ct)
    {
        var count = 0;
        await foreach (var row in _rows.WithCancellation(ct))
        {
            var overdue = _highlight?.Invoke(row) == true;
            WriteRow(sheet, row, ++count + 1, overdue ? overdueStyles : styles, overdue);
        }
        return count;
    }

    private readonly string[] _letters;

    private void WriteRow(SheetXml sheet, T row, int number, int[] styles, bool writeEmptyCells)
    {
        var index = number.ToString(CultureInfo.InvariantCulture);
        // Neither Excel nor LibreOffice makes a line taller on opening: a line whose wrapped cells need more gets its height.
        var lines = LinesOf(row);
        sheet.StartRow(index, lines > 1 ? lines * ExcelTable.LineHeight : 0);
        for (var c = 0; c < _columns.Count; c++)
            // An empty cell is written only to carry a fill (the whole overdue line is red).
            sheet.Cell(_letters[c] + index, _columns[c].Value(row).Value, styles[c], writeEmptyCells);
        sheet.EndRow();
    }

    /// <summary>The lines the row's longest wrapped value takes (words are not cut: a little more than length / width).</summary>
    private int LinesOf(T row)
    {
        var lines = 1;
        for (var c = 0; c < _columns.Count; c++)
        {
            if (_wrapsAt[c] > 0 && _columns[c].Value(row).Value is string text && text.Length > _wrapsAt[c])
                lines = Math.Max(lines, text.Split('\n').Sum(l => (int)Math.Ceiling(l.Length * 1.15 / _wrapsAt[c])));
        }
        return lines;
    }

    /// <summary>The style index ClosedXML gave each column (its number format), as the "s" attribute of the cells.</summary>
    private int[] ColumnStyles(Worksheet worksheet)
    {
        var styles = new int[_columns.Count];
        foreach (var column in worksheet.Descendants<Column>())
        {
            for (var c = (int)column.Min!.Value; c <= Math.Min(column.Max!.Value, _columns.Count); c++)
                styles[c - 1] = (int)(column.Style?.Value ?? 0);
        }
        return styles;
    }

    /// <summary>Each column style again with the light-red fill: the styles of an overdue line.</summary>
    private static int[] AddOverdueStyles(Stylesheet stylesheet, int[] styles)
    {
        var fills = stylesheet.Fills!;
        fills.Append(new Fill(new PatternFill(
            new ForegroundColor { Rgb = "FF" + ExcelTable.OverdueFillHtml.TrimStart('#') }, new BackgroundColor { Indexed = 64 })
        { PatternType = PatternValues.Solid }));
        var fillId = (uint)fills.ChildElements.Count - 1;
        fills.Count = (uint)fills.ChildElements.Count;

        var formats = stylesheet.CellFormats!;
        var existing = formats.Elements<CellFormat>().ToList();
        var added = new Dictionary<int, int>();
        foreach (var style in styles.Distinct())
        {
            var format = (CellFormat)existing[style].CloneNode(true);
            (format.FillId, format.ApplyFill) = (fillId, true);
            formats.Append(format);
            added[style] = formats.ChildElements.Count - 1;
        }
        formats.Count = (uint)formats.ChildElements.Count;
        return styles.Select(s => added[s]).ToArray();
    }
}


internal static partial class ExcelTable
{
    /// <summary>The most characters an Excel cell holds: longer text makes Excel "repair" the file.</summary>
    public const int MaxCellLength = 32_767;

    public static string ColumnLetter(int number)
    {
        var letters = "";
        for (; number > 0; number = (number - 1) / 26)
            letters = (char)('A' + (number - 1) % 26) + letters;
        return letters;
    }

    /// <summary>
    /// Stretches the table (and its filter) over its header and <paramref name="rows"/> rows, an empty table keeping its blank
    /// line; returns its range.
    /// </summary>
    public static string Stretch(Table table, int columns, int rows)
    {
        var range = TableRange(columns, rows);
        table.Reference = range;
        table.AutoFilter?.Reference = range;
        return range;
    }

    /// <summary>A table's cells: its header and <paramref name="rows"/> rows, an empty table keeping one blank line ("A1:AB2").</summary>
    public static string TableRange(int columns, int rows) => $"A1:{ColumnLetter(columns)}{Math.Max(rows, 1) + 1}";

    /// <summary>
    /// Text as typed, minus what XML cannot carry (control characters, a lone half of a surrogate pair) and cut to what a cell
    /// holds, without splitting a pair; edge spaces and line breaks are kept.
    /// </summary>
    internal static (string Text, bool PreserveSpaces) CellText(string text)
    {
        if (text.Length > MaxCellLength)
            text = text[..(char.IsHighSurrogate(text[MaxCellLength - 2]) ? MaxCellLength - 2 : MaxCellLength - 1)] + "…";
        if (!IsWritable(text))
        {
            var clean = text.ToCharArray();
            for (var i = 0; i < clean.Length; i++)
            {
                if (char.IsHighSurrogate(clean[i]) && i + 1 < clean.Length && char.IsLowSurrogate(clean[i + 1]))
                    i++;
                else if (char.IsSurrogate(clean[i]) || !XmlConvert.IsXmlChar(clean[i]))
                    clean[i] = char.IsSurrogate(clean[i]) ? '\uFFFD' : ' ';
            }
            text = new string(clean);
        }
        return (text, text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains('\n')));
    }

    /// <summary>True when every character is XML text (paired surrogates included): the usual case, checked without copying.</summary>
    private static bool IsWritable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]) || !XmlConvert.IsXmlChar(text[i]))
                return false;
        }
        return true;
    }
}
