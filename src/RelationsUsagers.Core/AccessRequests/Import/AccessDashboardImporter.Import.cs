using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.AccessRequests.Import;

public sealed partial class AccessDashboardImporter
{
    public const string ImportAction = "Import";
    public const string ClosedOutcome = "Dossier communiqué (repris du tableau de suivi)";
    /// <summary>Why an imported request keeps « plus de cinq ans » without the information's date (R.1111-1 al.4).</summary>
    public const string ImportedAgeReason = "Ancienneté « plus de cinq ans » reprise du tableau de suivi, sans la date des informations.";

    /// <summary>
    /// Creates one access request per valid line, in one transaction: all of them or none. A line whose patient, receipt
    /// date and requester match a request already in the portal (imported or typed), or an earlier line of the file, is
    /// skipped: that key survives a renamed file, sorted or inserted lines and a corrected line imported again, which a
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
    public async Task<ImportResult> ImportAsync(ImportPreview preview, CancellationToken ct = default)
    {
        if (!preview.CanImport)
            throw new CaseRuleException(string.Join(" ", preview.Problems.DefaultIfEmpty("Aucune ligne d'en-têtes n'a été reconnue.")));
        var valid = preview.Rows.Where(r => r.IsValid).ToList();
        var today = ParisCalendar.Today(time);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // SQLite takes the write lock here: a concurrent import cannot slip the same lines in between the check and the insert.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await Data.DatabaseLocks.TakeAsync(db, Data.DatabaseLocks.AccessImport, ct);
        var known = await KnownKeysAsync(db, valid, ct);
        var clock = await LegalClockService.LoadClockAsync(db, ct);

        var requests = new List<AccessRequest>();
        var inFile = new Dictionary<string, (int Row, AccessRequest Request)>();
        var repeated = new List<(int Row, string? Existing, (int Row, AccessRequest Request)? Earlier)>();
        foreach (var row in valid)
        {
            var entry = row.Entry!;
            if (known.TryGetValue(entry.DuplicateKey, out var existing) || inFile.ContainsKey(entry.DuplicateKey))
            {
                repeated.Add((row.Row, existing, inFile.TryGetValue(entry.DuplicateKey, out var earlier) ? earlier : null));
                continue;
            }
            var request = ToRequest(entry, $"{preview.FileName} › {preview.Sheet} › ligne {row.Row}");
            // As CaseFileService keeps them: the derived fields, then the queue sorts by the earliest running deadline (no suspension yet).
            CaseKinds.Of(request).RefreshDerivedFields(request);
            Queue.QueueColumns.Refresh(request, clock.Compute(request, [], today), clock);
            requests.Add(request);
            inFile[entry.DuplicateKey] = (row.Row, request);
        }
        foreach (var year in requests.GroupBy(r => r.ReceivedOn.Year))
        {
            var next = await ReferenceAllocator.ReserveAsync(db, CaseKind.AccessRequest, year.Key, year.Count(), ct);
            foreach (var request in year)
                request.Reference = ReferenceAllocator.Format(CaseKind.AccessRequest, year.Key, next++);
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
            var chain = AuditChain.Continue(db, transaction);
            foreach (var request in requests)
            {
                ct.ThrowIfCancellationRequested();
                var created = AuditTrail.Created(request, now, user);
                chain.Seal(created);
                cases.Insert(request);
                audit.Insert(created);
                foreach (var e in request.Events)
                {
                    (e.RecordedAtUtc, e.RecordedBy) = (now, user);
                    events.Insert(e);
                }
            }
        }
        var duplicates = repeated.Select(d => d.Existing is { } reference
            ? $"Ligne {d.Row} : demande déjà enregistrée ({reference})."
            : $"Ligne {d.Row} : même demande que la ligne {d.Earlier!.Value.Row} ({d.Earlier.Value.Request.Reference}).").ToList();
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = now, UserName = user, Action = ImportAction,
            Details = string.Create(CultureInfo.InvariantCulture,
                $"Tableau de suivi « {preview.FileName} › {preview.Sheet} » : {requests.Count} demande(s) créée(s) avec leur historique, " +
                $"{preview.RejectedCount} ligne(s) rejetée(s), {duplicates.Count} doublon(s) ignoré(s)."),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ImportResult(preview.Rows.Count, requests.Count, preview.RejectedCount, duplicates.Count, preview.Errors.ToList())
        {
            Duplicates = duplicates,
            References = requests.Select(r => r.Reference).ToList(),
        };
    }

