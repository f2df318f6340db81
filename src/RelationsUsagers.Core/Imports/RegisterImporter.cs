using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.Imports;

/// <summary>
/// Takes in a register an office kept by hand in Excel, as it is: title lines above the headers, dates typed as text,
/// Oui/OUI/non, formulas, blank lines, a TOTAL line, several sheets. Read first (nothing written), let the officer fix the
/// mapping, then import the valid lines in one transaction. What is the register's own (its columns, how a line reads, the
/// case it becomes) comes from its <see cref="ImportRegister{TField, TEntry}"/>.
/// </summary>
public partial class RegisterImporter<TField, TEntry>(ImportRegister<TField, TEntry> register, IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider time, ImportLimits? limits = null)
    where TField : struct, Enum where TEntry : class, IImportEntry
{
    private readonly ImportLimits _limits = limits ?? new ImportLimits();

    public ImportRegister<TField, TEntry> Register => register;
    private ImportVocabulary<TField> Vocabulary => register.Vocabulary;

    /// <summary>How far down a sheet the header row is looked for.</summary>
    public const int HeaderSearchRows = 30;
    public const string BlankReason = "ligne vide";
    public const string TotalReason = "ligne de total : fin du tableau";

    /// <summary>
    /// Reads <paramref name="sheet"/> (default: the first sheet with a recognisable header row) and reports the mapping and
    /// every line. A file that is not a readable .xlsx, or an unknown sheet, gives a preview whose <see cref="ImportPreview<TField, TEntry>.Problems"/> say so.
    /// </summary>
    public Task<ImportPreview<TField, TEntry>> ReadAsync(Stream xlsx, string fileName, string? sheet = null, CancellationToken ct = default) =>
        ReadAsync(xlsx, fileName, sheet, headerRow: null, ct);

    /// <summary>
    /// The same, with the header row the officer gives (1 = first row) when its labels are not the usual ones: every label of
    /// that row becomes a column, the unknown ones unmapped until <see cref="ApplyMapping"/>. Without <paramref name="sheet"/>,
    /// the row is taken on the first sheet. Null <paramref name="headerRow"/>: found by its labels, as above.
    /// </summary>
    public async Task<ImportPreview<TField, TEntry>> ReadAsync(Stream xlsx, string fileName, string? sheet, int? headerRow, CancellationToken ct = default)
    {
        // Browser upload streams allow no synchronous reads, which ClosedXML does.
        using var buffer = new MemoryStream();
        await xlsx.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        if (_limits.CheckPackage(buffer) is { } tooLarge)
            return Empty(fileName, [], null, tooLarge);
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
                    ? Read(chosen, fileName, sheets, headerRow)
                    : Empty(fileName, sheets, sheet, $"La feuille « {sheet} » n'existe pas. Feuilles du classeur : {string.Join(", ", sheets)}.");
            }
            // A row number without a sheet: the first sheet whose row has a known label, else several labels (not a legend line).
            if (headerRow is { } row)
            {
                var labelled = row is >= 1 and <= XLHelper.MaxRowNumber
                    ? workbook.Worksheets.FirstOrDefault(w => Labels(w.Row(row)).Any(c => Vocabulary.Match(c.GetString()) is not null))
                        ?? workbook.Worksheets.FirstOrDefault(w => Labels(w.Row(row)).Count() >= 2)
                    : null;
                return Read(labelled ?? workbook.Worksheet(1), fileName, sheets, headerRow);
            }
            if (workbook.Worksheets.FirstOrDefault(w => FindHeaderRow(w) is not null) is { } first)
                return Read(first, fileName, sheets, null);
            // Offer the sheet that looks like a table (a title or legend sheet may come first), so the officer can name its header row.
            var likely = workbook.Worksheets.FirstOrDefault(w => SuggestHeaderRow(w) is not null) ?? workbook.Worksheet(1);
            return NotFound(fileName, sheets, likely,
                $"Aucune feuille ne contient de ligne d'en-têtes reconnue (il faut au moins {RequiredLabels}).");
        }
    }

    /// <summary>
    /// What the page and the command line show before anything is written: the file read (<see cref="ReadAsync(Stream, string, string?, int?, CancellationToken)"/>),
    /// its services matched through the office's aliases, and each valid line checked against the requests already in the
    /// portal and the earlier lines of the file.
    /// </summary>
    public async Task<ImportPreview<TField, TEntry>> PreviewAsync(Stream xlsx, string fileName, string? sheet = null, int? headerRow = null, CancellationToken ct = default) =>
        await CheckAsync(await ReadAsync(xlsx, fileName, sheet, headerRow, ct), ct);

    /// <summary>The preview with the office's service aliases applied and the duplicates already in the portal marked.</summary>
    public async Task<ImportPreview<TField, TEntry>> CheckAsync(ImportPreview<TField, TEntry> preview, CancellationToken ct = default)
    {
        if (preview.HeaderRow is null)
            return preview;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var aliases = await ServiceAliasService.LoadAsync(db, ct);
        var parsed = Parse(preview with { ServiceAliases = aliases });
        var known = await KnownKeysAsync(db, parsed.Rows.Where(r => r.IsValid).ToList(), ct);
        return parsed with
        {
            Rows = parsed.Rows.Select(r => r.IsValid && known.TryGetValue(r.Entry!.DuplicateKey, out var reference)
                ? r with { DuplicateOf = $"déjà enregistrée ({reference})" } : r).ToList(),
        };
    }

    /// <summary>
    /// The same preview with the officer's corrections: column letter → field, or null to leave a column out. A field given
    /// to a column is taken from any other column that had it; giving a column its own field confirms a doubtful match. The
    /// lines are read again from the cells kept in the preview (nothing checked against the portal: see <see cref="ApplyMappingAsync"/>).
    /// </summary>
    public ImportPreview<TField, TEntry> ApplyMapping(ImportPreview<TField, TEntry> preview, IReadOnlyDictionary<string, TField?> overrides)
    {
        var columns = preview.Columns.ToList();
        foreach (var (letter, field) in overrides)
        {
            var index = columns.FindIndex(c => string.Equals(c.Letter, letter, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
                throw new CaseRuleException($"La colonne {letter} n'est pas une colonne d'en-tête de la feuille.");
            if (field is { } f && !ImportVocabulary<TField>.IsIgnored(f))
                columns = columns.Select((c, i) => Equals(c.Field, f) && i != index ? c with { Field = null } : c).ToList();
            columns[index] = columns[index] with { Field = field, Score = 100 };
        }
        return Parse(preview with { Columns = columns });
    }

    /// <summary>The officer's corrections, then the check against the portal (aliases, duplicates), as the page shows them.</summary>
    public Task<ImportPreview<TField, TEntry>> ApplyMappingAsync(ImportPreview<TField, TEntry> preview, IReadOnlyDictionary<string, TField?> overrides, CancellationToken ct = default) =>
        CheckAsync(ApplyMapping(preview, overrides), ct);

    private ImportPreview<TField, TEntry> Read(IXLWorksheet sheet, string fileName, IReadOnlyList<string> sheets, int? headerRow)
    {
        IXLRow header;
        if (headerRow is not { } number)
        {
            if (FindHeaderRow(sheet) is not { } found)
                return NotFound(fileName, sheets, sheet,
                    $"La feuille « {sheet.Name} » n'a pas de ligne d'en-têtes reconnue (il faut au moins {RequiredLabels}).");
            header = found;
        }
        else if (number is < 1 or > XLHelper.MaxRowNumber)
            return NotFound(fileName, sheets, sheet, $"« {number} » n'est pas un numéro de ligne : indiquez un nombre à partir de 1.");
        else
            header = sheet.Row(number);
        var columns = Labels(header).Select(c => new ImportColumn<TField>(c.Address.ColumnLetter, c.Address.ColumnNumber, c.GetString().Trim(), null)).ToList();
        if (columns.Count == 0)
            return NotFound(fileName, sheets, sheet,
                $"La ligne {header.RowNumber()} de la feuille « {sheet.Name} » ne contient aucun intitulé : indiquez la ligne qui porte les titres des colonnes.");
        // The surest match wins a field (then the leftmost); a second column with the same meaning stays unrecognised until
        // the officer maps it.
        var taken = new HashSet<TField>();
        var matched = columns.Select(c => (Column: c, Match: Vocabulary.Score(c.Header))).ToList();
        foreach (var (column, match) in matched.Where(m => m.Match is not null).OrderByDescending(m => m.Match!.Value.Score).ThenBy(m => m.Column.Number).ToList())
        {
            var (field, score) = match!.Value;
            if (ImportVocabulary<TField>.IsIgnored(field) || taken.Add(field))
                columns[columns.IndexOf(column)] = column with { Field = field, Score = score };
        }

        var lines = new List<SheetLine>();
        var skipped = new List<ImportSkip>();
        var last = sheet.LastRowUsed()?.RowNumber() ?? 0;
        if (last - header.RowNumber() > _limits.MaxRows)
            return Empty(fileName, sheets, sheet.Name, _limits.TooManyRows(sheet.Name, last - header.RowNumber()));
        for (var r = header.RowNumber() + 1; r <= last; r++)
        {
            var cells = columns.ToDictionary(c => c.Number, c => ImportCell.Read(sheet.Cell(r, c.Number)));
            if (cells.FirstOrDefault(c => c.Value.Value is string { } text && text.Length > _limits.MaxCellLength) is { Value.Value: string } tooLong)
                return Empty(fileName, sheets, sheet.Name, _limits.TooLongCell(r, XLHelper.GetColumnLetterFromNumber(tooLong.Key)));
            // "TOTAL" in the first filled cell ends the table (what follows is a footer, not requests).
            if (cells.Values.FirstOrDefault(c => !c.IsEmpty).Value is string s && TextSearch.Normalize(s).StartsWith("total", StringComparison.Ordinal))
            {
                skipped.Add(new ImportSkip(r, TotalReason));
                break;
            }
            lines.Add(new SheetLine(r, cells));
        }
        return Parse(new ImportPreview<TField, TEntry>(fileName, sheets, sheet.Name, header.RowNumber(), columns, [], skipped, []) { Lines = lines, Vocabulary = Vocabulary });
    }

    /// <summary>
    /// Reads every kept line with the preview's mapping (blank lines are listed, not read), marks a line repeating an earlier
    /// one of the file, and says once for the file what a missing column or an unknown service does to its lines.
    /// </summary>
    private ImportPreview<TField, TEntry> Parse(ImportPreview<TField, TEntry> preview)
    {
        var mapped = preview.Columns.Where(c => c.Field is { } f && !ImportVocabulary<TField>.IsIgnored(f))
            .GroupBy(c => c.Field!.Value).ToDictionary(g => g.Key, g => g.First());
        var today = ParisCalendar.Today(time);
        var rows = new List<ImportRow<TField, TEntry>>();
        var skipped = preview.Skipped.Where(s => s.Reason != BlankReason).ToList();
        var firstOf = new Dictionary<string, int>();
        foreach (var line in preview.Lines)
        {
            // True when no imported column of the line holds anything (a formula with no result counts as empty).
            if (mapped.Values.All(c => !line.Cells.TryGetValue(c.Number, out var cell) || cell.IsEmpty))
            {
                skipped.Add(new ImportSkip(line.Row, BlankReason));
                continue;
            }
            var row = register.Parse(new RowReader<TField>(mapped, Vocabulary, today, preview.ServiceAliases, line.Row, line.Cells));
            if (row.IsValid && !firstOf.TryAdd(row.Entry!.DuplicateKey, row.Row))
                row = row with { DuplicateOf = $"même {register.LineNoun} que la ligne {firstOf[row.Entry.DuplicateKey]}" };
            rows.Add(row);
        }
        var missing = Vocabulary.Required.Where(f => preview.Columns.All(c => !Equals(c.Field, f)))
            .Select(f => $"Aucune colonne n'est associée à « {Vocabulary.Label(f)} » : indiquez laquelle la contient.").ToList();
        var warnings = register.HeaderWarnings(preview.Columns, rows).ToList();
        var unknown = rows.Where(r => r.Entry is not null).SelectMany(r => r.Entry!.UnknownServices.Select(s => (Service: s, r.Row)))
            .GroupBy(s => TextSearch.Normalize(s.Service))
            .Select(g => new UnknownService(g.First().Service, g.Select(s => s.Row).ToList(), ServiceNames.Propose(g.First().Service))).ToList();
        if (unknown.Count > 0)
            warnings.Add($"{unknown.Count} service(s) absent(s) de la liste de l'hôpital : "
                + string.Join(", ", unknown.Select(u => $"« {u.Name} »{(u.Proposed is { } p ? $" (« {p} » ?)" : "")}"))
                + ". Associez chacun à un service de la liste, ou ils seront créés tels quels.");
        var doubtful = preview.Columns.Where(c => c.IsDoubtful).ToList();
        if (doubtful.Count > 0)
            warnings.Add($"{doubtful.Count} colonne(s) reconnue(s) avec un doute, à confirmer avant l'import : "
                + string.Join(" ; ", doubtful.Select(c => c.Describe(Vocabulary))) + ".");
        return preview with
        {
            Rows = rows, Skipped = [.. skipped.OrderBy(s => s.Row)], Problems = missing, Warnings = warnings, UnknownServices = unknown,
        };
    }

    /// <summary>The first row, near the top, whose labels name every required column (title lines above are skipped).</summary>
    private IXLRow? FindHeaderRow(IXLWorksheet sheet)
    {
        var last = Math.Min(sheet.LastRowUsed()?.RowNumber() ?? 0, HeaderSearchRows);
        for (var r = 1; r <= last; r++)
        {
            var row = sheet.Row(r);
            var fields = Labels(row).Select(c => Vocabulary.Match(c.GetString())).ToHashSet();
            if (Vocabulary.Required.All(f => fields.Contains(f)))
                return row;
        }
        return null;
    }

    /// <summary>Non-formula cells with a label, left to right: the columns a header row gives.</summary>
    private static IEnumerable<IXLCell> Labels(IXLRow row) => row.CellsUsed().Where(c => !c.HasFormula && c.GetString().Trim().Length > 0);

    /// <summary>
    /// When no labels were recognised: the first row near the top with at least three text labels. Title lines above a table
    /// hold one cell, and the header row comes before the lines it heads, so the first such row is the likely header row.
    /// </summary>
    private static int? SuggestHeaderRow(IXLWorksheet sheet)
    {
        var last = Math.Min(sheet.LastRowUsed()?.RowNumber() ?? 0, HeaderSearchRows);
        for (var r = 1; r <= last; r++)
        {
            if (Labels(sheet.Row(r)).Count(c => c.DataType == XLDataType.Text) >= 3)
                return r;
        }
        return null;
    }

    /// <summary>A sheet without a usable header row: the problem, and the row to propose instead when there is one.</summary>
    private ImportPreview<TField, TEntry> NotFound(string fileName, IReadOnlyList<string> sheets, IXLWorksheet sheet, string problem)
    {
        var suggested = SuggestHeaderRow(sheet);
        string[] problems = suggested is { } r
            ? [problem, $"La ligne {r} de la feuille « {sheet.Name} » semble porter les titres des colonnes : indiquez-la comme ligne d'en-têtes, puis associez les colonnes {RequiredLabels}."]
            : [problem];
        return new ImportPreview<TField, TEntry>(fileName, sheets, sheet.Name, null, [], [], [], problems) { SuggestedHeaderRow = suggested, Vocabulary = Vocabulary };
    }

    private string RequiredLabels => string.Join(" et ", Vocabulary.Required.Select(f => $"« {Vocabulary.Label(f)} »"));

    private ImportPreview<TField, TEntry> Empty(string fileName, IReadOnlyList<string> sheets, string? sheet, string problem) =>
        new(fileName, sheets, sheet, null, [], [], [], [problem]) { Vocabulary = Vocabulary };
}
