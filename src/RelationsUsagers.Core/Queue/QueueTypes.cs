using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.Queue;

/// <summary>What the officer filters the queue by; every field maps to a URL query parameter.</summary>
public sealed record QueueFilter
{
    public CaseKind? Kind { get; init; }
    public CaseStatus? Status { get; init; }
    /// <summary>Only the cases assigned to this user name ("mes dossiers").</summary>
    public string? AssignedTo { get; init; }
    /// <summary>The office is late: its own next deadline has passed (cases waiting on someone else never are).</summary>
    public bool OverdueOnly { get; init; }
    /// <summary>Cases waiting on someone else (the requester, the CCI, the court...).</summary>
    public bool WaitingOnly { get; init; }
    public bool DueThisWeek { get; init; }
    public string? Service { get; init; }
    /// <summary>
    /// With digits, part of a reference or of an IPP; with letters only, part of the patient's or requester's name or the
    /// start of a reference; case and accents ignored.
    /// </summary>
    public string? Search { get; init; }
    /// <summary>Closed cases are hidden unless asked for.</summary>
    public bool IncludeClosed { get; init; }
}

public enum QueueSort { Urgency, Reference, ReceivedOn, Patient, Status, NextDue, Kind }

public sealed record PageRequest(int Page, int PageSize, QueueSort Sort = QueueSort.Urgency, bool Descending = false)
{
    public int Skip => Math.Max(0, Page) * PageSize;
}

/// <summary>A page and how many items the filter matches.</summary>
/// <param name="TotalCount">The exact count, or the cap it stopped at when <see cref="MoreThanTotal"/>.</param>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount)
{
    /// <summary>More than <see cref="TotalCount"/> items match: the count stopped at its cap (<see cref="CaseQueueService.DefaultCountCap"/>).</summary>
    public bool MoreThanTotal { get; init; }
}

public sealed record CaseListItem(
    Guid Id, string Reference, CaseKind Kind, string PatientLastName, string PatientFirstName, string RequesterName,
    List<string> Services, DateOnly ReceivedOn, CaseStatus Status, DateOnly? NextDueOn, string? AssignedTo,
    string? NextDueCode = null, bool ClockSuspended = false, Actor? WaitingOn = null, DateOnly? WaitingSince = null, DateOnly? ReminderDueOn = null,
    string? NextDueLabel = null, string? NextDueComputation = null)
{
    private Clock.DelaySetting? NextDueSetting => Clock.DelaySettings.Defaults.FirstOrDefault(d => d.Code == NextDueCode);

    /// <summary>The rule behind the next deadline ("Communication du dossier (8 jours) — CSP art. L.1111-7 al.2").</summary>
    public string? NextDueRule => NextDueSetting is { } setting ? $"{Clock.DelaySettings.DisplayLabel(setting)} — {setting.Article}" : null;

    /// <summary>Which deadline it is, shortly: "Accusé de réception".</summary>
    public string? NextDueName => NextDueSetting?.Label;

    /// <summary>How many days before its date the next deadline turns « proche » (its setting's window).</summary>
    public int NextDueWarningDays => NextDueSetting?.WarningDays ?? Clock.DelaySetting.DefaultWarningDays;

    /// <summary>"En attente du demandeur depuis 12 jours"; null when the next move is the office's.</summary>
    public string? WaitingText(DateOnly today) => WaitingOn is { } who && WaitingSince is { } since ? who.WaitingText(since, today) : null;

    /// <summary>"depuis 12 jours".</summary>
    public string? WaitingSinceText(DateOnly today) => WaitingSince is { } since ? ActorLabels.SinceText(since, today) : null;

    /// <summary>A reminder to whoever the case waits on is proposed from <see cref="ReminderDueOn"/>.</summary>
    public bool ReminderProposed(DateOnly today) => ReminderDueOn is { } due && due <= today;


    public string PatientName => $"{PatientLastName.ToUpperInvariant()} {PatientFirstName}".Trim();
}

/// <summary>The counters above the grid; each is a one-click filter.</summary>
public sealed record QueueCounters(IReadOnlyDictionary<CaseKind, int> OpenByKind, int Overdue, int DueThisWeek, int Mine, int Waiting = 0);