    /// <summary>The duplicate keys of the access requests received in the file's date range, with their reference.</summary>
    private static async Task<Dictionary<string, string>> KnownKeysAsync(AppDbContext db, List<ImportRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
            return [];
        var from = rows.Min(r => r.Entry!.ReceivedOn);
        var to = rows.Max(r => r.Entry!.ReceivedOn);
        var existing = await db.AccessRequests.AsNoTracking()
            .Where(r => r.ReceivedOn >= from && r.ReceivedOn <= to)
            .Select(r => new { r.Patient.SearchName, r.ReceivedOn, Requester = r.Requester.SearchName, r.Reference })
            .ToListAsync(ct);
        var keys = new Dictionary<string, string>();
        foreach (var e in existing)
            keys.TryAdd(DashboardEntry.DuplicateKeyOf(e.SearchName, e.ReceivedOn, e.Requester), e.Reference);
        return keys;
    }

    /// <summary>
    /// The request and its timeline (received, proofs complete, copy sent or consultation, AR, payment), so that the legal
    /// clock finds the same facts as for a request followed in the portal. Status: sent → closed (a communicated request of a
    /// hand-kept file needs no more work), complete → complete, otherwise received.
    /// </summary>
    internal static AccessRequest ToRequest(DashboardEntry e, string source)
    {
        var request = new AccessRequest
        {
            ReceivedOn = e.ReceivedOn,
            Channel = e.Channel ?? Channel.NotStated,
            Patient = new Patient { LastName = e.PatientLastName, FirstName = e.PatientFirstName, BirthDate = e.BirthDate, PatientNumber = e.PatientNumber },
            Requester = new Party { Name = e.RequesterName, Capacity = e.RequesterCapacityText },
            RequesterCapacity = e.RequesterCapacity,
            Services = [.. e.Services],
            CompletedOn = e.CompletedOn,
            // A complete request had every proof its requester needs (R.1111-1).
            ProofsReceived = e.CompletedOn is null ? [] : [.. AccessRequestRules.RequiredProofs(e.RequesterCapacity)],
            // R.1111-1 al.4: a hand-kept file gives the age class, not the information's date: the office's reading, with its source.
            InformationAgeOverride = e.OlderThanFiveYears ? true : null,
            InformationAgeOverrideReason = e.OlderThanFiveYears ? ImportedAgeReason : null,
            CommunicationMode = e.Mode,
            DesignatedDoctor = e.Mode == CommunicationMode.ViaDesignatedDoctor && e.RequesterCapacity == RequesterCapacity.DesignatedDoctor
                ? e.RequesterName : null,
            PageCount = e.PageCount,
            ReproductionFeeCents = e.FeeCents,
            PaidOn = e.PaidOn,
            SentOn = e.SentOn,
            RecordedDeliveryNumber = e.RecordedDeliveryNumber,
            DeliveryAcknowledgedOn = e.AcknowledgedOn,
            Remarks = e.Remarks,
            ImportSource = source,
            FormerReference = e.FormerReference,
            // Open lines stay open, where their dates leave them; their deadlines run from the receipt (L.1111-7).
            Status = e.SentOn is not null ? CaseStatus.Closed
                : e.CompletedOn is not null ? CaseStatus.Complete
                : e.AwaitingProofs ? CaseStatus.AwaitingProofs
                : CaseStatus.Received,
        };
        if (e.SentOn is { } sent)
        {
            request.ClosedOn = e.AcknowledgedOn is { } ack && ack > sent ? ack : sent;
            request.Outcome = ClosedOutcome;
        }
        AddEvent(request, CaseEventTypes.Received, e.ReceivedOn);
        // The file does not say when the proofs were asked for: on receipt, the office's usual practice, is the best date known.
        if (request.Status == CaseStatus.AwaitingProofs)
            AddEvent(request, CaseEventTypes.ProofsRequested, e.ReceivedOn);
        AddEvent(request, CaseEventTypes.ProofsComplete, e.CompletedOn);
        AddEvent(request, e.Mode == CommunicationMode.OnSite ? CaseEventTypes.OnSiteConsultation : CaseEventTypes.CopySent, e.SentOn);
        AddEvent(request, CaseEventTypes.DeliveryAcknowledged, e.AcknowledgedOn);
        AddEvent(request, CaseEventTypes.PaymentReceived, e.PaidOn);
        // The closing is a step too: a sent request of a hand-kept file is closed by its import, on the day it ended.
        AddEvent(request, CaseEventTypes.Closed, request.ClosedOn);
        return request;
    }

    private static void AddEvent(AccessRequest request, string type, DateOnly? on)
    {
        if (on is { } date)
            request.Events.Add(new CaseEvent { CaseFileId = request.Id, Type = type, OccurredOn = date, Note = "Repris du tableau de suivi" });
    }
}
