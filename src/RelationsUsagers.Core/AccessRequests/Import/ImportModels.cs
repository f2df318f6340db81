using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.AccessRequests.Import;

/// <summary>A column of the header row: its letter, its label as written, the field it was mapped to (null: not recognised).</summary>
public sealed record ImportColumn(string Letter, int Number, string Header, DashboardField? Field)
{
    public bool IsRecognised => Field is not null;
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

    /// <summary>"H : Commentaire du médecin": headers no usual label matched; they are not imported unless mapped.</summary>
    public IReadOnlyList<string> UnrecognisedHeaders => Columns.Where(c => c.Field is null).Select(c => $"{c.Letter} : {c.Header}").ToList();

    public int ValidCount => Rows.Count(r => r.IsValid);
    public int RejectedCount => Rows.Count(r => !r.IsValid);
    public IEnumerable<ImportError> Errors => Rows.SelectMany(r => r.Errors);

    /// <summary>Import is possible when the sheet has a header row with the required columns.</summary>
    public bool CanImport => Problems.Count == 0 && HeaderRow is not null;

    /// <summary>When no header row was recognised: the row that looks like one, to offer the officer (null: none seen).</summary>
    public int? SuggestedHeaderRow { get; init; }

    internal IReadOnlyList<SheetLine> Lines { get; init; } = [];
}

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

    /// <summary>Same patient, same receipt date, same requester: the key that makes a second import of the line a duplicate.</summary>
    public string DuplicateKey => DuplicateKeyOf(TextSearch.Normalize($"{PatientLastName} {PatientFirstName}"), ReceivedOn,
        TextSearch.Normalize(RequesterName));

    /// <summary>Names compared as sets of words: "Hélène Lefèvre" and "LEFÈVRE Hélène" are the same person.</summary>
    internal static string DuplicateKeyOf(string patientSearchName, DateOnly receivedOn, string requesterSearchName) =>
        $"{SameName(patientSearchName)}|{receivedOn.DayNumber}|{SameName(requesterSearchName)}";

    internal static string SameName(string name) =>
        string.Join(' ', TextSearch.Normalize(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
}
