using RelationsUsagers.Core.AccessRequests.Tracking;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Queue;
using static RelationsUsagers.Core.Tests.Exports.ExportTestData;

namespace RelationsUsagers.Core.Tests.Exports;

/// <summary>The period, the queue filter and the suspension log reach the dashboard lines.</summary>
public sealed class AccessRequestTrackingServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<TestDatabase> SeedAsync()
    {
        var database = await TestDatabase.CreateAsync(Ct);
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
}
