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

    private static readonly string[] ClockEvents =
        [CaseEventTypes.ProofsComplete, CaseEventTypes.CopySent, CaseEventTypes.OnSiteConsultation, CaseEventTypes.CdspReferred,
         CaseEventTypes.DeliveryAcknowledged, CaseEventTypes.OnSiteOffered];

    public OnTimeFrom OnTimeFrom => options?.OnTimeFrom ?? OnTimeFrom.CompleteRequest;

    /// <summary>
    /// The requests received from <paramref name="from"/> to <paramref name="to"/> (both included), narrowed by the queue's
    /// <paramref name="filter"/> (its defaults hide closed cases: pass null for the whole period), by receipt date.
    /// </summary>
    public async Task<IReadOnlyList<AccessRequestDashboardRow>> GetRowsAsync(DateOnly from, DateOnly to, QueueFilter? filter,
        CancellationToken ct = default)
    {
        var today = ParisCalendar.Today(time);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = CaseQueueService.Apply(
            db.CaseFiles.AsNoTracking().Where(c => c.Kind == CaseKind.AccessRequest && c.ReceivedOn >= from && c.ReceivedOn <= to),
            filter ?? AllCases, today);
        var ids = scope.Select(c => c.Id);

        // Projection: only the columns the dashboard and the clock read (no summary, no proofs list).
        var requests = await scope.OfType<AccessRequest>()
            .OrderBy(r => r.ReceivedOn).ThenBy(r => r.Reference)
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
            })
            .ToListAsync(ct);

        var events = (await db.CaseEvents.AsNoTracking()
                .Where(e => !e.IsCancelled && ClockEvents.Contains(e.Type) && ids.Contains(e.CaseFileId))
                .Select(e => new CaseEvent { CaseFileId = e.CaseFileId, Type = e.Type, OccurredOn = e.OccurredOn })
                .ToListAsync(ct))
            .ToLookup(e => e.CaseFileId);
        var suspensions = (await db.ClockSuspensions.AsNoTracking().Where(s => ids.Contains(s.CaseFileId)).ToListAsync(ct))
            .ToLookup(s => s.CaseFileId);
        var clock = await LegalClockService.LoadClockAsync(db, ct);

        var rows = new List<AccessRequestDashboardRow>(requests.Count);
        foreach (var request in requests)
        {
            request.Events = [.. events[request.Id]];
            rows.Add(AccessRequestDashboard.Build(request, [.. suspensions[request.Id]], clock, OnTimeFrom, today));
        }
        return rows;
    }
}
