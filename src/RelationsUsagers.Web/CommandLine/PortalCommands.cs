using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core;
using RelationsUsagers.Core.Backups;
using RelationsUsagers.Core.AccessRequests.Import;
using RelationsUsagers.Core.Complaints.Import;
using RelationsUsagers.Core.Imports;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Exports;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Web.CommandLine;

/// <summary>
/// The portal's commands for scheduled use, run instead of the web server:
///   export access-requests|complaints|claims|requisitions --from 2025-01-01 --to 2025-12-31 --out suivi.xlsx
///   import access-dashboard|complaints-register FILE [--sheet NAME] [--header-row N] [--accept-doubtful] [--rejected-out FILE.xlsx] [--dry-run]
///   audit verify
///   letters list --case REF
///   letters render --case REF --letter CODE --out FILE.docx [--to RECIPIENT] [--field code=valeur]...
///   backup --out FILE [--force]
///   restore --from FILE
/// All go through the same services as the pages, with the audit trail naming the command-line user.
/// </summary>
public static class PortalCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "export" or "import" or "audit" or "letters" or "backup" or "restore";

    /// <summary>Exit code of <c>audit verify</c> when a link of the audit chain is broken.</summary>
    public const int BrokenAuditChain = 3;

    /// <summary>Exit code of <c>restore</c> when the database is open by another program (the portal still running).</summary>
    public const int DatabaseInUse = 1;

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')).ToArray());
        // Standard output is the command's report: no start-up or migration chatter there. A minimum level alone loses to
        // appsettings.json's "Logging:LogLevel:Default" (present beside the published dll); this rule is added after it.
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        // Logs go to standard error. EF Core's own log of a failed statement or save is left out: the command reports what
        // stops it, and an audit row's number taken by the running portal meanwhile is tried again (AuditChain), not a failure.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Update", LogLevel.None);
        builder.Services.AddSingleton<ICurrentUser>(new FixedCurrentUser($"ligne de commande ({Environment.UserName})"));
        IHost host;
        DatabaseSettings database;
        try
        {
            database = StartupOptions.Database(builder.Configuration, builder.Environment.ContentRootPath);
            builder.Services.AddCore(database.ConnectionString, StartupOptions.Settings(builder.Configuration), database.Provider);
            host = builder.Build();
        }
        catch (SettingException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return StartupException.BadSetting;
        }
        using var _ = host;
        using var scope = host.Services.CreateScope();
        var connectionString = database.ConnectionString;
        if (args[0] is "backup" or "restore" && database.Provider != DatabaseProvider.Sqlite)
        {
            // A server's database is saved and restored by the server's own tools, which the operators already know.
            Console.Error.WriteLine($"« {args[0]} » copie la base SQLite. Sur PostgreSQL, utilisez pg_dump -Fc et pg_restore (voir le README, « Exploitation »).");
            return 2;
        }
        try
        {
            // A dry run reads the file only: it must not create or migrate a database. The database a restore replaces may be
            // damaged or absent: the restore checks it its own way, and migrates what it restored.
            if (!args.Contains("--dry-run") && args[0] != "restore")
                await AppStartup.MigrateAsync(scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>(),
                    scope.ServiceProvider.GetRequiredService<TimeProvider>());
        }
        catch (StartupException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return ex.ExitCode;
        }
        try
        {
            return (args[0], args.ElementAtOrDefault(1)) switch
            {
                ("export", "access-requests" or "complaints" or "claims" or "requisitions") => await ExportAsync(scope.ServiceProvider, args),
                ("import", "access-dashboard") => await ImportAsync(scope.ServiceProvider.GetRequiredService<AccessDashboardImporter>(), args),
                ("import", "complaints-register") => await ImportAsync(scope.ServiceProvider.GetRequiredService<ComplaintsRegisterImporter>(), args),
                ("audit", "verify") => await VerifyAuditAsync(scope.ServiceProvider),
                ("letters", "list") => await ListLettersAsync(scope.ServiceProvider, args),
                ("letters", "render") => await RenderLetterAsync(scope.ServiceProvider, args),
                ("backup", _) => await BackupAsync(scope.ServiceProvider, args),
                ("restore", _) => await RestoreAsync(scope.ServiceProvider, args, connectionString),
                _ => Usage(),
            };
        }
        catch (BackupException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return ExitCode(ex);
        }
        catch (StartupException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return ex.ExitCode;
        }
        catch (SqliteException ex) when (StartupException.FromDatabase(ex, new SqliteConnectionStringBuilder(connectionString).DataSource) is { } failure)
        {
            // A backup or restore stopped by the disk (full, read-only): said as the start-up says it.
            Console.Error.WriteLine(failure.Message);
            return failure.ExitCode;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or Core.Cases.CaseRuleException)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
        finally
        {
            // A command leaves no connection open behind it: a restore run next (in the same process, as the tests do) would
            // take the pooled ones for a running portal.
            if (database.Provider == DatabaseProvider.Sqlite)
                SqliteConnection.ClearPool(new SqliteConnection(connectionString));
        }
    }

    private static int ExitCode(BackupException ex) => ex.Failure switch
    {
        BackupFailure.NotAPortalDatabase or BackupFailure.Damaged => StartupException.NotADatabase,
        BackupFailure.InUse => DatabaseInUse,
        _ => 2,
    };

    /// <summary>
    /// <c>backup --out FILE [--force]</c>: an online copy (SQLite's backup API) while the portal may run, checked, audited. Exit
    /// code 0, 2 (bad argument, file exists without --force), 7 (copy damaged, not kept), 3 (copy kept, its audit chain broken).
    /// </summary>
    private static async Task<int> BackupAsync(IServiceProvider services, string[] args)
    {
        var output = Option(args, "--out") ?? throw new ArgumentException("--out FICHIER est obligatoire.");
        var report = await DatabaseBackup.BackupAsync(services.GetRequiredService<IDbContextFactory<AppDbContext>>(), output,
            overwrite: args.Contains("--force"));
        Console.WriteLine($"Sauvegarde écrite dans {report.Target} ({report.Bytes} octets).");
        Console.WriteLine(string.Equals(report.SourceJournalMode, "wal", StringComparison.OrdinalIgnoreCase)
            ? "Base en mode WAL : le portail a pu continuer d'écrire pendant la copie."
            : $"Base en mode « {report.SourceJournalMode} » (pas WAL) : les écritures du portail ont attendu la fin de la copie.");
        Console.WriteLine($"Contrôle d'intégrité de la copie : {report.Integrity}.");
        return ReportChain(report.AuditChain, "de la copie");
    }

    /// <summary>
    /// <c>restore --from FILE</c>, the portal stopped: the file checked as a portal database, the current one kept beside it as
    /// NAME.before-restore-…, the copy put in its place, migrated as at start-up, the restore written on its trail. Exit code
    /// 0, 2 (bad argument), 7 (not a portal database, or damaged), 1 (the database is open: portal running), 3 (restored, audit
    /// chain broken).
    /// </summary>
    private static async Task<int> RestoreAsync(IServiceProvider services, string[] args, string connectionString)
    {
        var from = Option(args, "--from") ?? throw new ArgumentException("--from FICHIER est obligatoire.");
        var database = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var clock = services.GetRequiredService<TimeProvider>();
        var restore = await DatabaseBackup.RestoreAsync(from, database, clock.GetUtcNow().UtcDateTime);
        Console.WriteLine($"Base restaurée depuis {restore.Backup}.");
        Console.WriteLine(restore.KeptAs is { } kept ? $"Base remplacée gardée sous {kept}." : "Il n'y avait pas de base à remplacer.");
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        // As the portal's start-up would: a backup of an earlier version gets this version's migrations.
        await AppStartup.MigrateAsync(factory, clock);
        return ReportChain(await DatabaseBackup.RecordRestoreAsync(factory, restore), "de la base restaurée");
    }

    /// <summary>
    /// The audit chain's walk as <c>audit verify</c> says it (<paramref name="which"/> names the database when it is a copy):
    /// 0 when whole, 3 and the first row that does not follow the one before it otherwise.
    /// </summary>
    private static int ReportChain(AuditChainReport chain, string? which = null)
    {
        var journal = which is null ? "Journal d'audit" : $"Journal d'audit {which}";
        if (chain.FirstBroken is not { } broken)
        {
            Console.WriteLine($"{journal} intact : {chain.RowsRead} ligne(s) vérifiée(s).");
            return 0;
        }
        Console.WriteLine($"{journal} altéré : la ligne {broken.Id} ({broken.AtUtc:yyyy-MM-dd HH:mm:ss} UTC, {broken.UserName}, « {broken.Action} ») "
            + "ne suit pas la précédente. Les lignes qui la suivent ne peuvent plus être garanties.");
        return BrokenAuditChain;
    }

    private static async Task<int> ExportAsync(IServiceProvider services, string[] args)
    {
        var from = Date(Option(args, "--from") ?? throw new ArgumentException("--from AAAA-MM-JJ est obligatoire."));
        var to = Date(Option(args, "--to") ?? throw new ArgumentException("--to AAAA-MM-JJ est obligatoire."));
        if (to < from)
            throw new ArgumentException("--to doit suivre --from.");
        var output = Option(args, "--out") ?? throw new ArgumentException("--out FICHIER.xlsx est obligatoire.");
        var exports = services.GetRequiredService<ExportService>();
        var target = Path.GetFullPath(output);
        // Written next to the target, then renamed over it once complete: a killed or failing export never leaves a
        // truncated workbook at the path a scheduled job (or its reader) expects. Same folder, so the rename is atomic.
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        int rows;
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                rows = args[1] switch
                {
                    "access-requests" => await exports.WriteAccessRequestsAsync(file, from, to),
                    "complaints" => await exports.WriteComplaintsAsync(file, from, to),
                    "claims" => await exports.WriteClaimsAsync(file, from, to),
                    _ => await exports.WriteRequisitionsAsync(file, from, to),
                };
                await file.FlushAsync();
            }
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
        Console.WriteLine($"{rows} rows written to {target}");
        return 0;
    }

    /// <summary>Imports a hand-kept register (the access dashboard, the complaints register) the way the import page does.</summary>
    private static async Task<int> ImportAsync<TField, TEntry>(RegisterImporter<TField, TEntry> importer, string[] args)
        where TField : struct, Enum where TEntry : class, IImportEntry
    {
        var path = args.ElementAtOrDefault(2) ?? throw new ArgumentException("Indiquez le fichier à importer.");
        var dryRun = args.Contains("--dry-run");
        ImportPreview<TField, TEntry> preview;
        // A dry run reads the file alone (no database); otherwise the preview is checked against the portal, as on the page.
        await using (var file = File.OpenRead(path))
            preview = dryRun
                ? await importer.ReadAsync(file, Path.GetFileName(path), Option(args, "--sheet"), HeaderRow(args))
                : await importer.PreviewAsync(file, Path.GetFileName(path), Option(args, "--sheet"), HeaderRow(args));
        // --accept-doubtful: the operator confirms the columns matched with a doubt (listed below, « à confirmer »).
        if (args.Contains("--accept-doubtful") && preview.DoubtfulColumns.Count > 0)
        {
            var confirmed = preview.DoubtfulColumns.ToDictionary(c => c.Letter, c => c.Field);
            preview = dryRun ? importer.ApplyMapping(preview, confirmed) : await importer.ApplyMappingAsync(preview, confirmed);
        }
        if (preview.HeaderRow is not null)
        {
            Console.WriteLine("Colonnes utilisées :");
            foreach (var used in preview.UsedColumns)
                Console.WriteLine($"  {used}");
            Console.WriteLine("Colonnes ignorées :");
            foreach (var ignored in preview.IgnoredColumns)
                Console.WriteLine($"  {ignored}");
        }
        foreach (var problem in preview.Problems)
            Console.WriteLine(problem);
        foreach (var warning in preview.Warnings)
            Console.WriteLine(warning);
        foreach (var error in preview.Errors)
            Console.WriteLine(error.Message);
        foreach (var row in preview.Rows.Where(r => r.IsValid && r.DuplicateOf is not null))
            Console.WriteLine($"Ligne {row.Row} : doublon, {row.DuplicateOf}.");
        var read = preview.Rows.Count;
        // The rejected lines, with their reason, to fix in Excel and import again.
        if (Option(args, "--rejected-out") is { } rejectedOut && preview.RejectedCount > 0)
        {
            await File.WriteAllBytesAsync(rejectedOut, RejectedLinesWorkbook.Write(preview));
            Console.WriteLine($"{preview.RejectedCount} ligne(s) rejetée(s) écrite(s) dans {Path.GetFullPath(rejectedOut)}");
        }
        if (dryRun || !preview.CanImport)
        {
            if (preview.DoubtfulColumns.Count > 0)
                Console.WriteLine("Des colonnes sont à confirmer : vérifiez-les, puis relancez avec --accept-doubtful.");
            Console.WriteLine($"{read} rows read, 0 imported, {preview.RejectedCount} rejected");
            return preview.CanImport ? 0 : 1;
        }
        var result = await importer.ImportAsync(preview);
        if (result.SkippedDuplicates > 0)
            Console.WriteLine($"{result.SkippedDuplicates} ligne(s) déjà importée(s) ou saisie(s) : ignorée(s).");
        Console.WriteLine($"{result.Read} rows read, {result.Imported} imported, {result.Rejected} rejected");
        return 0;
    }

    /// <summary>
    /// Walks the audit chain from its first row: 0 and the number of rows when it is whole, 3 and the first broken row
    /// (its number, date, author, action) otherwise. Reading the trail is not itself audited: it reads no case.
    /// </summary>
    private static async Task<int> VerifyAuditAsync(IServiceProvider services) =>
        ReportChain(await services.GetRequiredService<AuditService>().VerifyChainAsync());

    /// <summary>The letters that fit the case, one per line: code, « prêt » or what is missing, title.</summary>
    private static async Task<int> ListLettersAsync(IServiceProvider services, string[] args)
    {
        var caseId = await CaseIdAsync(services, args);
        foreach (var proposal in await services.GetRequiredService<Core.Letters.LetterService>().ProposeAsync(caseId))
            Console.WriteLine($"{proposal.Letter.Code}\t{(proposal.Ready ? "prêt" : string.Join(" ", proposal.Missing))}\t{proposal.Letter.Title}");
        return 0;
    }

    /// <summary>Writes one letter of the case to a .docx file (temporary file renamed, as the exports), audited by the service.</summary>
    private static async Task<int> RenderLetterAsync(IServiceProvider services, string[] args)
    {
        var caseId = await CaseIdAsync(services, args);
        var code = Option(args, "--letter") ?? throw new ArgumentException("--letter CODE est obligatoire (voir letters list).");
        var output = Option(args, "--out") ?? throw new ArgumentException("--out FICHIER.docx est obligatoire.");
        var fields = new Dictionary<string, string?>();
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] != "--field")
                continue;
            var pair = args[i + 1].Split('=', 2);
            if (pair.Length != 2)
                throw new ArgumentException($"--field attend code=valeur : « {args[i + 1]} ».");
            fields[pair[0]] = pair[1];
        }
        var content = await services.GetRequiredService<Core.Letters.LetterService>().RenderAsync(caseId, code, Option(args, "--to"), fields);
        var target = Path.GetFullPath(output);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllBytesAsync(temporary, content);
        File.Move(temporary, target, overwrite: true);
        Console.WriteLine($"{code} written to {target}");
        return 0;
    }

    private static async Task<Guid> CaseIdAsync(IServiceProvider services, string[] args)
    {
        var reference = Option(args, "--case") ?? throw new ArgumentException("--case RÉFÉRENCE est obligatoire.");
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.CaseFiles.Where(c => c.Reference == reference.Trim()).Select(c => (Guid?)c.Id).FirstOrDefaultAsync()
            ?? throw new ArgumentException($"Aucun dossier de référence « {reference} ».");
    }

    /// <summary>--header-row N: the line holding the column titles, when they are not recognised by themselves.</summary>
    private static int? HeaderRow(string[] args) => Option(args, "--header-row") is not { } text ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row > 0 ? row
        : throw new ArgumentException($"Numéro de ligne d'en-têtes invalide : « {text} ».");

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static DateOnly Date(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new ArgumentException($"Date invalide : « {text} » (format AAAA-MM-JJ).");

    private static int Usage()
    {
        Console.Error.WriteLine("""
            Usage :
              export access-requests|complaints|claims|requisitions --from AAAA-MM-JJ --to AAAA-MM-JJ --out FICHIER.xlsx
              import access-dashboard|complaints-register FICHIER.xlsx [--sheet NOM] [--header-row N] [--accept-doubtful] [--rejected-out REJETS.xlsx] [--dry-run]
              audit verify
              letters list --case RÉFÉRENCE
              letters render --case RÉFÉRENCE --letter CODE --out FICHIER.docx [--to DESTINATAIRE] [--field code=valeur]...
              backup --out FICHIER [--force]
              restore --from FICHIER   (portail arrêté)
            """);
        return 2;
    }
}
