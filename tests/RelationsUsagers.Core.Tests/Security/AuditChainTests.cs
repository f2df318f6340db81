using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Tests.Security;

/// <summary>The audit rows as a hash chain, on each database: linked by every save, broken by any hand-made change.</summary>
public abstract class AuditChainTests
{
    protected abstract DatabaseProvider Provider { get; }

    private protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    private protected static async Task<AuditChainReport> VerifyAsync(TestDatabase database) =>
        await new AuditService(database.Factory).VerifyChainAsync(Ct);

    private protected static async Task<List<AuditEntry>> RowsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync(Ct);
    }

    private protected static async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using var db = database.CreateContext();
        await db.Database.ExecuteSqlRawAsync(sql, Ct);
    }

    /// <summary>The statement that lifts one of the audit's append-only triggers, in the database's own syntax.</summary>
    private protected string DropTrigger(string name) =>
        Provider == DatabaseProvider.PostgreSql ? $"DROP TRIGGER \"{name}\" ON \"AuditEntries\";" : $"DROP TRIGGER {name};";

    /// <summary>Three cases created (with their lines of events), each opened.</summary>
    private protected async Task<TestDatabase> TrailAsync()
    {
        var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        foreach (var draft in new RelationsUsagers.Core.Cases.CaseFile[] { TestCases.AccessRequest(), TestCases.Complaint(), TestCases.Requisition() })
        {
            var created = await service.CreateAsync(draft, Ct);
            await service.OpenAsync(created.Id, Ct);
        }
        return database;
    }

    [Fact]
    public async Task Every_saved_row_is_numbered_in_order_and_linked_to_the_one_before()
    {
        await using var database = await TrailAsync();

        var rows = await RowsAsync(database);
        Assert.InRange(rows.Count, 6, 20);
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => (long)i), rows.Select(r => r.Id));
        var previous = "";
        foreach (var row in rows)
        {
            Assert.Equal(AuditChain.HashOf(previous, row), row.Hash);
            previous = row.Hash!;
        }
        Assert.Equal(new AuditChainReport(rows.Count, null), await VerifyAsync(database));
    }

    [Fact]
    public async Task Rows_written_at_an_instant_finer_than_a_microsecond_stay_linked()
    {
        // 10:00:00.1234567: PostgreSQL keeps .123456, SQLite every tick.
        await using var database = await TestDatabase.CreateAsync(Provider, TestDatabase.DefaultUserName, TestDatabase.DefaultNow.AddTicks(1_234_567), Ct);
        var service = database.CreateService();
        var created = await service.CreateAsync(TestCases.Complaint(), Ct);
        await service.OpenAsync(created.Id, Ct);

        var rows = await RowsAsync(database);
        Assert.InRange(rows.Count, 2, 10);
        Assert.All(rows, r => Assert.Equal(TestDatabase.DefaultNow.UtcDateTime.AddTicks(1_234_560), r.AtUtc));
        Assert.Equal(new AuditChainReport(rows.Count, null), await VerifyAsync(database));
    }

    [Fact]
    public async Task Saves_from_many_contexts_at_once_keep_one_unbroken_chain()
    {
        await using var database = await TrailAsync();
        var before = await RowsAsync(database);
        var id = before[0].CaseFileId!.Value;

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => database.CreateService().OpenAsync(id, Ct), Ct)));

        var report = await VerifyAsync(database);
        Assert.True(report.IsWhole);
        Assert.Equal(before.Count + 12, report.RowsRead);
    }

    [Fact]
    public async Task A_row_changed_by_hand_is_named_as_the_first_broken_link()
    {
        await using var database = await TrailAsync();

        await ExecuteAsync(database, $"""
            {DropTrigger("AuditEntries_NoUpdate")}
            UPDATE "AuditEntries" SET "UserName" = 'quelqu''un d''autre' WHERE "Id" = 3;
            """);

        var report = await VerifyAsync(database);
        Assert.Equal((3L, "quelqu'un d'autre"), (report.FirstBroken!.Id, report.FirstBroken.UserName));
    }

    [Fact]
    public async Task A_row_forged_by_insert_is_named_even_with_a_plausible_hash()
    {
        await using var database = await TrailAsync();
        var last = (await RowsAsync(database))[^1];

        // The forger copies the last row's hash as its own: a hash that is not the link of its content, and numbers the row
        // itself, past PostgreSQL's identity sequence: the portal's next row must not take that number again.
        await ExecuteAsync(database, $"""
            INSERT INTO "AuditEntries" ("Id", "AtUtc", "UserName", "Action", "Details", "Hash")
            VALUES ({last.Id + 1}, '2026-03-15 09:00:00', 'c.martin', 'Export', 'Registre des plaintes', '{last.Hash}');
            """);
        var service = database.CreateService();
        await service.OpenAsync(last.CaseFileId!.Value, Ct);

        var report = await VerifyAsync(database);
        Assert.Equal((last.Id + 1, "Export"), (report.FirstBroken!.Id, report.FirstBroken.Action));
    }

    /// <summary>A row written outside the portal, as a DBA would: the database numbers it, and it has no hash.</summary>
    private protected const string OutsideInsert = """
        INSERT INTO "AuditEntries" ("AtUtc", "UserName", "Action", "Details")
        VALUES ('2026-03-15 09:30:00', 'dba', 'Export', 'Extraction manuelle');
        """;

    /// <summary>Each row's hash is the link of its content to the hash before it, from <paramref name="previous"/>.</summary>
    private protected static void AssertLinked(string previous, IEnumerable<AuditEntry> rows)
    {
        foreach (var row in rows)
        {
            Assert.Equal(AuditChain.HashOf(previous, row), row.Hash);
            previous = row.Hash!;
        }
    }

    [Fact]
    public async Task A_row_written_outside_the_portal_without_a_number_follows_the_portal_rows_which_go_on_after_it()
    {
        await using var database = await TrailAsync();
        var before = await RowsAsync(database);
        var id = before[0].CaseFileId!.Value;

        await ExecuteAsync(database, OutsideInsert);
        // Then the portal goes on, from several contexts at once (several instances on one PostgreSQL database).
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => database.CreateService().OpenAsync(id, Ct), Ct)));
        await database.CreateService().CreateAsync(TestCases.Complaint(), Ct);

        var rows = await RowsAsync(database);
        Assert.Equal(before.Select(r => r.Id), rows.Take(before.Count).Select(r => r.Id));
        var outside = rows[before.Count];
        Assert.Equal((before[^1].Id + 1, "dba", (string?)null), (outside.Id, outside.UserName, outside.Hash));
        // The portal's rows after it are numbered after it and continue the chain from it, in their numbers' order.
        var after = rows.Skip(before.Count + 1).ToList();
        Assert.InRange(after.Count, 7, 20);
        Assert.All(after, r => Assert.Equal(TestDatabase.DefaultUserName, r.UserName));
        AssertLinked("", after);
        var report = await VerifyAsync(database);
        Assert.Equal((outside.Id, before.Count + 1L), (report.FirstBroken!.Id, report.RowsRead));
    }

    [Fact]
    public async Task On_a_database_upgraded_with_rows_an_outside_row_takes_the_number_after_them()
    {
        await using var database = new TestDatabase(Provider);
        if (Provider == DatabaseProvider.Sqlite)
            Directory.CreateDirectory(Path.GetDirectoryName(database.Path)!);
        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("QueueSearchIndexes", Ct);
            // Rows as the version before wrote them: numbered 1, 2, 3 by the portal, the identity's sequence never used.
            var previous = "";
            for (var i = 1; i <= 3; i++)
            {
                var row = new AuditEntry
                {
                    Id = i, AtUtc = new DateTime(2026, 3, 14, 9, i, 0, DateTimeKind.Utc), UserName = "j.roux",
                    Action = AuditActions.Exported, Details = "Registre des plaintes",
                };
                row.Hash = previous = AuditChain.HashOf(previous, row);
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "AuditEntries" ("Id", "AtUtc", "UserName", "Action", "Details", "Hash")
                    VALUES ({row.Id}, {row.AtUtc}, {row.UserName}, {row.Action}, {row.Details}, {row.Hash});
                    """, Ct);
            }
        }
        await DatabaseSetup.MigrateAsync(database.Factory, Ct);

        await ExecuteAsync(database, OutsideInsert);
        for (var i = 0; i < 2; i++)
        {
            await using var db = database.CreateContext();
            db.AuditEntries.Add(new AuditEntry { AtUtc = database.Clock.GetUtcNow().UtcDateTime, UserName = "j.roux", Action = AuditActions.Exported });
            await db.SaveChangesAsync(Ct);
        }

        var rows = await RowsAsync(database);
        Assert.Equal([1L, 2, 3, 4, 5, 6], rows.Select(r => r.Id));
        Assert.Equal(("dba", (string?)null), (rows[3].UserName, rows[3].Hash));
        AssertLinked("", rows.Skip(4));
        Assert.Equal(4L, (await VerifyAsync(database)).FirstBroken!.Id);
    }

    [Fact]
    public async Task A_row_removed_in_the_middle_breaks_the_link_of_the_row_after_it()
    {
        await using var database = await TrailAsync();

        await ExecuteAsync(database, $"""{DropTrigger("AuditEntries_NoDelete")} DELETE FROM "AuditEntries" WHERE "Id" = 4;""");

        Assert.Equal(5L, (await VerifyAsync(database)).FirstBroken!.Id);
    }
}

public sealed class SqliteAuditChainTests : AuditChainTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    // Only a SQLite database can be an upgraded one (PostgreSQL came with the chain, AuditChain.SealLegacyAsync).
    [Fact]
    public async Task Rows_written_before_the_chain_are_linked_once_and_a_later_unlinked_row_is_not()
    {
        await using var database = await TrailAsync();
        var count = (await RowsAsync(database)).Count;
        // As an upgraded database holds them: rows without hashes.
        await ExecuteAsync(database, $"""
            DROP TRIGGER AuditEntries_NoUpdate;
            UPDATE AuditEntries SET Hash = NULL;
            {AuditChain.NoUpdateTrigger}
            """);

        await using (var db = database.CreateContext())
            await AuditChain.SealLegacyAsync(db, Ct);
        Assert.True((await VerifyAsync(database)).IsWhole);

        await ExecuteAsync(database, "INSERT INTO AuditEntries (AtUtc, UserName, Action) VALUES ('2026-03-15 09:00:00', 'x', 'Export');");
        await using (var db = database.CreateContext())
            await AuditChain.SealLegacyAsync(db, Ct);
        Assert.Equal(count + 1, (await VerifyAsync(database)).FirstBroken!.Id);
    }
}

public sealed class PostgreSqlAuditChainTests : AuditChainTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    // Only PostgreSQL lets an insert outside the portal stay open while the portal writes (SQLite has one writer at a time).
    [Fact]
    public async Task An_outside_insert_still_open_while_the_portal_writes_keeps_its_own_number_and_is_the_one_reported()
    {
        await using var database = await TrailAsync();
        var before = await RowsAsync(database);
        var id = before[0].CaseFileId!.Value;

        await using (var outsider = database.CreateContext("dba"))
        {
            await using var transaction = await outsider.Database.BeginTransactionAsync(Ct);
            await outsider.Database.ExecuteSqlRawAsync(OutsideInsert, Ct);
            await database.CreateService().OpenAsync(id, Ct);
            await transaction.CommitAsync(Ct);
        }
        await database.CreateService().OpenAsync(id, Ct);

        var rows = await RowsAsync(database);
        Assert.Equal(before.Count + 3, rows.Count);
        var (outside, portal) = (rows[before.Count], rows.Skip(before.Count + 1).ToList());
        Assert.Equal((before[^1].Id + 1, "dba"), (outside.Id, outside.UserName));
        // The portal's row written meanwhile could not read it: it continues the last row it could; the next one continues it.
        AssertLinked(before[^1].Hash!, portal);
        Assert.Equal(outside.Id, (await VerifyAsync(database)).FirstBroken!.Id);
    }
}
