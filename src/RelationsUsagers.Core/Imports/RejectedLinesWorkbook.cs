using ClosedXML.Excel;

namespace RelationsUsagers.Core.Imports;

/// <summary>
/// The lines an import rejects, as a workbook the office fixes in Excel and imports again: the file's own headers on row 1,
/// each rejected line's cells as read (dates stay dates), and a last column with the reasons, which the import ignores.
/// </summary>
public static class RejectedLinesWorkbook
{
    public const string ReasonHeader = "Motif du rejet";
    public const string SheetName = "Lignes rejetées";

    public static byte[] Write<TField, TEntry>(ImportPreview<TField, TEntry> preview) where TField : struct, Enum where TEntry : class, IImportEntry
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(SheetName);
        var columns = preview.Columns.Where(c => c.Header != ReasonHeader).ToList();
        for (var i = 0; i < columns.Count; i++)
            sheet.Cell(1, i + 1).SetValue(columns[i].Header);
        sheet.Cell(1, columns.Count + 1).SetValue(ReasonHeader);
        sheet.Row(1).Style.Font.Bold = true;
        var lines = preview.Lines.ToDictionary(l => l.Row);
        var r = 2;
        foreach (var row in preview.Rows.Where(x => !x.IsValid))
        {
            var cells = lines[row.Row].Cells;
            for (var i = 0; i < columns.Count; i++)
            {
                var cell = sheet.Cell(r, i + 1);
                switch (cells.GetValueOrDefault(columns[i].Number).Value)
                {
                    case DateTime d: cell.SetValue(d); cell.Style.DateFormat.Format = "dd/mm/yyyy"; break;
                    case double n: cell.SetValue(n); break;
                    case bool b: cell.SetValue(b ? "Oui" : "Non"); break;
                    case string s: cell.SetValue(s); break;
                }
            }
            // The reasons without the "Ligne 9, colonne I" prefix: in this workbook the line and column have moved.
            sheet.Cell(r, columns.Count + 1).SetValue(string.Join("\n", row.Errors.Select(e => $"{(e.Field is { } f ? preview.Vocabulary.Label(f) : "Ligne")} : {Reason(e.Message)}")
                .Prepend($"Ligne {row.Row} du fichier « {preview.FileName} »")));
            r++;
        }
        // Fixed widths: measuring the text would need the system's graphics library, absent on the servers.
        sheet.Columns(1, columns.Count).Width = 18;
        sheet.Column(columns.Count + 1).Width = 90;
        sheet.Column(columns.Count + 1).Style.Alignment.WrapText = true;
        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static string Reason(string message) => message.IndexOf(") : ", StringComparison.Ordinal) is var i and >= 0 ? message[(i + 4)..] : message;
}
