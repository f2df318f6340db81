using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.Clock;

/// <summary>
/// The one place that computes every deadline of a case from its facts (columns and timeline), its suspension log,
/// the delay settings and today (Europe/Paris). Pure: no database, no clock of its own.
/// Calendar days throughout; a due date on a weekend or holiday stays where it is (no CSP article pushes it back).
/// </summary>
public sealed class LegalClock
{
    private readonly Dictionary<string, DelaySetting> _settings;

    public LegalClock(IReadOnlyList<DelaySetting> settings)
    {
        // A code missing from the table falls back to its default, so a deleted row never hides a legal deadline.
        _settings = DelaySettings.Defaults.ToDictionary(s => s.Code);
        foreach (var setting in settings)
            _settings[setting.Code] = setting;
    }

    /// <summary>The clock with <see cref="DelaySettings.Defaults"/>.</summary>
    public static LegalClock Default { get; } = new(DelaySettings.Defaults);

    public DelaySetting Setting(string code) =>
        _settings.TryGetValue(code, out var setting) ? setting : throw new ArgumentException($"Délai inconnu : {code}.", nameof(code));

    public bool IsKnown(string code) => _settings.ContainsKey(code);

    /// <summary>Every deadline of <paramref name="file"/> as of today in Paris.</summary>
    public IReadOnlyList<Deadline> Compute(CaseFile file, IReadOnlyList<ClockSuspension> suspensions, TimeProvider time) =>
        Compute(file, suspensions, ParisCalendar.Today(time));

    /// <summary>Every deadline of <paramref name="file"/> as of <paramref name="today"/>; <paramref name="suspensions"/> is the case's log.</summary>
    public IReadOnlyList<Deadline> Compute(CaseFile file, IReadOnlyList<ClockSuspension> suspensions, DateOnly today)
    {
        // A deadline that arises from a later fact (a refusal born of silence) does not exist before that day.
        var drafts = CaseKinds.Of(file).Deadlines(file, this).Where(d => d.ArisesOn is null || d.ArisesOn <= today);
        return drafts.Select(d => d.IsFloor ? Floor(d, today) : Finish(file, d, suspensions, today)).ToList();
    }

    /// <summary>
    /// The first instant the record may be communicated (L.1111-7 al.2), in Paris time. Forty-eight hours are a duration,
    /// so they are elapsed hours: on the night clocks go forward, 48 h after Saturday 23:30 is Tuesday 00:30.
    /// </summary>
    public DateTimeOffset EarliestCommunicationAt(DateTimeOffset completeAt)
    {
        var setting = Setting(DelaySettings.AccessReflection48h);
        var earliest = setting.Unit switch
        {
            DelayUnit.Hours => completeAt.AddHours(setting.Duration),
            DelayUnit.Days => completeAt.AddDays(setting.Duration),
            _ => ParisInstant(setting.DueFrom(DateOnly.FromDateTime(ParisCalendar.Local(completeAt))),
                TimeOnly.FromDateTime(ParisCalendar.Local(completeAt))),
        };
        return TimeZoneInfo.ConvertTime(earliest, ParisCalendar.Zone);
    }

