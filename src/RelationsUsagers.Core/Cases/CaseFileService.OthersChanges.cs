using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Cases;

public sealed partial class CaseFileService
{
    /// <summary>
    /// The trail's lines that record a read, not a change: a case page told that the case changed (<see cref="CaseChanges"/>)
    /// does not call a colleague opening it or downloading a document a change.
    /// </summary>
    private static readonly string[] ReadActions =
    [
        AuditActions.Opened, AuditActions.PersonLookup, AuditActions.DocumentDownloaded, AuditActions.LetterGenerated,
        AuditActions.QueueSearched, AuditActions.ClosedCasesCounted, AuditActions.JournalRead, AuditActions.Exported,
    ];

    /// <summary>
    /// The number of the case's last trail line: the mark a page keeps when it loads the case (taken before the load, so that
    /// a change between the two is told rather than missed).
    /// </summary>
    public async Task<long> TrailMarkAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditEntries.AsNoTracking().Where(a => a.CaseFileId == id).MaxAsync(a => (long?)a.Id, ct) ?? 0;
    }

    /// <summary>
    /// Who else changed the case after <paramref name="mark"/> (the latest of them), or null: every change of a case — its
    /// fields, steps, documents, mediation, insurance lines — writes its trail line in its own transaction, so the trail
    /// tells another user's change from the page's own, whichever instance of the portal saved it.
    /// </summary>
    public async Task<string?> ChangedByOthersSinceAsync(Guid id, long mark, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = db.CurrentUserName;
        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.CaseFileId == id && a.Id > mark && a.UserName != me && !ReadActions.Contains(a.Action))
            .OrderByDescending(a => a.Id).Select(a => a.UserName).FirstOrDefaultAsync(ct);
    }
}
