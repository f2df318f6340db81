using System.IO.Compression;
using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RelationsUsagers.Core.Exports;

internal static class WorkbookFile
{
    /// <summary>
    /// Saves <paramref name="workbook"/> into <paramref name="output"/>, the rows of <paramref name="tables"/> streamed into their
    /// sheets, each table's cells its sheet's print area. ClosedXML saves the laid-out workbook (small: headers, formats, print
    /// setup, small sheets) into memory; its parts are then copied into a new file, entry by entry, each streamed table's
    /// sheet written row by row as its rows are read.
    /// The file is built with <see cref="ZipArchive"/> in create mode: it compresses each part as it is written, where the Open
    /// XML package (update mode) would hold every part uncompressed in memory until it closes.
    /// </summary>
    public static async Task SaveAsync(XLWorkbook workbook, Stream output, CancellationToken ct, params IStreamedTable[] tables)
    {
        // Through memory: ClosedXML writes synchronously and needs a seekable stream; the caller's may be neither.
        using var layout = new MemoryStream();
        workbook.SaveAs(layout);

        var parts = ReadLayout(layout, tables);
        // A seekable output (a file, the endpoint's buffer) takes the zip as it is written; any other gets it once complete.
        using var buffer = output.CanSeek ? null : new MemoryStream();
        var file = buffer ?? output;
        using (var source = new ZipArchive(layout, ZipArchiveMode.Read, leaveOpen: true))
        using (var target = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            var counts = new int[tables.Length];
            foreach (var entry in source.Entries)
            {
                // Written last: the overdue styles, the tables' and print areas' extents are known once the rows are written.
                if (entry.FullName == parts.StylesEntry || entry.FullName == parts.WorkbookEntry
                    || parts.Tables.Any(t => t.TableEntry == entry.FullName))
                    continue;
                var sheet = Array.FindIndex(parts.Tables, t => t.SheetEntry == entry.FullName);
                await using var written = target.CreateEntry(entry.FullName, CompressionLevel.Optimal).Open();
                if (sheet >= 0)
                {
                    counts[sheet] = await tables[sheet].WriteSheetAsync(parts.Tables[sheet].Sheet, parts.Stylesheet, written, ct);
                    continue;
                }
                await using var read = entry.Open();
                await read.CopyToAsync(written, ct);
            }
            for (var t = 0; t < tables.Length; t++)
            {
                var reference = ExcelTable.Stretch(parts.Tables[t].Table, tables[t].ColumnCount, counts[t]);
                Write(target, parts.Tables[t].TableEntry, parts.Tables[t].Table);
                SetPrintArea(parts.Workbook, tables[t].SheetName, reference);
            }
            Write(target, parts.StylesEntry, parts.Stylesheet);
            FixPrintTitles(parts.Workbook);
            Write(target, parts.WorkbookEntry, parts.Workbook);
        }
        if (buffer is not null)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(output, ct);
        }
    }

    /// <summary>
    /// The rows a sheet repeats on each printed page, as absolute rows ('Synthèse'!$1:$2): ClosedXML 0.95 writes them relative
    /// (Synthèse!1:2), which LibreOffice ignores.
    /// </summary>
    private static void FixPrintTitles(Workbook workbook)
    {
        var sheets = workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
        foreach (var name in workbook.DefinedNames?.Elements<DefinedName>() ?? [])
        {
            if (name.Name?.Value != PrintTitles || name.LocalSheetId?.Value is not { } index
                || name.Text.Split('!') is not [_, var rows] || rows.Split(':') is not [var first, var last])
                continue;
            name.Text = $"{Quoted(sheets[(int)index])}!${first.TrimStart('$')}:${last.TrimStart('$')}";
        }
    }

    /// <summary>
    /// The table's cells are what prints: without a print area LibreOffice also prints the long remarks running over the
    /// empty cells beyond the last column, narrowing the table and adding blank pages.
    /// </summary>
    private static void SetPrintArea(Workbook workbook, string sheetName, string reference)
    {
        var index = (uint)workbook.Sheets!.Elements<Sheet>().ToList().FindIndex(s => s.Name == sheetName);
        var names = workbook.DefinedNames ??= new DefinedNames();
        names.Elements<DefinedName>().FirstOrDefault(n => n.Name?.Value == PrintArea && n.LocalSheetId?.Value == index)?.Remove();
        var (first, last) = (reference.Split(':')[0], reference.Split(':')[1]);
        names.PrependChild(new DefinedName($"{Quoted(sheetName)}!{Absolute(first)}:{Absolute(last)}") { Name = PrintArea, LocalSheetId = index });
    }

    private const string PrintTitles = "_xlnm.Print_Titles", PrintArea = "_xlnm.Print_Area";

    private static string Quoted(string sheet) => $"'{sheet.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>"AB109" → "$AB$109".</summary>
    private static string Absolute(string cell)
    {
        var digits = 0;
        while (!char.IsAsciiDigit(cell[digits]))
            digits++;
        return $"${cell[..digits]}${cell[digits..]}";
    }

    private sealed record TableParts(string SheetEntry, Worksheet Sheet, string TableEntry, Table Table);

    private sealed record LayoutParts(string WorkbookEntry, Workbook Workbook, string StylesEntry, Stylesheet Stylesheet, TableParts[] Tables);

    /// <summary>The small parts the streamed tables change, read from the laid-out file (copies: the package is closed after).</summary>
    private static LayoutParts ReadLayout(MemoryStream layout, IStreamedTable[] tables)
    {
        using var document = SpreadsheetDocument.Open(layout, isEditable: false);
        var workbookPart = document.WorkbookPart ?? throw new InvalidOperationException("Classeur sans partie « workbook ».");
        var stylesPart = workbookPart.WorkbookStylesPart ?? throw new InvalidOperationException("Classeur sans styles.");
        var found = tables.Select(t =>
        {
            var sheet = workbookPart.Workbook.Descendants<Sheet>().Single(s => s.Name == t.SheetName);
            var part = (WorksheetPart)workbookPart.GetPartById(sheet.Id!);
            var table = part.TableDefinitionParts.Single(p => p.Table.Name == t.TableName);
            return new TableParts(EntryName(part), (Worksheet)part.Worksheet.CloneNode(true), EntryName(table), (Table)table.Table.CloneNode(true));
        }).ToArray();
        return new LayoutParts(EntryName(workbookPart), (Workbook)workbookPart.Workbook.CloneNode(true),
            EntryName(stylesPart), (Stylesheet)stylesPart.Stylesheet.CloneNode(true), found);
    }

    private static string EntryName(OpenXmlPart part) => part.Uri.OriginalString.TrimStart('/');

    private static void Write(ZipArchive target, string entry, OpenXmlElement root)
    {
        using var stream = target.CreateEntry(entry, CompressionLevel.Optimal).Open();
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument();
        writer.WriteElement(root);
    }
}
