namespace RelationsUsagers.Core.Cases;

/// <summary>
/// One case of any kind. The four kinds share one table (TPH) so that the officer's queue is a single
/// indexed query; each kind adds its own columns.
/// </summary>
public abstract class CaseFile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The discriminator column (TPH); set by each kind's constructor.</summary>
    public CaseKind Kind { get; private set; }

    protected CaseFile(CaseKind kind) => Kind = kind;

    /// <summary>Prefix + year + sequence, e.g. DAD-2026-00042; allocated once, never reused.</summary>
    public string Reference { get; set; } = "";
    public DateOnly ReceivedOn { get; set; }
    public Channel Channel { get; set; } = Channel.Mail;
    public Patient Patient { get; set; } = new();
    public Party Requester { get; set; } = new();
    /// <summary>Departments concerned ("Urgences", "Cardiologie"...).</summary>
    public List<string> Services { get; set; } = [];
    /// <summary>User name of the officer in charge.</summary>
    public string? AssignedTo { get; set; }
    public CaseStatus Status { get; set; } = CaseStatus.Received;
    public string Summary { get; set; } = "";

    /// <summary>Earliest open deadline, kept up to date on each save so that the queue can sort by it.</summary>
    public DateOnly? NextDueOn { get; set; }
    /// <summary>The delay code behind <see cref="NextDueOn"/>, shown on hover in the queue.</summary>
    public string? NextDueCode { get; set; }
    /// <summary>The name of that deadline as the case page shows it ("Rencontre avec le médiateur médecin (8 jours)").</summary>
    public string? NextDueLabel { get; set; }
    /// <summary>How its date was computed (<see cref="Clock.Deadline.Computation"/>): the queue's tooltip reads it without computing the clock.</summary>
    public string? NextDueComputation { get; set; }
    /// <summary>Every running clock of the case is suspended (the queue shows "suspendu").</summary>
    public bool ClockSuspended { get; set; }
    /// <summary>Whom the case waits on when the next move is not the office's (kept up to date on each save).</summary>
    public Actor? WaitingOn { get; set; }
    public DateOnly? WaitingSince { get; set; }
    /// <summary>When the queue proposes to remind <see cref="WaitingOn"/>.</summary>
    public DateOnly? ReminderDueOn { get; set; }

    public DateOnly? ClosedOn { get; set; }
    public string? Outcome { get; set; }

    /// <summary>Where an imported case came from (file, sheet, row); null for cases typed in the portal.</summary>
    public string? ImportSource { get; set; }

    /// <summary>The number the office gave the case in its own spreadsheet (« ancienne référence »), searchable in the queue.</summary>
    public string? FormerReference { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedBy { get; set; } = "";

    /// <summary>Optimistic concurrency: replaced on every save, checked by EF Core.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<CaseEvent> Events { get; set; } = [];
    /// <summary>The events in force: a cancelled event stays on the timeline (struck through) but is no longer a fact.</summary>
    public IEnumerable<CaseEvent> LiveEvents => Events.Where(e => !e.IsCancelled);
    public List<CaseDocument> Documents { get; set; } = [];

    public bool IsOpen => !Status.IsFinal();
}

/// <summary>A fact on the timeline ("pièces complètes reçues", "réponse envoyée"...). Deadlines derive from these.</summary>
public sealed class CaseEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseFileId { get; set; }
    /// <summary>A code from the kind's event list (see <see cref="CaseEventTypes"/>).</summary>
    public string Type { get; set; } = "";
    public DateOnly OccurredOn { get; set; }
    public string? Note { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public string RecordedBy { get; set; } = "";
    /// <summary>Cancelled with a reason (see <see cref="Corrections"/>): kept, shown struck through, ignored by the clocks.</summary>
    public bool IsCancelled { get; set; }
    /// <summary>
    /// Every correction and the cancellation, oldest first, each with the values it replaced: <see cref="OccurredOn"/> and
    /// <see cref="Note"/> hold the values in force, this list the history.
    /// </summary>
    public List<CaseEventCorrection> Corrections { get; set; } = [];
}

/// <summary>One correction (new date and/or note) or the cancellation of a timeline event: who, when, why, and what it replaced.</summary>
public sealed class CaseEventCorrection
{
    public bool Cancelled { get; set; }
    public DateTime AtUtc { get; set; }
    public string By { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateOnly PreviousOccurredOn { get; set; }
    public string? PreviousNote { get; set; }
    /// <summary>The values set by this correction (the previous ones again for a cancellation).</summary>
    public DateOnly OccurredOn { get; set; }
    public string? Note { get; set; }
}

/// <summary>Metadata of an uploaded document; the bytes are stored outside the web root.</summary>
public sealed class CaseDocument
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseFileId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long SizeBytes { get; set; }
    /// <summary>Path relative to the document store root.</summary>
    public string StoragePath { get; set; } = "";
    public string? Description { get; set; }
    public DateTime UploadedAtUtc { get; set; }
    public string UploadedBy { get; set; } = "";
    /// <summary>Withdrawn by a manager: the file and the row are kept, hidden from the list, downloaded by managers only.</summary>
    public DateTime? WithdrawnAtUtc { get; set; }
    public string? WithdrawnBy { get; set; }
    public string? WithdrawalReason { get; set; }
    public bool IsWithdrawn => WithdrawnAtUtc is not null;
}
