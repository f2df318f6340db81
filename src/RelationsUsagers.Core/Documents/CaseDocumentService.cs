using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Documents;

/// <summary>Where uploaded documents are kept: a folder outside the web root.</summary>
public sealed record DocumentStorage(string RootPath);

/// <summary>Uploads and downloads of a case's documents; both are audited.</summary>
public sealed class CaseDocumentService(IDbContextFactory<AppDbContext> dbFactory, DocumentStorage storage)
{
    public async Task<CaseDocument> UploadAsync(Guid caseId, string fileName, Stream content, long length, string? description,
        CancellationToken ct = default)
    {
        if (length <= 0)
            throw new CaseRuleException("Le fichier est vide.");
        if (length > DocumentTypes.MaxBytes)
            throw new CaseRuleException("Le fichier dépasse 20 Mo.");
        var safeName = Path.GetFileName(fileName.Replace('\\', '/'));
        if (string.IsNullOrWhiteSpace(safeName))
            throw new CaseRuleException("Le nom du fichier est invalide.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.CaseFiles.FirstOrDefaultAsync(c => c.Id == caseId, ct) is null) // tracked: the audit line takes its reference
            throw new CaseRuleException("Ce dossier n'existe plus.");

        var doc = new CaseDocument { CaseFileId = caseId, FileName = safeName, SizeBytes = length, Description = description };
        doc.StoragePath = Path.Combine(caseId.ToString("N"), doc.Id.ToString("N"));
        var fullPath = FullPath(doc);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        try
        {
            long written;
            await using (var file = File.Create(fullPath))
            {
                var head = new byte[16];
                var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
                doc.ContentType = DocumentTypes.Detect(head.AsSpan(0, read), safeName)
                    ?? throw new CaseRuleException("Type de fichier refusé : seuls les PDF, documents Word (.doc, .docx, .odt) et images (PNG, JPEG, TIFF) sont acceptés.");
                await file.WriteAsync(head.AsMemory(0, read), ct);
                await content.CopyToAsync(file, ct);
                written = file.Length;
            }
            if (written > DocumentTypes.MaxBytes)
                throw new CaseRuleException("Le fichier dépasse 20 Mo.");
            doc.SizeBytes = written;
            db.CaseDocuments.Add(doc);
            await db.SaveChangesAsync(ct);
            return doc;
        }
        catch
        {
            // Nothing half-written: no row without its file, no file without its row.
            File.Delete(fullPath);
            throw;
        }
    }

    /// <summary>Opens a document for download and writes the audit line; null if it does not belong to the case.</summary>
    public async Task<(CaseDocument Document, Stream Content)?> OpenAsync(Guid caseId, Guid documentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var doc = await db.CaseDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.CaseFileId == caseId, ct);
        if (doc is null || !File.Exists(FullPath(doc)))
            return null;
        var file = await db.CaseFiles.AsNoTracking().FirstAsync(c => c.Id == caseId, ct);
        db.AuditEntries.Add(AuditTrail.Line(file, db.UtcNow, db.CurrentUserName, AuditActions.DocumentDownloaded, doc.FileName));
        await db.SaveChangesAsync(ct);
        return (doc, File.OpenRead(FullPath(doc)));
    }

    public async Task<IReadOnlyList<CaseDocument>> ListAsync(Guid caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CaseDocuments.AsNoTracking().Where(d => d.CaseFileId == caseId).OrderByDescending(d => d.UploadedAtUtc).ToListAsync(ct);
    }

    private string FullPath(CaseDocument doc) => Path.Combine(Path.GetFullPath(storage.RootPath), doc.StoragePath);
}
