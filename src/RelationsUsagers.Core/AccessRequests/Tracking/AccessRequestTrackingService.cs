using System.Runtime.CompilerServices;
using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Queue;

namespace RelationsUsagers.Core.AccessRequests.Tracking;

/// <summary>The access-request dashboard of a period: three read-only queries (requests, timeline facts, suspensions).</summary>
public sealed class AccessRequestTrackingService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, TrackingOptions? options = null)
{
    /// <summary>Every request of a period, open or closed, when no queue filter is given.</summary>
    public static readonly QueueFilter AllCases = new() { IncludeClosed = true };

    public OnTimeFrom OnTimeFrom => options?.OnTimeFrom ?? OnTimeFrom.CompleteRequest;

    /// <summary>
    /// The requests received from <paramref name="from"/> to <paramref name="to"/> (both included), narrowed by the queue's
    /// <paramref name="filter"/> (its defaults hide closed cases: pass null for the whole period), by receipt date.
    /// </summary>
    public async Task<IReadOnlyList<AccessRequestDashboardRow>> GetRowsAsync(DateOnly from, DateOnly to, QueueFilter? filter,
        CancellationToken ct = default)
    {
        await using var reading = await OpenAsync(from, to, filter, ct);
        var rows = new List<AccessRequestDashboardRow>();
        await foreach (var row in reading.ReadAsync(ct))
            rows.Add(row);
        return rows;
    }

    /// <summary>
    /// The same lines as <see cref="GetRowsAsync"/>, streamed from the database batch by batch, as often as needed: every
    /// <see cref="AccessRequestRows.ReadAsync"/> of one reading sees the same state of the database.
    /// </summary>
    public async Task<AccessRequestRows> OpenAsync(DateOnly from, DateOnly to, QueueFilter? filter, CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            // A deferred read transaction: on the portal's WAL file it is a snapshot that blocks no writer, so that two
            // passes (widths and figures, then the cells) read the same requests. On PostgreSQL, a repeatable-read
            // transaction is that snapshot.
            await db.Database.OpenConnectionAsync(ct);
            DbTransaction transaction = db.IsPostgreSql
                ? await db.Database.GetDbConnection().BeginTransactionAsync(IsolationLevel.RepeatableRead, ct)
                : ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
            await db.Database.UseTransactionAsync(transaction, ct);
            var clock = await LegalClockService.LoadClockAsync(db, ct);
            return new AccessRequestRows(db, transaction, from, to, filter ?? AllCases, ParisCalendar.Today(time), clock, OnTimeFrom);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}

/// <summary>A consistent reading of a period's requests (see <see cref="AccessRequestTrackingService.OpenAsync"/>).</summary>
public sealed class AccessRequestRows : IAsyncDisposable
{
    /// <summary>Requests whose timeline and suspensions are read together: a bounded memory, a few queries per thousand lines.</summary>
    internal const int BatchSize = 500;

    private static readonly string[] ClockEvents =
        [CaseEventTypes.ProofsComplete, CaseEventTypes.CopySent, CaseEventTypes.OnSiteConsultation, CaseEventTypes.CdspReferred,
         CaseEventTypes.DeliveryAcknowledged, CaseEventTypes.OnSiteOffered];

    private readonly AppDbContext _db;
    private readonly DbTransaction _transaction;
    private readonly DateOnly _from, _to, _today;
    private readonly QueueFilter _filter;
    private readonly LegalClock _clock;
    private readonly OnTimeFrom _onTimeFrom;

    internal AccessRequestRows(AppDbContext db, DbTransaction transaction, DateOnly from, DateOnly to, QueueFilter filter, DateOnly today,
        LegalClock clock, OnTimeFrom onTimeFrom)
    {
        (_db, _transaction, _from, _to, _filter, _today, _clock, _onTimeFrom) = (db, transaction, from, to, filter, today, clock, onTimeFrom);
    }

