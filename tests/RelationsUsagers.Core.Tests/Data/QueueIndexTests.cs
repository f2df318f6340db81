using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Data.DemoSeed;
using RelationsUsagers.Core.Queue;

namespace RelationsUsagers.Core.Tests.Data;

/// <summary>
/// The open-queue partial indexes (Data/CaseFileConfiguration.cs, QueueIndexes migration) and the queries of
/// <see cref="CaseQueueService.GetPageAsync"/> that rely on them: the SQL that the service sends must be planned on those
/// indexes, without a sort and without reading the whole table, or the queue falls back to hundreds of milliseconds on
/// 100,000 cases (tests/RelationsUsagers.Benchmarks). Without statistics (no ANALYZE), SQLite plans the same on 300 cases
/// as on 100,000.
/// </summary>
[OneDatabase(DatabaseProvider.Sqlite, "SQLite's query plans on its partial indexes (DataLayerTests checks PostgreSQL's plans).")]
public sealed class QueueIndexTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_migrations_create_the_queue_indexes_over_the_open_and_the_closed_cases()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, Ct);
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'CaseFiles' AND (name LIKE 'IX_CaseFiles_OpenQueue%' OR name LIKE 'IX_CaseFiles_ClosedSearch')";
        var indexes = new Dictionary<string, string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
            while (await reader.ReadAsync(Ct))
                indexes[reader.GetString(0)] = reader.GetString(1).Trim().TrimEnd(';');

        // IX_CaseFiles_OpenQueue and IX_CaseFiles_ClosedSearch are created by SQL outside the EF model: a migration that
        // rebuilds CaseFiles drops them.
        Assert.Equal([CaseFileConfiguration.ClosedSearchIndex, CaseFileConfiguration.OpenQueueIndex, CaseFileConfiguration.OpenQueueKindIndex],
            indexes.Keys.Order(StringComparer.Ordinal));
        Assert.EndsWith("WHERE " + CaseFileConfiguration.OpenCaseFilter, indexes[CaseFileConfiguration.OpenQueueIndex], StringComparison.Ordinal);
        Assert.EndsWith("WHERE " + CaseFileConfiguration.OpenCaseFilter, indexes[CaseFileConfiguration.OpenQueueKindIndex], StringComparison.Ordinal);
        Assert.EndsWith("WHERE " + CaseFileConfiguration.ClosedCaseFilter, indexes[CaseFileConfiguration.ClosedSearchIndex], StringComparison.Ordinal);
        // The search box reads these columns: each index holds them all, so that a search never reads the table.
        Assert.All([indexes[CaseFileConfiguration.OpenQueueIndex], indexes[CaseFileConfiguration.ClosedSearchIndex]], sql =>
            Assert.All(new[] { "\"Reference\"", "\"Patient_SearchName\"", "\"Requester_SearchName\"", "\"Patient_PatientNumber\"", "\"FormerReference\"", "\"Kind\"" },
                column => Assert.Contains(column, sql, StringComparison.Ordinal)));
    }

    public static TheoryData<string> Filters => [.. QueueFilters.Keys];

    private static readonly Dictionary<string, QueueFilter> QueueFilters = new()
    {
        ["default"] = new QueueFilter(),
        ["kind"] = new QueueFilter { Kind = CaseKind.AccessRequest },
        ["kind + overdue"] = new QueueFilter { Kind = CaseKind.AccessRequest, OverdueOnly = true },
        ["overdue"] = new QueueFilter { OverdueOnly = true },
        ["due this week"] = new QueueFilter { DueThisWeek = true },
        ["name search"] = new QueueFilter { Search = "lefevre" },
        ["reference search"] = new QueueFilter { Search = "DAD-2026" },
        ["reference part"] = new QueueFilter { Search = "0042" },
        ["IPP part"] = new QueueFilter { Search = "70012" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task The_urgency_page_is_read_from_an_open_queue_index_without_sorting(string filter)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, Ct);
        await DemoCaseSeeder.SeedAsync(database.Factory, 300, database.Clock, Ct);
        var commands = new QueryPlans.CommandRecorder();
        var queue = new CaseQueueService(database.FactoryFor(TestDatabase.DefaultUserName, commands), database.Clock);

        // A page larger than the dated cases, so that the undated part is read too.
        await queue.GetPageAsync(QueueFilters[filter], new PageRequest(0, 1000), Ct);

        var (queueReads, auditWork) = Split(commands);
        Assert.NotEmpty(queueReads);
        foreach (var (sql, parameters) in queueReads)
        {
            var plan = await QueryPlans.PlanAsync(database, sql, parameters);
            Assert.True(plan.Any(line => line.Contains("IX_CaseFiles_OpenQueue", StringComparison.Ordinal)), QueryPlans.Explain(sql, plan));
            Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
            // The capped count reads its rows in a co-routine ("CO-ROUTINE c1"): scanning that co-routine's output ("SCAN c1")
            // reads no table; any other scan of a table must be of a covering index.
            var coroutines = plan.Where(line => line.StartsWith("CO-ROUTINE ", StringComparison.Ordinal)).Select(line => "SCAN " + line["CO-ROUTINE ".Length..].Trim()).ToHashSet();
            Assert.DoesNotContain(plan, line => line.StartsWith("SCAN c", StringComparison.Ordinal) && !line.Contains("COVERING INDEX", StringComparison.Ordinal)
                && !coroutines.Contains(line.Trim()));
        }
        await AssertAuditLookupUsesItsIndexAsync(database, auditWork, QueueFilters[filter].Search is not null);
    }

    /// <summary>The queue's own statements (they read the cases), and the audit of a search (its look-up, its line).</summary>
    private static (List<(string Sql, List<(string Name, object? Value)> Parameters)> Queue,
        List<(string Sql, List<(string Name, object? Value)> Parameters)> Audit) Split(QueryPlans.CommandRecorder commands) =>
        (commands.Sent.Where(c => !c.Sql.Contains("\"AuditEntries\"", StringComparison.Ordinal)).ToList(),
         commands.Sent.Where(c => c.Sql.Contains("\"AuditEntries\"", StringComparison.Ordinal)).ToList());

    /// <summary>A search is audited (AuditReads): its look-up of the user's previous line of the action reads one index range.</summary>
    private static async Task AssertAuditLookupUsesItsIndexAsync(TestDatabase database,
        List<(string Sql, List<(string Name, object? Value)> Parameters)> auditWork, bool searched)
    {
        var lookups = auditWork.Where(c => c.Sql.TrimStart().StartsWith("SELECT", StringComparison.Ordinal)).ToList();
        if (!searched)
        {
            Assert.Empty(auditWork);
            return;
        }
        var (sql, parameters) = Assert.Single(lookups);
        var plan = await QueryPlans.PlanAsync(database, sql, parameters);
        Assert.True(plan.Any(line => line.Contains("USING INDEX IX_AuditEntries_UserName_Action", StringComparison.Ordinal)), QueryPlans.Explain(sql, plan));
        Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("lefevre", null)]
    [InlineData("70012", null)]
    [InlineData("lefevre", CaseKind.Complaint)]
    public async Task The_closed_cases_that_a_search_finds_are_counted_from_their_index_without_reading_the_table(string search, CaseKind? kind)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, Ct);
        await DemoCaseSeeder.SeedAsync(database.Factory, 300, database.Clock, Ct);
        var commands = new QueryPlans.CommandRecorder();
        var queue = new CaseQueueService(database.FactoryFor(TestDatabase.DefaultUserName, commands), database.Clock);

        await queue.CountClosedMatchesAsync(new QueueFilter { Search = search, Kind = kind }, Ct);

        var (queueReads, auditWork) = Split(commands);
        await AssertAuditLookupUsesItsIndexAsync(database, auditWork, searched: true);
        var (sql, parameters) = Assert.Single(queueReads);
        var plan = await QueryPlans.PlanAsync(database, sql, parameters);
        Assert.True(plan.Any(line => line.Contains($"COVERING INDEX {CaseFileConfiguration.ClosedSearchIndex}", StringComparison.Ordinal)), QueryPlans.Explain(sql, plan));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(25)]
    public async Task The_pages_of_the_urgency_order_follow_the_single_ordered_query(int pageSize)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, Ct);
        await DemoCaseSeeder.SeedAsync(database.Factory, 300, database.Clock, Ct);
        var queue = new CaseQueueService(database.Factory, database.Clock);

        foreach (var filter in new[] { new QueueFilter(), new QueueFilter { Kind = CaseKind.Complaint }, new QueueFilter { IncludeClosed = true } })
        {
            // The reference: urgency as one ORDER BY (NextDueOn IS NULL, NextDueOn, Reference), as the service sorted before.
            await using var db = database.CreateContext();
            var expected = await CaseQueueService.Sort(CaseQueueService.Apply(db, db.CaseFiles.AsNoTracking(), filter, TestDatabase.Today), new PageRequest(0, pageSize))
                .Select(c => c.Reference).ToListAsync(Ct);
            Assert.Contains(expected, reference => reference.Length > 0);

            var read = new List<string>();
            for (var page = 0; ; page++)
            {
                var result = await queue.GetPageAsync(filter, new PageRequest(page, pageSize), Ct);
                Assert.Equal(expected.Count, result.TotalCount);
                if (result.Items.Count == 0)
                    break;
                Assert.True(result.Items.Count == pageSize || read.Count + result.Items.Count == expected.Count);
                read.AddRange(result.Items.Select(i => i.Reference));
            }
            Assert.Equal(expected, read);
        }
    }

    [Fact]
    public async Task A_page_wholly_among_the_undated_cases_starts_at_the_right_one()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, Ct);
        await DemoCaseSeeder.SeedAsync(database.Factory, 300, database.Clock, Ct);
        var queue = new CaseQueueService(database.Factory, database.Clock);
        var all = await queue.GetPageAsync(new QueueFilter(), new PageRequest(0, 1000), Ct);
        var firstUndated = all.Items.ToList().FindIndex(i => i.NextDueOn is null);
        Assert.InRange(firstUndated, 10, all.TotalCount - 4);

        // With this size, page 2 starts after the last dated case: its dated query returns nothing, and the service must
        // count the dated cases to know where among the undated ones the page starts.
        var size = (firstUndated / 2) + 1;
        Assert.True(2 * size > firstUndated);
        var page = await queue.GetPageAsync(new QueueFilter(), new PageRequest(2, size), Ct);

        Assert.Equal(all.Items.Skip(2 * size).Take(size).Select(i => i.Reference), page.Items.Select(i => i.Reference));
        Assert.All(page.Items, i => Assert.Null(i.NextDueOn));
    }
}
