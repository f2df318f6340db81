using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Queue;

/// <summary>The officer's live queue: one indexed query over the four kinds, paged on the server.</summary>
public sealed class CaseQueueService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// The queue counts its matches exactly up to this many, and beyond says « plus de 10 000 »: an exact count reads
    /// every match (311,000 open cases at a million take about 80 ms on PostgreSQL), while nobody pages through ten
    /// thousand cases; they narrow the filter. Paging past the cap counts up to the next multiple.
    /// </summary>
    public const int DefaultCountCap = 10_000;

    /// <summary>See <see cref="DefaultCountCap"/>; smaller in tests, so that a handful of cases reaches it.</summary>
    public int CountCap { get; init; } = DefaultCountCap;

    /// <summary>
    /// One page of the filtered queue and the number of cases the filter matches. A search (a name, an IPP, a reference)
    /// looks for a person: it is audited (<see cref="AuditActions.QueueSearched"/>) with the filter, the count and the
    /// references listed, never the text typed (<see cref="QueueFilterWording"/>).
    /// </summary>
    /// <remarks>
    /// Measured by <c>tests/RelationsUsagers.Benchmarks</c> (<c>queue</c>) on 100,000 cases. The open-queue partial
    /// indexes (<see cref="CaseFileConfiguration"/>) serve the count and the urgency order; a page with rows is one
    /// statement, its total computed once by the database as a scalar subquery next to the rows, and capped
    /// (<see cref="DefaultCountCap"/>). On PostgreSQL the search box is served by trigram indexes (QueueSearchIndexes).
    /// </remarks>
    public async Task<PagedResult<CaseListItem>> GetPageAsync(QueueFilter filter, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One connection opening (and its pragmas) for the statements below instead of one each.
        await db.Database.OpenConnectionAsync(ct);
        var query = Apply(db, db.CaseFiles.AsNoTracking(), filter, ParisCalendar.Today(clock));
        var urgency = IsUrgency(page);
        // Urgency order, first part: the dated cases (see UndatedAfterAsync for the rest).
        var ordered = urgency ? query.Where(c => c.NextDueOn != null).OrderBy(c => c.NextDueOn).ThenBy(c => c.Reference) : Sort(query, page);
        // Counted up to one past the cap (SELECT count(*) FROM (SELECT 1 … LIMIT n)): reaching it means "more than the cap".
        var cap = CountCapFor(page);
        var rows = await ordered.Skip(page.Skip).Take(page.PageSize).Select(ListItem)
            .Select(item => new { Item = item, Total = query.Take(cap + 1).Count() })
            .ToListAsync(ct);
        var items = rows.ConvertAll(row => row.Item);
        var counted = rows.Count > 0 ? rows[0].Total : await query.Take(cap + 1).CountAsync(ct);
        var capped = counted > cap;
        var total = Math.Min(counted, cap);
        if (urgency && items.Count < page.PageSize && page.Skip + items.Count < total)
            await UndatedAfterAsync(query, page, items, ct);
        if (IsSearch(filter))
            await AuditSearchAsync(db, AuditActions.QueueSearched,
                QueueFilterWording.SearchResult(total, capped, page.Page, items.ConvertAll(i => i.Reference)) + QueueFilterWording.ForAudit(filter), ct);
        return new PagedResult<CaseListItem>(items, total) { MoreThanTotal = capped };
    }

    /// <summary>The cap of the count for this page: the smallest multiple of <see cref="CountCap"/> past its first row.</summary>
    private int CountCapFor(PageRequest page) => (page.Skip / CountCap + 1) * CountCap;

    private static readonly System.Linq.Expressions.Expression<Func<CaseFile, CaseListItem>> ListItem =
        c => new CaseListItem(c.Id, c.Reference, c.Kind, c.Patient.LastName, c.Patient.FirstName, c.Requester.Name,
            c.Services, c.ReceivedOn, c.Status, c.NextDueOn, c.AssignedTo, c.NextDueCode, c.ClockSuspended, c.WaitingOn, c.WaitingSince, c.ReminderDueOn,
            c.NextDueLabel, c.NextDueComputation);

    /// <summary>The sorts that <see cref="Sort"/> orders by urgency: dated deadlines first by date then reference, undated last.</summary>
    private static bool IsUrgency(PageRequest page) => (page.Sort, page.Descending) switch
    {
        (QueueSort.Reference or QueueSort.ReceivedOn or QueueSort.Patient or QueueSort.Status or QueueSort.Kind, _) => false,
        (QueueSort.NextDue, true) => false,
        _ => true,
    };

    /// <summary>
    /// Urgency order, second part. The urgency order is read as two ordered ranges instead of one <c>ORDER BY NextDueOn
    /// IS NULL, NextDueOn, Reference</c>: no index can serve that expression, so SQLite would read and sort every
    /// matching case (30,000 open ones) to return 25. The dated cases come from the index ordered by (NextDueOn,
    /// Reference); the undated ones, which follow them, from the same index at NextDueOn = NULL, ordered by Reference.
    /// This runs only for a page that reaches past the last dated case (<paramref name="items"/> holds its dated part).
    /// </summary>
    private static async Task UndatedAfterAsync(IQueryable<CaseFile> query, PageRequest page, List<CaseListItem> items, CancellationToken ct)
    {
        // The dated cases end on this page, or before it when it holds none of them: then they must be counted.
        var datedCount = items.Count > 0 || page.Skip == 0 ? page.Skip + items.Count : await query.CountAsync(c => c.NextDueOn != null, ct);
        items.AddRange(await query.Where(c => c.NextDueOn == null).OrderBy(c => c.Reference)
            .Skip(Math.Max(0, page.Skip - datedCount)).Take(page.PageSize - items.Count).Select(ListItem).ToListAsync(ct));
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
        var waiting = await open.CountAsync(c => c.WaitingOn != null, ct);
        return new QueueCounters(byKind, overdue, dueWeek, mine, waiting);
    }

    /// <summary>The distinct services named in cases, for the service filter.</summary>
    public async Task<IReadOnlyList<string>> GetServicesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Services are a JSON array per case on SQLite (json_each unnests them), a text[] on PostgreSQL (unnest): EF cannot
        // translate Distinct over a primitive collection.
        var query = db.IsPostgreSql
            ? db.Database.SqlQuery<string>($"""SELECT DISTINCT s AS "Value" FROM "CaseFiles" AS c, unnest(c."Services") AS s ORDER BY 1""")
            : db.Database.SqlQuery<string>($"SELECT DISTINCT s.value AS Value FROM CaseFiles AS c, json_each(c.Services) AS s ORDER BY 1");
        return await query.ToListAsync(ct);
    }

    /// <summary>
    /// How many closed, refused or abandoned cases the filter finds once closed cases are shown; 0 when the filter already
    /// shows them (closed cases included, or a status chosen). Asked when no open case matches, so that an officer
    /// looking for someone learns that their cases are closed rather than absent. With a search, that count tells whether
    /// a person has had dealings with the office: audited like the search (<see cref="AuditActions.ClosedCasesCounted"/>,
    /// an action of its own, so that the queue's search line and this one, written one after the other on each refresh,
    /// each find their own previous line and are not written again).
    /// </summary>
    public async Task<int> CountClosedMatchesAsync(QueueFilter filter, CancellationToken ct = default)
    {
        if (filter.IncludeClosed || filter.Status is not null)
            return 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var count = await Apply(db, db.CaseFiles.AsNoTracking(), filter with { IncludeClosed = true }, ParisCalendar.Today(clock))
            .Where(ClosedCase).CountAsync(ct);
        if (IsSearch(filter))
            await AuditSearchAsync(db, AuditActions.ClosedCasesCounted, QueueFilterWording.ClosedCount(count) + QueueFilterWording.ForAudit(filter), ct);
        return count;
    }

    private static bool IsSearch(QueueFilter filter) => !string.IsNullOrWhiteSpace(filter.Search);

    /// <summary>One line without a case (it may list many), unless the same user's previous search showed the same.</summary>
    private static async Task AuditSearchAsync(AppDbContext db, string action, string details, CancellationToken ct)
    {
        if (await AuditReads.AddUnlessRepeatedAsync(db, action, caseId: null, caseReference: null, details, ct))
            await db.SaveChangesAsync(ct);
    }

    /// <summary>Translated to <c>"Status" NOT IN (17, 15, 16)</c>, the WHERE of the open-queue partial indexes (<see cref="CaseFileConfiguration.OpenCaseFilter"/>).</summary>
    private static readonly System.Linq.Expressions.Expression<Func<CaseFile, bool>> OpenCase =
        c => c.Status != CaseStatus.Closed && c.Status != CaseStatus.Refused && c.Status != CaseStatus.Abandoned;

    /// <summary>The final statuses (<see cref="CaseStatusLabels.IsFinal"/>), translated to <c>"Status" IN (17, 15, 16)</c>.</summary>
    private static readonly System.Linq.Expressions.Expression<Func<CaseFile, bool>> ClosedCase =
        c => c.Status == CaseStatus.Closed || c.Status == CaseStatus.Refused || c.Status == CaseStatus.Abandoned;

    /// <summary>The filter as a query over <paramref name="query"/>, a query of <paramref name="db"/> (whose database decides how text is matched).</summary>
    internal static IQueryable<CaseFile> Apply(AppDbContext db, IQueryable<CaseFile> query, QueueFilter filter, DateOnly today)
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
        if (filter.WaitingOnly)
            query = query.Where(c => c.WaitingOn != null);
        if (filter.DueThisWeek)
        {
            var weekEnd = today.AddDays(7);
            query = query.Where(c => c.NextDueOn >= today && c.NextDueOn <= weekEnd);
        }
        if (!string.IsNullOrWhiteSpace(filter.Service))
            query = query.Where(c => c.Services.Contains(filter.Service));
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            if (text.Any(char.IsAsciiDigit))
            {
                // A number is part of a reference ("0042", "PLT-2026") or of an IPP, anywhere in it; names hold no digits.
                // SQLite's LIKE ignores the case of ASCII letters, so "plt-2026" finds PLT-2026-00042; PostgreSQL's ILIKE does.
                var code = TextSearch.LikeContains(text);
                // The former reference is the office's own number for an imported case ("2025-017", "D-12").
                query = db.IsPostgreSql
                    ? query.Where(c => EF.Functions.ILike(c.Reference, code, "\\") || EF.Functions.ILike(c.Patient.PatientNumber!, code, "\\")
                        || EF.Functions.ILike(c.FormerReference!, code, "\\"))
                    : query.Where(c => EF.Functions.Like(c.Reference, code, "\\") || EF.Functions.Like(c.Patient.PatientNumber, code, "\\")
                        || EF.Functions.Like(c.FormerReference, code, "\\"));
            }
            else
            {
                // Letters: part of the patient's or requester's name, stored lower-case without accents (TextSearch) so
                // that LIKE needs no collation, or the start of a reference ("dad").
                var name = TextSearch.LikeContains(TextSearch.Normalize(text));
                var reference = text.ToUpperInvariant();
                query = query.Where(c => c.Reference.StartsWith(reference)
                    || EF.Functions.Like(c.Patient.SearchName, name, "\\")
                    || EF.Functions.Like(c.Requester.SearchName, name, "\\"));
            }
            // Each branch tests only the columns its text can be in: the open-queue index holds them all, and every LIKE
            // saved counts on 30,000 open cases (tests/RelationsUsagers.Benchmarks).
        }
        return query;
    }

    /// <summary>
    /// Sorts through a whitelist; urgency = dated deadlines first, earliest (most overdue) first. For the urgency order
    /// (the last arm, see <see cref="IsUrgency"/>), <see cref="GetPageAsync"/> reads the same order in two index ranges.
    /// </summary>
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
