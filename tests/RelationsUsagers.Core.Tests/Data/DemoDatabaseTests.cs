using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.Tests.Data;

/// <summary>
/// A database knows whether a demo created it (<see cref="DemoDatabase"/>): the mark is set only at creation, and the
/// AccountSafety migration marks, among older files, those only the demo ever filled.
/// </summary>
[OneDatabase(DatabaseProvider.Sqlite, "SQLite's AccountSafety migration marking older files: PostgreSQL's migrations start after it.")]
public sealed class DemoDatabaseTests
{
    private const string BeforeTheMark = "20261206014822_AuditChain";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrating_tells_whether_it_created_the_database()
    {
        await using var database = new TestDatabase(DatabaseProvider.Sqlite);

        Assert.True(await DatabaseSetup.MigrateAsync(database.Factory, Ct));
        Assert.False(await DatabaseSetup.MigrateAsync(database.Factory, Ct));
    }

    [Fact]
    public async Task An_older_database_holding_only_the_demo_s_accounts_and_cases_is_marked_by_the_migration()
    {
        await using var database = new TestDatabase(DatabaseProvider.Sqlite, "demo");
        await MigrateToAsync(database, BeforeTheMark);
        await AddUserAsync(database, "officer", demo: true);
        await AddCaseAsync(database, createdBy: "demo"); // seeded
        await AddCaseAsync(database, createdBy: "officer"); // typed in the demo by a demo account

        await DatabaseSetup.MigrateAsync(database.Factory, Ct);

        await using var db = database.CreateContext();
        Assert.True(await DemoDatabase.IsDemoAsync(db, Ct));
    }

    [Theory]
    [InlineData("c.martin", false)] // a case of a real user
    [InlineData("officer", true)] // a real account beside the demo's
    public async Task An_older_database_with_real_accounts_or_cases_is_not_marked(string caseCreatedBy, bool realAccount)
    {
        await using var database = new TestDatabase(DatabaseProvider.Sqlite);
        await MigrateToAsync(database, BeforeTheMark);
        await AddUserAsync(database, "officer", demo: true);
        if (realAccount)
            await AddUserAsync(database, "c.martin", demo: false);
        await AddCaseAsync(database, caseCreatedBy);

        await DatabaseSetup.MigrateAsync(database.Factory, Ct);

        await using var db = database.CreateContext();
        Assert.False(await DemoDatabase.IsDemoAsync(db, Ct));
    }

    private static async Task MigrateToAsync(TestDatabase database, string migration)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(database.Path)!);
        await using var db = database.CreateContext();
        await db.GetService<IMigrator>().MigrateAsync(migration, Ct);
    }

    /// <summary>
    /// A complaint row as the schema before the mark holds it: the portal's model has columns of later migrations, so the
    /// row is written with the table's own required columns, read from SQLite, whatever migrations come after.
    /// </summary>
    private static async Task AddCaseAsync(TestDatabase database, string createdBy)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        var values = new Dictionary<string, object>
        {
            ["Id"] = Guid.NewGuid().ToString().ToUpperInvariant(), ["Kind"] = 1, ["Reference"] = $"PLT-2026-{Random.Shared.Next(100000):D5}",
            ["ReceivedOn"] = "2026-03-02", ["CreatedBy"] = createdBy, ["UpdatedBy"] = createdBy, ["Status"] = 1, ["Channel"] = 1,
        };
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = "SELECT name, type FROM pragma_table_info('CaseFiles') WHERE \"notnull\" = 1 AND dflt_value IS NULL";
            await using var reader = await info.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
                values.TryAdd(reader.GetString(0), reader.GetString(1) == "INTEGER" ? 0 : "");
        }
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"CaseFiles\" ({string.Join(", ", values.Keys.Select(k => $"\"{k}\""))}) " +
                              $"VALUES ({string.Join(", ", values.Keys.Select((_, i) => $"$p{i}"))})";
        foreach (var (value, i) in values.Values.Select((v, i) => (v, i)))
            command.Parameters.AddWithValue($"$p{i}", value);
        await command.ExecuteNonQueryAsync(Ct);
    }

    /// <summary>An account row as the schema before the mark holds it (no column of later migrations).</summary>
    private static async Task AddUserAsync(TestDatabase database, string userName, bool demo)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "DisplayName", "IsDisabled", "IsDemo", "EmailConfirmed",
                "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
            VALUES ($id, $name, upper($name), $name, 0, $demo, 1, 0, 0, 1, 0)
            """;
        command.Parameters.AddWithValue("$id", Guid.NewGuid().ToString());
        command.Parameters.AddWithValue("$name", userName);
        command.Parameters.AddWithValue("$demo", demo ? 1 : 0);
        await command.ExecuteNonQueryAsync(Ct);
    }
}

/// <summary>The demo mark on each database the portal runs on (<c>--seed-demo</c> is used on both).</summary>
public abstract class DemoDatabaseMarkTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_database_is_not_a_demo_one_until_marked()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        await using var db = database.CreateContext();

        Assert.False(await DemoDatabase.IsDemoAsync(db, Ct));
        await DemoDatabase.MarkAsync(db, Ct);
        Assert.True(await DemoDatabase.IsDemoAsync(db, Ct));
    }
}

public sealed class SqliteDemoDatabaseMarkTests : DemoDatabaseMarkTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlDemoDatabaseMarkTests : DemoDatabaseMarkTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
