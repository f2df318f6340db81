using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.FunctionalProtection;
using RelationsUsagers.Core.Queue;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Tests.FunctionalProtection;

/// <summary>
/// Only holders of <see cref="Permissions.FunctionalProtection"/> (managers) see these files: the others' queries never
/// return them (queue, counters, a person's cases, a direct address), nor may they create one; a manager's read is audited.
/// </summary>
public abstract class ProtectionAccessTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An agent's request received on 2 March 2026, with two invoices already paid.</summary>
    internal static ProtectionCase Request()
    {
        var request = TestCases.Protection(TestCases.ReceivedOn);
        request.Costs = [new ProtectionCost { InvoiceNumber = "F-1", PaidOn = new DateOnly(2026, 3, 10), AmountCents = 840_00 },
                         new ProtectionCost { InvoiceNumber = "F-2", PaidOn = new DateOnly(2026, 3, 12), AmountCents = 1_250_50 }];
        return request;
    }

    private sealed class RoleFactory(TestDatabase database, string userName, string role) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext()
        {
            var builder = new DbContextOptionsBuilder<AppDbContext>();
            CoreServices.Configure(builder, database.ConnectionString, database.Provider);
            return new AppDbContext(builder.Options, new FixedCurrentUser(userName, [role]), database.Clock);
        }
    }

    private async Task<(TestDatabase Database, ProtectionCase Protection, CaseFile Complaint)> SeedAsync()
    {
        var database = await TestDatabase.CreateAsync(Provider, Ct);
        var manager = new CaseFileService(new RoleFactory(database, "s.benali", Roles.Manager), database.CreateValidators(), database.Clock);
        var protection = (ProtectionCase)await manager.CreateAsync(Request(), Ct);
        // A complaint about the same person: her cases listed by name show it, not her protection file.
        var complaint = TestCases.Complaint();
        complaint.Patient = new Patient { LastName = "Perrot", FirstName = "Amandine" };
        await database.CreateService().CreateAsync(complaint, Ct);
        return (database, protection, complaint);
    }

    [Fact]
    public async Task An_officer_never_reads_a_protection_file_and_a_cdu_member_neither()
    {
        var (database, protection, complaint) = await SeedAsync();
        await using var _ = database;
        var trailBefore = await TrailAsync(database, protection.Id);
        foreach (var (user, role) in new[] { ("c.martin", Roles.Officer), ("cdu", Roles.CduMember), ("mediator", Roles.Mediator) })
        {
            var factory = new RoleFactory(database, user, role);
            var cases = new CaseFileService(factory, database.CreateValidators(), database.Clock);
            Assert.Null(await cases.OpenAsync(protection.Id, Ct));
            var queue = new CaseQueueService(factory, database.Clock);
            var page = await queue.GetPageAsync(new QueueFilter(), new PageRequest(0, 50), Ct);
            Assert.Equal([complaint.Reference], page.Items.Select(i => i.Reference));
            Assert.Empty((await queue.GetPageAsync(new QueueFilter { Kind = CaseKind.FunctionalProtection }, new PageRequest(0, 50), Ct)).Items);
            Assert.Equal(0, (await queue.GetCountersAsync(user, Ct)).OpenByKind.GetValueOrDefault(CaseKind.FunctionalProtection));
            var person = await new PersonCasesService(factory).FindAsync(new Patient { LastName = "Perrot", FirstName = "Amandine" }, Ct);
            Assert.Equal([complaint.Reference], person.Select(p => p.Reference));
            await Assert.ThrowsAsync<CaseRuleException>(() => cases.TakeStepAsync(protection.Id, protection.ConcurrencyStamp, "grant", new StepInput(TestDatabase.Today), ct: Ct));
        }
        // Nothing was read nor written: the file's trail holds the manager's creation only, as before.
        Assert.Equal(trailBefore, await TrailAsync(database, protection.Id));
        Assert.DoesNotContain(AuditActions.Opened, trailBefore);
    }

    private static async Task<List<string>> TrailAsync(TestDatabase database, Guid caseId)
    {
        await using var db = database.CreateContext();
        return await db.AuditEntries.Where(a => a.CaseFileId == caseId).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct);
    }

    [Fact]
    public async Task An_officer_cannot_create_a_protection_file()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var officer = new CaseFileService(new RoleFactory(database, "c.martin", Roles.Officer), database.CreateValidators(), database.Clock);
        var refused = await Assert.ThrowsAsync<CaseRuleException>(() => officer.CreateAsync(Request(), Ct));
        Assert.Equal("Vous n'avez pas accès aux dossiers de type « Protection fonctionnelle ».", refused.Message);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.CaseFiles.CountAsync(Ct));
    }

    [Fact]
    public async Task A_manager_opens_it_audited_takes_a_step_and_reads_the_costs_back_summed()
    {
        var (database, protection, _) = await SeedAsync();
        await using var _ = database;
        var manager = new CaseFileService(new RoleFactory(database, "s.benali", Roles.Manager), database.CreateValidators(), database.Clock);
        var trailBefore = await TrailAsync(database, protection.Id);
        var opened = Assert.IsType<ProtectionCase>(await manager.OpenAsync(protection.Id, Ct));
        Assert.Equal((protection.Reference[..8], 2_090_50L), ("PFA-2026", opened.CostsPaidCents));

        var granted = (ProtectionCase)await manager.TakeStepAsync(opened.Id, opened.ConcurrencyStamp, "grant", new StepInput(new DateOnly(2026, 3, 14), "Frais de procédure"), ct: Ct);
        Assert.Equal((CaseStatus.ProtectionGranted, ProtectionDecision.GrantedInFull, new DateOnly(2026, 3, 14)), (granted.Status, granted.Decision, granted.DecisionOn));

        await using var db = database.CreateContext();
        var stored = await db.Set<ProtectionCase>().AsNoTracking().Include(c => c.Events).SingleAsync(c => c.Id == protection.Id, Ct);
        Assert.Equal((CaseStatus.ProtectionGranted, 2_090_50L), (stored.Status, stored.CostsPaidCents));
        Assert.Contains(stored.Events, e => e.Type == ProtectionKind.Granted && e.OccurredOn == new DateOnly(2026, 3, 14));
        var actions = await TrailAsync(database, protection.Id);
        Assert.Equal([.. trailBefore, AuditActions.Opened], actions.Take(trailBefore.Count + 1));
        Assert.Contains(AuditActions.StepTaken, actions.Skip(trailBefore.Count + 1));
    }
}

public sealed class SqliteProtectionAccessTests : ProtectionAccessTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlProtectionAccessTests : ProtectionAccessTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
