using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.Cases;

/// <summary>
/// Gives the next reference of a kind and year in one atomic upsert, inside the caller's transaction:
/// two officers creating cases at the same moment never get the same number, and a number whose case
/// was rolled back was never handed out. The same statement on SQLite and PostgreSQL (the existing row named by its table:
/// PostgreSQL would find an unqualified column ambiguous with EXCLUDED's); on PostgreSQL the conflicting insert waits for
/// the other transaction's row and then updates it.
/// </summary>
internal static class ReferenceAllocator
{
    public static async Task<string> NextAsync(AppDbContext db, CaseKind kind, int year, CancellationToken ct) =>
        Format(kind, year, await ReserveAsync(db, kind, year, 1, ct));

    /// <summary>Reserves <paramref name="count"/> consecutive numbers at once (an import); returns the first.</summary>
    public static async Task<int> ReserveAsync(AppDbContext db, CaseKind kind, int year, int count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A reference is allocated inside the transaction that creates the case.");
        command.CommandText =
            """
            INSERT INTO "ReferenceCounters" ("Kind", "Year", "LastValue") VALUES (@kind, @year, @count)
            ON CONFLICT ("Kind", "Year") DO UPDATE SET "LastValue" = "ReferenceCounters"."LastValue" + @count
            RETURNING "LastValue";
            """;
        AddParameter(command, "@kind", (int)kind);
        AddParameter(command, "@year", year);
        AddParameter(command, "@count", count);
        var last = Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        return last - count + 1;
    }

    public static string Format(CaseKind kind, int year, int sequence) => $"{kind.Prefix()}-{year}-{sequence:D5}";

    private static void AddParameter(System.Data.Common.DbCommand command, string name, int value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
