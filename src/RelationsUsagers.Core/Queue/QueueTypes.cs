using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.Queue;

/// <summary>What the officer filters the queue by; every field maps to a URL query parameter.</summary>
public sealed record QueueFilter
{
    public CaseKind? Kind { get; init; }
    public CaseStatus? Status { get; init; }
    /// <summary>Only the cases assigned to this user name ("mes dossiers").</summary>
    public string? AssignedTo { get; init; }
    public bool OverdueOnly { get; init; }
    public bool DueThisWeek { get; init; }
    public string? Service { get; init; }
    /// <summary>Reference, patient or requester name; case and accents ignored.</summary>
    public string? Search { get; init; }
    /// <summary>Closed cases are hidden unless asked for.</summary>
    public bool IncludeClosed { get; init; }
}

public enum QueueSort { Urgency, Reference, ReceivedOn, Patient, Status, NextDue, Kind }

public sealed record PageRequest(int Page, int PageSize, QueueSort Sort = QueueSort.Urgency, bool Descending = false)
{
    public int Skip => Math.Max(0, Page) * PageSize;
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);

public sealed record CaseListItem(
    Guid Id, string Reference, CaseKind Kind, string PatientLastName, string PatientFirstName, string RequesterName,
    List<string> Services, DateOnly ReceivedOn, CaseStatus Status, DateOnly? NextDueOn, string? AssignedTo,
    string? NextDueCode = null, bool ClockSuspended = false)
{
    /// <summary>The rule behind the next deadline ("Communication du dossier (8 jours) — CSP art. L.1111-7 al.2").</summary>
    public string? NextDueRule => Clock.DelaySettings.Defaults.FirstOrDefault(d => d.Code == NextDueCode) is { } setting
        ? $"{Clock.DelaySettings.DisplayLabel(setting)} — {setting.Article}" : null;

    public string PatientName => $"{PatientLastName.ToUpperInvariant()} {PatientFirstName}".Trim();
}

/// <summary>The counters above the grid; each is a one-click filter.</summary>
public sealed record QueueCounters(IReadOnlyDictionary<CaseKind, int> OpenByKind, int Overdue, int DueThisWeek, int Mine);
