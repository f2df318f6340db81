using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.Tests.Data;

/// <summary>DatabaseSetup.MigrateAsync on a file that does not exist yet (Data/DatabaseSetup.cs, Data/Migrations).</summary>
[OneDatabase(DatabaseProvider.Sqlite, "A SQLite file's own setup: its folder, sqlite_master, WAL, pragmas (DataLayerTests migrates both databases).")]
public sealed class MigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrating_a_new_path_creates_its_folder_and_file()
    {
        await using var database = new TestDatabase(DatabaseProvider.Sqlite);
        Assert.False(Directory.Exists(Path.GetDirectoryName(database.Path)));

        await DatabaseSetup.MigrateAsync(database.Factory, Ct);

        Assert.True(File.Exists(database.Path));
    }

    [Fact]
    public async Task Migrating_an_empty_file_creates_every_table()
    {
        await using var database = new TestDatabase(DatabaseProvider.Sqlite);

        await DatabaseSetup.MigrateAsync(database.Factory, Ct);

        var tables = await QueryStringsAsync(database, "SELECT name FROM sqlite_master WHERE type = 'table'");
        Assert.Superset(
            new HashSet<string>
            {
                "CaseFiles", "CaseEvents", "CaseDocuments", "AuditEntries", "ReferenceCounters",
                "AspNetUsers", "AspNetRoles", "AspNetUserRoles", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserTokens", "AspNetRoleClaims",
                "__EFMigrationsHistory",
            },
            tables.ToHashSet());
    }

    [Fact]
    public async Task The_audit_table_is_protected_by_its_two_triggers()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, Ct);

        var triggers = await QueryStringsAsync(database, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'AuditEntries'");

        Assert.Equal(["AuditEntries_NoDelete", "AuditEntries_NoUpdate"], triggers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_file_is_left_in_WAL_journal_mode()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, Ct);

        // journal_mode=WAL is a property of the file: a fresh connection sees it.
        Assert.Equal(["wal"], await QueryStringsAsync(database, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task No_migration_is_left_pending()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, Ct);
        await using var db = database.CreateContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public async Task Migrating_twice_is_harmless()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, Ct);
        await database.CreateService().CreateAsync(TestCases.Complaint(), Ct);

        await DatabaseSetup.MigrateAsync(database.Factory, Ct);

        await using var db = database.CreateContext();
        Assert.Equal(1, await db.CaseFiles.CountAsync(Ct));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
    }

    [Fact]
    public async Task Each_connection_waits_for_the_writer_and_enforces_foreign_keys()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, Ct);
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync(Ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            Assert.Equal(5000L, await ScalarAsync(connection, "PRAGMA busy_timeout"));
            Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA foreign_keys"));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<object?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }

    private static async Task<List<string>> QueryStringsAsync(TestDatabase database, string sql)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
            values.Add(reader.GetString(0));
        return values;
    }
}

/// <summary>Each database's migrations keep up with the one model (src/RelationsUsagers.Data.PostgreSql/Migrations for PostgreSQL).</summary>
public abstract class ModelSnapshotTests
{
    protected abstract DatabaseProvider Provider { get; }

    [Fact]
    public async Task The_model_has_no_change_missing_from_the_migrations()
    {
        await using var database = new TestDatabase(Provider);
        await using var db = database.CreateContext();

        Assert.False(db.Database.HasPendingModelChanges(), $"The model differs from the last {Provider} migration's snapshot: add a migration.");
    }
}

public sealed class SqliteModelSnapshotTests : ModelSnapshotTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlModelSnapshotTests : ModelSnapshotTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
