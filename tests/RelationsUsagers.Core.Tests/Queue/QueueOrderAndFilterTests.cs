using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Queue;
using static RelationsUsagers.Core.Tests.Queue.QueueFixture;

namespace RelationsUsagers.Core.Tests.Queue;

/// <summary>
/// CaseQueueService.GetPageAsync on each database (SQLite file, PostgreSQL): the default urgency order and each filter. Today is
/// 15 March 2026; an access request received on D is due on D + 8 days.
/// </summary>
public abstract class QueueOrderAndFilterTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static readonly QueueFilter All = new();

    [Fact]
    public async Task An_access_request_is_listed_with_the_due_date_the_legal_clock_computed_on_save()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var created = await queue.AccessAsync(D(3, 6));

        var item = Assert.Single((await queue.PageAsync(All)).Items);

        Assert.Equal((created.Id, D(3, 14), "access.8-days", false), (item.Id, item.NextDueOn, item.NextDueCode, item.ClockSuspended));
        Assert.Equal(("LEFÈVRE Hélène", "Hélène Lefèvre", CaseKind.AccessRequest), (item.PatientName, item.RequesterName, item.Kind));
    }

    [Fact]
    public async Task The_row_carries_how_its_next_deadline_was_computed_so_the_tooltip_needs_no_clock()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var draft = TestCases.Complaint(D(3, 9));
        draft.CareRelatedDamage = true;
        draft.DamageDiscoveredOn = D(2, 20);
        await queue.Cases.CreateAsync(draft, Ct);

        var item = Assert.Single((await queue.PageAsync(All)).Items);

        // Damage discovered 20/02/2026 + 15 days = 07/03 (L.1142-4), before the acknowledgement's 17/03: the office's next deadline.
        Assert.Equal((D(3, 7), "complaint.damage-information", "Entretien d'information sur le dommage (15 jours)"),
            (item.NextDueOn, item.NextDueCode, item.NextDueLabel));
        Assert.Equal("À compter de la découverte du dommage (20/02/2026) : 15 jours — CSP art. L.1142-4", item.NextDueComputation);
    }

    [Fact]
    public async Task Default_order_puts_the_most_overdue_first_then_the_nearest_due_date_and_undated_cases_last()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        // Created in an order that differs from urgency, so that the reference tie-break cannot explain the result.
        var undated = await queue.PraiseAsync(D(3, 10));
        var upcoming = await queue.AccessAsync(D(3, 10));    // due 18 March
        var overdueByOne = await queue.AccessAsync(D(3, 6)); // due 14 March
        var overdueByThree = await queue.AccessAsync(D(3, 4)); // due 12 March
        var dueToday = await queue.AccessAsync(D(3, 7));      // due 15 March

        var order = await queue.ReferencesAsync(All);

        Assert.Equal([overdueByThree.Reference, overdueByOne.Reference, dueToday.Reference, upcoming.Reference, undated.Reference], order);
        Assert.Null((await queue.PageAsync(All)).Items[^1].NextDueOn);
    }

    [Fact]
    public async Task Cases_with_the_same_due_date_are_ordered_by_reference()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var first = await queue.AccessAsync(D(3, 6));
        var second = await queue.AccessAsync(D(3, 6));

        Assert.Equal([first.Reference, second.Reference], await queue.ReferencesAsync(All));
    }

    [Fact]
    public async Task Closed_refused_and_abandoned_cases_are_hidden_by_default()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var open = await queue.AccessAsync(D(3, 10));
        await queue.RefusedAccessAsync(D(3, 4));
        await queue.AbandonedAccessAsync(D(3, 4));
        await queue.ClosedAccessAsync(D(3, 4));

        var page = await queue.PageAsync(All);

        Assert.Equal(open.Reference, Assert.Single(page.Items).Reference);
        Assert.Equal(1, page.TotalCount);
    }

    [Fact]
    public async Task IncludeClosed_shows_finished_cases_too_and_they_carry_no_due_date()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var open = await queue.AccessAsync(D(3, 10));
        var refused = await queue.RefusedAccessAsync(D(3, 4));
        var abandoned = await queue.AbandonedAccessAsync(D(3, 4));
        var closed = await queue.ClosedAccessAsync(D(3, 4));

        var page = await queue.PageAsync(new QueueFilter { IncludeClosed = true });

        Assert.Equal(4, page.TotalCount);
        // Dated first; the undated finished cases follow by reference.
        Assert.Equal([open.Reference, refused.Reference, abandoned.Reference, closed.Reference], page.Items.Select(i => i.Reference));
        Assert.All(page.Items.Skip(1), i => Assert.Null(i.NextDueOn));
    }

    [Theory]
    [InlineData(CaseStatus.Refused)]
    [InlineData(CaseStatus.Abandoned)]
    [InlineData(CaseStatus.Closed)]
    public async Task A_status_filter_on_a_final_status_shows_those_cases_without_IncludeClosed(CaseStatus status)
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        await queue.AccessAsync(D(3, 10));
        var refused = await queue.RefusedAccessAsync(D(3, 4));
        var abandoned = await queue.AbandonedAccessAsync(D(3, 4));
        var closed = await queue.ClosedAccessAsync(D(3, 4));
        var expected = status switch { CaseStatus.Refused => refused, CaseStatus.Abandoned => abandoned, _ => closed };

        var items = (await queue.PageAsync(new QueueFilter { Status = status })).Items;

        Assert.Equal((expected.Reference, status), (Assert.Single(items).Reference, items[0].Status));
    }

    [Fact]
    public async Task A_status_filter_keeps_only_cases_in_that_status()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var received = await queue.AccessAsync(D(3, 10));
        var complete = await queue.AccessAsync(D(3, 9));
        await queue.Cases.AddEventAsync(complete.Id, complete.ConcurrencyStamp, CaseEventTypes.ProofsComplete, D(3, 9), null, Ct);
        await queue.RefusedAccessAsync(D(3, 4));

        Assert.Equal([received.Reference], await queue.ReferencesAsync(new QueueFilter { Status = CaseStatus.Received }));
        Assert.Equal([complete.Reference], await queue.ReferencesAsync(new QueueFilter { Status = CaseStatus.Complete }));
    }

    [Theory]
    [InlineData(CaseKind.AccessRequest)]
    [InlineData(CaseKind.Complaint)]
    [InlineData(CaseKind.IndemnityClaim)]
    [InlineData(CaseKind.Requisition)]
    public async Task A_kind_filter_keeps_only_cases_of_that_kind(CaseKind kind)
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var created = new Dictionary<CaseKind, CaseFile>();
        foreach (var k in Enum.GetValues<CaseKind>())
            created[k] = await queue.Cases.CreateAsync(TestCases.Of(k), Ct);

        var items = (await queue.PageAsync(new QueueFilter { Kind = kind })).Items;

        Assert.Equal((created[kind].Reference, kind), (Assert.Single(items).Reference, items[0].Kind));
        Assert.StartsWith(kind.Prefix() + "-2026-", items[0].Reference, StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_cases_filter_keeps_only_the_cases_assigned_to_that_user()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var mine = await queue.AccessAsync(D(3, 10));
        var colleagues = await queue.AccessAsync(D(3, 9));
        await queue.AccessAsync(D(3, 8));
        await queue.Cases.AssignAsync(mine.Id, mine.ConcurrencyStamp, "c.martin", Ct);
        await queue.Cases.AssignAsync(colleagues.Id, colleagues.ConcurrencyStamp, "j.roux", Ct);

        var items = (await queue.PageAsync(new QueueFilter { AssignedTo = "c.martin" })).Items;

        Assert.Equal((mine.Reference, "c.martin"), (Assert.Single(items).Reference, items[0].AssignedTo));
        Assert.Equal(3, (await queue.PageAsync(new QueueFilter { AssignedTo = "  " })).TotalCount);
    }

    [Fact]
    public async Task Overdue_only_keeps_cases_due_before_today_in_Paris_not_those_due_today_nor_undated()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var dueYesterday = await queue.AccessAsync(D(3, 6)); // 14 March
        var longOverdue = await queue.AccessAsync(D(3, 1));  // 9 March
        await queue.AccessAsync(D(3, 7));                    // 15 March: due today, not late
        await queue.AccessAsync(D(3, 12));                   // 20 March
        await queue.PraiseAsync(D(3, 1));                    // no deadline

        Assert.Equal([longOverdue.Reference, dueYesterday.Reference], await queue.ReferencesAsync(new QueueFilter { OverdueOnly = true }));
    }

    [Fact]
    public async Task Overdue_only_follows_the_Paris_date_late_in_the_evening()
    {
        // 23:30 UTC on 14 March is already 15 March in Paris (UTC+1): a case due on the 14th is overdue.
        await using var database = await TestDatabase.CreateAsync(Provider, TestDatabase.DefaultUserName, new DateTimeOffset(2026, 3, 14, 23, 30, 0, TimeSpan.Zero), Ct);
        var created = await database.CreateService().CreateAsync(TestCases.AccessRequest(D(3, 6)), Ct);
        var service = new CaseQueueService(database.Factory, database.Clock);

        var page = await service.GetPageAsync(new QueueFilter { OverdueOnly = true }, new PageRequest(0, 10), Ct);

        Assert.Equal(created.Reference, Assert.Single(page.Items).Reference);
    }

    [Fact]
    public async Task Due_this_week_keeps_cases_due_from_today_to_today_plus_seven_days()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        await queue.AccessAsync(D(3, 6));                  // 14 March: overdue, not "this week"
        var today = await queue.AccessAsync(D(3, 7));      // 15 March
        var lastDay = await queue.AccessAsync(D(3, 14));   // 22 March = today + 7
        await queue.AccessAsync(D(3, 15));                 // 23 March = today + 8
        await queue.PraiseAsync(D(3, 10));                 // no deadline

        Assert.Equal([today.Reference, lastDay.Reference], await queue.ReferencesAsync(new QueueFilter { DueThisWeek = true }));
    }

    [Fact]
    public async Task A_case_concerning_two_services_is_found_by_either_service()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var both = await queue.AccessAsync(D(3, 10), r => r.Services = ["Urgences", "Cardiologie"]);
        var cardiology = await queue.AccessAsync(D(3, 11));
        await queue.AccessAsync(D(3, 12), r => r.Services = ["Pédiatrie"]);

        Assert.Equal([both.Reference], await queue.ReferencesAsync(new QueueFilter { Service = "Urgences" }));
        Assert.Equal([both.Reference, cardiology.Reference], await queue.ReferencesAsync(new QueueFilter { Service = "Cardiologie" }));
        Assert.Empty(await queue.ReferencesAsync(new QueueFilter { Service = "Urg" }));
    }

    [Fact]
    public async Task Filters_combine()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var target = await queue.AccessAsync(D(3, 4), r => r.Services = ["Urgences"]);
        await queue.AccessAsync(D(3, 4));                               // overdue, other service
        await queue.AccessAsync(D(3, 12), r => r.Services = ["Urgences"]); // right service, not overdue
        await queue.Cases.CreateAsync(TestCases.Complaint(D(3, 1)), Ct);   // Urgences, overdue acknowledgement, other kind

        var filter = new QueueFilter { Kind = CaseKind.AccessRequest, Service = "Urgences", OverdueOnly = true };

        Assert.Equal([target.Reference], await queue.ReferencesAsync(filter));
    }
}

public sealed class SqliteQueueOrderAndFilterTests : QueueOrderAndFilterTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlQueueOrderAndFilterTests : QueueOrderAndFilterTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
