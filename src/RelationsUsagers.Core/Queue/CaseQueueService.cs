using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.Queue;

/// <summary>The officer's live queue: one indexed query over the four kinds, paged on the server.</summary>
public sealed class CaseQueueService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public async Task<PagedResult<CaseListItem>> GetPageAsync(QueueFilter filter, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Apply(db.CaseFiles.AsNoTracking(), filter, ParisCalendar.Today(clock));
        var total = await query.CountAsync(ct);
        var items = await Sort(query, page)
            .Skip(page.Skip).Take(page.PageSize)
            .Select(c => new CaseListItem(c.Id, c.Reference, c.Kind, c.Patient.LastName, c.Patient.FirstName, c.Requester.Name,
                c.Services, c.ReceivedOn, c.Status, c.NextDueOn, c.AssignedTo, c.NextDueCode, c.ClockSuspended))
            .ToListAsync(ct);
        return new PagedResult<CaseListItem>(items, total);
    }

    public async Task<QueueCounters> GetCountersAsync(string? userName, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = ParisCalendar.Today(clock);
        var weekEnd = today.AddDays(7);
        var open = db.CaseFiles.AsNoTracking().Where(OpenCase);
        var byKind = await open.GroupBy(c => c.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var overdue = await open.CountAsync(c => c.NextDueOn < today, ct);
        var dueWeek = await open.CountAsync(c => c.NextDueOn >= today && c.NextDueOn <= weekEnd, ct);
        var mine = userName is null ? 0 : await open.CountAsync(c => c.AssignedTo == userName, ct);
        return new QueueCounters(byKind, overdue, dueWeek, mine);
    }

    /// <summary>The distinct services named in cases, for the service filter.</summary>
    public async Task<IReadOnlyList<string>> GetServicesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Services are a JSON array per case: json_each unnests them (EF cannot translate Distinct over a primitive collection).
        return await db.Database
            .SqlQuery<string>($"SELECT DISTINCT s.value AS Value FROM CaseFiles AS c, json_each(c.Services) AS s ORDER BY 1")
            .ToListAsync(ct);
    }

    private static readonly System.Linq.Expressions.Expression<Func<CaseFile, bool>> OpenCase =
        c => c.Status != CaseStatus.Closed && c.Status != CaseStatus.Refused && c.Status != CaseStatus.Abandoned;

    internal static IQueryable<CaseFile> Apply(IQueryable<CaseFile> query, QueueFilter filter, DateOnly today)
    {
        if (!filter.IncludeClosed && filter.Status is null)
            query = query.Where(OpenCase);
        if (filter.Kind is { } kind)
            query = query.Where(c => c.Kind == kind);
        if (filter.Status is { } status)
            query = query.Where(c => c.Status == status);
        if (!string.IsNullOrWhiteSpace(filter.AssignedTo))
            query = query.Where(c => c.AssignedTo == filter.AssignedTo);
        if (filter.OverdueOnly)
            query = query.Where(c => c.NextDueOn < today);
        if (filter.DueThisWeek)
        {
            var weekEnd = today.AddDays(7);
            query = query.Where(c => c.NextDueOn >= today && c.NextDueOn <= weekEnd);
        }
        if (!string.IsNullOrWhiteSpace(filter.Service))
            query = query.Where(c => c.Services.Contains(filter.Service));
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // Search columns are stored lower-case without accents (TextSearch), so LIKE needs no collation.
            var term = TextSearch.Normalize(filter.Search);
            var pattern = $"%{term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            var reference = filter.Search.Trim().ToUpperInvariant();
            query = query.Where(c => c.Reference.StartsWith(reference)
                || EF.Functions.Like(c.Patient.SearchName, pattern, "\\")
                || EF.Functions.Like(c.Requester.SearchName, pattern, "\\"));
        }
        return query;
    }

    /// <summary>Sorts through a whitelist; urgency = dated deadlines first, earliest (most overdue) first.</summary>
    internal static IQueryable<CaseFile> Sort(IQueryable<CaseFile> query, PageRequest page) => (page.Sort, page.Descending) switch
    {
        (QueueSort.Reference, false) => query.OrderBy(c => c.Reference),
        (QueueSort.Reference, true) => query.OrderByDescending(c => c.Reference),
        (QueueSort.ReceivedOn, false) => query.OrderBy(c => c.ReceivedOn).ThenBy(c => c.Reference),
        (QueueSort.ReceivedOn, true) => query.OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Reference),
        (QueueSort.Patient, false) => query.OrderBy(c => c.Patient.SearchName).ThenBy(c => c.Reference),
        (QueueSort.Patient, true) => query.OrderByDescending(c => c.Patient.SearchName).ThenBy(c => c.Reference),
        (QueueSort.Status, false) => query.OrderBy(c => c.Status).ThenBy(c => c.NextDueOn == null).ThenBy(c => c.NextDueOn),
        (QueueSort.Status, true) => query.OrderByDescending(c => c.Status).ThenBy(c => c.NextDueOn == null).ThenBy(c => c.NextDueOn),
        (QueueSort.Kind, false) => query.OrderBy(c => c.Kind).ThenBy(c => c.NextDueOn == null).ThenBy(c => c.NextDueOn),
        (QueueSort.Kind, true) => query.OrderByDescending(c => c.Kind).ThenBy(c => c.NextDueOn == null).ThenBy(c => c.NextDueOn),
        (QueueSort.NextDue, true) => query.OrderBy(c => c.NextDueOn == null).ThenByDescending(c => c.NextDueOn).ThenBy(c => c.Reference),
        _ => query.OrderBy(c => c.NextDueOn == null).ThenBy(c => c.NextDueOn).ThenBy(c => c.Reference),
    };
}
