using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace RelationsUsagers.Core.Exports;

/// <summary>
/// A workbook written part by part straight into its zip (<see cref="ZipArchive"/> in create mode compresses each part as it
/// is written), with <see cref="XmlWriter"/>: no workbook model in memory, no spreadsheet library loaded. The parts that depend
/// on everything else (styles, workbook with its print areas and titles, relationships, content types) are written last.
/// </summary>
internal sealed class XlsxPackage
{
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string RelationshipTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private const string ContentTypes = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

    private readonly ZipArchive _zip;
    private readonly List<SheetEntry> _sheets = [];
    private int _tables;

    private XlsxPackage(ZipArchive zip) => _zip = zip;

    public CellStyles Styles { get; } = new();

    private sealed class SheetEntry(string name, int headerRows)
    {
        public string Name { get; } = name;
        public int HeaderRows { get; } = headerRows;
        public string? PrintArea { get; set; }
        public int? Table { get; set; }
    }

    /// <summary>
    /// Writes the workbook <paramref name="write"/> fills into <paramref name="output"/>. A seekable output (a file, a buffer) takes
    /// the zip as it is written; any other gets it once complete (the zip's end is written synchronously, which a response refuses).
    /// </summary>
    public static async Task SaveAsync(Stream output, Func<XlsxPackage, Task> write, CancellationToken ct)
    {
        using var buffer = output.CanSeek ? null : new MemoryStream();
        using (var zip = new ZipArchive(buffer ?? output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var package = new XlsxPackage(zip);
            await write(package);
            package.Finish();
        }
        if (buffer is not null)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(output, ct);
        }
    }

    /// <summary>Adds a sheet whose rows 1 to <paramref name="headerRows"/> print on every page; writes its part with <paramref name="write"/>.</summary>
    public async Task<T> AddSheetAsync<T>(string name, int headerRows, Func<XmlWriter, Task<T>> write)
    {
        _sheets.Add(new SheetEntry(name, headerRows));
        await using var stream = _zip.CreateEntry($"xl/worksheets/sheet{_sheets.Count}.xml", CompressionLevel.Optimal).Open();
        using var writer = SheetXml.Create(stream);
        writer.WriteStartDocument(true);
        var result = await write(writer);
        writer.WriteEndDocument();
        return result;
    }

