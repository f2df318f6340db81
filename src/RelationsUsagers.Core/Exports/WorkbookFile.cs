using ClosedXML.Excel;

namespace RelationsUsagers.Core.Exports;

internal static class WorkbookFile
{
    /// <summary>Saves through memory: ClosedXML writes synchronously and needs a seekable stream; the caller's may be neither.</summary>
    public static async Task SaveAsync(XLWorkbook workbook, Stream output, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }
}
