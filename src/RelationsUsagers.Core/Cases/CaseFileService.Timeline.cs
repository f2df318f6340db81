using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.Cases;

public sealed partial class CaseFileService
{
    /// <summary>Records a fact on the timeline; its date cannot be in the future nor before receipt.</summary>
    public async Task<CaseFile> AddEventAsync(Guid id, Guid stamp, string type, DateOnly occurredOn, string? note, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = await LoadForChangeAsync(db, id, stamp, ct);
        if (CaseEventTypes.For(current.Kind).All(t => t.Code != type) || type == CaseEventTypes.Received)
            throw new CaseRuleException("Ce type d'événement n'existe pas pour ce dossier.");
        var today = ParisCalendar.Today(clock);
        if (occurredOn > today)
            throw new CaseRuleException("La date de l'événement ne peut pas être dans le futur.");
        if (occurredOn < current.ReceivedOn)
            throw new CaseRuleException("La date de l'événement ne peut pas précéder la réception du dossier.");
        EnsureStepAllowed(current, type, null);
        var ev = new CaseEvent { CaseFileId = current.Id, Type = type, OccurredOn = occurredOn, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim() };
        current.Events.Add(ev);
        db.CaseEvents.Add(ev);
        CaseEventFacts.Apply(current, type, occurredOn);
        if (CaseEventFacts.StatusAfter(current.Kind, type) is { } next && CaseWorkflow.RefusalReason(current.Kind, current.Status, next) is null)
        {
            db.AuditEntries.Add(Security.AuditTrail.Line(current, db.UtcNow, db.CurrentUserName, Security.AuditActions.StatusChanged,
                $"{current.Status.Label()} → {next.Label()} ({CaseEventTypes.LabelOf(type)})"));
            current.Status = next;
        }
        // The fact and the status the event brings must leave a valid case (an LRAR copy needs its number, R.1111-5's CDSP date...).
        validators.EnsureValid(current);
        db.Entry(current).Property(c => c.ConcurrencyStamp).OriginalValue = stamp;
        await SaveAsync(db, current, ct);
        return current;
    }

    /// <summary>Cases of the same kind for the same patient received within 30 days of <paramref name="receivedOn"/>.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Reference, DateOnly ReceivedOn)>> FindPossibleDuplicatesAsync(
        CaseKind kind, string patientLastName, string? patientFirstName, DateOnly? birthDate, DateOnly receivedOn, CancellationToken ct = default)
    {
        var name = TextSearch.Normalize($"{patientLastName} {patientFirstName}");
        if (name.Length == 0)
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var from = receivedOn.AddDays(-30);
        var to = receivedOn.AddDays(30);
        var rows = await db.CaseFiles.AsNoTracking()
            .Where(c => c.Kind == kind && c.Patient.SearchName == name && c.ReceivedOn >= from && c.ReceivedOn <= to)
            .Where(c => birthDate == null || c.Patient.BirthDate == null || c.Patient.BirthDate == birthDate)
            .OrderByDescending(c => c.ReceivedOn)
            .Select(c => new { c.Id, c.Reference, c.ReceivedOn })
            .Take(5).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Reference, r.ReceivedOn)).ToList();
    }

    /// <summary>Access requests: "complete" needs every proof, a copy cannot leave while something blocks the release.</summary>
    private static void EnsureStepAllowed(CaseFile file, string? eventType, CaseStatus? status)
    {
        if (file is not AccessRequests.AccessRequest request)
            return;
        var completing = eventType == CaseEventTypes.ProofsComplete || status == CaseStatus.Complete;
        var sending = eventType is CaseEventTypes.CopySent or CaseEventTypes.OnSiteConsultation || status == CaseStatus.Sent;
        if (!completing && !sending)
            return;
        var blockers = AccessRequests.AccessRequestRules.StepBlockers(request, sending);
        if (blockers.Count > 0)
            throw new CaseRuleException(string.Join(" ", blockers));
    }

    private static async Task<CaseFile> LoadForChangeAsync(AppDbContext db, Guid id, Guid stamp, CancellationToken ct)
    {
        var current = await db.CaseFiles.Include(c => c.Events).FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new CaseRuleException("Ce dossier n'existe plus.");
        ThrowIfStale(current, stamp);
        return current;
    }

    /// <summary>Keeps the queue's sort column in step with the facts, in the same save.</summary>
    private async Task RefreshNextDueAsync(AppDbContext db, CaseFile file, CancellationToken ct)
    {
        var suspensions = await db.ClockSuspensions.AsNoTracking().Where(s => s.CaseFileId == file.Id).ToListAsync(ct);
        var legalClock = await LegalClockService.LoadClockAsync(db, ct);
        (file.NextDueOn, file.NextDueCode, file.ClockSuspended) = file.IsOpen
            ? LegalClock.QueueSummary(legalClock.Compute(file, suspensions, clock))
            : (null, null, false);
    }
}
