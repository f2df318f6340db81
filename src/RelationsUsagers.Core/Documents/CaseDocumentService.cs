using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Documents;

/// <summary>Where uploaded documents are kept: a folder outside the web root.</summary>
public sealed record DocumentStorage(string RootPath);

/// <summary>Uploads, downloads and withdrawals of a case's documents; all are audited.</summary>
public sealed class CaseDocumentService(IDbContextFactory<AppDbContext> dbFactory, DocumentStorage storage,
    ILogger<CaseDocumentService>? logger = null, CaseChanges? changes = null)
{
    private readonly ILogger log = logger ?? NullLogger<CaseDocumentService>.Instance;

    public async Task<CaseDocument> UploadAsync(Guid caseId, string fileName, Stream content, long length, string? description,
        CancellationToken ct = default)
    {
        if (length <= 0)
            throw new CaseRuleException("Le fichier est vide.");
        if (length > DocumentTypes.MaxBytes)
            throw new CaseRuleException("Le fichier dépasse 20 Mo.");
        var safeName = DocumentTypes.CleanName(fileName);
        if (string.IsNullOrWhiteSpace(safeName) || safeName is "." or "..")
            throw new CaseRuleException("Le nom du fichier est invalide.");
        if (!DocumentTypes.IsAcceptedName(safeName))
            throw new CaseRuleException(DocumentTypes.RefusedMessage);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.CaseFiles.FirstOrDefaultAsync(c => c.Id == caseId, ct) is null) // tracked: the audit line takes its reference
            throw new CaseRuleException("Ce dossier n'existe plus.");

        var doc = new CaseDocument { CaseFileId = caseId, FileName = safeName, SizeBytes = length, Description = description };
        doc.StoragePath = Path.Combine(caseId.ToString("N"), doc.Id.ToString("N"));
        var fullPath = FullPath(doc);
        // Written under a temporary name in the same folder, then moved: no partial file ever carries a document's name.
        var partPath = fullPath + ".part";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            long written;
            await using (var file = new FileStream(partPath, FileMode.CreateNew, FileAccess.Write))
            {
                var head = new byte[16];
                var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
                doc.ContentType = DocumentTypes.Detect(head.AsSpan(0, read), safeName) ?? throw new CaseRuleException(Mismatch(safeName));
                await file.WriteAsync(head.AsMemory(0, read), ct);
                await content.CopyToAsync(file, ct);
                await file.FlushAsync(ct);
                written = file.Length;
            }
            if (written > DocumentTypes.MaxBytes)
                throw new CaseRuleException("Le fichier dépasse 20 Mo.");
            await using (var stored = File.OpenRead(partPath))
                if (!DocumentTypes.IsWholePackage(stored, doc.ContentType))
                    throw new CaseRuleException(Mismatch(safeName));
            File.Move(partPath, fullPath);
            doc.SizeBytes = written;
            db.CaseDocuments.Add(doc);
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Remove(partPath, fullPath);
            // The case id and the kind of failure only: the file's name may name the patient (nothing personal in logs).
            var kind = StorageFailure.Kind(ex);
            log.LogError("Document upload to case {CaseId} failed: {ErrorKind} ({ExceptionType})", caseId, kind, ex.GetType().Name);
            throw new CaseRuleException(StorageFailure.Message(kind));
        }
        catch
        {
            // Nothing half-written: no row without its file, no file without its row.
            Remove(partPath, fullPath);
            throw;
        }
        // Outside the try: the document is saved, whatever a listener does it must not remove its file.
        await PublishAsync(db, caseId);
        return doc;
    }

    private static string Mismatch(string name) =>
        $"Le contenu du fichier ne correspond pas à son extension « {Path.GetExtension(name)} » : il n'a pas été ajouté.";

    private static void Remove(params string[] paths)
    {
        foreach (var path in paths)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The folder itself is out of reach: there is nothing in it to remove.
            }
        }
    }

    /// <summary>
    /// Opens a document for download and writes the audit line; null if it does not belong to the case. A withdrawn
    /// document is refused to anyone but a manager.
    /// </summary>
    public async Task<(CaseDocument Document, Stream Content)?> OpenAsync(Guid caseId, Guid documentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var doc = await db.CaseDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.CaseFileId == caseId, ct);
        if (doc is null || !File.Exists(FullPath(doc)))
            return null;
        if (doc.IsWithdrawn && !await UserPermissions.ActingUserHasAsync(db, Permissions.CasesCorrect, ct))
            throw new CaseRuleException("Ce document a été retiré du dossier : seul un responsable peut le télécharger.");
        var file = await db.CaseFiles.AsNoTracking().FirstAsync(c => c.Id == caseId, ct);
        db.AuditEntries.Add(AuditTrail.Line(file, db.UtcNow, db.CurrentUserName, AuditActions.DocumentDownloaded, doc.FileName));
        await db.SaveChangesAsync(ct);
        return (doc, File.OpenRead(FullPath(doc)));
    }

    /// <summary>The case's documents in force, newest first.</summary>
    public Task<IReadOnlyList<CaseDocument>> ListAsync(Guid caseId, CancellationToken ct = default) => ListAsync(caseId, false, ct);

    /// <summary>The case's documents, newest first; the withdrawn ones too when asked by a manager.</summary>
    public async Task<IReadOnlyList<CaseDocument>> ListAsync(Guid caseId, bool includeWithdrawn, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        includeWithdrawn = includeWithdrawn && await UserPermissions.ActingUserHasAsync(db, Permissions.CasesCorrect, ct);
        return await db.CaseDocuments.AsNoTracking()
            .Where(d => d.CaseFileId == caseId && (includeWithdrawn || d.WithdrawnAtUtc == null))
            .OrderByDescending(d => d.UploadedAtUtc).ToListAsync(ct);
    }

    /// <summary>
    /// Withdraws a document from the case (managers only), with a reason: the file and its row are kept, the document leaves
    /// the case's list and only managers can still download it. Audited in the same transaction.
    /// </summary>
    public async Task WithdrawAsync(Guid caseId, Guid documentId, string? reason, CancellationToken ct = default)
    {
        reason = CaseCorrections.RequireReason(reason, "Le motif du retrait est obligatoire.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await UserPermissions.ActingUserHasAsync(db, Permissions.CasesCorrect, ct))
            throw new CaseRuleException("Seul un responsable peut retirer un document du dossier.");
        var doc = await db.CaseDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.CaseFileId == caseId, ct)
            ?? throw new CaseRuleException("Ce document n'existe plus.");
        var file = await db.CaseFiles.AsNoTracking().FirstAsync(c => c.Id == caseId, ct);
        var (now, user) = (db.UtcNow, db.CurrentUserName);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Only a document still in the list: two managers withdrawing it at once cannot overwrite each other's reason.
        var withdrawn = await db.CaseDocuments.Where(d => d.Id == documentId && d.WithdrawnAtUtc == null).ExecuteUpdateAsync(u => u
            .SetProperty(d => d.WithdrawnAtUtc, now).SetProperty(d => d.WithdrawnBy, user).SetProperty(d => d.WithdrawalReason, reason), ct);
        if (withdrawn == 0)
            throw new CaseRuleException("Ce document a déjà été retiré du dossier.");
        db.AuditEntries.Add(AuditTrail.Line(file, now, user, AuditActions.DocumentWithdrawn, $"{doc.FileName} ; motif : {reason}"));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await PublishAsync(db, caseId);
    }

    /// <summary>The case's document list changed: its page and the queue are told, after the commit.</summary>
    private Task PublishAsync(AppDbContext db, Guid caseId) => changes?.PublishAsync(db, caseId) ?? Task.CompletedTask;

    private string FullPath(CaseDocument doc) => Path.Combine(Path.GetFullPath(storage.RootPath), doc.StoragePath);
}
