using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.Security;

/// <summary>Reads the audit trail (Managers only, enforced by the page's policy).</summary>
public sealed class AuditService(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>
    /// The case's trail, newest first, as the journal shows it: details in French (fields' French names, labels of values),
    /// whatever version of the portal wrote them. The stored lines stay as written (append-only).
    /// </summary>
    public async Task<IReadOnlyList<AuditEntry>> GetCaseTrailAsync(Guid caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.CaseFileId == caseId)
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .ToListAsync(ct);
        var kind = await db.CaseFiles.AsNoTracking().Where(c => c.Id == caseId).Select(c => (CaseKind?)c.Kind).FirstOrDefaultAsync(ct);
        foreach (var entry in entries)
            entry.Details = AuditWording.InFrench(entry.Details, kind);
        return entries;
    }

    /// <summary>Walks the audit chain (<see cref="AuditChain"/>) and returns its first broken link, if any.</summary>
    public async Task<AuditChainReport> VerifyChainAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await AuditChain.VerifyAsync(db, ct);
    }
}
