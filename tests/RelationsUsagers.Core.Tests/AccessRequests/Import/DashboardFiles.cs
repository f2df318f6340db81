using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;

namespace RelationsUsagers.Core.Tests.AccessRequests.Import;

/// <summary>Small hand-kept dashboards built in the test, the way offices type them.</summary>
internal static class DashboardFiles
{
    /// <summary>A workbook from rows of cells (null = empty; a string starting with "=" is a formula), saved to bytes.</summary>
    public static byte[] Build(string sheetName, params object?[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(sheetName);
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = sheet.Cell(r + 1, c + 1);
                switch (rows[r][c])
                {
                    case null: break;
                    case string s when s.StartsWith('='): cell.FormulaA1 = s[1..]; break;
                    case string s: cell.SetValue(s); break;
                    case DateTime d: cell.SetValue(d); break;
                    case double n: cell.SetValue(n); break;
                    case int n: cell.SetValue(n); break;
                    default: throw new ArgumentException("Type de cellule non prévu.");
                }
            }
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>
    /// Gives a formula cell the result Excel would have cached (ClosedXML writes formulas without one): a number, or text
    /// when <paramref name="text"/> is set.
    /// </summary>
    public static byte[] WithCachedValue(byte[] xlsx, string address, string value, bool text = false)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
                xml = reader.ReadToEnd();
            var cell = new Regex($"(<x:c r=\"{address}\"[^>]*?)(\\s*/?)>(<x:f>[^<]*</x:f>)</x:c>");
            Assert.Matches(cell, xml);
            xml = cell.Replace(xml, m => $"{m.Groups[1].Value}{(text ? " t=\"str\"" : "")}>{m.Groups[3].Value}<x:v>{value}</x:v></x:c>");
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open(), new UTF8Encoding(false));
            writer.Write(xml);
        }
        return stream.ToArray();
    }

    /// <summary>
    /// A zip bomb dressed as a dashboard: the workbook of <paramref name="xlsx"/> whose sheet becomes <paramref name="megabytes"/>
    /// MB of the same row repeated (valid XML, compressed about a thousand times), written through the deflater chunk by chunk.
    /// </summary>
    public static byte[] WithBloatedSheet(byte[] xlsx, int megabytes)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("xl/worksheets/sheet1.xml")!.Delete();
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            sheet.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"u8);
            var row = "<row><c t=\"inlineStr\"><is><t>DUPONT Marie</t></is></c></row>"u8.ToArray();
            var chunk = new byte[row.Length * 16_384];
            for (var i = 0; i < 16_384; i++)
                row.CopyTo(chunk, i * row.Length);
            for (long written = 0; written < megabytes * 1024L * 1024; written += chunk.Length)
                sheet.Write(chunk);
            sheet.Write("</sheetData></worksheet>"u8);
        }
        return stream.ToArray();
    }

    /// <summary>Replaces a text in the workbook's shared strings: a cell Excel (and ClosedXML) would not let one type.</summary>
    public static byte[] WithSharedString(byte[] xlsx, string placeholder, string text)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/sharedStrings.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
                xml = reader.ReadToEnd();
            Assert.Contains(placeholder, xml, StringComparison.Ordinal);
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml").Open(), new UTF8Encoding(false));
            writer.Write(xml.Replace(placeholder, text, StringComparison.Ordinal));
        }
        return stream.ToArray();
    }
}
