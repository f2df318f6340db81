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
    /// sheets. ClosedXML saves the laid-out workbook (small: headers, formats, print setup, small sheets) into memory; its parts
    /// are then copied into a new file, entry by entry, each streamed table's sheet written row by row as its rows are read.
    /// The file is built with <see cref="ZipArchive"/> in create mode: it compresses each part as it is written, where the Open
    /// XML package (update mode) would hold every part uncompressed in memory until it closes.
    /// </summary>
    public static async Task SaveAsync(XLWorkbook workbook, Stream output, CancellationToken ct, params IStreamedTable[] tables)
    {
        // Through memory: ClosedXML writes synchronously and needs a seekable stream; the caller's may be neither.
        using var layout = new MemoryStream();
        workbook.SaveAs(layout);
        if (tables.Length == 0)
        {
            layout.Position = 0;
            await layout.CopyToAsync(output, ct);
            return;
        }

        var parts = ReadLayout(layout, tables);
        using var file = new MemoryStream();
        using (var source = new ZipArchive(layout, ZipArchiveMode.Read, leaveOpen: true))
        using (var target = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            var counts = new int[tables.Length];
            foreach (var entry in source.Entries)
            {
                if (entry.FullName == parts.StylesEntry || parts.Tables.Any(t => t.TableEntry == entry.FullName))
                    continue;  // written last: the overdue styles and the row counts are known once the rows are written
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
                ExcelTable.Stretch(parts.Tables[t].Table, tables[t].ColumnCount, counts[t]);
                Write(target, parts.Tables[t].TableEntry, parts.Tables[t].Table);
            }
            Write(target, parts.StylesEntry, parts.Stylesheet);
        }
        file.Position = 0;
        await file.CopyToAsync(output, ct);
    }

    private sealed record TableParts(string SheetEntry, Worksheet Sheet, string TableEntry, Table Table);

    private sealed record LayoutParts(string StylesEntry, Stylesheet Stylesheet, TableParts[] Tables);

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
        return new LayoutParts(EntryName(stylesPart), (Stylesheet)stylesPart.Stylesheet.CloneNode(true), found);
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
