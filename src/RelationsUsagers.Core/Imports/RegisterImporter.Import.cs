using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Imports;

public partial class RegisterImporter<TField, TEntry>
{
    public const string ImportAction = "Import";

    /// <summary>
    /// Creates one case per valid line, in one transaction: all of them or none. A line whose patient, receipt date and
    /// requester (or complainant) match a case of the kind already in the portal (imported or typed), or an earlier line of
    /// the file, is skipped: that key survives a renamed file, sorted or inserted lines and a corrected line imported again, which a
    /// file › sheet › line key would not. The check relies on the write lock SQLite takes with the transaction, and on
    /// an advisory lock on PostgreSQL (<see cref="Data.DatabaseLocks"/>).
    /// </summary>
    /// <remarks>
    /// Thousands of lines are written with prepared inserts rather than through the change tracker (10,000 lines: about
    /// 1 s instead of 3 s), so this does what a save would: the who/when stamps and each case's "Création" audit line
    /// (<see cref="AuditTrail.Created"/>), the queue's deadline columns, references in the order of the file. The timeline
    /// (the file's history: received, complete, sent...) is stamped with the importing user; one "Événement ajouté" line per
    /// historical fact would triple the rows and say nothing the "Import" line below does not.
    /// </remarks>
    public async Task<ImportResult<TField>> ImportAsync(ImportPreview<TField, TEntry> preview, CancellationToken ct = default)
    {
        if (!preview.CanImport)
            throw new CaseRuleException(string.Join(" ", preview.Problems.DefaultIfEmpty("Aucune ligne d'en-têtes n'a été reconnue.")));
        var valid = preview.Rows.Where(r => r.IsValid).ToList();
        var today = ParisCalendar.Today(time);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // SQLite takes the write lock here: a concurrent import cannot slip the same lines in between the check and the insert.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await Data.DatabaseLocks.TakeAsync(db, Data.DatabaseLocks.RegisterImport, ct);
        var known = await KnownKeysAsync(db, valid, ct);
        var clock = await LegalClockService.LoadClockAsync(db, ct);

        var requests = new List<CaseFile>();
        var inFile = new Dictionary<string, (int Row, CaseFile Request)>();
        var repeated = new List<(int Row, string? Existing, (int Row, CaseFile Request)? Earlier)>();
        foreach (var row in valid)
        {
            var entry = row.Entry!;
            if (known.TryGetValue(entry.DuplicateKey, out var existing) || inFile.ContainsKey(entry.DuplicateKey))
            {
                repeated.Add((row.Row, existing, inFile.TryGetValue(entry.DuplicateKey, out var earlier) ? earlier : null));
                continue;
            }
            var request = register.ToCase(entry, $"{preview.FileName} › {preview.Sheet} › ligne {row.Row}");
            // As CaseFileService keeps them: the derived fields, then the queue sorts by the earliest running deadline (no suspension yet).
            CaseKinds.Of(request).RefreshDerivedFields(request);
            Queue.QueueColumns.Refresh(request, clock.Compute(request, [], today), clock);
            requests.Add(request);
            inFile[entry.DuplicateKey] = (row.Row, request);
        }
        foreach (var year in requests.GroupBy(r => r.ReceivedOn.Year))
        {
            var next = await ReferenceAllocator.ReserveAsync(db, register.Kind, year.Key, year.Count(), ct);
            foreach (var request in year)
                request.Reference = ReferenceAllocator.Format(register.Kind, year.Key, next++);
        }

        var (now, user, transaction) = (db.UtcNow, db.CurrentUserName, tx.GetDbTransaction());
        using (var cases = BulkInsert.For<CaseFile>(db, transaction))
        using (var audit = BulkInsert.For<AuditEntry>(db, transaction))
        using (var events = BulkInsert.For<CaseEvent>(db, transaction))
        {
            // The prepared inserts bypass SaveChanges: the "Création" lines are linked into the audit chain here (under the
            // chain's lock on PostgreSQL, as SaveChanges takes it).
            if (db.IsPostgreSql)
                await AuditChain.LockAsync(db, ct);
            var chain = AuditChain.Continue(db, transaction, requests.Count);
            foreach (var request in requests)
            {
                ct.ThrowIfCancellationRequested();
                var created = AuditTrail.Created(request, now, user);
                chain.Seal(created);
                cases.Insert(request);
                audit.Insert(created);
                // Each event one microsecond after the one before: steps of the same day replay in the order they were
                // recorded (CaseSteps.Replay), and rows of equal keys come back in any order (PostgreSQL's do).
                foreach (var (e, i) in request.Events.Select((e, i) => (e, i)))
                {
                    (e.RecordedAtUtc, e.RecordedBy) = (now.AddTicks(i * TimeSpan.TicksPerMicrosecond), user);
                    events.Insert(e);
                }
            }
        }
        var duplicates = repeated.Select(d => d.Existing is { } reference
            ? $"Ligne {d.Row} : {register.LineNoun} déjà enregistrée ({reference})."
            : $"Ligne {d.Row} : même {register.LineNoun} que la ligne {d.Earlier!.Value.Row} ({d.Earlier.Value.Request.Reference}).").ToList();
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = now, UserName = user, Action = ImportAction,
            Details = string.Create(CultureInfo.InvariantCulture,
                $"{register.Name} « {preview.FileName} › {preview.Sheet} » : {requests.Count} {register.LineNoun}(s) créée(s) avec leur historique, " +
                $"{preview.RejectedCount} ligne(s) rejetée(s), {duplicates.Count} doublon(s) ignoré(s)."),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ImportResult<TField>(preview.Rows.Count, requests.Count, preview.RejectedCount, duplicates.Count, preview.Errors.ToList())
        {
            Duplicates = duplicates,
            References = requests.Select(r => r.Reference).ToList(),
        };
    }

    /// <summary>The duplicate keys of the register's cases received in the file's date range, with their reference.</summary>
    private async Task<Dictionary<string, string>> KnownKeysAsync(AppDbContext db, List<ImportRow<TField, TEntry>> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
            return [];
        var from = rows.Min(r => r.Entry!.ReceivedOn);
        var to = rows.Max(r => r.Entry!.ReceivedOn);
        var kind = register.Kind;
        var existing = await db.CaseFiles.AsNoTracking()
            .Where(c => c.Kind == kind && c.ReceivedOn >= from && c.ReceivedOn <= to)
            .Select(c => new { c.Patient.SearchName, c.ReceivedOn, Requester = c.Requester.SearchName, c.Reference })
            .ToListAsync(ct);
        var keys = new Dictionary<string, string>();
        foreach (var e in existing)
            keys.TryAdd(ImportKeys.Of(e.SearchName, e.ReceivedOn, e.Requester), e.Reference);
        return keys;
    }
}
