using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace RelationsUsagers.Core.Data;

public static class DatabaseSetup
{
    /// <summary>
    /// Applies the migrations of the context's database (SQLite's or PostgreSQL's set); for SQLite, creates the folder of
    /// the file first and switches the file to WAL. True when the database was created by this call (no migration had been
    /// applied before). A missing PostgreSQL database is created when the account may (CREATEDB).
    /// </summary>
    public static async Task<bool> MigrateAsync(IDbContextFactory<AppDbContext> factory, CancellationToken ct = default) =>
        await MigrateAsync(factory, TimeProvider.System, ct);

    /// <inheritdoc cref="MigrateAsync(IDbContextFactory{AppDbContext}, CancellationToken)"/>
    public static async Task<bool> MigrateAsync(IDbContextFactory<AppDbContext> factory, TimeProvider time, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!db.IsPostgreSql)
        {
            var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(source));
            if (!string.IsNullOrEmpty(folder))
                Directory.CreateDirectory(folder);
        }
        var created = !(await db.Database.GetAppliedMigrationsAsync(ct)).Any();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (db.IsPostgreSql && pending.Any(m => m.EndsWith("_QueueSearchIndexes", StringComparison.Ordinal)))
            await CreateTrigramExtensionAsync(db, ct);
        // A migration may build an index over every case (QueueSearchIndexes: about a minute at a million on PostgreSQL),
        // longer than a request's 30 s. SQLite's timeout is its wait for the write lock: left as it is.
        if (db.IsPostgreSql)
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.MigrateAsync(ct);
        // The queue's columns now hold the office's own next deadline and whom a case waits on: rewrite them once for the
        // cases a previous version saved.
        if (pending.Any(m => m.EndsWith("_OfficersDesk", StringComparison.Ordinal)))
            await Queue.QueueColumns.RefreshOpenCasesAsync(db, time, ct);
        // Audit rows written before the chain existed are linked once, so that `audit verify` covers the whole trail.
        await Security.AuditChain.SealLegacyAsync(db, ct);
        // WAL lets readers (the queue) go on while one writer saves; it is a property of the file.
        if (!db.IsPostgreSql)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        return created;
    }

    /// <summary>PostgreSQL's trigram extension, which the queue's search indexes use (QueueSearchIndexes).</summary>
    public const string TrigramExtension = "pg_trgm";

    /// <summary>
    /// Creates PostgreSQL's trigram extension before the migrations, so that an account that may not create it (pg_trgm is trusted
    /// since PostgreSQL 13: the database's owner or a holder of CREATE on it may), or a server without it (the contrib
    /// modules are not installed), stops the start before any migration is applied, with
    /// <see cref="DatabaseExtensionException"/>. The migration repeats the statement (IF NOT EXISTS) for its SQL scripts.
    /// </summary>
    private static async Task CreateTrigramExtensionAsync(AppDbContext db, CancellationToken ct)
    {
        // The database may not exist yet (the migrations would create it): create it first, as they would.
        var creator = db.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
            await creator.CreateAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync("CREATE EXTENSION IF NOT EXISTS " + TrigramExtension + ";", ct);
        }
        // 42501 insufficient_privilege, 58P01 undefined_file (no control file: the module is not installed), 0A000.
        catch (Npgsql.PostgresException ex) when (ex.SqlState is "42501" or "58P01" or "0A000")
        {
            throw new DatabaseExtensionException(TrigramExtension, ex.SqlState == "42501", ex);
        }
    }
}

/// <summary>
/// A PostgreSQL extension the migrations need is missing and could not be created: <see cref="Refused"/> when the
/// account lacks the right, otherwise the server does not have it.
/// </summary>
public sealed class DatabaseExtensionException(string extension, bool refused, Exception inner)
    : Exception($"The PostgreSQL extension {extension} is missing and could not be created ({(refused ? "permission denied" : "not available on the server")}).", inner)
{
    public string Extension { get; } = extension;
    public bool Refused { get; } = refused;
}

/// <summary>Each SQLite connection waits up to 5 s for the writer's lock instead of failing at once.</summary>
internal sealed class SqliteBusyTimeoutInterceptor : DbConnectionInterceptor
{
    public const string Pragma = "PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
