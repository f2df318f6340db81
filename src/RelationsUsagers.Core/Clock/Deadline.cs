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

    /// <summary>The delay counted, "8 jours", "2 mois"; null when the date was set (by the authority, by a rule).</summary>
    public string? Duration { get; init; }

    /// <summary>Each suspension that moved <see cref="DueOn"/>, with its days and reason.</summary>
    public IReadOnlyList<AppliedSuspension> Suspensions { get; init; } = [];

    /// <summary>What the rule did beyond start + duration (a date brought forward, a restart, a floor), in French.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>No text suspends this delay: the office's stop-the-clock does not move it.</summary>
    public bool NeverSuspended { get; init; }

    /// <summary>
    /// How the date was computed, in French, in one paragraph: "À compter de la réception de la demande (03/03/2026) : 8 jours,
    /// prolongé de 5 jours de suspension. … — CSP art. L.1111-7 al.2". A floor starts with "Pas avant le …".
    /// </summary>
    public string Computation
    {
        get
        {
            var from = StartLabel is null ? $"À compter du {StartOn:dd/MM/yyyy}" : $"À compter {StartLabel} ({StartOn:dd/MM/yyyy})";
            var text = IsFloor ? $"Pas avant le {DueOn:dd/MM/yyyy}. {from}" : from;
            if (Duration is not null)
                text += $" : {Duration}";
            if (SuspendedDays > 0)
                text += $", prolongé de {SuspendedDays} jour{(SuspendedDays > 1 ? "s" : "")} de suspension";
            foreach (var note in Notes)
                text += $". {note.TrimEnd('.')}";
            return $"{text} — {Article}";
        }
    }

    /// <summary>Whose move it is and what they must do, for the explanation: "À faire par : le demandeur".</summary>
    public string ActorText => $"À faire par : {Cases.ActorLabels.Label(Actor)}";

    public string StateLabel => State.Label();

    public bool IsDone => State is DeadlineState.Done or DeadlineState.DoneLate;
}

public enum DeadlineState
{
    Upcoming = 1,
    /// <summary>Due within the setting's <see cref="DelaySetting.WarningDays"/>.</summary>
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
