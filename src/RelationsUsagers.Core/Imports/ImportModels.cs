namespace RelationsUsagers.Core.Imports;

/// <summary>
/// A column of the header row: its letter, its label as written, the field it was mapped to (null: not recognised).
/// <typeparamref name="TField"/> is the register's field enum, whose 0 value means « recognised but ignored ».
/// </summary>
public sealed record ImportColumn<TField>(string Letter, int Number, string Header, TField? Field) where TField : struct, Enum
{
    public bool IsRecognised => Field is not null;

    /// <summary>How sure the label's match is (<see cref="ImportVocabulary{TField}.Score"/>); 100 when the officer chose the field.</summary>
    public int Score { get; init; } = 100;

    /// <summary>Mapped on a doubtful match the officer has not confirmed yet: the import waits for it.</summary>
    public bool IsDoubtful => Field is not null && Score < ImportVocabulary<TField>.SureScore;

    /// <summary>Recognised as a column the import leaves out (an order number, a value the portal recomputes).</summary>
    public bool IsIgnored => Field is { } f && ImportVocabulary<TField>.IsIgnored(f);

    /// <summary>"Date récept. → Date de réception (90 %)" or "Statut → ignorée".</summary>
    public string Describe(ImportVocabulary<TField> vocabulary) => Field is { } f
        ? IsIgnored ? $"{Letter} « {Header} » → ignorée" : $"{Letter} « {Header} » → {vocabulary.Label(f)} ({Score} %{(IsDoubtful ? ", à confirmer" : "")})"
        : $"{Letter} « {Header} » → non reconnue, non importée";
}

/// <summary>A reason a line cannot be imported, in French, naming the line and the column: shown to the officer as is.</summary>
public sealed record ImportError<TField>(int Row, string? Column, TField? Field, string Message) where TField : struct, Enum
{
    public override string ToString() => Message;
}

/// <summary>A line that was not read as a case: blank, or the TOTAL line that ends the table.</summary>
public sealed record ImportSkip(int Row, string Reason);

/// <summary>What every register's line gives the shared machinery once read: its receipt date, its duplicate key, its services.</summary>
public interface IImportEntry
{
    DateOnly ReceivedOn { get; }
    /// <summary>The key that makes a second import of the line a duplicate (<see cref="ImportKeys.Of"/>).</summary>
    string DuplicateKey { get; }
    /// <summary>Services as written that neither the hospital's list nor the office's aliases know.</summary>
    IReadOnlyList<string> UnknownServices { get; }
    /// <summary>The date of the line's last usual step, shown in the preview: the copy sent, the answer.</summary>
    DateOnly? LastStepOn { get; }
}

/// <summary>One data line: its values once read, or its errors (then it is rejected).</summary>
public sealed record ImportRow<TField, TEntry>(int Row, TEntry? Entry, IReadOnlyList<ImportError<TField>> Errors)
    where TField : struct, Enum where TEntry : class, IImportEntry
{
    public bool IsValid => Errors.Count == 0 && Entry is not null;

    /// <summary>Why a valid line would not be created: « déjà enregistrée (DAD-2025-00001) », « même demande que la ligne 4 ».</summary>
    public string? DuplicateOf { get; init; }

    /// <summary>Valid and not a duplicate: the import creates a case for it.</summary>
    public bool IsNew => IsValid && DuplicateOf is null;

    /// <summary>The patient, receipt and last step's dates as the file shows them: a rejected line is recognisable too.</summary>
    public string Patient { get; init; } = "";
    public string ReceivedAsTyped { get; init; } = "";
    public string SentAsTyped { get; init; } = "";
}

/// <summary>A line under the header row as read (cells by column number): a new mapping re-reads it without the file.</summary>
internal sealed record SheetLine(int Row, IReadOnlyDictionary<int, ImportCell> Cells);

