using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Tests.Security;

/// <summary>A case is given to an active account of the office, chosen by the name colleagues know.</summary>
public abstract class CaseWorkerTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_directory_lists_active_officers_and_managers_by_name()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        await database.AddUserAsync("a.dupuis", "Anne Dupuis", Roles.Mediator, ct: Ct);
        await database.AddUserAsync("p.leger", "Paul Léger", Roles.Officer, disabled: true, ct: Ct);
        await database.AddUserAsync("m.cdu", "Marie Représentante", Roles.CduMember, ct: Ct);

        var workers = await new CaseWorkerDirectory(database.Factory).ListAsync(Ct);

        // The mediator, the CDU member and the disabled officer cannot work identified cases (Permissions.CasesWork).
        Assert.Equal(["Claire Martin (c.martin)", "Julien Roux (j.roux)", "Sarah Benali (s.benali)"],
            workers.Select(w => w.Label));
    }

    [Theory]
    [InlineData("p.leger")]
    [InlineData("m.cdu")]
    [InlineData("a.dupuis")]
    [InlineData("inconnu")]
    public async Task A_case_cannot_go_to_a_disabled_account_a_cdu_member_a_mediator_or_an_unknown_name(string userName)
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        await database.AddUserAsync("a.dupuis", "Anne Dupuis", Roles.Mediator, ct: Ct);
        await database.AddUserAsync("p.leger", "Paul Léger", Roles.Officer, disabled: true, ct: Ct);
        await database.AddUserAsync("m.cdu", "Marie Représentante", Roles.CduMember, ct: Ct);
        var service = database.CreateService();
        var created = await service.CreateAsync(TestCases.AccessRequest(), Ct);

        var refused = await Assert.ThrowsAsync<CaseRuleException>(() => service.AssignAsync(created.Id, created.ConcurrencyStamp, userName, Ct));

        Assert.Equal($"« {userName} » n'est pas un compte actif du service : le dossier ne peut pas lui être attribué.", refused.Message);
        await using var db = database.CreateContext();
        Assert.Null((await db.CaseFiles.AsNoTracking().SingleAsync(c => c.Id == created.Id, Ct)).AssignedTo);
    }

    [Fact]
    public async Task A_case_goes_to_a_colleague_and_back_to_nobody()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var created = await service.CreateAsync(TestCases.AccessRequest(), Ct);

        var given = await service.AssignAsync(created.Id, created.ConcurrencyStamp, " j.roux ", Ct);
        Assert.Equal("j.roux", given.AssignedTo);
        var unassigned = await service.AssignAsync(given.Id, given.ConcurrencyStamp, null, Ct);
        Assert.Null(unassigned.AssignedTo);
    }
}

public sealed class SqliteCaseWorkerTests : CaseWorkerTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlCaseWorkerTests : CaseWorkerTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
