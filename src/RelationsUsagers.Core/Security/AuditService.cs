using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Queue;

namespace RelationsUsagers.Core.Security;

/// <summary>
/// Reads the audit trail (Managers only, enforced by the pages' policy). The trail holds what was changed, old values
/// included: reading it is a read of health data, audited in turn (<see cref="AuditActions.JournalRead"/>).
/// </summary>
public sealed class AuditService(IDbContextFactory<AppDbContext> dbFactory)
{
    private const char Nbsp = '\u00A0';

    /// <summary>
    /// The case's trail, newest first, as the journal shows it: details in French (fields' French names, labels of values),
    /// whatever version of the portal wrote them. The stored lines stay as written (append-only). The reading is written on
    /// the case after the read, so the trail shown ends with the reading before it, not with itself. Its details name the
    /// last line read, readings of the journal aside: reading again while nothing else was written on the case, within
    /// <see cref="AuditReads.RepeatWindow"/>, writes no second line; reading after a change does.
    /// </summary>
    public async Task<IReadOnlyList<AuditEntry>> GetCaseTrailAsync(Guid caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.CaseFileId == caseId)
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .ToListAsync(ct);
        var file = await db.CaseFiles.AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.Kind, c.Reference }).FirstOrDefaultAsync(ct);
        foreach (var entry in entries)
            entry.Details = AuditWording.InFrench(entry.Details, file?.Kind);
        if (file is not null)
        {
            var lastRead = entries.Where(e => e.Action != AuditActions.JournalRead).Select(e => e.Id).DefaultIfEmpty().Max();
            if (await AuditReads.AddUnlessRepeatedAsync(db, AuditActions.JournalRead, caseId, file.Reference,
                    $"Journal du dossier jusqu'à la ligne n°{Nbsp}{lastRead}", ct))
                await db.SaveChangesAsync(ct);
        }
        return entries;
    }

    /// <summary>
    /// One page of the whole trail, newest (highest number) first, filtered, details in French, read up to line
    /// <paramref name="upToId"/> (null: the last line now, for a new search); then the reading's own line, without a case:
    /// the filter, the page and the last line number, which say exactly which lines were shown.
    /// </summary>
    public async Task<AuditJournalLines> GetJournalPageAsync(AuditJournalFilter filter, int pageIndex, long? upToId = null,
        int pageSize = AuditJournalFilter.PageSize, CancellationToken ct = default)
    {
        if (filter.PeriodProblem is { } problem)
            throw new CaseRuleException(problem);
        pageIndex = Math.Max(0, pageIndex);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var upTo = upToId ?? await db.AuditEntries.MaxAsync(a => (long?)a.Id, ct) ?? 0;
        var query = Apply(db, db.AuditEntries.AsNoTracking().Where(a => a.Id <= upTo), filter);
        var total = await query.CountAsync(ct);
        var entries = await query.OrderByDescending(a => a.Id).Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(ct);
        var caseIds = entries.Where(e => e.CaseFileId is not null).Select(e => e.CaseFileId!.Value).Distinct().ToList();
        var kinds = await db.CaseFiles.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Kind, ct);
        foreach (var entry in entries)
            entry.Details = AuditWording.InFrench(entry.Details, entry.CaseFileId is { } id && kinds.TryGetValue(id, out var kind) ? kind : null);
        if (await AuditReads.AddUnlessRepeatedAsync(db, AuditActions.JournalRead, null, null, filter.ForAudit(pageIndex, upTo), ct))
            await db.SaveChangesAsync(ct);
        return new AuditJournalLines(entries, total, upTo);
    }

    private static IQueryable<AuditEntry> Apply(AppDbContext db, IQueryable<AuditEntry> query, AuditJournalFilter filter)
    {
        // The period is in Paris days: from the first day's midnight to the midnight after the last day, in UTC.
        if (filter.From is { } from)
        {
            var fromUtc = ParisCalendar.StartUtc(from);
            query = query.Where(a => a.AtUtc >= fromUtc);
        }
        if (filter.To is { } to)
        {
            var untilUtc = ParisCalendar.StartUtc(to.AddDays(1));
            query = query.Where(a => a.AtUtc < untilUtc);
        }
        if (AuditJournalFilter.Text(filter.UserName) is { } user)
        {
            var pattern = TextSearch.LikeContains(user);
            // The case of ASCII letters is ignored, as SQLite's LIKE does: ILIKE on PostgreSQL.
            query = db.IsPostgreSql
                ? query.Where(a => EF.Functions.ILike(a.UserName, pattern, "\\"))
                : query.Where(a => EF.Functions.Like(a.UserName, pattern, "\\"));
        }
        if (AuditJournalFilter.Text(filter.Action) is { } action)
            query = query.Where(a => a.Action == action);
        if (AuditJournalFilter.Text(filter.CaseReference) is { } reference)
        {
            // A queue search names the cases it listed in its details: "who saw this case" includes them.
            var pattern = TextSearch.LikeContains(reference);
            query = db.IsPostgreSql
                ? query.Where(a => EF.Functions.ILike(a.CaseReference!, pattern, "\\")
                    || (a.Action == AuditActions.QueueSearched && EF.Functions.ILike(a.Details!, pattern, "\\")))
                : query.Where(a => EF.Functions.Like(a.CaseReference, pattern, "\\")
                    || (a.Action == AuditActions.QueueSearched && EF.Functions.Like(a.Details, pattern, "\\")));
        }
        return query;
    }


    /// <summary>
    /// Walks the audit chain (<see cref="AuditChain"/>) and returns its first broken link, if any. Not audited: it shows no
    /// line's details, only which line breaks the chain (as <c>audit verify</c> on the command line).
    /// </summary>
    public async Task<AuditChainReport> VerifyChainAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await AuditChain.VerifyAsync(db, ct);
    }
}
