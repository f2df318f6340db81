using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.Queue;

/// <summary>
/// The queue's columns of a case, written on every save from its deadlines: the office's next deadline (what the urgency
/// order, the counters and « en retard » read), or, when the case waits on someone else, whom, since when, and when a
/// reminder is proposed. A case waiting on the requester or the CCI is never the office's late case.
/// </summary>
public static class QueueColumns
{
    public static void Refresh(CaseFile file, IReadOnlyList<Deadline> deadlines, LegalClock clock)
    {
        var waiting = file.IsOpen ? CaseKinds.Of(file).WaitingOn(file) : null;
        var open = file.IsOpen && waiting is null;
        (file.NextDueOn, file.NextDueCode, file.ClockSuspended) = open ? OfficeNext(deadlines) : (null, null, false);
        // What the queue's tooltip explains, written with the date so that the queue computes no clock per row.
        var next = open ? OfficeNextDeadline(deadlines) : null;
        (file.NextDueLabel, file.NextDueComputation) = (next?.Label, next?.Computation);
        file.WaitingOn = waiting?.Who;
        file.WaitingSince = waiting?.Since;
        file.ReminderDueOn = waiting is { } w ? ReminderDue(file, w, clock) : null;
    }

    /// <summary>
    /// The earliest running deadline the office must meet and its code, or, when every such deadline is suspended, no date
    /// and the suspended flag. Deadlines that are someone else's move (the CCI's opinion, the insurer's offer) never count.
    /// </summary>
    public static (DateOnly? DueOn, string? Code, bool Suspended) OfficeNext(IReadOnlyList<Deadline> deadlines) =>
        OfficeNextDeadline(deadlines) switch
        {
            null => (null, null, false),
            { State: DeadlineState.Suspended } suspended => (null, suspended.Code, true),
            var next => (next.DueOn, next.Code, false),
        };

    /// <summary>The deadline behind <see cref="OfficeNext"/>: the earliest running one, else the earliest suspended one.</summary>
    public static Deadline? OfficeNextDeadline(IReadOnlyList<Deadline> deadlines)
    {
        var open = deadlines.Where(d => !d.IsDone && !d.IsFloor && d.Actor == Actor.Office).ToList();
        return open.Where(d => d.State != DeadlineState.Suspended).OrderBy(d => d.DueOn).FirstOrDefault()
            ?? open.OrderBy(d => d.DueOn).FirstOrDefault();
    }

    /// <summary>A reminder is proposed a set number of days after the case started waiting, or after the last reminder.</summary>
    private static DateOnly ReminderDue(CaseFile file, Waiting waiting, LegalClock clock)
    {
        var lastReminder = file.LiveEvents.Where(e => e.Type == CaseEventTypes.Reminded && e.OccurredOn >= waiting.Since)
            .Select(e => (DateOnly?)e.OccurredOn).Max();
        return clock.Setting(DelaySettings.WaitingReminder).DueFrom(lastReminder ?? waiting.Since);
    }

    /// <summary>
    /// Rewrites the queue's columns of every open case from its facts, without touching its concurrency stamp (after an
    /// upgrade that changed what they mean).
    /// </summary>
    public static async Task RefreshOpenCasesAsync(AppDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        var clock = await LegalClockService.LoadClockAsync(db, ct);
        var suspensions = (await db.ClockSuspensions.AsNoTracking().ToListAsync(ct)).ToLookup(s => s.CaseFileId);
        var open = await db.CaseFiles.AsNoTracking().Include(c => c.Events)
            .Where(c => c.Status != CaseStatus.Closed && c.Status != CaseStatus.Refused && c.Status != CaseStatus.Abandoned).ToListAsync(ct);
        foreach (var file in open)
        {
            Refresh(file, clock.Compute(file, [.. suspensions[file.Id]], time), clock);
            await WriteAsync(db, file, ct);
        }
    }

    /// <summary>Writes the queue's columns of <paramref name="file"/> directly: its concurrency stamp stays, so no one editing it is refused.</summary>
    public static Task WriteAsync(AppDbContext db, CaseFile file, CancellationToken ct) =>
        db.CaseFiles.Where(c => c.Id == file.Id).ExecuteUpdateAsync(u => u
            .SetProperty(c => c.NextDueOn, file.NextDueOn).SetProperty(c => c.NextDueCode, file.NextDueCode)
            .SetProperty(c => c.NextDueLabel, file.NextDueLabel).SetProperty(c => c.NextDueComputation, file.NextDueComputation)
            .SetProperty(c => c.ClockSuspended, file.ClockSuspended).SetProperty(c => c.WaitingOn, file.WaitingOn)
            .SetProperty(c => c.WaitingSince, file.WaitingSince).SetProperty(c => c.ReminderDueOn, file.ReminderDueOn), ct);
}
