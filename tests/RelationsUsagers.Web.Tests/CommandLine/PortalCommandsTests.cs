using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.Data.Sqlite;
using RelationsUsagers.Web.CommandLine;

namespace RelationsUsagers.Web.Tests.CommandLine;

/// <summary>
/// The console is the process's: these tests redirect it, so they run in their own collection, alone, after the parallel
/// ones (xunit's DisableParallelization), and each redirection is also taken under a lock.
/// </summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;

/// <summary>
/// The scheduled-use commands, run in-process as Program.cs runs them (<see cref="PortalCommands.RunAsync"/>), each test on
/// its own SQLite file given as <c>--Database:Path=…</c>, with the hand-kept dashboard sample of shared/samples (copied next
/// to this file): sheet "Suivi DMD 2025" has 62 lines read, 57 valid and 5 rejected; sheet "2024" one valid line.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public sealed partial class PortalCommandsTests : IDisposable
{
    private const string SampleName = "suivi-demandes-dossiers-2025.xlsx";
    private static readonly SemaphoreSlim ConsoleGate = new(1, 1);

    /// <summary>The five lines the sample's first sheet rejects, each with its French reason: « Parent » of a patient of age (R.1111-1).</summary>
    private static readonly string[] RejectedLines =
    [
        Parent(11, "28/05/1953"), Parent(18, "10/03/2003"), Parent(20, "24/10/1984"), Parent(48, "27/08/1985"), Parent(61, "26/02/1956"),
    ];

    private static string Parent(int row, string born) =>
        $"Ligne {row}, colonne G (Qualité du demandeur) : « Parent » : le patient, né le {born}, était majeur à la réception ; "
        + "un parent n'a l'autorité parentale que sur un mineur (ayant droit d'un patient décédé, ou tuteur ?).";

    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ru-cli-" + Guid.NewGuid().ToString("N"))).FullName;

    private string DatabasePath => Path.Combine(_folder, "ru.db");

    private static string Sample => Path.Combine(AppContext.BaseDirectory, "CommandLine", SampleName);

    [Fact]
    public async Task Dry_run_reports_the_sample_line_by_line_and_writes_no_request()
    {
        var run = await RunAsync("import", "access-dashboard", Sample, "--dry-run");

        Assert.Equal(0, run.Code);
        Assert.Equal("62 rows read, 0 imported, 5 rejected", Lines(run.Out)[^1]);
        Assert.Equal(RejectedLines, Lines(run.Out).Where(l => l.StartsWith("Ligne ", StringComparison.Ordinal)));
        Assert.Equal("", run.Error);
        // Nothing written, not even a database file.
        Assert.False(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task The_columns_used_and_ignored_are_printed_and_the_rejected_lines_written_to_a_workbook()
    {
        var file = Path.Combine(_folder, "registre.xlsx");
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.AddWorksheet("Registre");
            string[] titles = ["Patient (nom et prénom)", "Date récept.", "Demandé par", "Lien avec le patient", "Délai (j)", "Avis du chef"];
            for (var c = 0; c < titles.Length; c++)
                sheet.Cell(1, c + 1).SetValue(titles[c]);
            sheet.Cell(2, 1).SetValue("DURAND Paul");
            sheet.Cell(2, 2).SetValue("05/01/2026");
            sheet.Cell(2, 4).SetValue("Lui-même");
            sheet.Cell(3, 1).SetValue("LEROY Anne");
            sheet.Cell(3, 2).SetValue("06/01/2026");
            sheet.Cell(3, 4).SetValue("Ayant droit");
            workbook.SaveAs(file);
        }
        var rejected = Path.Combine(_folder, "rejets.xlsx");

        var run = await RunAsync("import", "access-dashboard", file, "--dry-run", "--rejected-out", rejected);

        Assert.Equal(0, run.Code);
        Assert.Equal(
        [
            "Colonnes utilisées :",
            "A « Patient (nom et prénom) » → Nom du patient (100 %)",
            "B « Date récept. » → Date de réception (90 %)",
            "C « Demandé par » → Demandeur (100 %)",
            "D « Lien avec le patient » → Qualité du demandeur (100 %)",
            "Colonnes ignorées :",
            "E « Délai (j) » → ignorée",
            "F « Avis du chef » → non reconnue, non importée",
            "Ligne 3, colonne C (Demandeur) : le nom du demandeur est obligatoire lorsque la qualité est « Ayant droit ».",
            $"1 ligne(s) rejetée(s) écrite(s) dans {rejected}",
            "2 rows read, 0 imported, 1 rejected",
        ], Lines(run.Out));
        using var written = new XLWorkbook(rejected);
        Assert.Equal(("LEROY Anne", "Motif du rejet"), (written.Worksheet(1).Cell(2, 1).GetString(), written.Worksheet(1).Cell(1, 7).GetString()));
    }

    [Fact]
    public async Task Import_creates_the_valid_requests_once_and_the_export_of_their_year_lists_each_of_them()
    {
        var import = await RunAsync("import", "access-dashboard", Sample);

        Assert.Equal(0, import.Code);
        Assert.Equal("62 rows read, 57 imported, 5 rejected", Lines(import.Out)[^1]);
        Assert.Equal(RejectedLines, Lines(import.Out).Where(l => l.StartsWith("Ligne ", StringComparison.Ordinal)));
        Assert.Equal(57, await CountAsync($"SELECT COUNT(*) FROM CaseFiles WHERE ImportSource LIKE '{SampleName} › Suivi DMD 2025 › ligne %'"));
        // One "Import" line in the audit trail, naming the command-line user.
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM AuditEntries WHERE Action = 'Import' AND UserName LIKE 'ligne de commande (%'"));

        // The same file again: every valid line is already there.
        var again = await RunAsync("import", "access-dashboard", Sample);
        Assert.Equal(0, again.Code);
        Assert.Equal("62 rows read, 0 imported, 5 rejected", Lines(again.Out)[^1]);
        Assert.Equal(57, Lines(again.Out).Count(l => DuplicateLine().IsMatch(l)));
        Assert.Contains("57 ligne(s) déjà importée(s) ou saisie(s) : ignorée(s).", Lines(again.Out));
        Assert.Equal(57, await CountAsync("SELECT COUNT(*) FROM CaseFiles"));

        var output = Path.Combine(_folder, "suivi-2025.xlsx");
        var export = await RunAsync("export", "access-requests", "--from", "2025-01-01", "--to", "2025-12-31", "--out", output);

        Assert.Equal(0, export.Code);
        Assert.Contains($"57 rows written to {output}", Lines(export.Out));
        using var workbook = new XLWorkbook(output);
        Assert.Equal(["Demandes", "Synthèse"], workbook.Worksheets.Select(w => w.Name));
        var sheet = workbook.Worksheet("Demandes");
        Assert.Equal("Référence", sheet.Cell(1, 1).GetString());
        var references = sheet.Column(1).CellsUsed().Where(c => c.Address.RowNumber > 1).Select(c => c.GetString()).ToList();
        Assert.Equal(57, references.Count);
        Assert.All(references, r => Assert.Matches(AccessReference2025(), r));
        Assert.Equal(57, references.Distinct().Count());
    }

    [Fact]
    public async Task Sheet_option_reads_the_older_sheet_and_an_unknown_sheet_is_named_in_french()
    {
        var older = await RunAsync("import", "access-dashboard", Sample, "--sheet", "2024");
        Assert.Equal(0, older.Code);
        Assert.Equal("1 rows read, 1 imported, 0 rejected", Lines(older.Out)[^1]);
        Assert.Equal(1, await CountAsync($"SELECT COUNT(*) FROM CaseFiles WHERE ImportSource LIKE '{SampleName} › 2024 › ligne %'"));

        var unknown = await RunAsync("import", "access-dashboard", Sample, "--sheet", "2023", "--dry-run");
        Assert.Equal(1, unknown.Code);
        Assert.Contains("La feuille « 2023 » n'existe pas. Feuilles du classeur : Suivi DMD 2025, 2024.", Lines(unknown.Out));
        Assert.Equal("0 rows read, 0 imported, 0 rejected", Lines(unknown.Out)[^1]);
    }

    [Theory]
    [InlineData("2025-13-01", "2025-12-31", "Date invalide : « 2025-13-01 » (format AAAA-MM-JJ).")]
    [InlineData("01/01/2025", "2025-12-31", "Date invalide : « 01/01/2025 » (format AAAA-MM-JJ).")]
    [InlineData("2025-12-31", "2025-01-01", "--to doit suivre --from.")]
    public async Task Export_with_a_bad_period_prints_a_french_error_returns_2_and_writes_no_file(string from, string to, string message)
    {
        var output = Path.Combine(_folder, "refused.xlsx");

        var run = await RunAsync("export", "access-requests", "--from", from, "--to", to, "--out", output);

        Assert.Equal(2, run.Code);
        Assert.Equal([message], Lines(run.Error));
        Assert.Equal("", run.Out);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task A_failing_export_leaves_neither_a_file_at_the_target_nor_a_temporary_one()
    {
        Assert.Equal(0, (await RunAsync("import", "access-dashboard", Sample)).Code);
        // A date the export cannot read: the rows' query fails once the command is under way.
        await ExecuteAsync("UPDATE CaseFiles SET ReceivedOn = '2025-06-3x'");
        var output = Path.Combine(_folder, "suivi-2025.xlsx");

        await Assert.ThrowsAnyAsync<Exception>(() => RunAsync("export", "access-requests", "--from", "2025-01-01", "--to", "2025-12-31", "--out", output));

        Assert.False(File.Exists(output));
        Assert.Equal(["ru.db"], Directory.GetFiles(_folder).Select(Path.GetFileName).Where(n => !n!.StartsWith("ru.db-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_export_replaces_a_previous_workbook_at_the_target_only_once_complete()
    {
        Assert.Equal(0, (await RunAsync("import", "access-dashboard", Sample)).Code);
        var output = Path.Combine(_folder, "suivi-2025.xlsx");
        await File.WriteAllTextAsync(output, "ancien", Xunit.TestContext.Current.CancellationToken);

        var run = await RunAsync("export", "access-requests", "--from", "2025-01-01", "--to", "2025-12-31", "--out", output);

        Assert.Equal(0, run.Code);
        using var workbook = new XLWorkbook(output);
        Assert.Equal(58, workbook.Worksheet("Demandes").Column(1).CellsUsed().Count());
    }

    [Fact]
    public async Task Header_row_option_reads_a_table_whose_titles_sit_below_the_searched_lines()
    {
        // A long notice above the table: the titles are on line 35, beyond the 30 lines searched.
        var file = Path.Combine(_folder, "suivi-notice.xlsx");
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.AddWorksheet("Suivi");
            for (var r = 1; r <= 34; r++)
                sheet.Cell(r, 1).SetValue($"Consigne {r} : remplir une ligne par demande.");
            string[] titles = ["Date de réception", "Nom du patient", "Qualité du demandeur"];
            for (var c = 0; c < titles.Length; c++)
                sheet.Cell(35, c + 1).SetValue(titles[c]);
            sheet.Cell(36, 1).SetValue(new DateTime(2025, 3, 3));
            sheet.Cell(36, 2).SetValue("DUPONT Marie");
            sheet.Cell(36, 3).SetValue("Patient");
            workbook.SaveAs(file);
        }

        var without = await RunAsync("import", "access-dashboard", file, "--dry-run");
        Assert.Equal(1, without.Code);
        Assert.Equal("0 rows read, 0 imported, 0 rejected", Lines(without.Out)[^1]);

        var with = await RunAsync("import", "access-dashboard", file, "--header-row", "35");
        Assert.Equal(0, with.Code);
        Assert.Equal("1 rows read, 1 imported, 0 rejected", Lines(with.Out)[^1]);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM CaseFiles WHERE Patient_LastName = 'DUPONT' AND ReceivedOn = '2025-03-03'"));

        var bad = await RunAsync("import", "access-dashboard", file, "--header-row", "trois");
        Assert.Equal((2, "Numéro de ligne d'en-têtes invalide : « trois »."), (bad.Code, bad.Error.Trim()));
    }

    [Fact]
    public async Task A_workbook_unpacking_beyond_the_setting_is_refused_in_french_with_exit_code_1()
    {
        var file = Path.Combine(_folder, "gros.xlsx");
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.AddWorksheet("Suivi");
            sheet.Cell(1, 1).SetValue("Date de réception");
            sheet.Cell(1, 2).SetValue("Nom du patient");
            for (var r = 2; r <= 20_000; r++)
            {
                sheet.Cell(r, 1).SetValue(new DateTime(2025, 3, 3));
                sheet.Cell(r, 2).SetValue($"DUPONT Marie {r}");
            }
            workbook.SaveAs(file);
        }

        var refused = await RunAsync("import", "access-dashboard", file, "--Import:MaxUncompressedMegabytes=1");

        Assert.Equal(1, refused.Code);
        Assert.StartsWith("Le classeur décompressé dépasse 1 Mo ou est anormalement compressé : il n'a pas été lu.", Lines(refused.Out)[0],
            StringComparison.Ordinal);
        Assert.Equal("0 rows read, 0 imported, 0 rejected", Lines(refused.Out)[^1]);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM CaseFiles"));
    }

    [Fact]
    public async Task Audit_verify_passes_a_trail_written_by_the_bulk_import_and_names_a_row_changed_by_hand()
    {
        Assert.Equal(0, (await RunAsync("import", "access-dashboard", Sample)).Code);

        var whole = await RunAsync("audit", "verify");

        // 57 "Création" lines written by prepared inserts, then the "Import" line written by a save.
        Assert.Equal((0, "Journal d'audit intact : 58 ligne(s) vérifiée(s)."), (whole.Code, Lines(whole.Out)[^1]));

        await ExecuteAsync("DROP TRIGGER AuditEntries_NoUpdate; UPDATE AuditEntries SET Details = 'rien' WHERE Id = 20;");
        var broken = await RunAsync("audit", "verify");

        Assert.Equal(3, broken.Code);
        Assert.StartsWith("Journal d'audit altéré : la ligne 20 (", Lines(broken.Out)[^1], StringComparison.Ordinal);
        Assert.Contains("« Création ») ne suit pas la précédente.", Lines(broken.Out)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Letters_list_names_what_is_missing_and_render_writes_a_word_letter_audited()
    {
        Assert.Equal(0, (await RunAsync("import", "access-dashboard", Sample)).Code);
        // The sample's imported lines are all answered: one is put back as just received, as a new request would be.
        var reference = await ScalarAsync("SELECT Reference FROM CaseFiles ORDER BY Reference LIMIT 1");
        await ExecuteAsync($"UPDATE CaseFiles SET Status = 1, ClosedOn = NULL WHERE Reference = '{reference}'");

        var before = await RunAsync("letters", "list", "--case", reference);
        Assert.Equal(0, before.Code);
        Assert.Contains(Lines(before.Out), l => l.StartsWith("access-acknowledgement\t", StringComparison.Ordinal) && l.Contains("complétez la page Établissement"));

        await ExecuteAsync("""
            INSERT INTO Establishments (Id, HospitalName, ServiceName, Address, City, Email, Phone, SignatoryName, SignatoryTitle,
                AdministrativeCourt, UpdatedAtUtc, UpdatedBy)
            VALUES (1, 'Centre hospitalier de l''Erdre', 'Service des relations avec les usagers', '12 boulevard de l''Erdre, 44093 Nantes',
                'Nantes', 'ru@ch.example.fr', '02 40 00 12 34', 'Catherine Morel', 'Directrice', 'tribunal administratif de Nantes',
                '2026-12-01 00:00:00', 'admin');
            """);
        var after = await RunAsync("letters", "list", "--case", reference);
        Assert.Contains(Lines(after.Out), l => l.StartsWith("access-acknowledgement\tprêt\t", StringComparison.Ordinal));

        var output = Path.Combine(_folder, "accuse.docx");
        var render = await RunAsync("letters", "render", "--case", reference, "--letter", "access-acknowledgement", "--out", output,
            "--field", "documents-due-on=15 janvier 2027");
        Assert.Equal((0, ""), (render.Code, render.Error));
        var text = string.Join("\n", Core.Letters.LetterDocx.Paragraphs(await File.ReadAllBytesAsync(output, Xunit.TestContext.Current.CancellationToken)));
        Assert.Contains("Centre hospitalier de l'Erdre", text);
        Assert.Contains($"Réf. : {reference}", text);
        Assert.Equal(1, await CountAsync($"SELECT COUNT(*) FROM AuditEntries WHERE Action = 'Courrier généré' AND CaseReference = '{reference}'"));

        var unknown = await RunAsync("letters", "render", "--case", "DAD-1999-00001", "--letter", "access-acknowledgement", "--out", output);
        Assert.Equal(2, unknown.Code);
        Assert.Contains("Aucun dossier de référence « DAD-1999-00001 »", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_of_a_missing_file_prints_the_error_and_returns_2()
    {
        var run = await RunAsync("import", "access-dashboard", Path.Combine(_folder, "absent.xlsx"));

        Assert.Equal(2, run.Code);
        Assert.Contains("absent.xlsx", run.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs a command as <c>dotnet RelationsUsagers.Web.dll …</c> would, on this test's database, with the console captured.
    /// In-process rather than a child process: the same code as Program.cs runs (the first line of Program.cs hands the
    /// arguments to <see cref="PortalCommands.RunAsync"/>), in a fraction of the time, and a failure shows its stack.
    /// </summary>
    private async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        Assert.True(PortalCommands.IsCommand(args));
        await ConsoleGate.WaitAsync(Xunit.TestContext.Current.CancellationToken);
        var (previousOut, previousError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        try
        {
            Console.SetOut(output);
            Console.SetError(error);
            var code = await PortalCommands.RunAsync([.. args, $"--Database:Path={DatabasePath}"]);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
            ConsoleGate.Release();
        }
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync(Xunit.TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Xunit.TestContext.Current.CancellationToken);
    }

    private async Task<string> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync(Xunit.TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync(Xunit.TestContext.Current.CancellationToken))!;
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync(Xunit.TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(Xunit.TestContext.Current.CancellationToken))!;
    }

    public void Dispose()
    {
        // The commands' pooled connections hold the file open.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex(@"^DAD-2025-\d{5}$")]
    private static partial Regex AccessReference2025();

    [GeneratedRegex(@"^Ligne \d+ : doublon, déjà enregistrée \(DAD-2025-\d{5}\)\.$")]
    private static partial Regex DuplicateLine();
}
