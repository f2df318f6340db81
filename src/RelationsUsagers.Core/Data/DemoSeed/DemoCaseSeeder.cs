using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;

namespace RelationsUsagers.Core.Data.DemoSeed;

/// <summary>
/// Fills an empty database with realistic demo cases: the four kinds (about 40 % record-access requests, 35 % complaints,
/// 15 % indemnity claims, 10 % requisitions) received over the last 14 months, in every status of each kind, with the
/// timeline and the facts of their status, some open cases overdue, assigned to the demo users "officer" and "manager".
/// Deterministic: the same count and the same clock give the same cases (<c>new Random(2026)</c>).
/// </summary>
public static class DemoCaseSeeder
{
    public const int DefaultCount = 300;

    /// <summary>User name written in CreatedBy, UpdatedBy and RecordedBy of the demo rows.</summary>
    public const string DemoUser = DemoCaseGenerator.DemoUser;

    /// <summary>Seeds <see cref="DefaultCount"/> cases; see <see cref="SeedAsync(IDbContextFactory{AppDbContext}, int, TimeProvider, CancellationToken)"/>.</summary>
    public static Task<int> SeedAsync(IDbContextFactory<AppDbContext> factory, TimeProvider clock, CancellationToken ct = default) =>
        SeedAsync(factory, DefaultCount, clock, ct);

    /// <summary>
    /// Writes <paramref name="count"/> demo cases, unless the database already holds cases: then nothing is written and
    /// 0 is returned. Otherwise returns the number of cases written. The references follow the reference counters
    /// (e.g. DAD-2026-00042), which are left at the last number used so that cases created afterwards continue the
    /// sequence. Each case's <see cref="CaseFile.NextDueOn"/> (and its code) comes from the <see cref="LegalClock"/> with the
    /// stored delay settings.
    /// </summary>
    /// <remarks>
    /// Fast enough for benchmarks (100,000 cases in seconds): the cases are generated in memory and written in one
    /// transaction without the change tracker, with prepared ADO.NET commands on SQLite and binary COPY on PostgreSQL. This bypasses on purpose the
    /// <see cref="Security.AuditTrail"/> SaveChanges hook: demo data gets no audit lines ("created" by nobody real),
    /// and the who/when columns (demo user, SearchName) are set by the generator instead.
    /// </remarks>
    public static async Task<int> SeedAsync(IDbContextFactory<AppDbContext> factory, int count, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        // SQLite: a non-deferred transaction takes the write lock at once, so two seeders cannot both find the table empty
        // (on PostgreSQL, an advisory lock does: two instances starting together).
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await DatabaseLocks.TakeAsync(db, DatabaseLocks.DemoSeed, ct);
        if (count == 0 || await db.CaseFiles.AnyAsync(ct))
            return 0;

        // Every demo letter can be written at once: the demo hospital's letterhead.
        if (!await db.Establishments.AnyAsync(ct))
            db.Establishments.Add(Letters.DemoEstablishment.Create());

        var counters = await db.ReferenceCounters.ToListAsync(ct);
        var generator = new DemoCaseGenerator(clock.GetUtcNow());
        var batch = generator.Generate(count, counters.ToDictionary(c => (c.Kind, c.Year), c => c.LastValue));

        // The queue's columns, as CaseFileService keeps them on each save (demo cases have no suspension).
        var legalClock = await LegalClockService.LoadClockAsync(db, ct);
        foreach (var file in batch.Cases)
        {
            CaseKinds.Of(file).RefreshDerivedFields(file);
            Queue.QueueColumns.Refresh(file, legalClock.Compute(file, [], generator.Today), legalClock);
        }

        if (db.Database.IsNpgsql())
        {
            // On a server, a round trip per row makes a million cases take hours: binary COPY, cases first (the events'
            // foreign key), one table at a time.
            await BulkInsert.CopyAsync(db, batch.Cases, ct);
            await BulkInsert.CopyAsync(db, batch.Cases.SelectMany(c => c.Events), ct);
        }
        else
        {
            InsertEach(db, tx.GetDbTransaction(), batch.Cases, ct);
        }

        foreach (var ((kind, year), last) in batch.LastValues)
        {
            var counter = counters.FirstOrDefault(c => c.Kind == kind && c.Year == year);
            if (counter is null)
                db.ReferenceCounters.Add(new ReferenceCounter { Kind = kind, Year = year, LastValue = last });
            else
                counter.LastValue = Math.Max(counter.LastValue, last);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        // The queue's plans rest on the statistics (and the extended ones on Status and NextDueOn, QueueSearchIndexes):
        // gather them now rather than when autovacuum gets to a table that just went from empty to a million rows.
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync("""ANALYZE "CaseFiles", "CaseEvents";""", ct);
        return batch.Cases.Count;
    }

    /// <summary>SQLite: prepared INSERTs in the one transaction (no round trip to pay on a file).</summary>
    private static void InsertEach(AppDbContext db, System.Data.Common.DbTransaction transaction, IReadOnlyList<CaseFile> files, CancellationToken ct)
    {
        using (var cases = BulkInsert.For<CaseFile>(db, transaction))
        using (var events = BulkInsert.For<CaseEvent>(db, transaction))
        {
            for (var i = 0; i < files.Count; i++)
            {
                if (i % 2000 == 0)
                    ct.ThrowIfCancellationRequested();
                var file = files[i];
                cases.Insert(file);
                foreach (var e in file.Events)
                    events.Insert(e);
            }
        }
    }
}
