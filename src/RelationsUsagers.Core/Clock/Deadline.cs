namespace RelationsUsagers.Core.Clock;

/// <summary>
/// One computed deadline of a case: where it starts, when it is due (after suspensions), when it was met.
/// </summary>
/// <param name="Code">The <see cref="DelaySetting.Code"/> it comes from.</param>
/// <param name="Article">Legal source, shown so that reports can justify the date.</param>
public sealed record Deadline(
    string Code,
    string Label,
    DateOnly StartOn,
    DateOnly DueOn,
    DateOnly? DoneOn,
    DeadlineState State,
    string Article)
{
    /// <summary>French warning, e.g. a copy sent before the 48 h reflection delay (L.1111-7 al.2): flagged, not blocked.</summary>
    public string? Warning { get; init; }

    /// <summary>
    /// Record access: the "operational" deadline counted from the complete request (office practice), shown next to
    /// the legal one counted from receipt (R.1111-1 al.4).
    /// </summary>
    public bool FromCompleteRequest { get; init; }

    /// <summary>A "not before" date (48 h reflection delay) rather than a "not after" one; never sorts the queue.</summary>
    public bool IsFloor { get; init; }

    /// <summary>Calendar days by which suspensions moved <see cref="DueOn"/> later.</summary>
    public int SuspendedDays { get; init; }

    /// <summary>Who must act for it to be met: the office, the requester, the CCI, the court, the insurer, the authority.</summary>
    public Cases.Actor Actor { get; init; } = Cases.Actor.Office;

    /// <summary>What the count starts from, with its preposition: "de la réception de la demande", "du dossier complet".</summary>
    public string? StartLabel { get; init; }

    /// <summary>
    /// How the date was computed, in French: "À compter de la réception de la demande (03/03/2026), prolongé de 5 jours de
    /// suspension — CSP art. L.1111-7 al.2". A floor starts with "Pas avant le …".
    /// </summary>
    public string Computation
    {
        get
        {
            var from = StartLabel is null ? $"À compter du {StartOn:dd/MM/yyyy}" : $"À compter {StartLabel} ({StartOn:dd/MM/yyyy})";
            var text = IsFloor ? $"Pas avant le {DueOn:dd/MM/yyyy}. {from}" : from;
            if (SuspendedDays > 0)
                text += $", prolongé de {SuspendedDays} jour{(SuspendedDays > 1 ? "s" : "")} de suspension";
            return $"{text} — {Article}";
        }
    }

    public string StateLabel => State.Label();

    public bool IsDone => State is DeadlineState.Done or DeadlineState.DoneLate;
}

public enum DeadlineState
{
    Upcoming = 1,
    /// <summary>Due within <see cref="LegalClock.NearDays"/> days.</summary>
    Near = 2,
    Overdue = 3,
    Suspended = 4,
    Done = 5,
    DoneLate = 6,
}

public static class DeadlineStateLabels
{
    public static string Label(this DeadlineState state) => state switch
    {
        DeadlineState.Upcoming => "à venir",
        DeadlineState.Near => "proche",
        DeadlineState.Overdue => "dépassé",
        DeadlineState.Suspended => "suspendu",
        DeadlineState.Done => "respecté",
        DeadlineState.DoneLate => "hors délai",
        _ => state.ToString(),
    };
}