/// <summary>What an import would do, before anything is written: the sheet, the mapping, each line OK or with its errors.</summary>
public sealed record ImportPreview<TField, TEntry>(
    string FileName,
    IReadOnlyList<string> Sheets,
    string? Sheet,
    int? HeaderRow,
    IReadOnlyList<ImportColumn<TField>> Columns,
    IReadOnlyList<ImportRow<TField, TEntry>> Rows,
    IReadOnlyList<ImportSkip> Skipped,
    IReadOnlyList<string> Problems)
    where TField : struct, Enum where TEntry : class, IImportEntry
{
    /// <summary>The register's labels, for the lists below and the rejected-lines workbook.</summary>
    public required ImportVocabulary<TField> Vocabulary { get; init; }

    /// <summary>Column letter → field, for the columns that were recognised.</summary>
    public IReadOnlyDictionary<string, TField> Mapping =>
        Columns.Where(c => c.Field is not null).ToDictionary(c => c.Letter, c => c.Field!.Value);

    /// <summary>The columns used, one line each: file label → field, with the score.</summary>
    public IReadOnlyList<string> UsedColumns => Columns.Where(c => c.Field is not null && !c.IsIgnored).Select(c => c.Describe(Vocabulary)).ToList();

    /// <summary>The columns not imported: unknown labels, and values the portal recomputes.</summary>
    public IReadOnlyList<string> IgnoredColumns => Columns.Where(c => c.Field is null || c.IsIgnored).Select(c => c.Describe(Vocabulary)).ToList();

    /// <summary>Columns matched on a doubtful label, to be confirmed by the officer before the import.</summary>
    public IReadOnlyList<ImportColumn<TField>> DoubtfulColumns => Columns.Where(c => c.IsDoubtful).ToList();

    /// <summary>Said once for the whole file, not on every line: a missing column that makes some lines fail, unknown services.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Services of the file that are neither in the hospital's list nor in the office's aliases, with a proposed service (or null).</summary>
    public IReadOnlyList<UnknownService> UnknownServices { get; init; } = [];

    /// <summary>"H : Commentaire du médecin": headers no usual label matched; they are not imported unless mapped.</summary>
    public IReadOnlyList<string> UnrecognisedHeaders => Columns.Where(c => c.Field is null).Select(c => $"{c.Letter} : {c.Header}").ToList();

    public int ValidCount => Rows.Count(r => r.IsValid);
    /// <summary>Valid lines that are not already in the portal or earlier in the file: what the import would create.</summary>
    public int NewCount => Rows.Count(r => r.IsNew);
    public int DuplicateCount => Rows.Count(r => r.IsValid && r.DuplicateOf is not null);
    public int RejectedCount => Rows.Count(r => !r.IsValid);
    public IEnumerable<ImportError<TField>> Errors => Rows.SelectMany(r => r.Errors);

    /// <summary>Import is possible when the sheet has a header row with the required columns.</summary>
    public bool CanImport => Problems.Count == 0 && HeaderRow is not null && DoubtfulColumns.Count == 0;

    /// <summary>When no header row was recognised: the row that looks like one, to offer the officer (null: none seen).</summary>
    public int? SuggestedHeaderRow { get; init; }

    /// <summary>The lines as read from the sheet, kept so that a new mapping and the rejected-lines workbook need no file.</summary>
    internal IReadOnlyList<SheetLine> Lines { get; init; } = [];

    /// <summary>The office's service aliases, normalised alias → service, as loaded for this preview.</summary>
    internal IReadOnlyDictionary<string, string> ServiceAliases { get; init; } = new Dictionary<string, string>();
}

/// <summary>A service written in the file that the hospital's list does not know, the lines using it, and the closest service (null: none).</summary>
public sealed record UnknownService(string Name, IReadOnlyList<int> Rows, string? Proposed);

/// <summary>The outcome of an import: lines read, cases created, lines rejected and lines already in the portal.</summary>
public sealed record ImportResult<TField>(int Read, int Imported, int Rejected, int SkippedDuplicates, IReadOnlyList<ImportError<TField>> Errors)
    where TField : struct, Enum
{
    /// <summary>"Ligne 4 : demande déjà enregistrée (DAD-2025-00001).", one per duplicate line.</summary>
    public IReadOnlyList<string> Duplicates { get; init; } = [];
    /// <summary>References of the cases created, in the order of the file.</summary>
    public IReadOnlyList<string> References { get; init; } = [];
}

/// <summary>The duplicate key every register uses: same patient, same receipt date, same requester or complainant.</summary>
public static class ImportKeys
{
    /// <summary>Names compared as sets of words: "Hélène Lefèvre" and "LEFÈVRE Hélène" are the same person.</summary>
    public static string Of(string patientSearchName, DateOnly receivedOn, string requesterSearchName) =>
        $"{SameName(patientSearchName)}|{receivedOn.DayNumber}|{SameName(requesterSearchName)}";

    public static string SameName(string name) =>
        string.Join(' ', Cases.TextSearch.Normalize(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
}
