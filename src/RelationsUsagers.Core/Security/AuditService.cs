using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.Security;

/// <summary>Reads the audit trail (Managers only, enforced by the page's policy).</summary>
public sealed class AuditService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<IReadOnlyList<AuditEntry>> GetCaseTrailAsync(Guid caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.CaseFileId == caseId)
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .ToListAsync(ct);
    }
}