    /// <summary>The instant of a Paris wall-clock time (a time skipped in spring takes the winter offset).</summary>
    public static DateTimeOffset ParisInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, ParisCalendar.Zone.GetUtcOffset(local));
    }

    private Deadline Finish(CaseFile file, DeadlineDraft draft, IReadOnlyList<ClockSuspension> suspensions, DateOnly today)
    {
        // A closed case (refused, abandoned, closed) stops the office's clocks on the closing day, so it leaves the queue;
        // a party's time limit (the requester's to seize the CADA or the court) runs on after it.
        var doneOn = draft.DoneOn ?? (file.IsOpen || draft.RunsAfterClosing ? null : file.ClosedOn);
        var code = draft.Setting.Code;
        // Some delays no text suspends (L.1111-7, the authority's date): the office's stop-the-clock leaves them alone.
        var manual = draft.NeverSuspended ? [] : suspensions.Where(s => s.Applies(code))
            .Select(s => new SuspendedPeriod(s.StartedOn, s.EndedOn, $"suspension : {s.Reason}"));
        var periods = manual.Concat(draft.AutoSuspensions).ToList();
        var baseDue = draft.FixedDue ?? draft.Setting.DueFrom(draft.StartOn);
        var horizon = doneOn is { } d && d < today ? d : today;
        var (due, days, applied) = SuspensionMath.Apply(draft.StartOn, baseDue, periods, horizon);
        var notes = draft.Notes.ToList();
        if (draft.NeverSuspended && suspensions.Any(s => s.Applies(code)))
            notes.Add("Les suspensions du service ne le déplacent pas : aucun texte ne suspend ce délai.");
        if (draft.MinimumDue is { } floor && floor > due)
        {
            due = floor;
            notes.Add(draft.MinimumDueNote ?? $"Reporté au {floor:dd/MM/yyyy}.");
        }
        // A suspension opened after the due date has passed does not revive it: the deadline stays overdue.
        var suspendedNow = periods.Any(p => p.From <= today && p.From <= due && (p.To is null || p.To > today));
        return new Deadline(code, draft.Label ?? draft.Setting.DisplayLabel(), draft.StartOn, due, doneOn,
            StateOf(due, doneOn, suspendedNow, today, draft.Setting.WarningDays), draft.Setting.Article)
        {
            FromCompleteRequest = draft.FromCompleteRequest,
            SuspendedDays = days,
            Suspensions = applied,
            Actor = draft.Actor,
            StartLabel = draft.StartLabel,
            Duration = draft.FixedDue is null ? draft.Setting.DurationLabel() : null,
            Notes = notes,
            NeverSuspended = draft.NeverSuspended,
        };
    }

    internal static DeadlineState StateOf(DateOnly due, DateOnly? doneOn, bool suspendedNow, DateOnly today,
        int warningDays = DelaySetting.DefaultWarningDays)
    {
        if (doneOn is { } done)
            return done <= due ? DeadlineState.Done : DeadlineState.DoneLate;
        if (suspendedNow)
            return DeadlineState.Suspended;
        if (today > due)
            return DeadlineState.Overdue;
        return due.DayNumber - today.DayNumber <= warningDays ? DeadlineState.Near : DeadlineState.Upcoming;
    }

    /// <summary>
    /// The 48 h reflection floor (L.1111-7 al.2), counted from the complete request; a communication inside it needs a confirmed reason (AccessRequestKind.Guards).
    /// Only dates are stored: a copy sent on the day the request was complete or the next day left less than 48 h after
    /// it whatever the hours, so it is flagged; two days later it may or may not be early, and gets the benefit of the
    /// doubt. Not moved by suspensions: the requester's reflection time runs regardless. "Respecté" once it has elapsed.
    /// </summary>
    private static Deadline Floor(DeadlineDraft draft, DateOnly today)
    {
        var earliest = draft.Setting.DueFrom(draft.StartOn);
        var sent = draft.DoneOn;
        var early = sent < earliest;
        var state = sent is null
            ? today < earliest ? DeadlineState.Upcoming : DeadlineState.Done
            : early ? DeadlineState.DoneLate : DeadlineState.Done;
        return new Deadline(draft.Setting.Code, draft.Label ?? draft.Setting.DisplayLabel(), draft.StartOn, earliest, sent, state,
            draft.Setting.Article)
        {
            IsFloor = true,
            Actor = draft.Actor,
            StartLabel = draft.StartLabel,
            Duration = draft.Setting.DurationLabel(),
            Notes = draft.Notes,
            Warning = early
                ? $"Copie communiquée le {sent:dd/MM/yyyy}, moins de {draft.Setting.Duration} {draft.Setting.Unit.Label()} après " +
                  $"{(draft.FromCompleteRequest ? "la demande complète" : "la demande")} du {draft.StartOn:dd/MM/yyyy} " +
                  $"(délai de réflexion, {draft.Setting.Article})."
                : null,
        };
    }
}

/// <summary>
/// A deadline as a kind's definition declares it: which setting, from which fact, met by which fact, and whose move it
/// is. <see cref="LegalClock"/> turns it into a <see cref="Deadline"/> (suspensions, state).
/// </summary>
public sealed record DeadlineDraft(DelaySetting Setting, DateOnly StartOn, DateOnly? DoneOn)
{
    /// <summary>A date set from outside (the authority's date for a requisition) or by the kind's rule instead of the setting's duration.</summary>
    public DateOnly? FixedDue { get; init; }
    public string? Label { get; init; }
    /// <summary>What <see cref="StartOn"/> is, in French ("de la réception de la demande"), to say how the date was computed.</summary>
    public string? StartLabel { get; init; }
    public bool FromCompleteRequest { get; init; }
    public bool IsFloor { get; init; }
    public Actor Actor { get; init; } = Actor.Office;
    /// <summary>No text suspends this delay: the office's stop-the-clock never moves it (its own rule's suspensions still apply).</summary>
    public bool NeverSuspended { get; init; }
    /// <summary>A party's time limit that runs on when the office closes the case (the requester's time to seize the CADA).</summary>
    public bool RunsAfterClosing { get; init; }
    /// <summary>A due date the deadline never falls before, after suspensions (C. civ. 2239: at least six months after an expertise).</summary>
    public DateOnly? MinimumDue { get; init; }
    public string? MinimumDueNote { get; init; }
    /// <summary>What the kind's rule did beyond start + duration, in French, one sentence each, shown in the explanation.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
    /// <summary>
    /// The deadline exists only from this day: the requester's time to seize the CADA runs from a refusal born of a month's
    /// silence (CRPA R.311-13), which is no refusal before that day.
    /// </summary>
    public DateOnly? ArisesOn { get; init; }
    internal IReadOnlyList<SuspendedPeriod> AutoSuspensions { get; init; } = [];
}
