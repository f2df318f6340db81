using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.Clock;

/// <summary>
/// Reads a fact from a case's column or, failing that, from its timeline, so that a date typed in the form and
/// an event recorded on the timeline give the same clock. A cancelled event is no fact; a corrected one counts on its corrected date.
/// </summary>
internal static class CaseFacts
{
    /// <summary>A start fact: the column if set, else the latest event of these types (a repeated step restarts its count).</summary>
    public static DateOnly? Latest(CaseFile file, DateOnly? column, params string[] types) =>
        column ?? file.LiveEvents.Where(e => types.Contains(e.Type)).Select(e => (DateOnly?)e.OccurredOn).Max();

    /// <summary>
    /// A done fact: the earliest of the column and the events of these types that is on or after <paramref name="start"/>
    /// (the first time the step was met counts; one before the start answered a previous step, e.g. an answer sent
    /// before the CDU met).
    /// </summary>
    public static DateOnly? FirstFrom(CaseFile file, DateOnly start, DateOnly? column, params string[] types)
    {
        var fromEvents = file.LiveEvents.Where(e => types.Contains(e.Type) && e.OccurredOn >= start).Select(e => (DateOnly?)e.OccurredOn).Min();
        if (column is not { } c || c < start)
            return fromEvents;
        return fromEvents is { } first && first < c ? first : c;
    }

    public static DateOnly? Min(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
}

/// <summary>
/// A stretch of suspended calendar days: <see cref="From"/> included, <see cref="To"/> excluded, null while open;
/// <see cref="Reason"/> says why in French (the officer's reason, or the rule: « saisine de la CCI (CSP art. L.1142-7) »).
/// </summary>
internal readonly record struct SuspendedPeriod(DateOnly From, DateOnly? To, string Reason);

/// <summary>
/// A suspension as it moved a deadline: its days counted within the delay (outside it, or overlapping another, they do not
/// count again), <see cref="To"/> null while it runs.
/// </summary>
public sealed record AppliedSuspension(DateOnly From, DateOnly? To, int Days, string Reason);

internal static class SuspensionMath
{
    /// <summary>
    /// Moves <paramref name="due"/> later by every suspended day after <paramref name="start"/> and up to the moving due
    /// date (the due day itself included: it is a day of the delay). An open period covers every day up to and including
    /// <paramref name="horizon"/> (today, or the day the deadline was met); no day after it counts. Overlapping periods
    /// count once, and each counted stretch is returned with the reasons of the periods it merges.
    /// </summary>
    public static (DateOnly Due, int Days, IReadOnlyList<AppliedSuspension> Applied) Apply(DateOnly start, DateOnly due,
        IEnumerable<SuspendedPeriod> periods, DateOnly horizon)
    {
        var shifted = due;
        var applied = new List<AppliedSuspension>();
        var list = periods.ToList();
        foreach (var (from, to) in Merge(list, start.AddDays(1), horizon.AddDays(1)))
        {
            if (from > shifted)
                break;
            // The days of the delay left at 'from' now start counting again at 'to'.
            var days = to.DayNumber - from.DayNumber;
            shifted = shifted.AddDays(days);
            var sources = list.Where(p => p.From < to && (p.To is null || p.To > from)).ToList();
            // Cut at the horizon by a period still running: shown as running, not as ended tomorrow.
            var running = to > horizon && sources.Any(p => p.To is null || p.To > horizon);
            applied.Add(new AppliedSuspension(from, running ? null : to, days, string.Join(" ; ", sources.Select(p => p.Reason).Distinct())));
        }
        return (shifted, shifted.DayNumber - due.DayNumber, applied);
    }

    private static List<(DateOnly From, DateOnly To)> Merge(IEnumerable<SuspendedPeriod> periods, DateOnly floor, DateOnly openEnd)
    {
        var merged = new List<(DateOnly From, DateOnly To)>();
        var clipped = periods
            .Select(p => (From: p.From < floor ? floor : p.From, To: p.To is { } to && to < openEnd ? to : openEnd))
            .Where(p => p.To > p.From)
            .OrderBy(p => p.From);
        foreach (var p in clipped)
        {
            if (merged.Count > 0 && p.From <= merged[^1].To)
                merged[^1] = (merged[^1].From, p.To > merged[^1].To ? p.To : merged[^1].To);
            else
                merged.Add(p);
        }
        return merged;
    }
}
