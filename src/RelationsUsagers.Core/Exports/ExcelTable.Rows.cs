using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
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
        var letters = Enumerable.Range(1, _columns.Count).Select(ExcelTable.ColumnLetter).ToArray();
        var styles = ColumnStyles(layout);
        var overdueStyles = _highlight is null ? styles : AddOverdueStyles(stylesheet, styles);

        var count = 0;
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(layout, layout.GetAttributes(), layout.NamespaceDeclarations);
        foreach (var child in layout.ChildElements)
        {
            switch (child)
            {
                // The used range is known only once the rows are written; the element is optional.
                case SheetDimension:
                    continue;
                case SheetData data:
                    writer.WriteStartElement(new SheetData());
                    if (data.Elements<Row>().FirstOrDefault(r => r.RowIndex?.Value == 1) is { } header)
                        writer.WriteElement(header);
                    await foreach (var row in _rows.WithCancellation(ct))
                    {
                        var overdue = _highlight?.Invoke(row) == true;
                        WriteRow(writer, row, ++count + 1, letters, overdue ? overdueStyles : styles, overdue);
                    }
                    writer.WriteEndElement();
                    break;
                default:
                    writer.WriteElement(child);
                    break;
            }
        }
        writer.WriteEndElement();
        return count;
    }

    private void WriteRow(OpenXmlWriter writer, T row, int number, string[] letters, string[] styles, bool writeEmptyCells)
    {
        var index = number.ToString(CultureInfo.InvariantCulture);
        // Neither Excel nor LibreOffice makes a line taller on opening: a line whose wrapped cells need more gets its height.
        var lines = LinesOf(row);
        writer.WriteStartElement(new Row(), lines > 1
            ? [new("r", "", index), new("ht", "", (lines * ExcelTable.LineHeight).ToString(CultureInfo.InvariantCulture)), new("customHeight", "", "1")]
            : [new OpenXmlAttribute("r", "", index)]);
        for (var c = 0; c < _columns.Count; c++)
        {
            var reference = letters[c] + index;
            switch (_columns[c].Value(row).Value)
            {
                // An empty cell is written only to carry a fill (the whole overdue line is red).
                case null when writeEmptyCells:
                    writer.WriteElement(new Cell { CellReference = reference, StyleIndex = uint.Parse(styles[c], CultureInfo.InvariantCulture) });
                    break;
                case null:
                    break;
                case string text:
                    writer.WriteStartElement(new Cell(), [new("r", "", reference), new("s", "", styles[c]), new("t", "", "inlineStr")]);
                    writer.WriteStartElement(new InlineString());
                    writer.WriteElement(ExcelTable.TextOf(text));
                    writer.WriteEndElement();
                    writer.WriteEndElement();
                    break;
                case DateTime date:
                    WriteNumber(writer, reference, styles[c], date.ToOADate().ToString(CultureInfo.InvariantCulture));
                    break;
                case decimal value:
                    WriteNumber(writer, reference, styles[c], value.ToString(CultureInfo.InvariantCulture));
                    break;
                case int value:
                    WriteNumber(writer, reference, styles[c], value.ToString(CultureInfo.InvariantCulture));
                    break;
                case double value:
                    WriteNumber(writer, reference, styles[c], value.ToString("R", CultureInfo.InvariantCulture));
                    break;
                case var other:
                    throw new ArgumentException($"Type de cellule non pris en charge : {other.GetType().Name}.");
            }
        }
        writer.WriteEndElement();
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

    private static void WriteNumber(OpenXmlWriter writer, string reference, string style, string value)
    {
        writer.WriteStartElement(new Cell(), [new("r", "", reference), new("s", "", style)]);
        writer.WriteElement(new CellValue(value));
        writer.WriteEndElement();
    }

    /// <summary>The style index ClosedXML gave each column (its number format), as the "s" attribute of the cells.</summary>
    private string[] ColumnStyles(Worksheet worksheet)
    {
        var styles = Enumerable.Repeat("0", _columns.Count).ToArray();
        foreach (var column in worksheet.Descendants<Column>())
        {
            for (var c = (int)column.Min!.Value; c <= Math.Min(column.Max!.Value, _columns.Count); c++)
                styles[c - 1] = (column.Style?.Value ?? 0).ToString(CultureInfo.InvariantCulture);
        }
        return styles;
    }

    /// <summary>Each column style again with the light-red fill: the styles of an overdue line.</summary>
    private static string[] AddOverdueStyles(Stylesheet stylesheet, string[] styles)
    {
        var fills = stylesheet.Fills!;
        fills.Append(new Fill(new PatternFill(
            new ForegroundColor { Rgb = "FF" + ExcelTable.OverdueFillHtml.TrimStart('#') }, new BackgroundColor { Indexed = 64 })
        { PatternType = PatternValues.Solid }));
        var fillId = (uint)fills.ChildElements.Count - 1;
        fills.Count = (uint)fills.ChildElements.Count;

        var formats = stylesheet.CellFormats!;
        var existing = formats.Elements<CellFormat>().ToList();
        var added = new Dictionary<string, string>();
        foreach (var style in styles.Distinct())
        {
            var format = (CellFormat)existing[int.Parse(style, CultureInfo.InvariantCulture)].CloneNode(true);
            (format.FillId, format.ApplyFill) = (fillId, true);
            formats.Append(format);
            added[style] = (formats.ChildElements.Count - 1).ToString(CultureInfo.InvariantCulture);
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
        var range = $"A1:{ColumnLetter(columns)}{Math.Max(rows, 1) + 1}";
        table.Reference = range;
        table.AutoFilter?.Reference = range;
        return range;
    }

    /// <summary>
    /// Text as typed, minus what XML cannot carry (control characters, a lone half of a surrogate pair) and cut to what a cell
    /// holds, without splitting a pair; edge spaces and line breaks are kept.
    /// </summary>
    internal static Text TextOf(string text)
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
        return text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains('\n'))
            ? new Text(text) { Space = SpaceProcessingModeValues.Preserve }
            : new Text(text);
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
