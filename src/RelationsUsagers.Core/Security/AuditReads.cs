using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.Security;

/// <summary>
/// Audit lines for reads that a page repeats by itself: the queue reloads on every colleague's save and on each pause in
/// typing, a table reloads on each click. A read identical to the user's previous one of the same action, moments ago,
/// tells nothing new: it is not written again. Anything different (another page, another result, another case, another
/// filter) is. Two reads racing each other may both be written: a line too many, never one missing.
/// </summary>
internal static class AuditReads
{
    /// <summary>How long an identical read stays "the same read" (the queue's live refresh, a user reading one screen).</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Adds the line for the acting user, now, unless the user's latest line of <paramref name="action"/> is younger than
    /// <see cref="RepeatWindow"/> and has the same case and details. Written by the caller's next save; false when not added.
    /// </summary>
    public static async Task<bool> AddUnlessRepeatedAsync(AppDbContext db, string action, Guid? caseId, string? caseReference, string? details,
        CancellationToken ct)
    {
        var line = new AuditEntry
        {
            AtUtc = db.UtcNow, UserName = db.CurrentUserName, CaseFileId = caseId, CaseReference = caseReference, Action = action,
            Details = details,
        };
        // Served by IX_AuditEntries_UserName_Action: the user's lines of that action, newest (highest number) first.
        var latest = await db.AuditEntries.AsNoTracking()
            .Where(a => a.UserName == line.UserName && a.Action == action)
            .OrderByDescending(a => a.Id)
            .Select(a => new { a.AtUtc, a.CaseFileId, a.Details })
            .FirstOrDefaultAsync(ct);
        if (latest is not null && latest.AtUtc > line.AtUtc - RepeatWindow && latest.CaseFileId == caseId && latest.Details == details)
            return false;
        db.AuditEntries.Add(line);
        return true;
    }
}
