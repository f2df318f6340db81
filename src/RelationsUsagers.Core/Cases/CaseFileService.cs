using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Requisitions;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Cases;

/// <summary>Creates, opens, edits and moves case files; each call is one context and one transaction.</summary>
public sealed partial class CaseFileService(IDbContextFactory<AppDbContext> dbFactory, CaseValidators validators, TimeProvider clock,
    CaseChanges? changes = null)
{
    public async Task<CaseFile> CreateAsync(CaseFile draft, CancellationToken ct = default)
    {
        draft.Status = CaseStatus.Received;
        validators.EnsureValid(draft);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The query filter hides these cases from the others; creating one needs the permission too.
        if (CaseKinds.Of(draft).Permission is { } permission && !db.Holds(permission))
            throw new CaseRuleException($"Vous n'avez pas accès aux dossiers de type « {draft.Kind.Label()} ».");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var received = new CaseEvent { CaseFileId = draft.Id, Type = CaseEventTypes.Received, OccurredOn = draft.ReceivedOn };
        try
        {
            draft.Reference = await ReferenceAllocator.NextAsync(db, draft.Kind, draft.ReceivedOn.Year, ct);
            draft.Events.Add(received);
            db.CaseFiles.Add(draft);
            await RefreshNextDueAsync(db, draft, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch
        {
            // Nothing was written: leave the draft as the user typed it, so that a retry starts clean.
            draft.Events.Remove(received);
            draft.Reference = "";
            throw;
        }
        if (changes is not null)
            await changes.PublishAsync(db, draft.Id);
        return draft;
    }

    /// <summary>Loads a case with its timeline and documents, and records that the user opened it.</summary>
    public async Task<CaseFile?> OpenAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var file = await db.CaseFiles.AsNoTracking()
            .Include(c => c.Events.OrderBy(e => e.OccurredOn).ThenBy(e => e.RecordedAtUtc))
            .Include(c => c.Documents)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id, ct);
        if (file is null)
            return null;
        db.AuditEntries.Add(AuditTrail.Line(file, db.UtcNow, db.CurrentUserName, AuditActions.Opened, null));
        await db.SaveChangesAsync(ct);
        return file;
    }

    /// <summary>
    /// Saves the edited fields of a case. <paramref name="edited"/> carries the concurrency stamp read when it was
    /// opened: if someone saved in between, nothing is written and the message names who did.
    /// </summary>
    public async Task<CaseFile> UpdateAsync(CaseFile edited, CancellationToken ct = default)
    {
        validators.EnsureValid(edited);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = await db.CaseFiles.Include(c => c.Events).FirstOrDefaultAsync(c => c.Id == edited.Id, ct)
            ?? throw new CaseRuleException("Ce dossier n'existe plus.");
        if (current.Kind != edited.Kind)
            throw new CaseRuleException("Le type d'un dossier ne peut pas être changé.");
        if (current.Status != edited.Status || current.Reference != edited.Reference)
            throw new CaseRuleException("Le statut et la référence se changent par leurs propres actions.");
        ThrowIfStale(current, edited.ConcurrencyStamp);
        EnsureStepFactsUnchanged(current, edited);
        ApplyEdits(db, current, edited);
        await SaveAsync(db, current, ct);
        return current;
    }

    public async Task<CaseFile> AssignAsync(Guid id, Guid stamp, string? userName, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = await LoadForChangeAsync(db, id, stamp, ct);
        userName = string.IsNullOrWhiteSpace(userName) ? null : userName.Trim();
        if (userName is not null && !await Security.CaseWorkerDirectory.IsAssignableAsync(db, userName, ct))
            throw new CaseRuleException($"« {userName} » n'est pas un compte actif du service : le dossier ne peut pas lui être attribué.");
        current.AssignedTo = userName;
        db.Entry(current).Property(c => c.ConcurrencyStamp).OriginalValue = stamp;
        await SaveAsync(db, current, ct);
        return current;
    }

    private async Task SaveAsync(AppDbContext db, CaseFile current, CancellationToken ct)
    {
        try
        {
            await RefreshNextDueAsync(db, current, ct);
            await db.SaveChangesAsync(ct);
            // Inside a caller's transaction (a feature's own row saved with the step), the caller publishes after its commit.
            if (changes is not null && db.Database.CurrentTransaction is null)
                await changes.PublishAsync(db, current.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved by someone else between our read and our write.
            var latest = await db.CaseFiles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == current.Id, ct);
            throw Conflict(latest);
        }
    }

    /// <summary>Lays the form's values over the stored case; status, reference and the fields set by their own actions stay.</summary>
    private static void ApplyEdits(AppDbContext db, CaseFile current, CaseFile edited)
    {
        var entry = db.Entry(current);
        var kept = (current.CreatedAtUtc, current.CreatedBy, current.ClosedOn, current.Outcome, current.AssignedTo, current.ImportSource);
        entry.CurrentValues.SetValues(edited);
        // Who created it, closing and assignment change only through their own actions, never through a form.
        (current.CreatedAtUtc, current.CreatedBy, current.ClosedOn, current.Outcome, current.AssignedTo, current.ImportSource) = kept;
        CopyCollections(current, edited);
        entry.Property(c => c.ConcurrencyStamp).OriginalValue = edited.ConcurrencyStamp;
    }

    /// <summary>A date a step writes is never typed in the form: the status would part from its facts.</summary>
    private static void EnsureStepFactsUnchanged(CaseFile current, CaseFile edited)
    {
        foreach (var (property, step) in CaseKinds.Of(current).StepFacts)
        {
            var p = current.GetType().GetProperty(property)!;
            if (!Equals(p.GetValue(current), p.GetValue(edited)))
                throw new CaseRuleException($"Cette date s'enregistre par l'étape « {step.Label} » ; une date erronée se corrige dans la chronologie.");
        }
    }

    private static void ThrowIfStale(CaseFile current, Guid stamp)
    {
        if (current.ConcurrencyStamp != stamp)
            throw Conflict(current);
    }

    private static CaseConflictException Conflict(CaseFile? latest) => latest is null
        ? new CaseConflictException("Ce dossier a été supprimé entre-temps.")
        : new CaseConflictException(
            $"Ce dossier a été modifié par {latest.UpdatedBy} le {ParisCalendar.Local(new DateTimeOffset(latest.UpdatedAtUtc, TimeSpan.Zero)).ToString("dd/MM/yyyy 'à' HH:mm", CultureInfo.InvariantCulture)} " +
            "depuis que vous l'avez ouvert. Vos saisies sont conservées à l'écran : rechargez le dossier puis appliquez-les de nouveau.");

    private static void CopyCollections(CaseFile current, CaseFile edited)
    {
        current.Services = [.. edited.Services];
        if (current is Requisition r && edited is Requisition e)
        {
            r.Items = e.Items.Select(i => new RequisitionItem
            {
                Description = i.Description, Nature = i.Nature, Secrecy = i.Secrecy, ReviewedBy = i.ReviewedBy, ReviewedOn = i.ReviewedOn,
                SecrecyReason = i.SecrecyReason, Sent = i.Sent,
            }).ToList();
            r.ServicesTold = e.ServicesTold.Select(s => new SeizureNotice { Service = s.Service, Person = s.Person, ToldOn = s.ToldOn }).ToList();
        }
        CaseKinds.Of(current).CopyLists(current, edited);
    }
}
