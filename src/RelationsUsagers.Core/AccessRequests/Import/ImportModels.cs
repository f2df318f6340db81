using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.AccessRequests.Import;

/// <summary>A column of the header row: its letter, its label as written, the field it was mapped to (null: not recognised).</summary>
public sealed record ImportColumn(string Letter, int Number, string Header, DashboardField? Field)
{
    public bool IsRecognised => Field is not null;

    /// <summary>How sure the label's match is (<see cref="DashboardFields.Score"/>); 100 when the officer chose the field.</summary>
    public int Score { get; init; } = 100;

    /// <summary>Mapped on a doubtful match the officer has not confirmed yet: the import waits for it.</summary>
    public bool IsDoubtful => Field is not null && Score < DashboardFields.SureScore;

    /// <summary>"Date récept. → Date de réception (90 %)" or "Statut → ignorée".</summary>
    public string Describe() => Field is { } f
        ? f == DashboardField.Ignored ? $"{Letter} « {Header} » → ignorée" : $"{Letter} « {Header} » → {f.Label()} ({Score} %{(IsDoubtful ? ", à confirmer" : "")})"
        : $"{Letter} « {Header} » → non reconnue, non importée";
}

/// <summary>A reason a line cannot be imported, in French, naming the line and the column: shown to the officer as is.</summary>
public sealed record ImportError(int Row, string? Column, DashboardField? Field, string Message)
{
    public override string ToString() => Message;
}

/// <summary>A line that was not read as a request: blank, or the TOTAL line that ends the table.</summary>
public sealed record ImportSkip(int Row, string Reason);

/// <summary>One data line: its values once read, or its errors (then it is rejected).</summary>
public sealed record ImportRow(int Row, DashboardEntry? Entry, IReadOnlyList<ImportError> Errors)
{
    public bool IsValid => Errors.Count == 0 && Entry is not null;

    /// <summary>Why a valid line would not be created: « déjà enregistrée (DAD-2025-00001) », « même demande que la ligne 4 ».</summary>
    public string? DuplicateOf { get; init; }

    /// <summary>Valid and not a duplicate: the import creates a request for it.</summary>
    public bool IsNew => IsValid && DuplicateOf is null;

    /// <summary>The patient, receipt and sending dates as the file shows them: a rejected line is recognisable too.</summary>
    public string Patient { get; init; } = "";
    public string ReceivedAsTyped { get; init; } = "";
    public string SentAsTyped { get; init; } = "";
}

/// <summary>A line under the header row as read (cells by column number): a new mapping re-reads it without the file.</summary>
internal sealed record SheetLine(int Row, IReadOnlyDictionary<int, DashboardCell> Cells);

/// <summary>What an import would do, before anything is written: the sheet, the mapping, each line OK or with its errors.</summary>
public sealed record ImportPreview(
    string FileName,
    IReadOnlyList<string> Sheets,
    string? Sheet,
    int? HeaderRow,
    IReadOnlyList<ImportColumn> Columns,
    IReadOnlyList<ImportRow> Rows,
    IReadOnlyList<ImportSkip> Skipped,
    IReadOnlyList<string> Problems)
{
    /// <summary>Column letter → field, for the columns that were recognised.</summary>
    public IReadOnlyDictionary<string, DashboardField> Mapping =>
        Columns.Where(c => c.Field is not null).ToDictionary(c => c.Letter, c => c.Field!.Value);

    /// <summary>The columns used, one line each: file label → field, with the score.</summary>
    public IReadOnlyList<string> UsedColumns => Columns.Where(c => c.Field is { } f && f != DashboardField.Ignored).Select(c => c.Describe()).ToList();

    /// <summary>The columns not imported: unknown labels, and values the portal recomputes.</summary>
    public IReadOnlyList<string> IgnoredColumns => Columns.Where(c => c.Field is null or DashboardField.Ignored).Select(c => c.Describe()).ToList();

    /// <summary>Columns matched on a doubtful label, to be confirmed by the officer before the import.</summary>
    public IReadOnlyList<ImportColumn> DoubtfulColumns => Columns.Where(c => c.IsDoubtful).ToList();

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
    public IEnumerable<ImportError> Errors => Rows.SelectMany(r => r.Errors);

    /// <summary>Import is possible when the sheet has a header row with the required columns.</summary>
    public bool CanImport => Problems.Count == 0 && HeaderRow is not null && DoubtfulColumns.Count == 0;

    /// <summary>When no header row was recognised: the row that looks like one, to offer the officer (null: none seen).</summary>
    public int? SuggestedHeaderRow { get; init; }

    internal IReadOnlyList<SheetLine> Lines { get; init; } = [];

    /// <summary>The office's service aliases, normalised alias → service, as loaded for this preview.</summary>
    internal IReadOnlyDictionary<string, string> ServiceAliases { get; init; } = new Dictionary<string, string>();
}

