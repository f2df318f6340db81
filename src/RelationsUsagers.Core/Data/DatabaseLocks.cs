using Microsoft.EntityFrameworkCore;

namespace RelationsUsagers.Core.Data;

/// <summary>
/// Writers that read then write (is the table empty? is this line already imported? which audit row is last?) rely on
/// SQLite's single writer: its transaction takes the database's write lock. On PostgreSQL, several writers run at once,
/// so each such writer takes a transaction-scoped advisory lock of its own, released at commit or rollback.
/// </summary>
internal static class DatabaseLocks
{
    public const long AuditChain = 0x5255_0001;
    public const long DemoSeed = 0x5255_0002;
    /// <summary>Any register's import (access dashboard, complaints register): one at a time.</summary>
    public const long RegisterImport = 0x5255_0003;

    /// <summary>Takes <paramref name="key"/> until the current transaction ends; nothing on SQLite, whose transaction already locks.</summary>
    public static async Task TakeAsync(AppDbContext db, long key, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A write lock is taken inside the transaction it protects.");
        if (db.IsPostgreSql)
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
    }
}
