using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.AccessRequests.Import;

/// <summary>
/// Takes in the access dashboard an office kept by hand in Excel, as it is: title lines above the headers, dates typed as
/// text, Oui/OUI/non, formulas, blank lines, a TOTAL line, several sheets. Read first (nothing written), let the officer
/// fix the mapping, then import the valid lines in one transaction.
/// </summary>
public sealed partial class AccessDashboardImporter(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    /// <summary>How far down a sheet the header row is looked for.</summary>
    public const int HeaderSearchRows = 30;
    public const string BlankReason = "ligne vide";
    public const string TotalReason = "ligne de total : fin du tableau";

    /// <summary>
    /// Reads <paramref name="sheet"/> (default: the first sheet with a recognisable header row) and reports the mapping and
    /// every line. A file that is not a readable .xlsx, or an unknown sheet, gives a preview whose <see cref="ImportPreview.Problems"/> say so.
    /// </summary>
    public async Task<ImportPreview> ReadAsync(Stream xlsx, string fileName, string? sheet = null, CancellationToken ct = default)
    {
        // Browser upload streams allow no synchronous reads, which ClosedXML does.
        using var buffer = new MemoryStream();
        await xlsx.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(buffer);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Empty(fileName, [], null, $"Le fichier « {fileName} » n'est pas un classeur Excel (.xlsx) lisible.");
        }
        using (workbook)
        {
            var sheets = workbook.Worksheets.Select(w => w.Name).ToList();
            if (sheet is not null)
            {
                return workbook.TryGetWorksheet(sheet, out var chosen)
                    ? Read(chosen, fileName, sheets)
                    : Empty(fileName, sheets, sheet, $"La feuille « {sheet} » n'existe pas. Feuilles du classeur : {string.Join(", ", sheets)}.");
            }
            var first = workbook.Worksheets.FirstOrDefault(w => FindHeaderRow(w) is not null);
            return first is not null
                ? Read(first, fileName, sheets)
                : Empty(fileName, sheets, null,
                    "Aucune feuille ne contient de ligne d'en-têtes reconnue (il faut au moins « Date de réception » et « Nom du patient »).");
        }
    }

    /// <summary>
    /// The same preview with the officer's corrections: column letter → field, or null to leave a column out. A field given
    /// to a column is taken from any other column that had it. The lines are read again from the cells kept in the preview.
    /// </summary>
    public ImportPreview ApplyMapping(ImportPreview preview, IReadOnlyDictionary<string, DashboardField?> overrides)
    {
        var columns = preview.Columns.ToList();
        foreach (var (letter, field) in overrides)
        {
            var index = columns.FindIndex(c => string.Equals(c.Letter, letter, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
                throw new CaseRuleException($"La colonne {letter} n'est pas une colonne d'en-tête de la feuille.");
            if (field is { } f && f != DashboardField.Ignored)
                columns = columns.Select(c => c.Field == f ? c with { Field = null } : c).ToList();
            columns[index] = columns[index] with { Field = field };
        }
        return Parse(preview with { Columns = columns });
    }

    private ImportPreview Read(IXLWorksheet sheet, string fileName, IReadOnlyList<string> sheets)
    {
        if (FindHeaderRow(sheet) is not { } header)
            return Empty(fileName, sheets, sheet.Name,
                $"La feuille « {sheet.Name} » n'a pas de ligne d'en-têtes reconnue (il faut au moins « Date de réception » et « Nom du patient »).");
        var columns = header.CellsUsed().Where(c => !c.HasFormula).Select(c => new ImportColumn(c.Address.ColumnLetter, c.Address.ColumnNumber,
                c.GetString().Trim(), null)).Where(c => c.Header.Length > 0).ToList();
        // First column wins a field; a second column with the same meaning stays unrecognised until the officer maps it.
        var taken = new HashSet<DashboardField>();
        columns = columns.Select(c => DashboardFields.Match(c.Header) is { } f && (f == DashboardField.Ignored || taken.Add(f)) ? c with { Field = f } : c)
            .ToList();

        var lines = new List<SheetLine>();
        var skipped = new List<ImportSkip>();
        var last = sheet.LastRowUsed()?.RowNumber() ?? 0;
        for (var r = header.RowNumber() + 1; r <= last; r++)
        {
            var cells = columns.ToDictionary(c => c.Number, c => DashboardCell.Read(sheet.Cell(r, c.Number)));
            // "TOTAL" in the first filled cell ends the table (what follows is a footer, not requests).
            if (cells.Values.FirstOrDefault(c => !c.IsEmpty).Value is string s && TextSearch.Normalize(s).StartsWith("total", StringComparison.Ordinal))
            {
                skipped.Add(new ImportSkip(r, TotalReason));
                break;
            }
            lines.Add(new SheetLine(r, cells));
        }
        return Parse(new ImportPreview(fileName, sheets, sheet.Name, header.RowNumber(), columns, [], skipped, []) { Lines = lines });
    }

    /// <summary>Reads every kept line with the preview's mapping (blank lines are listed, not read).</summary>
    private ImportPreview Parse(ImportPreview preview)
    {
        var parser = new DashboardRowParser(preview.Columns, ParisCalendar.Today(time));
        var rows = new List<ImportRow>();
        var skipped = preview.Skipped.Where(s => s.Reason != BlankReason).ToList();
        foreach (var line in preview.Lines)
        {
            if (parser.IsBlank(line.Cells))
                skipped.Add(new ImportSkip(line.Row, BlankReason));
            else
                rows.Add(parser.Parse(line.Row, line.Cells));
        }
        var missing = DashboardFields.Required.Where(f => preview.Columns.All(c => c.Field != f))
            .Select(f => $"Aucune colonne n'est associée à « {f.Label()} » : indiquez laquelle la contient.").ToList();
        return preview with { Rows = rows, Skipped = [.. skipped.OrderBy(s => s.Row)], Problems = missing };
    }

    /// <summary>The first row, near the top, whose labels name the receipt date and the patient (title lines above are skipped).</summary>
    private static IXLRow? FindHeaderRow(IXLWorksheet sheet)
    {
        var last = Math.Min(sheet.LastRowUsed()?.RowNumber() ?? 0, HeaderSearchRows);
        for (var r = 1; r <= last; r++)
        {
            var row = sheet.Row(r);
            var fields = row.CellsUsed().Where(c => !c.HasFormula).Select(c => DashboardFields.Match(c.GetString())).ToHashSet();
            if (DashboardFields.Required.All(f => fields.Contains(f)))
                return row;
        }
        return null;
    }

    private static ImportPreview Empty(string fileName, IReadOnlyList<string> sheets, string? sheet, string problem) =>
        new(fileName, sheets, sheet, null, [], [], [], [problem]);
}
