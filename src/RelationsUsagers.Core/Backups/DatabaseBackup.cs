using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Backups;

/// <summary>
/// Backup and restore of the SQLite database. A backup goes through SQLite's online backup API: it copies the pages of one
/// read transaction, so the copy is consistent while the portal keeps writing (in WAL mode a reader never blocks the writer,
/// nor the writer the reader). A restore replaces the file of a stopped portal and keeps the replaced one beside it.
/// </summary>
public static class DatabaseBackup
{
    private const int SqliteBusy = 5, SqliteLocked = 6, SqliteCorrupt = 11, SqliteNotADb = 26;

    /// <summary>
    /// Copies the database of <paramref name="factory"/> to <paramref name="target"/>: written to a temporary file beside it,
    /// checked (<c>PRAGMA integrity_check</c>, then the audit chain as <c>audit verify</c> walks it), then moved over the
    /// target. A target that exists is refused unless <paramref name="overwrite"/>. A copy SQLite finds damaged is not kept;
    /// a copy whose audit chain is broken is kept (it is the data as it stands) and the report says so. The backup is a line
    /// of the audit trail of the database copied, written once the copy is in place.
    /// </summary>
    public static async Task<BackupReport> BackupAsync(IDbContextFactory<AppDbContext> factory, string target, bool overwrite,
        CancellationToken ct = default)
    {
        target = Path.GetFullPath(target);
        await using var db = await factory.CreateDbContextAsync(ct);
        var source = Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
        if (string.Equals(source, target, StringComparison.Ordinal))
            throw new BackupException("La sauvegarde ne peut pas remplacer la base de données elle-même : indiquez un autre fichier.",
                BackupFailure.BadArgument);
        if (!overwrite && File.Exists(target))
            throw new BackupException($"Le fichier « {target} » existe déjà : choisissez un autre nom, ou ajoutez --force pour le remplacer.",
                BackupFailure.BadArgument);
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
            throw new BackupException($"Le dossier « {folder} » n'existe pas : créez-le, ou indiquez un autre fichier.", BackupFailure.BadArgument);

        // The context's own connection: it has the portal's busy timeout (a WAL checkpoint in progress is waited for).
        await db.Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var journalMode = await ScalarAsync(connection, "PRAGMA journal_mode;", ct);
        // Beside the target, so that the final move is a rename on the same disk: a failed or killed backup never leaves a
        // partial file at the path a scheduled job (or a restore) expects.
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            string integrity;
            await using (var copy = new SqliteConnection(Standalone(temporary, SqliteOpenMode.ReadWriteCreate)))
            {
                await copy.OpenAsync(ct);
                // One step (-1): every page from one read transaction, the writer going on in the WAL meanwhile.
                connection.BackupDatabase(copy);
                // The copy stands alone in one file (no -wal beside it); the portal switches it back to WAL when it starts on it.
                await ScalarAsync(copy, "PRAGMA journal_mode=DELETE;", ct);
                integrity = await IntegrityAsync(copy, ct);
            }
            await db.Database.CloseConnectionAsync();
            if (integrity != "ok")
                throw new BackupException(
                    $"La copie n'a pas passé le contrôle d'intégrité de SQLite (« {integrity} ») : elle n'a pas été gardée. " +
                    "La base de données est peut-être endommagée : vérifiez-la avant de continuer à l'utiliser.", BackupFailure.Damaged);
            AuditChainReport chain;
            await using (var copyDb = Open(temporary, SqliteOpenMode.ReadOnly))
                chain = await AuditChain.VerifyAsync(copyDb, ct);
            File.Move(temporary, target, overwrite);
            var bytes = new FileInfo(target).Length;
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = db.UtcNow, UserName = db.CurrentUserName, Action = AuditActions.DatabaseBackedUp,
                Details = $"Copie de la base écrite dans {target} ({bytes} octets) ; intégrité : {integrity} ; journal d'audit de la copie : "
                    + (chain.IsWhole ? $"intact ({chain.RowsRead} ligne(s))" : $"altéré à la ligne {chain.FirstBroken!.Id}"),
            });
            await db.SaveChangesAsync(ct);
            return new BackupReport(target, bytes, journalMode, integrity, chain);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    /// <summary>
    /// Replaces the database file <paramref name="database"/> with a copy of <paramref name="backup"/>, after checking that the
    /// backup is a database of the portal (its migrations, known to this version) that SQLite finds whole, and that nothing
    /// has the database open (the portal must be stopped). The replaced file is kept beside it as
    /// <c>NAME.before-restore-YYYYMMDD-HHMMSSZ</c>. Writes nothing in the audit trail: see <see cref="RecordRestoreAsync"/>.
    /// </summary>
    public static async Task<RestoreReport> RestoreAsync(string backup, string database, DateTime utcNow, CancellationToken ct = default)
    {
        backup = Path.GetFullPath(backup);
        database = Path.GetFullPath(database);
        if (!File.Exists(backup))
            throw new BackupException($"Le fichier « {backup} » n'existe pas.", BackupFailure.BadArgument);
        if (string.Equals(backup, database, StringComparison.Ordinal))
            throw new BackupException("La sauvegarde indiquée est la base de données elle-même : indiquez le fichier de la sauvegarde.",
                BackupFailure.BadArgument);
        await EnsurePortalDatabaseAsync(backup, ct);

        var folder = Path.GetDirectoryName(database)!;
        Directory.CreateDirectory(folder);
        string? kept = null;
        if (File.Exists(database))
        {
            await TakeOverAsync(database, ct);
            kept = $"{database}.before-restore-{utcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}Z";
            if (File.Exists(kept))
                throw new BackupException($"Le fichier « {kept} » existe déjà : relancez la restauration dans une seconde.", BackupFailure.BadArgument);
            File.Move(database, kept);
            // Whatever SQLite left beside it goes with it, under the name SQLite looks for beside the kept file.
            foreach (var suffix in new[] { "-wal", "-shm", "-journal" })
            {
                if (File.Exists(database + suffix))
                    File.Move(database + suffix, kept + suffix);
            }
        }
        var temporary = Path.Combine(folder, $".{Path.GetFileName(database)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var source = new SqliteConnection(Standalone(backup, SqliteOpenMode.ReadOnly)))
            await using (var copy = new SqliteConnection(Standalone(temporary, SqliteOpenMode.ReadWriteCreate)))
            {
                await source.OpenAsync(ct);
                await copy.OpenAsync(ct);
                source.BackupDatabase(copy);
                await ScalarAsync(copy, "PRAGMA journal_mode=DELETE;", ct);
            }
            File.Move(temporary, database);
        }
        catch when (kept is not null && !File.Exists(database))
        {
            // The copy failed: the replaced database goes back where it was, the portal starts on it as before.
            File.Move(kept, database);
            throw;
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
        return new RestoreReport(backup, database, kept);
    }

    /// <summary>Writes the restore on the restored database's trail (migrated by the caller), then walks its audit chain.</summary>
    public static async Task<AuditChainReport> RecordRestoreAsync(IDbContextFactory<AppDbContext> factory, RestoreReport restore,
        CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = db.UtcNow, UserName = db.CurrentUserName, Action = AuditActions.DatabaseRestored,
            Details = $"Base restaurée depuis {restore.Backup}"
                + (restore.KeptAs is { } kept ? $" ; base remplacée gardée sous {kept}" : " ; aucune base à remplacer"),
        });
        await db.SaveChangesAsync(ct);
        return await AuditChain.VerifyAsync(db, ct);
    }

    /// <summary>
    /// The check a restore makes of its file: SQLite reads it, it holds the portal's migrations history, every migration in it is
    /// one this version knows, and <c>PRAGMA integrity_check</c> says ok.
    /// </summary>
    public static async Task EnsurePortalDatabaseAsync(string path, CancellationToken ct = default)
    {
        var notPortal = $"Le fichier « {path} » n'est pas une base de données du portail, ou il est endommagé : rien n'a été restauré.";
        try
        {
            await using var db = Open(path, SqliteOpenMode.ReadOnly);
            var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
            if (applied.Count == 0)
                throw new BackupException(notPortal, BackupFailure.NotAPortalDatabase);
            var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
            if (applied.FirstOrDefault(m => !known.Contains(m)) is { } unknown)
                throw new BackupException(
                    $"Le fichier « {path} » vient d'une version plus récente du portail (migration « {unknown} ») : restaurez-le avec cette " +
                    "version, ou une sauvegarde plus ancienne. Rien n'a été restauré.", BackupFailure.NotAPortalDatabase);
            await db.Database.OpenConnectionAsync(ct);
            var integrity = await IntegrityAsync((SqliteConnection)db.Database.GetDbConnection(), ct);
            if (integrity != "ok")
                throw new BackupException(
                    $"Le fichier « {path} » est endommagé (contrôle d'intégrité de SQLite : « {integrity} ») : rien n'a été restauré.",
                    BackupFailure.NotAPortalDatabase);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteNotADb or SqliteCorrupt)
        {
            throw new BackupException(notPortal, BackupFailure.NotAPortalDatabase, ex);
        }
    }

    /// <summary>
    /// Makes sure nothing has the database open, then folds its WAL into the file. In WAL mode every open connection (a running
    /// portal's pooled ones included) holds a shared lock on the file: an exclusive lock asked without waiting fails while one
    /// does. Switching to the rollback journal checkpoints the WAL and removes it, so the file kept is whole by itself.
    /// </summary>
    private static async Task TakeOverAsync(string database, CancellationToken ct)
    {
        // This process's own idle connections to the file (a command run before in the same process) are not a portal.
        SqliteConnection.ClearPool(new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database }.ToString()));
        await using var connection = new SqliteConnection(Standalone(database, SqliteOpenMode.ReadWrite));
        try
        {
            await connection.OpenAsync(ct);
            await ScalarAsync(connection, "PRAGMA busy_timeout=0;", ct);
            await ScalarAsync(connection, "PRAGMA locking_mode=EXCLUSIVE;", ct);
            await ScalarAsync(connection, "BEGIN EXCLUSIVE;", ct);
            await ScalarAsync(connection, "COMMIT;", ct);
            await ScalarAsync(connection, "PRAGMA journal_mode=DELETE;", ct);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            throw new BackupException(
                $"La base de données « {database} » est ouverte par un autre programme, sans doute le portail : arrêtez-le, puis relancez la " +
                "restauration. Rien n'a été restauré.", BackupFailure.InUse, ex);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteNotADb or SqliteCorrupt)
        {
            // The database being replaced is damaged (often why one restores): it is kept as it is, unread.
        }
    }

    private static string Standalone(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString();

    private static AppDbContext Open(string path, SqliteOpenMode mode)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        CoreServices.Configure(options, Standalone(path, mode));
        return new AppDbContext(options.Options, new FixedCurrentUser("sauvegarde"), TimeProvider.System);
    }

    private static async Task<string> IntegrityAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            lines.Add(reader.GetString(0));
        return string.Join(" ; ", lines.Take(5));
    }

    private static async Task<string> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) ?? "";
    }
}

/// <summary>What a backup wrote and what the check of the copy found.</summary>
public sealed record BackupReport(string Target, long Bytes, string SourceJournalMode, string Integrity, AuditChainReport AuditChain);

/// <summary>The backup restored, the database replaced, and where the replaced file was kept (null when there was none).</summary>
public sealed record RestoreReport(string Backup, string Database, string? KeptAs);

public enum BackupFailure
{
    /// <summary>A missing or wrong option, a file that exists: nothing done.</summary>
    BadArgument,
    /// <summary>The file to restore is not a database of the portal, or SQLite finds it damaged.</summary>
    NotAPortalDatabase,
    /// <summary>The database to replace is open by another program (the portal still running).</summary>
    InUse,
    /// <summary>The copy made fails SQLite's integrity check.</summary>
    Damaged,
}

/// <summary>Why a backup or a restore did nothing, said in French.</summary>
public sealed class BackupException(string message, BackupFailure failure, Exception? inner = null) : Exception(message, inner)
{
    public BackupFailure Failure { get; } = failure;
}
