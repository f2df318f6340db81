using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Queue;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.Cases;

public sealed partial class CaseFileService
{
    /// <summary>
    /// Records a fact on the timeline; its date cannot be in the future nor before receipt. An event that is a step's (the
    /// answer sent, the copy sent...) is that step, with its checks and its status: a fact and its status never part.
    /// </summary>
    public async Task<CaseFile> AddEventAsync(Guid id, Guid stamp, string type, DateOnly occurredOn, string? note, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = await LoadForChangeAsync(db, id, stamp, ct);
        return await AddEventAsync(db, current, stamp, type, new StepInput(occurredOn, note), null, ct);
    }

    /// <summary>
    /// Records that a letter was sent: its event — its step, with what the step asks (the LRAR number...), when the case
    /// stands where the step starts — and what the letter itself establishes (<paramref name="establishes"/>: an
    /// acknowledgement carrying the CRPA mentions), in one transaction. The event's date is the done date of the deadline
    /// the letter answers.
    /// </summary>
    public async Task<CaseFile> RecordSendingAsync(Guid id, Guid stamp, string type, StepInput input, Action<CaseFile>? establishes,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = await LoadForChangeAsync(db, id, stamp, ct);
        return await AddEventAsync(db, current, stamp, type, input, establishes, ct);
    }

    /// <summary>
    /// <see cref="AddEventAsync(Guid, Guid, string, DateOnly, string?, CancellationToken)"/> on the caller's context, inside
    /// the transaction it has begun: a feature that records the case's fact with its own row (the mediation minutes sent)
    /// commits both or neither.
    /// </summary>
    internal async Task<CaseFile> AddEventWithinAsync(AppDbContext db, Guid id, Guid stamp, string type, StepInput input, CancellationToken ct)
    {
        var current = await LoadForChangeAsync(db, id, stamp, ct);
        return await AddEventAsync(db, current, stamp, type, input, null, ct);
    }

    private async Task<CaseFile> AddEventAsync(AppDbContext db, CaseFile current, Guid stamp, string type, StepInput input,
        Action<CaseFile>? establishes, CancellationToken ct)
    {
        var definition = CaseKinds.Of(current);
        if (definition.AllEventTypes.All(t => t.Code != type) || type == CaseEventTypes.Received)
            throw new CaseRuleException("Ce type d'événement n'existe pas pour ce dossier.");
        if (definition.StepsFrom(current.Status).FirstOrDefault(s => s.EventType == type) is { } step)
        {
            establishes?.Invoke(current);
            return await TakeStepAsync(db, current, stamp, step, input, null, ct);
        }
        if (definition.Steps.Any(s => s.EventType == type && !s.AlsoFact))
            throw new CaseRuleException($"« {CaseEventTypes.LabelOf(type)} » est une étape du dossier : elle n'est pas possible au statut « {current.Status.Label()} ».");
        var today = ParisCalendar.Today(clock);
        if (input.On > today)
            throw new CaseRuleException("La date de l'événement ne peut pas être dans le futur.");
        if (input.On < current.ReceivedOn)
            throw new CaseRuleException("La date de l'événement ne peut pas précéder la réception du dossier.");
        var note = input.Text;
        var ev = new CaseEvent { CaseFileId = current.Id, Type = type, OccurredOn = input.On, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim() };
        current.Events.Add(ev);
        db.CaseEvents.Add(ev);
        definition.ApplyFact(current, type, input.On);
        establishes?.Invoke(current);
        // The fact must leave a valid case (R.1111-5's CDSP date after receipt...).
        validators.EnsureValid(current);
        db.Entry(current).Property(c => c.ConcurrencyStamp).OriginalValue = stamp;
        await SaveAsync(db, current, ct);
        return current;
    }

    /// <summary>
    /// Takes a step of the case's kind: records its event with its date, writes what the step asks, moves the status, and
    /// recomputes the deadlines, in one transaction, audited. <paramref name="pendingEdits"/> are the form's unsaved
    /// values (proofs just ticked...): they are saved with the step and checked with it, never ignored.
    /// </summary>
    public async Task<CaseFile> TakeStepAsync(Guid id, Guid stamp, string stepCode, StepInput input, CaseFile? pendingEdits = null,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = await LoadForChangeAsync(db, id, stamp, ct);
        var step = CaseKinds.Of(current).Step(stepCode) ?? throw new CaseRuleException("Cette étape n'existe pas pour ce dossier.");
        return await TakeStepAsync(db, current, stamp, step, input, pendingEdits, ct);
    }

    private async Task<CaseFile> TakeStepAsync(AppDbContext db, CaseFile current, Guid stamp, CaseStep step, StepInput input, CaseFile? pendingEdits,
        CancellationToken ct)
    {
        if (pendingEdits is not null)
        {
            if (pendingEdits.Id != current.Id || pendingEdits.Kind != current.Kind || pendingEdits.Status != current.Status)
                throw new CaseRuleException("Les saisies en cours ne correspondent pas à ce dossier : rechargez-le.");
            EnsureStepFactsUnchanged(current, pendingEdits);
            ApplyEdits(db, current, pendingEdits);
        }
        var legalClock = await LegalClockService.LoadClockAsync(db, ct);
        var isManager = await Security.CaseWorkerDirectory.HasRoleAsync(db, db.CurrentUserName, Security.Roles.Manager, ct);
        var refusals = CaseSteps.Refusals(current, step, input, ParisCalendar.Today(clock), isManager, legalClock);
        if (refusals.Count > 0)
            throw new CaseRuleException(string.Join(" ", refusals));
        var from = current.Status;
        db.CaseEvents.Add(CaseSteps.Apply(current, step, input));
        validators.EnsureValid(current);
        db.AuditEntries.Add(Security.AuditTrail.Line(current, db.UtcNow, db.CurrentUserName, Security.AuditActions.StepTaken,
            $"{step.Label} le {input.On:dd/MM/yyyy}" + (from == current.Status ? "" : $" : {from.Label()} → {current.Status.Label()}")));
        db.Entry(current).Property(c => c.ConcurrencyStamp).OriginalValue = stamp;
        await SaveAsync(db, current, ct);
        return current;
    }

    private static async Task<CaseFile> LoadForChangeAsync(AppDbContext db, Guid id, Guid stamp, CancellationToken ct)
    {
        var current = await db.CaseFiles.Include(c => c.Events).FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new CaseRuleException("Ce dossier n'existe plus.");
        ThrowIfStale(current, stamp);
        return current;
    }

    /// <summary>Keeps the derived fields and the queue's columns in step with the facts, in the same save.</summary>
    private async Task RefreshNextDueAsync(AppDbContext db, CaseFile file, CancellationToken ct)
    {
        CaseKinds.Of(file).RefreshDerivedFields(file);
        var suspensions = await db.ClockSuspensions.AsNoTracking().Where(s => s.CaseFileId == file.Id).ToListAsync(ct);
        var legalClock = await LegalClockService.LoadClockAsync(db, ct);
        QueueColumns.Refresh(file, legalClock.Compute(file, suspensions, clock), legalClock);
    }
}
