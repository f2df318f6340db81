using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.Security;

/// <summary>
/// The audit rows as a hash chain: each row holds SHA-256(previous row's hash + its own content, id included), so a row
/// inserted, changed or removed by hand breaks every link after it. Rows are numbered and hashed from the last row read
/// just before the write (inside the caller's transaction when there is one); the number is the row's key, so two saves
/// that read the same last row cannot both continue it: the second fails on the key and is tried again
/// (<see cref="Data.AppDbContext.SaveChangesAsync(bool, CancellationToken)"/>).
/// </summary>
/// <remarks>
/// The portal numbers the rows itself because the number is part of the hash and the chain's order. A row written
/// outside the portal leaves its number to the database: on SQLite the next one after the largest (AUTOINCREMENT), on
/// PostgreSQL the next value of the column's identity sequence. So on PostgreSQL the portal takes its numbers from that
/// same sequence, under the chain's lock, rather than last + 1: an outside row and a portal row can never take the same
/// number (a sequence hands each value out once, even to concurrent transactions), whereas advancing the sequence after
/// numbering last + 1 leaves a moment where an outside insert takes the portal's number. Numbers a rolled-back save took
/// are skipped: the chain links rows in their numbers' order, gaps included.
/// </remarks>
internal sealed class AuditChain
{
    private long _lastId;
    private string _lastHash;
    /// <summary>PostgreSQL: the numbers taken from the identity sequence, in order; null on SQLite (last + 1).</summary>
    private readonly Queue<long>? _numbers;

    private AuditChain(long lastId, string lastHash, Queue<long>? numbers) => (_lastId, _lastHash, _numbers) = (lastId, lastHash, numbers);

    /// <summary>How many times a save is tried when its audit rows' numbers were taken by another writer meanwhile.</summary>
    public const int Attempts = 20;

