using RelationsUsagers.Core.AccessRequests.Tracking;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Queue;
using static RelationsUsagers.Core.Tests.Exports.ExportTestData;

namespace RelationsUsagers.Core.Tests.Exports;

/// <summary>The period, the queue filter and the suspension log reach the dashboard lines.</summary>
public abstract class AccessRequestTrackingServiceTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<TestDatabase> SeedAsync()
    {
        var database = await TestDatabase.CreateAsync(Provider, Ct);
        var open = Request("DAD-2025-00001", D(2025, 3, 1), "Arnaud");
        open.Status = CaseStatus.Complete;
        open.CompletedOn = D(2025, 3, 3);
        var refused = Request("DAD-2025-00002", D(2025, 3, 31), "Berger");
        (refused.Status, refused.ClosedOn, refused.RefusalReason) = (CaseStatus.Refused, D(2025, 4, 2), "Mineur opposé");
        var before = Request("DAD-2025-00003", D(2025, 2, 28), "Colin");
        var after = Request("DAD-2025-00004", D(2025, 4, 1), "Dumas");
        await ExportTestData.SeedAsync(database, open, refused, before, after);
        return database;
    }

    private static AccessRequestTrackingService Service(TestDatabase database) => new(database.Factory, database.Clock);

    [Fact]
    public async Task Period_bounds_are_included_and_closed_cases_come_without_a_filter()
    {
        await using var database = await SeedAsync();
        var rows = await Service(database).GetRowsAsync(D(2025, 3, 1), D(2025, 3, 31), null, Ct);
        Assert.Equal(["DAD-2025-00001", "DAD-2025-00002"], rows.Select(r => r.Reference));
    }

    [Fact]
    public async Task The_queue_filter_narrows_the_lines()
    {
        await using var database = await SeedAsync();
        var service = Service(database);
        Assert.Equal(["DAD-2025-00001"], (await service.GetRowsAsync(D(2025, 1, 1), D(2025, 12, 31), new QueueFilter(), Ct))
            .Where(r => r.ReceivedOn.Month == 3).Select(r => r.Reference));
        Assert.Equal(["DAD-2025-00002"], (await service.GetRowsAsync(D(2025, 1, 1), D(2025, 12, 31),
            new QueueFilter { Status = CaseStatus.Refused }, Ct)).Select(r => r.Reference));
        Assert.Equal(["DAD-2025-00004"], (await service.GetRowsAsync(D(2025, 1, 1), D(2025, 12, 31),
            new QueueFilter { Search = "dumas" }, Ct)).Select(r => r.Reference));
        Assert.Empty(await service.GetRowsAsync(D(2025, 1, 1), D(2025, 12, 31), new QueueFilter { Kind = CaseKind.Complaint }, Ct));
    }

    [Fact]
    public async Task A_suspension_moves_the_due_date_and_the_verdict()
    {
        await using var database = await SeedAsync();
        await using (var db = database.CreateContext())
        {
            var id = db.CaseFiles.Single(c => c.Reference == "DAD-2025-00001").Id;
            // Two suspended days (5 and 6 March): 11 March becomes 13 March.
            db.ClockSuspensions.Add(new ClockSuspension
            {
                CaseFileId = id, Reason = "Attente du dossier aux archives", StartedOn = D(2025, 3, 5), EndedOn = D(2025, 3, 7),
                StartedBy = "c.martin", EndedBy = "c.martin",
            });
            await db.SaveChangesAsync(Ct);
        }
        var row = (await Service(database).GetRowsAsync(D(2025, 3, 1), D(2025, 3, 1), null, Ct)).Single();
        Assert.Equal((D(2025, 3, 3), D(2025, 3, 13)), (row.StartOn, row.DueOn));
        Assert.True(row.IsOverdue);
        Assert.Null(row.OnTime);
    }

    [Fact]
    public async Task Requests_past_a_batch_are_read_with_their_own_timeline_and_suspensions_in_order()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        // One more request than a batch: the last one is read in a second batch, with its copy sent and its suspension.
        var requests = Enumerable.Range(1, AccessRequestRows.BatchSize + 1)
            .Select(i => Request($"DAD-2025-{i:D5}", D(2025, 3, 1), $"Nom{i}")).ToArray();
        var last = requests[^1];
        (last.Status, last.CompletedOn) = (CaseStatus.Sent, D(2025, 3, 3));
        last.Events = [new CaseEvent { CaseFileId = last.Id, Type = CaseEventTypes.CopySent, OccurredOn = D(2025, 3, 14) }];
        await ExportTestData.SeedAsync(database, requests);
        await using (var db = database.CreateContext())
        {
            // 5 and 6 March suspended: due 11 March + 2 days = 13 March, so the copy of 14 March is late by the office's count.
            db.ClockSuspensions.Add(new ClockSuspension
            {
                CaseFileId = last.Id, Reason = "Attente du dossier aux archives", StartedOn = D(2025, 3, 5), EndedOn = D(2025, 3, 7),
                StartedBy = "c.martin", EndedBy = "c.martin",
            });
            await db.SaveChangesAsync(Ct);
        }

        var rows = await Service(database).GetRowsAsync(D(2025, 3, 1), D(2025, 3, 31), null, Ct);

        Assert.Equal(requests.Select(r => r.Reference), rows.Select(r => r.Reference));
        var read = rows[^1];
        Assert.Equal((D(2025, 3, 14), D(2025, 3, 13), false, 11), (read.SentOn, read.DueOn, read.OnTime, read.EffectiveDelayDays));
        Assert.All(rows.SkipLast(1), r => Assert.Null(r.SentOn));
    }

    [Fact]
    public async Task Every_pass_of_one_reading_sees_the_requests_as_they_were_when_it_began()
    {
        await using var database = await SeedAsync();
        await using var reading = await Service(database).OpenAsync(D(2025, 1, 1), D(2025, 12, 31), null, Ct);
        var first = await ReferencesAsync(reading);

        // Recorded while the export runs, between its two passes: neither pass counts it.
        await ExportTestData.SeedAsync(database, Request("DAD-2025-00005", D(2025, 3, 15), "Etienne"));
        var second = await ReferencesAsync(reading);

        Assert.Equal(["DAD-2025-00003", "DAD-2025-00001", "DAD-2025-00002", "DAD-2025-00004"], first);
        Assert.Equal(first, second);
        Assert.Equal(5, (await Service(database).GetRowsAsync(D(2025, 1, 1), D(2025, 12, 31), null, Ct)).Count);
    }

    private static async Task<List<string>> ReferencesAsync(AccessRequestRows reading)
    {
        var references = new List<string>();
        await foreach (var row in reading.ReadAsync(Ct))
            references.Add(row.Reference);
        return references;
    }
}

public sealed class SqliteAccessRequestTrackingServiceTests : AccessRequestTrackingServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlAccessRequestTrackingServiceTests : AccessRequestTrackingServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