    /// <summary>
    /// The start of a worksheet part: fit to page, the first sheet selected, <paramref name="frozenRows"/> frozen, the columns'
    /// widths (in characters) and styles.
    /// </summary>
    public void StartWorksheet(XmlWriter w, int frozenRows, IReadOnlyList<(double Width, int Style)> columns)
    {
        w.WriteStartElement("worksheet", SheetXml.Main);
        w.WriteAttributeString("xmlns", "r", null, SheetXml.Relationships);
        w.WriteStartElement("sheetPr", SheetXml.Main);
        w.WriteStartElement("pageSetUpPr", SheetXml.Main);
        w.WriteAttributeString("fitToPage", "1");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("sheetViews", SheetXml.Main);
        w.WriteStartElement("sheetView", SheetXml.Main);
        if (_sheets.Count == 1)
            w.WriteAttributeString("tabSelected", "1");
        w.WriteAttributeString("workbookViewId", "0");
        if (frozenRows > 0)
        {
            var topLeft = "A" + (frozenRows + 1).ToString(CultureInfo.InvariantCulture);
            w.WriteStartElement("pane", SheetXml.Main);
            w.WriteAttributeString("ySplit", frozenRows.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("topLeftCell", topLeft);
            w.WriteAttributeString("activePane", "bottomLeft");
            w.WriteAttributeString("state", "frozen");
            w.WriteEndElement();
            w.WriteStartElement("selection", SheetXml.Main);
            w.WriteAttributeString("pane", "bottomLeft");
            w.WriteAttributeString("activeCell", topLeft);
            w.WriteAttributeString("sqref", topLeft);
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("sheetFormatPr", SheetXml.Main);
        w.WriteAttributeString("defaultRowHeight", "15");
        w.WriteEndElement();
        w.WriteStartElement("cols", SheetXml.Main);
        for (var c = 0; c < columns.Count; c++)
        {
            var number = (c + 1).ToString(CultureInfo.InvariantCulture);
            w.WriteStartElement("col", SheetXml.Main);
            w.WriteAttributeString("min", number);
            w.WriteAttributeString("max", number);
            // Excel's width holds the cell's padding as well: the characters asked for, plus what ClosedXML adds and takes back.
            w.WriteAttributeString("width", (columns[c].Width + ColumnWidthPadding).ToString(CultureInfo.InvariantCulture));
            if (columns[c].Style != 0)
                w.WriteAttributeString("style", columns[c].Style.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("customWidth", "1");
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    /// <summary>The padding Excel counts in a column's width (ClosedXML 0.95 adds it on save and removes it on load).</summary>
    public const double ColumnWidthPadding = 0.710625;

    /// <summary>
    /// The end of a worksheet part: its print layout on <paramref name="paper"/> (Excel's paper size: 8 = A3, 9 = A4) and the
    /// link to its table, if any (<see cref="AddTable"/> is then called for the same sheet).
    /// </summary>
    public static void EndWorksheet(XmlWriter w, PrintLayout print, int paper, bool hasTable)
    {
        print.WriteTo(w, paper);
        if (hasTable)
        {
            w.WriteStartElement("tableParts", SheetXml.Main);
            w.WriteAttributeString("count", "1");
            w.WriteStartElement("tablePart", SheetXml.Main);
            w.WriteAttributeString("id", SheetXml.Relationships, "rId1");
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    /// <summary>
    /// The table (with its filter buttons) of the last sheet added, over <paramref name="reference"/>, its columns named by
    /// <paramref name="headers"/> (the header cells' texts, as Excel requires); the same cells are the sheet's print area.
    /// </summary>
    public void AddTable(string name, IReadOnlyList<string> headers, string reference)
    {
        var sheet = _sheets[^1];
        sheet.Table = ++_tables;
        sheet.PrintArea = reference;
        Part($"xl/tables/table{_tables}.xml", w =>
        {
            w.WriteStartElement("table", SheetXml.Main);
            w.WriteAttributeString("id", _tables.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("name", name);
            w.WriteAttributeString("displayName", name);
            w.WriteAttributeString("ref", reference);
            w.WriteAttributeString("totalsRowShown", "0");
            w.WriteStartElement("autoFilter", SheetXml.Main);
            w.WriteAttributeString("ref", reference);
            w.WriteEndElement();
            w.WriteStartElement("tableColumns", SheetXml.Main);
            w.WriteAttributeString("count", headers.Count.ToString(CultureInfo.InvariantCulture));
            for (var c = 0; c < headers.Count; c++)
            {
                w.WriteStartElement("tableColumn", SheetXml.Main);
                w.WriteAttributeString("id", (c + 1).ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("name", headers[c]);
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteStartElement("tableStyleInfo", SheetXml.Main);
            w.WriteAttributeString("name", "TableStyleMedium2");
            w.WriteAttributeString("showFirstColumn", "0");
            w.WriteAttributeString("showLastColumn", "0");
            w.WriteAttributeString("showRowStripes", "1");
            w.WriteAttributeString("showColumnStripes", "0");
            w.WriteEndElement();
            w.WriteEndElement();
        });
        Relationships($"xl/worksheets/_rels/sheet{_sheets.Count}.xml.rels", [("rId1", "table", $"/xl/tables/table{_tables}.xml")]);
    }

    private void Finish()
    {
        Part("xl/styles.xml", Styles.Write);
        Part("xl/workbook.xml", WriteWorkbook);
        Relationships("xl/_rels/workbook.xml.rels",
            [.. _sheets.Select((_, i) => ($"rId{i + 1}", "worksheet", $"/xl/worksheets/sheet{i + 1}.xml")), ($"rId{_sheets.Count + 1}", "styles", "/xl/styles.xml")]);
        Relationships("_rels/.rels", [("rId1", "officeDocument", "/xl/workbook.xml")]);
        Part("[Content_Types].xml", w =>
        {
            const string ns = "http://schemas.openxmlformats.org/package/2006/content-types";
            w.WriteStartElement("Types", ns);
            Default(w, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(w, "xml", "application/xml");
            Override(w, "/xl/workbook.xml", ContentTypes + "sheet.main+xml");
            Override(w, "/xl/styles.xml", ContentTypes + "styles+xml");
            for (var i = 1; i <= _sheets.Count; i++)
                Override(w, $"/xl/worksheets/sheet{i}.xml", ContentTypes + "worksheet+xml");
            for (var i = 1; i <= _tables; i++)
                Override(w, $"/xl/tables/table{i}.xml", ContentTypes + "table+xml");
            w.WriteEndElement();

            static void Default(XmlWriter w, string extension, string type)
            {
                w.WriteStartElement("Default", ns);
                w.WriteAttributeString("Extension", extension);
                w.WriteAttributeString("ContentType", type);
                w.WriteEndElement();
            }

            static void Override(XmlWriter w, string part, string type)
            {
                w.WriteStartElement("Override", ns);
                w.WriteAttributeString("PartName", part);
                w.WriteAttributeString("ContentType", type);
                w.WriteEndElement();
            }
        });
    }

    /// <summary>The sheets, and for each its print area (its table) and print titles (its header rows), as absolute references.</summary>
    private void WriteWorkbook(XmlWriter w)
    {
        w.WriteStartElement("workbook", SheetXml.Main);
        w.WriteAttributeString("xmlns", "r", null, SheetXml.Relationships);
        w.WriteStartElement("bookViews", SheetXml.Main);
        w.WriteStartElement("workbookView", SheetXml.Main);
        w.WriteAttributeString("activeTab", "0");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("sheets", SheetXml.Main);
        for (var i = 0; i < _sheets.Count; i++)
        {
            w.WriteStartElement("sheet", SheetXml.Main);
            w.WriteAttributeString("name", _sheets[i].Name);
            w.WriteAttributeString("sheetId", (i + 1).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("id", SheetXml.Relationships, $"rId{i + 1}");
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteStartElement("definedNames", SheetXml.Main);
        for (var i = 0; i < _sheets.Count; i++)
        {
            var sheet = _sheets[i];
            var quoted = $"'{sheet.Name.Replace("'", "''", StringComparison.Ordinal)}'";
            if (sheet.PrintArea is { } area)
                DefinedName(w, "_xlnm.Print_Area", i, $"{quoted}!{Absolute(area)}");
            DefinedName(w, "_xlnm.Print_Titles", i, string.Create(CultureInfo.InvariantCulture, $"{quoted}!$1:${sheet.HeaderRows}"));
        }
        w.WriteEndElement();
        w.WriteEndElement();

        static void DefinedName(XmlWriter w, string name, int sheet, string value)
        {
            w.WriteStartElement("definedName", SheetXml.Main);
            w.WriteAttributeString("name", name);
            w.WriteAttributeString("localSheetId", sheet.ToString(CultureInfo.InvariantCulture));
            w.WriteString(value);
            w.WriteEndElement();
        }
    }

    /// <summary>"A1:AB109" → "$A$1:$AB$109".</summary>
    private static string Absolute(string range) => string.Join(':', range.Split(':').Select(cell =>
    {
        var digits = cell.AsSpan().IndexOfAnyInRange('0', '9');
        return $"${cell[..digits]}${cell[digits..]}";
    }));

    private void Relationships(string entry, (string Id, string Type, string Target)[] relationships) => Part(entry, w =>
    {
        w.WriteStartElement("Relationships", PackageRelationships);
        foreach (var (id, type, target) in relationships)
        {
            w.WriteStartElement("Relationship", PackageRelationships);
            w.WriteAttributeString("Id", id);
            w.WriteAttributeString("Type", RelationshipTypes + type);
            w.WriteAttributeString("Target", target);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    });

    private void Part(string entry, Action<XmlWriter> write)
    {
        using var stream = _zip.CreateEntry(entry, CompressionLevel.Optimal).Open();
        using var writer = SheetXml.Create(stream);
        writer.WriteStartDocument(true);
        write(writer);
        writer.WriteEndDocument();
    }
}

/// <summary>
/// The cell formats of an <see cref="XlsxPackage"/>, each combination once: number format, font (normal, bold, title), fill
/// (none, header blue, overdue light red), alignment.
/// </summary>
internal sealed class CellStyles
{
    public enum Font { Normal, Bold, Title }

    public enum Fill { None, Header = 2, Overdue = 3 }

    private readonly record struct Style(int Format, Font Font, Fill Fill, bool Left, bool Top, bool Wrap);

    private readonly List<string> _formats = [];
    private readonly List<Style> _styles = [default];
    private readonly Dictionary<Style, int> _indexes = new() { [default] = 0 };

    /// <summary>The index of the cell format; custom number formats are numbered from 164, as Excel's own are below.</summary>
    public int Get(string? format = null, Font font = Font.Normal, Fill fill = Fill.None, bool left = false, bool top = false, bool wrap = false)
    {
        var formatId = 0;
        if (format is not null)
        {
            var known = _formats.IndexOf(format);
            if (known < 0)
            {
                _formats.Add(format);
                known = _formats.Count - 1;
            }
            formatId = 164 + known;
        }
        var style = new Style(formatId, font, fill, left, top, wrap);
        if (!_indexes.TryGetValue(style, out var index))
        {
            _styles.Add(style);
            _indexes[style] = index = _styles.Count - 1;
        }
        return index;
    }

    public void Write(XmlWriter w)
    {
        const string ns = SheetXml.Main;
        w.WriteStartElement("styleSheet", ns);
        if (_formats.Count > 0)
        {
            w.WriteStartElement("numFmts", ns);
            w.WriteAttributeString("count", _formats.Count.ToString(CultureInfo.InvariantCulture));
            for (var i = 0; i < _formats.Count; i++)
            {
                w.WriteStartElement("numFmt", ns);
                w.WriteAttributeString("numFmtId", (164 + i).ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("formatCode", _formats[i]);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }

        w.WriteStartElement("fonts", ns);
        w.WriteAttributeString("count", "3");
        foreach (var (bold, size) in new[] { (false, "11"), (true, "11"), (true, "14") })
        {
            w.WriteStartElement("font", ns);
            if (bold)
                Empty(w, "b");
            Value(w, "sz", size);
            w.WriteStartElement("color", ns);
            w.WriteAttributeString("rgb", "FF000000");
            w.WriteEndElement();
            Value(w, "name", "Calibri");
            Value(w, "family", "2");
            w.WriteEndElement();
        }
        w.WriteEndElement();

        w.WriteStartElement("fills", ns);
        w.WriteAttributeString("count", "4");
        Pattern(w, "none", null);
        Pattern(w, "gray125", null);
        Pattern(w, "solid", "FFDDEBF7");
        Pattern(w, "solid", "FF" + ExcelTable.OverdueFillHtml.TrimStart('#'));
        w.WriteEndElement();

        w.WriteStartElement("borders", ns);
        w.WriteAttributeString("count", "1");
        w.WriteStartElement("border", ns);
        foreach (var side in new[] { "left", "right", "top", "bottom", "diagonal" })
            Empty(w, side);
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("cellStyleXfs", ns);
        w.WriteAttributeString("count", "1");
        w.WriteStartElement("xf", ns);
        foreach (var attribute in new[] { "numFmtId", "fontId", "fillId", "borderId" })
            w.WriteAttributeString(attribute, "0");
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("cellXfs", ns);
        w.WriteAttributeString("count", _styles.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var style in _styles)
        {
            w.WriteStartElement("xf", ns);
            w.WriteAttributeString("numFmtId", style.Format.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("fontId", ((int)style.Font).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("fillId", ((int)style.Fill).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("borderId", "0");
            w.WriteAttributeString("xfId", "0");
            if (style.Format != 0)
                w.WriteAttributeString("applyNumberFormat", "1");
            if (style.Font != Font.Normal)
                w.WriteAttributeString("applyFont", "1");
            if (style.Fill != Fill.None)
                w.WriteAttributeString("applyFill", "1");
            if (style.Left || style.Top || style.Wrap)
            {
                w.WriteAttributeString("applyAlignment", "1");
                w.WriteStartElement("alignment", ns);
                if (style.Left)
                    w.WriteAttributeString("horizontal", "left");
                if (style.Top)
                    w.WriteAttributeString("vertical", "top");
                if (style.Wrap)
                    w.WriteAttributeString("wrapText", "1");
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();

        w.WriteStartElement("cellStyles", ns);
        w.WriteAttributeString("count", "1");
        w.WriteStartElement("cellStyle", ns);
        w.WriteAttributeString("name", "Normal");
        w.WriteAttributeString("xfId", "0");
        w.WriteAttributeString("builtinId", "0");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();

        static void Empty(XmlWriter w, string name)
        {
            w.WriteStartElement(name, ns);
            w.WriteEndElement();
        }

        static void Value(XmlWriter w, string name, string value)
        {
            w.WriteStartElement(name, ns);
            w.WriteAttributeString("val", value);
            w.WriteEndElement();
        }

        static void Pattern(XmlWriter w, string type, string? color)
        {
            w.WriteStartElement("fill", ns);
            w.WriteStartElement("patternFill", ns);
            w.WriteAttributeString("patternType", type);
            if (color is not null)
            {
                w.WriteStartElement("fgColor", ns);
                w.WriteAttributeString("rgb", color);
                w.WriteEndElement();
                w.WriteStartElement("bgColor", ns);
                w.WriteAttributeString("indexed", "64");
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
        }
    }
}
