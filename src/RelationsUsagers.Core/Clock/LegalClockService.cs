using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Clock;

/// <summary>Suspends and resumes a case's clocks and computes its deadlines with the settings stored in the database.</summary>
public sealed class LegalClockService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, CaseChanges? changes = null)
{
    public const int ReasonMaxLength = 1000;
    public const string SuspendedAction = AuditActions.ClockSuspended;
    public const string ResumedAction = AuditActions.ClockResumed;

    /// <summary>Stops one clock (<paramref name="clockCode"/>) or every clock of the case (null) from <paramref name="startedOn"/>.</summary>
    public async Task<ClockSuspension> SuspendAsync(Guid caseId, string? clockCode, string reason, DateOnly startedOn,
        CancellationToken ct = default)
    {
        reason = reason?.Trim() ?? "";
        if (reason.Length == 0)
            throw new CaseRuleException("Le motif de la suspension est obligatoire.");
        if (reason.Length > ReasonMaxLength)
            throw new CaseRuleException($"Le motif de la suspension ne doit pas dépasser {ReasonMaxLength} caractères.");
        if (startedOn > ParisCalendar.Today(time))
            throw new CaseRuleException("La date de début de la suspension ne peut pas être dans le futur.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (clockCode is not null && !await db.DelaySettings.AnyAsync(s => s.Code == clockCode, ct) && !LegalClock.Default.IsKnown(clockCode))
            throw new CaseRuleException($"Délai inconnu : {clockCode}.");
        var file = await db.CaseFiles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct)
            ?? throw new CaseRuleException("Ce dossier n'existe plus.");
        if (startedOn < file.ReceivedOn)
            throw new CaseRuleException("La suspension ne peut pas commencer avant la date de réception du dossier.");
        if (await db.ClockSuspensions.AnyAsync(s => s.CaseFileId == caseId && s.ClockCode == clockCode && s.EndedOn == null, ct))
            throw new CaseRuleException("Ce délai est déjà suspendu : reprenez-le avant de le suspendre de nouveau.");

        var suspension = new ClockSuspension
        {
            CaseFileId = caseId, ClockCode = clockCode, Reason = reason, StartedOn = startedOn, StartedBy = db.CurrentUserName,
        };
        db.ClockSuspensions.Add(suspension);
        db.AuditEntries.Add(AuditTrail.Line(file, db.UtcNow, db.CurrentUserName, SuspendedAction,
            $"{Scope(clockCode)} à compter du {startedOn:dd/MM/yyyy} : {reason}"));
        await SaveAndRefreshQueueAsync(db, caseId, ct);
        return suspension;
    }

    /// <summary>Ends an open suspension: the clock runs again on <paramref name="endedOn"/>. A suspension is resumed once only.</summary>
    public async Task<ClockSuspension> ResumeAsync(Guid suspensionId, DateOnly endedOn, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var suspension = await db.ClockSuspensions.FirstOrDefaultAsync(s => s.Id == suspensionId, ct)
            ?? throw new CaseRuleException("Cette suspension n'existe pas.");
        // The log is append-only: a resumption is written once and never corrected (the trigger refuses it too).
        if (suspension.EndedOn is { } ended)
            throw new CaseRuleException($"Ce délai a déjà repris le {ended:dd/MM/yyyy} ; le journal des suspensions ne peut pas être modifié.");
        if (endedOn < suspension.StartedOn)
            throw new CaseRuleException($"La reprise ne peut pas précéder le début de la suspension ({suspension.StartedOn:dd/MM/yyyy}).");
        if (endedOn > ParisCalendar.Today(time))
            throw new CaseRuleException("La date de reprise ne peut pas être dans le futur.");
        suspension.EndedOn = endedOn;
        suspension.EndedBy = db.CurrentUserName;
        var file = await db.CaseFiles.AsNoTracking().FirstAsync(c => c.Id == suspension.CaseFileId, ct);
        db.AuditEntries.Add(AuditTrail.Line(file, db.UtcNow, db.CurrentUserName, ResumedAction,
            $"{Scope(suspension.ClockCode)} repris le {endedOn:dd/MM/yyyy}"));
        await SaveAndRefreshQueueAsync(db, suspension.CaseFileId, ct);
        return suspension;
    }

    /// <summary>
    /// Saves the log line and, in the same transaction, the queue's deadline columns. Those are written directly, not
    /// through the entity: a suspension must not change the case's concurrency stamp under an officer editing it.
    /// </summary>
    private async Task SaveAndRefreshQueueAsync(AppDbContext db, Guid caseId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var file = await db.CaseFiles.AsNoTracking().Include(c => c.Events).FirstAsync(c => c.Id == caseId, ct);
        var clock = await LoadClockAsync(db, ct);
        Queue.QueueColumns.Refresh(file, clock.Compute(file, await Suspensions(db, caseId, ct), time), clock);
        await Queue.QueueColumns.WriteAsync(db, file, ct);
        await tx.CommitAsync(ct);
        if (changes is not null)
            await changes.PublishAsync(db, caseId);
    }

    /// <summary>The case's suspension log, oldest first.</summary>
    public async Task<IReadOnlyList<ClockSuspension>> GetSuspensionsAsync(Guid caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Suspensions(db, caseId, ct);
    }

    /// <summary>Every deadline of the case as of today in Paris, with the stored settings; empty if the case does not exist.</summary>
    public async Task<IReadOnlyList<Deadline>> GetDeadlinesAsync(Guid caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var file = await db.CaseFiles.AsNoTracking().Include(c => c.Events).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (file is null)
            return [];
        var clock = await LoadClockAsync(db, ct);
        return clock.Compute(file, await Suspensions(db, caseId, ct), time);
    }

    /// <summary>The clock with the settings of the database (missing codes keep their defaults).</summary>
    public static async Task<LegalClock> LoadClockAsync(AppDbContext db, CancellationToken ct = default) =>
        new(await db.DelaySettings.AsNoTracking().ToListAsync(ct));

    private static async Task<IReadOnlyList<ClockSuspension>> Suspensions(AppDbContext db, Guid caseId, CancellationToken ct) =>
        await db.ClockSuspensions.AsNoTracking().Where(s => s.CaseFileId == caseId)
            .OrderBy(s => s.StartedOn).ThenBy(s => s.Id).ToListAsync(ct);

    private static string Scope(string? clockCode) => clockCode is null ? "Tous les délais" : $"Délai {clockCode}";
}
