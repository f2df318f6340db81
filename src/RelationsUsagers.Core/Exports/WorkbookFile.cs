using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;

namespace RelationsUsagers.Core.Exports;

internal static class WorkbookFile
{
    /// <summary>
    /// Saves through memory: ClosedXML writes synchronously and needs a seekable stream; the caller's may be neither. The
    /// saved file is then opened once more for <paramref name="finish"/>, which streams the large tables' rows into it.
    /// </summary>
    public static async Task SaveAsync(XLWorkbook workbook, Stream output, CancellationToken ct, Action<SpreadsheetDocument>? finish = null)
    {
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        if (finish is not null)
        {
            // AutoSave off: only the parts the finisher saves or rewrites change; the rest is copied as ClosedXML wrote it.
            using var document = SpreadsheetDocument.Open(buffer, isEditable: true, new OpenSettings { AutoSave = false });
            finish(document);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }
}
