using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Queue;

namespace RelationsUsagers.Core.Exports;

/// <summary>A register's cases with what their clock needs: timeline, suspensions, the delay settings of the database.</summary>
internal sealed record RegisterCases<T>(IReadOnlyList<T> Cases, ILookup<Guid, ClockSuspension> Suspensions, LegalClock Clock)
    where T : CaseFile;

internal static class RegisterQuery
{
    /// <summary>
    /// Cases of one kind received in the period (both days included), narrowed by the queue filter (null: all, closed too),
    /// read without tracking, by receipt date; events and suspensions come in one query each, not one per case.
    /// </summary>
    public static async Task<RegisterCases<T>> LoadAsync<T>(AppDbContext db, CaseKind kind, DateOnly from, DateOnly to,
        QueueFilter? filter, DateOnly today, CancellationToken ct) where T : CaseFile
    {
        var scope = CaseQueueService.Apply(db,
            db.CaseFiles.AsNoTracking().Where(c => c.Kind == kind && c.ReceivedOn >= from && c.ReceivedOn <= to),
            filter ?? new QueueFilter { IncludeClosed = true }, today);
        var ids = scope.Select(c => c.Id);
        var cases = await scope.OfType<T>().OrderBy(c => c.ReceivedOn).ThenBy(c => c.Reference).ToListAsync(ct);
        var events = (await db.CaseEvents.AsNoTracking().Where(e => ids.Contains(e.CaseFileId) && !e.IsCancelled).ToListAsync(ct)).ToLookup(e => e.CaseFileId);
        foreach (var file in cases)
            file.Events = [.. events[file.Id].OrderBy(e => e.OccurredOn)];
        var suspensions = (await db.ClockSuspensions.AsNoTracking().Where(s => ids.Contains(s.CaseFileId)).ToListAsync(ct))
            .ToLookup(s => s.CaseFileId);
        return new RegisterCases<T>(cases, suspensions, await LegalClockService.LoadClockAsync(db, ct));
    }

    /// <summary>The first date of an event of these types on the timeline.</summary>
    public static DateOnly? First(CaseFile file, params string[] types) =>
        file.Events.Where(e => types.Contains(e.Type)).Select(e => (DateOnly?)e.OccurredOn).Min();
}