/// <summary>A service written in the file that the hospital's list does not know, the lines using it, and the closest service (null: none).</summary>
public sealed record UnknownService(string Name, IReadOnlyList<int> Rows, string? Proposed);

/// <summary>The outcome of an import: lines read, requests created, lines rejected and lines already in the portal.</summary>
public sealed record ImportResult(int Read, int Imported, int Rejected, int SkippedDuplicates, IReadOnlyList<ImportError> Errors)
{
    /// <summary>"Ligne 4 : demande déjà enregistrée (DAD-2025-00001).", one per duplicate line.</summary>
    public IReadOnlyList<string> Duplicates { get; init; } = [];
    /// <summary>References of the requests created, in the order of the file.</summary>
    public IReadOnlyList<string> References { get; init; } = [];
}

/// <summary>The values of one dashboard line once read (CSP L.1111-7, R.1111-1; usual columns).</summary>
public sealed class DashboardEntry
{
    public DateOnly ReceivedOn { get; internal set; }
    public string PatientLastName { get; internal set; } = "";
    public string PatientFirstName { get; internal set; } = "";
    public DateOnly? BirthDate { get; internal set; }
    public string? PatientNumber { get; internal set; }
    public string RequesterName { get; internal set; } = "";
    /// <summary>The capacity as written ("Tuteur", "Ayant-droit"), kept next to the recognised one.</summary>
    public string? RequesterCapacityText { get; internal set; }
    public RequesterCapacity RequesterCapacity { get; internal set; } = RequesterCapacity.Patient;
    public IReadOnlyList<string> Services { get; internal set; } = [];
    /// <summary>Services as written that neither the hospital's list nor the office's aliases know.</summary>
    public IReadOnlyList<string> UnknownServices { get; internal set; } = [];
    public Channel? Channel { get; internal set; }
    public DateOnly? CompletedOn { get; internal set; }
    public bool OlderThanFiveYears { get; internal set; }
    public CommunicationMode? Mode { get; internal set; }
    public DateOnly? SentOn { get; internal set; }
    public string? RecordedDeliveryNumber { get; internal set; }
    public DateOnly? AcknowledgedOn { get; internal set; }
    public long? FeeCents { get; internal set; }
    public DateOnly? PaidOn { get; internal set; }
    public int? PageCount { get; internal set; }
    public string? Remarks { get; internal set; }
    /// <summary>The completion cell says proofs are still awaited (« en attente pièce d'identité »).</summary>
    public bool AwaitingProofs { get; internal set; }
    public string? FormerReference { get; internal set; }

    /// <summary>Same patient, same receipt date, same requester: the key that makes a second import of the line a duplicate.</summary>
    public string DuplicateKey => DuplicateKeyOf(TextSearch.Normalize($"{PatientLastName} {PatientFirstName}"), ReceivedOn,
        TextSearch.Normalize(RequesterName));

    /// <summary>Names compared as sets of words: "Hélène Lefèvre" and "LEFÈVRE Hélène" are the same person.</summary>
    internal static string DuplicateKeyOf(string patientSearchName, DateOnly receivedOn, string requesterSearchName) =>
        $"{SameName(patientSearchName)}|{receivedOn.DayNumber}|{SameName(requesterSearchName)}";

    internal static string SameName(string name) =>
        string.Join(' ', TextSearch.Normalize(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
}