    /// <summary>The dashboard lines by receipt date, then reference; never more than one batch of requests in memory.</summary>
    public async IAsyncEnumerable<AccessRequestDashboardRow> ReadAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        if (_db.IsPostgreSql)
        {
            // One statement at a time on a PostgreSQL connection: the requests are read batch by batch, in the same order,
            // from the transaction's snapshot.
            for (var skip = 0; ; skip += BatchSize)
            {
                var page = await Requests().Skip(skip).Take(BatchSize).ToListAsync(ct);
                foreach (var row in await BuildAsync(page, ct))
                    yield return row;
                if (page.Count < BatchSize)
                    yield break;
            }
        }
        var batch = new List<AccessRequest>(BatchSize);
        // SQLite steps the batch's two queries while the requests' statement stays open on the same connection.
        await foreach (var request in Requests().AsAsyncEnumerable().WithCancellation(ct))
        {
            batch.Add(request);
            if (batch.Count < BatchSize)
                continue;
            foreach (var row in await BuildAsync(batch, ct))
                yield return row;
            batch.Clear();
        }
        foreach (var row in await BuildAsync(batch, ct))
            yield return row;
    }

    private IQueryable<AccessRequest> Requests() =>
        CaseQueueService.Apply(_db,
                _db.CaseFiles.AsNoTracking().Where(c => c.Kind == CaseKind.AccessRequest && c.ReceivedOn >= _from && c.ReceivedOn <= _to),
                _filter, _today)
            .OfType<AccessRequest>()
            .OrderBy(r => r.ReceivedOn).ThenBy(r => r.Reference)
            // Projection: only the columns the dashboard and the clock read (no summary, no proofs list).
            .Select(r => new AccessRequest
            {
                Id = r.Id, Reference = r.Reference, ReceivedOn = r.ReceivedOn, Status = r.Status, ClosedOn = r.ClosedOn,
                Channel = r.Channel, PageCount = r.PageCount, Medium = r.Medium, PaidOn = r.PaidOn,
                Patient = new Patient
                {
                    LastName = r.Patient.LastName, FirstName = r.Patient.FirstName, BirthDate = r.Patient.BirthDate,
                    PatientNumber = r.Patient.PatientNumber,
                },
                Requester = new Party { Name = r.Requester.Name },
                Services = r.Services, RequesterCapacity = r.RequesterCapacity, CompletedOn = r.CompletedOn,
                InformationOlderThanFiveYears = r.InformationOlderThanFiveYears, CdspReferredOn = r.CdspReferredOn,
                MostRecentInformationOn = r.MostRecentInformationOn, InformationAgeOverride = r.InformationAgeOverride,
                InformationAgeOverrideReason = r.InformationAgeOverrideReason, OnSiteOfferedOn = r.OnSiteOfferedOn,
                CommunicationMode = r.CommunicationMode, SentOn = r.SentOn, RecordedDeliveryNumber = r.RecordedDeliveryNumber,
                DeliveryAcknowledgedOn = r.DeliveryAcknowledgedOn, ReproductionFeeCents = r.ReproductionFeeCents,
                PostageFeeCents = r.PostageFeeCents, Remarks = r.Remarks, RefusalReason = r.RefusalReason,
                DeceasedMotive = r.DeceasedMotive, ObjectionBeforeDeath = r.ObjectionBeforeDeath, MinorObjection = r.MinorObjection,
                DesignatedDoctor = r.DesignatedDoctor,
            });

    /// <summary>The batch's timeline facts and suspensions in one query each, then each request's line from the legal clock.</summary>
    private async Task<List<AccessRequestDashboardRow>> BuildAsync(List<AccessRequest> batch, CancellationToken ct)
    {
        if (batch.Count == 0)
            return [];
        var ids = batch.ConvertAll(r => r.Id);
        var events = (await _db.CaseEvents.AsNoTracking()
                .Where(e => !e.IsCancelled && ClockEvents.Contains(e.Type) && ids.Contains(e.CaseFileId))
                .Select(e => new CaseEvent { CaseFileId = e.CaseFileId, Type = e.Type, OccurredOn = e.OccurredOn })
                .ToListAsync(ct))
            .ToLookup(e => e.CaseFileId);
        var suspensions = (await _db.ClockSuspensions.AsNoTracking().Where(s => ids.Contains(s.CaseFileId)).ToListAsync(ct))
            .ToLookup(s => s.CaseFileId);
        var rows = new List<AccessRequestDashboardRow>(batch.Count);
        foreach (var request in batch)
        {
            request.Events = [.. events[request.Id]];
            rows.Add(AccessRequestDashboard.Build(request, [.. suspensions[request.Id]], _clock, _onTimeFrom, _today));
        }
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        // Read only: ending the transaction releases the snapshot, nothing to keep.
        await _transaction.DisposeAsync();
        await _db.DisposeAsync();
    }
}
