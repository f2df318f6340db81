using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Web.Tests.CommandLine;

/// <summary>
/// <c>backup --out FILE</c> and <c>restore --from FILE</c> on this test's database, the cases written and read through the
/// portal's own services (<see cref="CaseFileService"/>, <see cref="AuditService"/>) on connections of their own.
/// </summary>
public sealed partial class PortalCommandsTests
{
    private static readonly Regex BackupWritten = BackupWrittenLine();

    [Theory]
    [InlineData("backup", "--out")]
    [InlineData("restore", "--from")]
    public async Task On_PostgreSQL_backup_and_restore_point_to_the_servers_own_tools_and_touch_nothing(string command, string option)
    {
        var file = Path.Combine(_folder, "copie.db");

        // No server runs at this address: the command must answer before it opens any connection.
        var run = await RunAsync(command, option, file, "--Database:Provider=PostgreSql",
            "--ConnectionStrings:Default=Host=127.0.0.1;Port=1;Database=ru;Username=ru;Password=secret-never-shown");

        Assert.Equal(2, run.Code);
        Assert.Contains("pg_dump -Fc et pg_restore", run.Error);
        Assert.DoesNotContain("secret-never-shown", run.Out + run.Error);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task A_backup_taken_while_another_connection_writes_is_whole_checked_and_audited_without_the_patient()
    {
        await using var portal = await PortalAsync();
        var cases = portal.GetRequiredService<CaseFileService>();
        await cases.CreateAsync(Drafts.Complaint("Quesnoy", "Anatole"), Xunit.TestContext.Current.CancellationToken);
        // A colleague keeps saving new cases on the portal while the backup runs.
        using var stop = new CancellationTokenSource();
        var firstSave = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = Task.Run(async () =>
        {
            var saved = 0;
            while (!stop.IsCancellationRequested)
            {
                await cases.CreateAsync(Drafts.AccessRequest("Vaudrel", "Ysolde"), CancellationToken.None);
                saved++;
                firstSave.TrySetResult();
            }
            return saved;
        }, CancellationToken.None);
        await firstSave.Task;
        var casesBefore = await CountAsync("SELECT COUNT(*) FROM CaseFiles");
        var output = Path.Combine(_folder, "sauvegarde.db");

        var run = await RunAsync("backup", "--out", output);

        await stop.CancelAsync();
        var savedByTheColleague = await writer;
        var casesAfter = await CountAsync("SELECT COUNT(*) FROM CaseFiles");
        Assert.Equal((0, ""), (run.Code, run.Error));
        var lines = Lines(run.Out);
        Assert.Equal(4, lines.Length);
        Assert.Equal(output, BackupWritten.Match(lines[0]).Groups["path"].Value);
        Assert.Equal("Base en mode WAL : le portail a pu continuer d'écrire pendant la copie.", lines[1]);
        Assert.Equal("Contrôle d'intégrité de la copie : ok.", lines[2]);
        // The copy: one file standing alone, whole, its audit chain intact, holding the cases of one moment between the two counts.
        Assert.Equal(["ru.db", "sauvegarde.db"],
            Directory.GetFiles(_folder).Select(Path.GetFileName).Where(n => !n!.StartsWith("ru.db-", StringComparison.Ordinal)).Order());
        await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = output, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await copy.OpenAsync(Xunit.TestContext.Current.CancellationToken);
        Assert.Equal("ok", await ScalarOnAsync(copy, "PRAGMA integrity_check"));
        Assert.Equal("delete", await ScalarOnAsync(copy, "PRAGMA journal_mode"));
        var copied = long.Parse(await ScalarOnAsync(copy, "SELECT COUNT(*) FROM CaseFiles"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(copied, casesBefore, casesAfter);
        var auditRows = await ScalarOnAsync(copy, "SELECT COUNT(*) FROM AuditEntries");
        Assert.Equal($"Journal d'audit de la copie intact : {auditRows} ligne(s) vérifiée(s).", lines[3]);
        Assert.True(savedByTheColleague > 0);
        Assert.Equal(casesAfter, 1 + savedByTheColleague);
        // On the trail of the database copied: who, the file, the check; never a patient's name.
        var details = await ScalarAsync($"SELECT Details FROM AuditEntries WHERE Action = '{AuditActions.DatabaseBackedUp}' AND UserName LIKE 'ligne de commande (%'");
        Assert.StartsWith($"Copie de la base écrite dans {output} (", details, StringComparison.Ordinal);
        Assert.EndsWith($"intégrité : ok ; journal d'audit de la copie : intact ({auditRows} ligne(s))", details, StringComparison.Ordinal);
        Assert.DoesNotContain("Quesnoy", details, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Journal d'audit intact", (await RunAsync("audit", "verify")).Out.Split(':')[0].Trim());
    }

    [Fact]
    public async Task A_backup_refuses_to_overwrite_a_file_unless_forced()
    {
        Assert.Equal(0, (await RunAsync("audit", "verify")).Code);
        var output = Path.Combine(_folder, "sauvegarde.db");
        await File.WriteAllTextAsync(output, "sauvegarde de la veille", Xunit.TestContext.Current.CancellationToken);

        var refused = await RunAsync("backup", "--out", output);

        Assert.Equal(2, refused.Code);
        Assert.Equal([$"Le fichier « {output} » existe déjà : choisissez un autre nom, ou ajoutez --force pour le remplacer."], Lines(refused.Error));
        Assert.Equal("", refused.Out);
        Assert.Equal("sauvegarde de la veille", await File.ReadAllTextAsync(output, Xunit.TestContext.Current.CancellationToken));
        Assert.Equal(0, await CountAsync($"SELECT COUNT(*) FROM AuditEntries WHERE Action = '{AuditActions.DatabaseBackedUp}'"));

        var forced = await RunAsync("backup", "--out", output, "--force");

        Assert.Equal(0, forced.Code);
        Assert.Equal(output, BackupWritten.Match(Lines(forced.Out)[0]).Groups["path"].Value);
        Assert.Equal("SQLite format 3\0", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(output, Xunit.TestContext.Current.CancellationToken))[..16]));
        Assert.Equal(1, await CountAsync($"SELECT COUNT(*) FROM AuditEntries WHERE Action = '{AuditActions.DatabaseBackedUp}'"));
    }

    [Fact]
    public async Task A_restored_backup_opens_its_case_with_its_data_and_audit_trail_and_keeps_the_replaced_database()
    {
        Guid id;
        await using (var portal = await PortalAsync())
        {
            var cases = portal.GetRequiredService<CaseFileService>();
            var created = await cases.CreateAsync(Drafts.Complaint("Quesnoy", "Anatole"), Xunit.TestContext.Current.CancellationToken);
            id = created.Id;
            await cases.AddEventAsync(id, created.ConcurrencyStamp, CaseEventTypes.Note, new DateOnly(2026, 3, 12), "Appel du fils : rappel demandé.",
                Xunit.TestContext.Current.CancellationToken);
        }
        var backup = Path.Combine(_folder, "sauvegarde.db");
        Assert.Equal(0, (await RunAsync("backup", "--out", backup)).Code);
        // After the backup: a new case the restore takes away (it stays in the database kept aside).
        await using (var portal = await PortalAsync())
            await portal.GetRequiredService<CaseFileService>().CreateAsync(Drafts.AccessRequest("Vaudrel", "Ysolde"), Xunit.TestContext.Current.CancellationToken);

        var run = await RunAsync("restore", "--from", backup);

        Assert.Equal((0, ""), (run.Code, run.Error));
        var lines = Lines(run.Out);
        Assert.Equal($"Base restaurée depuis {backup}.", lines[0]);
        var kept = Assert.Single(Directory.GetFiles(_folder, "ru.db.before-restore-*"));
        Assert.Matches(@"^ru\.db\.before-restore-\d{8}-\d{6}Z$", Path.GetFileName(kept));
        Assert.Equal($"Base remplacée gardée sous {kept}.", lines[1]);
        Assert.Equal(2, await CountOnAsync(kept, "SELECT COUNT(*) FROM CaseFiles"));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM CaseFiles"));
        var auditRows = await CountAsync("SELECT COUNT(*) FROM AuditEntries");
        Assert.Equal($"Journal d'audit de la base restaurée intact : {auditRows} ligne(s) vérifiée(s).", lines[2]);
        Assert.Equal($"Base restaurée depuis {backup} ; base remplacée gardée sous {kept}",
            await ScalarAsync($"SELECT Details FROM AuditEntries WHERE Action = '{AuditActions.DatabaseRestored}' AND UserName LIKE 'ligne de commande (%'"));

        // The office opens the case again through the portal's services.
        await using (var portal = await PortalAsync())
        {
            var file = await portal.GetRequiredService<CaseFileService>().OpenAsync(id, Xunit.TestContext.Current.CancellationToken);
            Assert.NotNull(file);
            Assert.Equal(("QUESNOY", "Anatole", "Attente de neuf heures aux urgences sans information de la famille."),
                (file.Patient.LastName.ToUpperInvariant(), file.Patient.FirstName, file.Summary));
            Assert.Equal([(CaseEventTypes.Received, new DateOnly(2026, 3, 10), (string?)null), (CaseEventTypes.Note, new DateOnly(2026, 3, 12), "Appel du fils : rappel demandé.")],
                file.Events.Select(e => (e.Type, e.OccurredOn, e.Note)));
            var trail = await portal.GetRequiredService<AuditService>().GetCaseTrailAsync(id, Xunit.TestContext.Current.CancellationToken);
            // Its creation (with its « reçu » event) and the note before the backup, then this opening.
            Assert.Equal([AuditActions.Opened, AuditActions.EventAdded, AuditActions.EventAdded, AuditActions.Created], trail.Select(a => a.Action));
        }
        Assert.Equal((0, $"Journal d'audit intact : {auditRows + 2} ligne(s) vérifiée(s)."), await VerifiedAsync());
    }

    [Fact]
    public async Task A_restore_refuses_a_file_that_is_not_a_database_of_the_portal_with_code_7_and_changes_nothing()
    {
        await using (var portal = await PortalAsync())
            await portal.GetRequiredService<CaseFileService>().CreateAsync(Drafts.Complaint("Quesnoy", "Anatole"), Xunit.TestContext.Current.CancellationToken);
        var text = Path.Combine(_folder, "notes.db");
        await File.WriteAllTextAsync(text, "Ceci n'est pas une base de données, mais une note bien plus longue qu'un en-tête SQLite.",
            Xunit.TestContext.Current.CancellationToken);
        var other = Path.Combine(_folder, "autre.db");
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = other, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(Xunit.TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE Agenda (Jour TEXT); INSERT INTO Agenda VALUES ('lundi');";
            await command.ExecuteNonQueryAsync(Xunit.TestContext.Current.CancellationToken);
        }

        foreach (var file in new[] { text, other })
        {
            var run = await RunAsync("restore", "--from", file);

            Assert.Equal(7, run.Code);
            Assert.Equal([$"Le fichier « {file} » n'est pas une base de données du portail, ou il est endommagé : rien n'a été restauré."], Lines(run.Error));
            Assert.Equal("", run.Out);
        }
        Assert.Empty(Directory.GetFiles(_folder, "ru.db.before-restore-*"));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM CaseFiles WHERE Patient_LastName LIKE 'Quesnoy'"));
        Assert.Equal(0, await CountAsync($"SELECT COUNT(*) FROM AuditEntries WHERE Action = '{AuditActions.DatabaseRestored}'"));
    }

    [Fact]
    public async Task A_restore_refuses_while_the_portal_has_the_database_open()
    {
        var backup = Path.Combine(_folder, "sauvegarde.db");
        Assert.Equal(0, (await RunAsync("backup", "--out", backup)).Code);
        await using var portal = await PortalAsync();
        await portal.GetRequiredService<CaseFileService>().CreateAsync(Drafts.Complaint("Quesnoy", "Anatole"), Xunit.TestContext.Current.CancellationToken);
        // An open connection, as the running portal's pool keeps them.
        await using var open = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await open.OpenAsync(Xunit.TestContext.Current.CancellationToken);
        Assert.Equal("1", await ScalarOnAsync(open, "SELECT COUNT(*) FROM CaseFiles"));

        var run = await RunAsync("restore", "--from", backup);

        Assert.Equal(1, run.Code);
        Assert.Equal([$"La base de données « {DatabasePath} » est ouverte par un autre programme, sans doute le portail : arrêtez-le, puis " +
            "relancez la restauration. Rien n'a été restauré."], Lines(run.Error));
        Assert.Empty(Directory.GetFiles(_folder, "ru.db.before-restore-*"));
        Assert.Equal("1", await ScalarOnAsync(open, "SELECT COUNT(*) FROM CaseFiles"));
    }

    /// <summary>The portal's core services on this test's database (migrated), with connections of their own (not pooled).</summary>
    private async Task<ServiceProvider> PortalAsync()
    {
        var services = new ServiceCollection()
            .AddSingleton<ICurrentUser>(new FixedCurrentUser("c.martin"))
            .AddCore(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString())
            .BuildServiceProvider();
        await DatabaseSetup.MigrateAsync(services.GetRequiredService<IDbContextFactory<AppDbContext>>(), Xunit.TestContext.Current.CancellationToken);
        return services;
    }

    private async Task<(int Code, string Last)> VerifiedAsync()
    {
        var run = await RunAsync("audit", "verify");
        return (run.Code, Lines(run.Out)[^1]);
    }

    private static async Task<string> ScalarOnAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(Xunit.TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private static async Task<long> CountOnAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(Xunit.TestContext.Current.CancellationToken);
        return long.Parse(await ScalarOnAsync(connection, sql), System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^Sauvegarde écrite dans (?<path>.+) \(\d+ octets\)\.$")]
    private static partial Regex BackupWrittenLine();
}
