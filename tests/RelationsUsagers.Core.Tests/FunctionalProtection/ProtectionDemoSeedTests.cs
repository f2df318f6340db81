using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.FunctionalProtection;
using RelationsUsagers.Core.Queue;

namespace RelationsUsagers.Core.Tests.FunctionalProtection;

/// <summary>The demo's protection fonctionnelle files: every status of the kind, valid, consistent with their steps, seeded once.</summary>
public abstract class ProtectionDemoSeedTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_has_a_valid_file_in_every_status_and_is_seeded_once()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        Assert.Equal(8, await ProtectionDemoSeeder.SeedAsync(database.Factory, database.Clock, Ct));
        Assert.Equal(0, await ProtectionDemoSeeder.SeedAsync(database.Factory, database.Clock, Ct));

        await using var db = database.CreateContext();
        var files = await db.Set<ProtectionCase>().AsNoTracking().Include(c => c.Events).ToListAsync(Ct);
        var kind = CaseKinds.Of(CaseKind.FunctionalProtection);
        Assert.Equal(kind.Statuses.Order(), files.Select(f => f.Status).Distinct().Order());
        var validators = database.CreateValidators();
        Assert.All(files, f =>
        {
            Assert.Empty(CaseSteps.Replay(f).Problems);
            Assert.Empty(validators.Validate(f).Errors);
            Assert.StartsWith("PFA-", f.Reference, StringComparison.Ordinal);
            Assert.Equal(f.IsOpen ? QueueColumns.OfficeNext(LegalClock.Default.Compute(f, [], TestDatabase.Today)) : (null, null, false),
                (f.NextDueOn, f.NextDueCode, f.ClockSuspended));
        });
        // The granted file's two invoices: 840,00 € + 1 250,50 €.
        Assert.Contains(files, f => f.Decision == ProtectionDecision.GrantedInFull && f.CostsPaidCents == 2_090_50);
        Assert.Contains(files, f => f is { DirectorInvolved: true, ReasonsRequestedOn: not null, Status: CaseStatus.Received });
        Assert.Contains(files, f => f.Beneficiaries.Any(b => b.Kind == BeneficiaryKind.Spouse));
    }
}

public sealed class SqliteProtectionDemoSeedTests : ProtectionDemoSeedTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlProtectionDemoSeedTests : ProtectionDemoSeedTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
