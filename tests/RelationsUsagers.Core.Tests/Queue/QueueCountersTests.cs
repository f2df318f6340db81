using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using static RelationsUsagers.Core.Tests.Queue.QueueFixture;

namespace RelationsUsagers.Core.Tests.Queue;

/// <summary>The counters above the grid (GetCountersAsync) and the list of services for the filter (GetServicesAsync).</summary>
public abstract class QueueCountersTests
{
    protected abstract DatabaseProvider Provider { get; }

    [Fact]
    public async Task Counters_count_open_cases_by_kind_overdue_due_this_week_and_mine()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var overdue = await queue.AccessAsync(D(3, 4));         // due 12 March
        await queue.AccessAsync(D(3, 7));                       // due 15 March: this week
        var thisWeek = await queue.AccessAsync(D(3, 12));       // due 20 March: this week
        await queue.AccessAsync(D(3, 15));                      // due 23 March: later
        await queue.Cases.CreateAsync(TestCases.Complaint(D(3, 1)), Ct);  // acknowledgement due 9 March: overdue
        await queue.Cases.CreateAsync(TestCases.Requisition(D(3, 10)), Ct); // due 20 March: this week
        await queue.PraiseAsync(D(3, 10));                      // open complaint without a deadline
        await queue.RefusedAccessAsync(D(3, 1));                // finished: counted nowhere
        await queue.ClosedAccessAsync(D(3, 1));
        await queue.Cases.AssignAsync(overdue.Id, overdue.ConcurrencyStamp, "c.martin", Ct);
        await queue.Cases.AssignAsync(thisWeek.Id, thisWeek.ConcurrencyStamp, "j.roux", Ct);

        var counters = await queue.Queue.GetCountersAsync("c.martin", Ct);

        Assert.Equal(4, counters.OpenByKind[CaseKind.AccessRequest]);
        Assert.Equal(2, counters.OpenByKind[CaseKind.Complaint]);
        Assert.Equal(1, counters.OpenByKind[CaseKind.Requisition]);
        Assert.False(counters.OpenByKind.ContainsKey(CaseKind.IndemnityClaim));
        Assert.Equal((2, 3, 1), (counters.Overdue, counters.DueThisWeek, counters.Mine));
    }

    [Fact]
    public async Task Each_counter_matches_the_queue_it_filters_to()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        await queue.AccessAsync(D(3, 4));
        await queue.AccessAsync(D(3, 7));
        await queue.AccessAsync(D(3, 14));
        await queue.AccessAsync(D(3, 15));
        await queue.Cases.CreateAsync(TestCases.Complaint(D(3, 1)), Ct);
        await queue.RefusedAccessAsync(D(3, 1));

        var counters = await queue.Queue.GetCountersAsync(null, Ct);

        Assert.Equal(counters.Overdue, (await queue.PageAsync(new() { OverdueOnly = true })).TotalCount);
        Assert.Equal(counters.DueThisWeek, (await queue.PageAsync(new() { DueThisWeek = true })).TotalCount);
        Assert.Equal(counters.OpenByKind[CaseKind.AccessRequest], (await queue.PageAsync(new() { Kind = CaseKind.AccessRequest })).TotalCount);
    }

    [Fact]
    public async Task Without_a_user_name_mine_is_zero()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var created = await queue.AccessAsync(D(3, 10));
        await queue.Cases.AssignAsync(created.Id, created.ConcurrencyStamp, "c.martin", Ct);

        Assert.Equal(0, (await queue.Queue.GetCountersAsync(null, Ct)).Mine);
        Assert.Equal(1, (await queue.Queue.GetCountersAsync("c.martin", Ct)).Mine);
    }

    [Fact]
    public async Task Counters_of_an_empty_database_are_all_zero()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);

        var counters = await queue.Queue.GetCountersAsync("c.martin", Ct);

        Assert.Empty(counters.OpenByKind);
        Assert.Equal((0, 0, 0), (counters.Overdue, counters.DueThisWeek, counters.Mine));
    }

    [Fact]
    public async Task Services_are_listed_once_each_in_order()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        await queue.AccessAsync(D(3, 10), r => r.Services = ["Urgences", "Cardiologie"]);
        await queue.AccessAsync(D(3, 11), r => r.Services = ["Cardiologie"]);
        await queue.Cases.CreateAsync(TestCases.Complaint(), Ct);      // Urgences
        await queue.Cases.CreateAsync(TestCases.IndemnityClaim(), Ct); // Orthopédie
        await queue.AccessAsync(D(3, 12), r => r.Services = []);

        Assert.Equal(["Cardiologie", "Orthopédie", "Urgences"], await queue.Queue.GetServicesAsync(Ct));
    }

    [Fact]
    public async Task Services_of_an_empty_database_are_an_empty_list()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);

        Assert.Empty(await queue.Queue.GetServicesAsync(Ct));
    }
}

public sealed class SqliteQueueCountersTests : QueueCountersTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlQueueCountersTests : QueueCountersTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
