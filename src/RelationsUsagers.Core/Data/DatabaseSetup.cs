using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

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
