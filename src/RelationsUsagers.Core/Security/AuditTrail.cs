using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.Security;

/// <summary>
/// Writes the audit lines and the who/when columns inside the same SaveChanges as the change, so that
/// an audit row exists exactly when the change does.
/// </summary>
internal static class AuditTrail
{
    public static void BeforeSave(AppDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var now = db.UtcNow;
        var user = db.CurrentUserName;
        var entries = db.ChangeTracker.Entries().ToList();

        foreach (var entry in entries.Where(e => e.Entity is AuditEntry && e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Le journal d'audit ne peut être ni modifié ni supprimé.");

        foreach (var entry in entries.Where(e => e.Entity is CaseFile))
        {
            var file = (CaseFile)entry.Entity;
            switch (entry.State)
            {
                case EntityState.Added:
                    db.AuditEntries.Add(Created(file, now, user));
                    break;
                case EntityState.Modified:
                    var details = Changes(entry);
                    Touch(file, now, user);
                    // A save that only renews the stamp (a timeline correction) is told by the action's own line.
                    if (details.Length > 0)
                        db.AuditEntries.Add(Line(file, now, user, AuditActions.Updated, details));
                    break;
                case EntityState.Deleted:
                    db.AuditEntries.Add(Line(file, now, user, AuditActions.Deleted, null));
                    break;
            }
        }

        foreach (var entry in entries.Where(e => e is { Entity: CaseEvent, State: EntityState.Added }))
        {
            var ev = (CaseEvent)entry.Entity;
            ev.RecordedAtUtc = now;
            ev.RecordedBy = user;
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = now, UserName = user, CaseFileId = ev.CaseFileId, CaseReference = ReferenceOf(db, ev.CaseFileId),
                Action = AuditActions.EventAdded, Details = $"{CaseEventTypes.LabelOf(ev.Type)} le {Show(ev.OccurredOn)}",
            });
        }

        foreach (var entry in entries.Where(e => e is { Entity: CaseDocument, State: EntityState.Added }))
        {
            var doc = (CaseDocument)entry.Entity;
            doc.UploadedAtUtc = now;
            doc.UploadedBy = user;
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = now, UserName = user, CaseFileId = doc.CaseFileId, CaseReference = ReferenceOf(db, doc.CaseFileId),
                Action = AuditActions.DocumentAdded, Details = doc.FileName,
            });
        }
    }

    /// <summary>
    /// Stamps a new case (who/when, concurrency stamp, search names) and returns its "Création" line: what a save does for
    /// each added case, and what a bulk insert, which bypasses the change tracker, does itself.
    /// </summary>
    public static AuditEntry Created(CaseFile file, DateTime now, string user)
    {
        file.CreatedAtUtc = now;
        file.CreatedBy = user;
        Touch(file, now, user);
        return Line(file, now, user, AuditActions.Created, $"Dossier {file.Kind.Label()} créé.");
    }

    /// <summary>An audit line for something that is not a row change (a case opened, an export).</summary>
    public static AuditEntry Line(CaseFile file, DateTime now, string user, string action, string? details) => new()
    {
        AtUtc = now, UserName = user, CaseFileId = file.Id, CaseReference = file.Reference, Action = action, Details = details,
    };

    private static void Touch(CaseFile file, DateTime now, string user)
    {
        file.UpdatedAtUtc = now;
        file.UpdatedBy = user;
        file.ConcurrencyStamp = Guid.NewGuid();
        file.Patient.SearchName = TextSearch.Normalize($"{file.Patient.LastName} {file.Patient.FirstName}");
        file.Requester.SearchName = TextSearch.Normalize(file.Requester.Name);
    }

    private static string? ReferenceOf(AppDbContext db, Guid caseId) =>
        db.CaseFiles.Local.FirstOrDefault(c => c.Id == caseId)?.Reference;

    /// <summary>
    /// Columns the portal keeps up to date itself (who/when, concurrency, search keys, the queue's deadline columns, which
    /// follow from the facts): not changes anyone made, so not audited.
    /// </summary>
    internal static readonly HashSet<string> Bookkeeping =
    [
        nameof(CaseFile.UpdatedAtUtc), nameof(CaseFile.UpdatedBy), nameof(CaseFile.ConcurrencyStamp), nameof(CaseFile.NextDueOn),
        nameof(CaseFile.NextDueCode), nameof(CaseFile.NextDueLabel), nameof(CaseFile.NextDueComputation), nameof(CaseFile.ClockSuspended), nameof(CaseFile.WaitingOn), nameof(CaseFile.WaitingSince),
        nameof(CaseFile.ReminderDueOn), nameof(Patient.SearchName),
    ];

    /// <summary>One line per changed field, "Nom du patient : Lefèvre → Ménard", with French names and labels.</summary>
    private static string Changes(EntityEntry entry)
    {
        var kind = ((CaseFile)entry.Entity).Kind;
        var lines = new List<string>();
        foreach (var p in entry.Properties.Where(p => p.IsModified && !Bookkeeping.Contains(p.Metadata.Name)))
            Append(lines, kind, p.Metadata.Name, p.OriginalValue, p.CurrentValue);
        foreach (var complex in entry.ComplexProperties)
        {
            if (complex is not ComplexPropertyEntry single)
                continue;
            foreach (var p in single.Properties.Where(p => p.IsModified && !Bookkeeping.Contains(p.Metadata.Name)))
                Append(lines, kind, $"{complex.Metadata.Name}.{p.Metadata.Name}", p.OriginalValue, p.CurrentValue);
        }
        // Lists of items (a requisition's requested items) are complex collections: compare them as a whole.
        foreach (var collection in entry.ComplexCollections.Where(c => c.IsModified))
            lines.Add(AuditWording.Items(kind, collection.Metadata.Name, collection.CurrentValue as System.Collections.IEnumerable));
        return string.Join('\n', lines);
    }

    private static void Append(List<string> lines, CaseKind kind, string path, object? before, object? after)
    {
        if (Equals(before, after))
            return;
        lines.Add(AuditWording.Change(kind, path, before, after));
    }

    private static string Show(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
