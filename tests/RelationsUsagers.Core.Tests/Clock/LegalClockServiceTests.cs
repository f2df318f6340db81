using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Data;
using static RelationsUsagers.Core.Clock.DelaySettings;
using static RelationsUsagers.Core.Tests.Clock.ClockFixtures;

namespace RelationsUsagers.Core.Tests.Clock;

/// <summary>
/// The service on each database (SQLite file, PostgreSQL). Today is 15 March 2026 (<see cref="TestDatabase.Today"/>); the request is received
/// on 2 March 2026, so its 8 days end on 10 March.
/// </summary>
public abstract class LegalClockServiceTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(TestDatabase Database, LegalClockService Service, Guid CaseId)> ArrangeAsync()
    {
        var database = await TestDatabase.CreateAsync(Provider, Ct);
        var created = await database.CreateService().CreateAsync(TestCases.AccessRequest(), Ct);
        return (database, new LegalClockService(database.Factory, database.Clock), created.Id);
    }

    [Fact]
    public async Task Suspend_then_resume_moves_the_due_date_by_the_suspended_days()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var draft = TestCases.AccessRequest();
        draft.CompletedOn = draft.ReceivedOn;
        var caseId = (await database.CreateService().CreateAsync(draft, Ct)).Id;
        var service = new LegalClockService(database.Factory, database.Clock);

        var suspension = await service.SuspendAsync(caseId, null, "  Attente de la pièce d'identité  ", D(2026, 3, 5), Ct);
        Assert.Equal(("Attente de la pièce d'identité", TestDatabase.DefaultUserName), (suspension.Reason, suspension.StartedBy));
        // Received and complete on 2 March: the office's count (from the complete request) stops, 5 to 15 March included = 11 days.
        var open = (await service.GetDeadlinesAsync(caseId, Ct)).Operational(Access8Days);
        Assert.Equal((D(2026, 3, 21), DeadlineState.Suspended), (open.DueOn, open.State));
        // No text suspends the legal delay (L.1111-7): 2 March + 8 days = 10 March, overdue.
        Assert.Equal((D(2026, 3, 10), DeadlineState.Overdue),
            ((await service.GetDeadlinesAsync(caseId, Ct)).Single(Access8Days).DueOn, (await service.GetDeadlinesAsync(caseId, Ct)).Single(Access8Days).State));

        var resumed = await service.ResumeAsync(suspension.Id, D(2026, 3, 9), Ct);
        Assert.Equal((D(2026, 3, 9), TestDatabase.DefaultUserName), (resumed.EndedOn, resumed.EndedBy));
        var operational = (await service.GetDeadlinesAsync(caseId, Ct)).Operational(Access8Days);
        Assert.Equal((D(2026, 3, 14), DeadlineState.Overdue), (operational.DueOn, operational.State));

        await using var db = database.CreateContext();
        var actions = await db.AuditEntries.Where(a => a.CaseFileId == caseId).Select(a => a.Action).ToListAsync(Ct);
        Assert.Contains(LegalClockService.SuspendedAction, actions);
        Assert.Contains(LegalClockService.ResumedAction, actions);
    }

    [Fact]
    public async Task Deadlines_read_timeline_events_and_stored_settings()
    {
        var (database, service, caseId) = await ArrangeAsync();
        await using var _ = database;
        await using (var db = database.CreateContext())
        {
            Assert.Equal(Defaults.Count, await db.DelaySettings.CountAsync(Ct));
            db.CaseEvents.Add(new CaseEvent { CaseFileId = caseId, Type = CaseEventTypes.CopySent, OccurredOn = D(2026, 3, 12) });
            (await db.DelaySettings.SingleAsync(s => s.Code == Access8Days, Ct)).Duration = 10;
            await db.SaveChangesAsync(Ct);
        }

        var legal = (await service.GetDeadlinesAsync(caseId, Ct)).Single(Access8Days);
        Assert.Equal((D(2026, 3, 12), D(2026, 3, 12), DeadlineState.Done), (legal.DueOn, legal.DoneOn, legal.State));
        Assert.Equal("Communication du dossier (10 jours)", legal.Label);
    }

    [Fact]
    public async Task Suspension_needs_a_reason_a_known_clock_and_a_date_within_the_case()
    {
        var (database, service, caseId) = await ArrangeAsync();
        await using var _ = database;
        await AssertRefused("Le motif de la suspension est obligatoire.", service.SuspendAsync(caseId, null, "  ", D(2026, 3, 5), Ct));
        await AssertRefused("Délai inconnu : access.3-days.", service.SuspendAsync(caseId, "access.3-days", "motif", D(2026, 3, 5), Ct));
        await AssertRefused("La suspension ne peut pas commencer avant la date de réception du dossier.",
            service.SuspendAsync(caseId, null, "motif", D(2026, 3, 1), Ct));
        await AssertRefused("La date de début de la suspension ne peut pas être dans le futur.",
            service.SuspendAsync(caseId, null, "motif", D(2026, 3, 16), Ct));
        await AssertRefused("Ce dossier n'existe plus.", service.SuspendAsync(Guid.NewGuid(), null, "motif", D(2026, 3, 5), Ct));

        await service.SuspendAsync(caseId, Access8Days, "motif", D(2026, 3, 5), Ct);
        await AssertRefused("Ce délai est déjà suspendu : reprenez-le avant de le suspendre de nouveau.",
            service.SuspendAsync(caseId, Access8Days, "autre motif", D(2026, 3, 6), Ct));
    }

    [Fact]
    public async Task Resumption_is_refused_before_the_start_in_the_future_and_a_second_time()
    {
        var (database, service, caseId) = await ArrangeAsync();
        await using var _ = database;
        var suspension = await service.SuspendAsync(caseId, null, "motif", D(2026, 3, 5), Ct);

        await AssertRefused("La reprise ne peut pas précéder le début de la suspension (05/03/2026).",
            service.ResumeAsync(suspension.Id, D(2026, 3, 4), Ct));
        await AssertRefused("La date de reprise ne peut pas être dans le futur.", service.ResumeAsync(suspension.Id, D(2026, 3, 16), Ct));
        await service.ResumeAsync(suspension.Id, D(2026, 3, 9), Ct);
        await AssertRefused("Ce délai a déjà repris le 09/03/2026 ; le journal des suspensions ne peut pas être modifié.",
            service.ResumeAsync(suspension.Id, D(2026, 3, 10), Ct));
        await AssertRefused("Cette suspension n'existe pas.", service.ResumeAsync(Guid.NewGuid(), D(2026, 3, 10), Ct));
        Assert.Single(await service.GetSuspensionsAsync(caseId, Ct));
    }

    [Fact]
    public async Task The_database_refuses_to_edit_or_delete_the_suspension_log()
    {
        var (database, service, caseId) = await ArrangeAsync();
        await using var _ = database;
        var suspension = await service.SuspendAsync(caseId, null, "motif", D(2026, 3, 5), Ct);
        await using var db = database.CreateContext();
        var log = db.ClockSuspensions.Where(s => s.Id == suspension.Id);

        await AssertAborted(log.ExecuteUpdateAsync(s => s.SetProperty(x => x.Reason, "autre"), Ct));
        await AssertAborted(log.ExecuteUpdateAsync(s => s.SetProperty(x => x.StartedOn, D(2026, 3, 10)), Ct));
        await AssertAborted(log.ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedOn, D(2026, 3, 4)).SetProperty(x => x.EndedBy, "x"), Ct));
        await AssertAborted(log.ExecuteDeleteAsync(Ct));

        // Setting the resumption once is the one allowed update; changing it afterwards is refused.
        await log.ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedOn, D(2026, 3, 9)).SetProperty(x => x.EndedBy, "x"), Ct);
        await AssertAborted(log.ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedOn, D(2026, 3, 10)), Ct));
        Assert.Equal(D(2026, 3, 9), (await log.AsNoTracking().SingleAsync(Ct)).EndedOn);
    }

    private static async Task AssertRefused(string message, Task action) =>
        Assert.Equal(message, (await Assert.ThrowsAsync<CaseRuleException>(() => action)).Message);

    private static async Task AssertAborted(Task action) =>
        Assert.Contains("journal des suspensions", (await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => action)).Message);
}

public sealed class SqliteLegalClockServiceTests : LegalClockServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlLegalClockServiceTests : LegalClockServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