    /// <summary>The save failed because another writer took the audit rows' numbers (SQLITE_CONSTRAINT_PRIMARYKEY).</summary>
    public static bool IsNumberTaken(DbUpdateException ex) =>
        ex.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 1555 } sqlite
        && sqlite.Message.Contains("AuditEntries.Id", StringComparison.Ordinal);

    /// <summary>Whether the context is about to add audit rows.</summary>
    public static bool HasAdded(AppDbContext db) => db.ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added);

    /// <summary>
    /// PostgreSQL: takes the audit chain's lock for the rest of the current transaction, so that one writer at a time reads
    /// the last row and continues it (SQLite's single writer gives that by itself).
    /// </summary>
    public static void Lock(AppDbContext db) => db.Database.ExecuteSql($"SELECT pg_advisory_xact_lock({DatabaseLocks.AuditChain})");

    /// <inheritdoc cref="Lock"/>
    public static async Task LockAsync(AppDbContext db, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({DatabaseLocks.AuditChain})", ct);

    /// <summary>
    /// Reads the last row on the context's connection, inside <paramref name="transaction"/>; on PostgreSQL (under the
    /// chain's <see cref="Lock"/>), also takes the numbers of the <paramref name="rows"/> rows about to be sealed.
    /// </summary>
    public static AuditChain Continue(AppDbContext db, DbTransaction? transaction, int rows)
    {
        db.Database.OpenConnection();
        try
        {
            using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """SELECT "Id", "Hash" FROM "AuditEntries" ORDER BY "Id" DESC LIMIT 1;""";
            var (lastId, lastHash) = (0L, "");
            using (var reader = command.ExecuteReader())
                if (reader.Read())
                    (lastId, lastHash) = (reader.GetInt64(0), reader.IsDBNull(1) ? "" : reader.GetString(1));
            return new AuditChain(lastId, lastHash, db.IsPostgreSql ? TakeNumbers(command, rows, lastId) : null);
        }
        finally
        {
            db.Database.CloseConnection();
        }
    }

    private const string Sequence = """pg_get_serial_sequence('"AuditEntries"', 'Id')""";

    /// <summary>
    /// <paramref name="rows"/> values of the identity sequence, all after <paramref name="lastId"/>: a row inserted with a
    /// number of its own (a forger's, a restored row) may stand past the sequence, which is then moved past it first.
    /// </summary>
    private static Queue<long> TakeNumbers(DbCommand command, int rows, long lastId)
    {
        var numbers = Take();
        if (numbers.Count > 0 && numbers[0] <= lastId)
        {
            command.CommandText = $"SELECT setval({Sequence}, {lastId.ToString(CultureInfo.InvariantCulture)});";
            command.ExecuteNonQuery();
            numbers = Take();
        }
        return new Queue<long>(numbers);

        List<long> Take()
        {
            command.CommandText = $"SELECT nextval({Sequence}) FROM generate_series(1, {rows.ToString(CultureInfo.InvariantCulture)});";
            var taken = new List<long>(rows);
            using (var reader = command.ExecuteReader())
                while (reader.Read())
                    taken.Add(reader.GetInt64(0));
            taken.Sort();
            return taken;
        }
    }

    /// <summary>Gives the entry the next number and its link.</summary>
    public void Seal(AuditEntry entry)
    {
        entry.Id = _numbers is null ? ++_lastId : _numbers.Dequeue();
        // The instant is hashed as the database gives it back: PostgreSQL keeps it to the microsecond (timestamptz), not to
        // .NET's 100 ns, and a hash of the finer value would never match again. The same on SQLite, which keeps every tick.
        entry.AtUtc = entry.AtUtc.AddTicks(-(entry.AtUtc.Ticks % TimeSpan.TicksPerMicrosecond));
        entry.Hash = HashOf(_lastHash, entry);
        _lastHash = entry.Hash;
    }

    /// <summary>
    /// Numbers and links the context's added audit rows, on its current transaction (the caller has begun one). Called
    /// again on a retry, it numbers them again from the row then last.
    /// </summary>
    public static void SealAdded(AppDbContext db)
    {
        var added = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList();
        if (added.Count == 0)
            return;
        var chain = Continue(db, db.Database.CurrentTransaction?.GetDbTransaction(), added.Count);
        foreach (var entry in added)
        {
            chain.Seal(entry.Entity);
            // Through the entry: the key EF numbered temporarily becomes the chain's number.
            entry.Property(a => a.Id).CurrentValue = entry.Entity.Id;
            entry.Property(a => a.AtUtc).CurrentValue = entry.Entity.AtUtc;
            entry.Property(a => a.Hash).CurrentValue = entry.Entity.Hash;
        }
    }

    /// <summary>SHA-256 of the previous hash and each field, length-prefixed so that no two rows read alike.</summary>
    public static string HashOf(string previous, AuditEntry entry)
    {
        var text = new StringBuilder();
        void Field(string? value) => text.Append(value?.Length.ToString(CultureInfo.InvariantCulture) ?? "-").Append(':').Append(value).Append('|');
        Field(previous);
        Field(entry.Id.ToString(CultureInfo.InvariantCulture));
        Field(entry.AtUtc.Ticks.ToString(CultureInfo.InvariantCulture));
        Field(entry.UserName);
        Field(entry.CaseFileId?.ToString("D"));
        Field(entry.CaseReference);
        Field(entry.Action);
        Field(entry.Details);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// Walks the chain from the first row; the first row whose hash is missing or is not the one its content and its
    /// predecessor give is the first broken link (a forged row, or the row after a removed or changed one).
    /// </summary>
    public static async Task<AuditChainReport> VerifyAsync(AppDbContext db, CancellationToken ct = default)
    {
        var previous = "";
        long count = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (entry.Hash is null || !CryptographicOperations.FixedTimeEquals(
                    Encoding.ASCII.GetBytes(entry.Hash), Encoding.ASCII.GetBytes(HashOf(previous, entry))))
                return new AuditChainReport(count, entry);
            previous = entry.Hash;
        }
        return new AuditChainReport(count, null);
    }

    /// <summary>
    /// Links the rows written before the chain existed (an upgraded database), once: only rows older than the first linked
    /// row, so that a row slipped in later without a hash is never sealed over. The append-only triggers are lifted for
    /// this one statement sequence, in one transaction, and put back.
    /// </summary>
    public static async Task SealLegacyAsync(AppDbContext db, CancellationToken ct = default)
    {
        // A PostgreSQL database was created with the chain: it has no legacy rows.
        if (db.IsPostgreSql)
            return;
        var firstLinked = await db.AuditEntries.Where(a => a.Hash != null).MinAsync(a => (long?)a.Id, ct) ?? long.MaxValue;
        if (!await db.AuditEntries.AnyAsync(a => a.Hash == null && a.Id < firstLinked, ct))
            return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var legacy = await db.AuditEntries.AsNoTracking().Where(a => a.Id < firstLinked).OrderBy(a => a.Id).ToListAsync(ct);
        await db.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditEntries_NoUpdate;", ct);
        var previous = "";
        foreach (var entry in legacy)
        {
            previous = HashOf(previous, entry);
            await db.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "Hash" = {previous} WHERE "Id" = {entry.Id};""", ct);
        }
        await db.Database.ExecuteSqlRawAsync(NoUpdateTrigger, ct);
        await tx.CommitAsync(ct);
    }

    public const string NoUpdateTrigger =
        "CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END;";
}

/// <summary>How many rows were read, and the first whose link is broken (null: the chain is whole).</summary>
public sealed record AuditChainReport(long RowsRead, AuditEntry? FirstBroken)
{
    public bool IsWhole => FirstBroken is null;
}
