using RelationsUsagers.Core.AccessRequests.Import;
using static RelationsUsagers.Core.Tests.AccessRequests.Import.DashboardFiles;
using RelationsUsagers.Core.Imports;
using ImportPreview = RelationsUsagers.Core.Imports.ImportPreview<RelationsUsagers.Core.AccessRequests.Import.DashboardField, RelationsUsagers.Core.AccessRequests.Import.DashboardEntry>;

namespace RelationsUsagers.Core.Tests.AccessRequests.Import;

/// <summary>What an imported workbook may unpack to, how many lines and how long a cell: refused in French, before ClosedXML.</summary>
public abstract class ImportLimitsTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly object?[] Headers = ["Date de réception", "Nom du patient", "Qualité du demandeur"];

    private static byte[] Dashboard(int lines, string? longCell = null)
    {
        var rows = new List<object?[]> { Headers };
        for (var i = 1; i <= lines; i++)
            rows.Add(["03/03/2025", $"DUPONT Marie {i}", i == lines && longCell is not null ? longCell : "Patient"]);
        return Build("Suivi", [.. rows]);
    }

    private async Task<ImportPreview> ReadAsync(byte[] bytes, ImportLimits? limits = null)
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        return await new AccessDashboardImporter(database.Factory, database.Clock, limits).ReadAsync(new MemoryStream(bytes), "suivi.xlsx", null, Ct);
    }

    [Fact]
    public void A_zip_bomb_is_refused_without_unpacking_it_into_memory()
    {
        // 300 MB of one repeated row, a few hundred kilobytes once compressed: the file the security review sent.
        var bomb = WithBloatedSheet(Dashboard(1), megabytes: 300);
        Assert.InRange(bomb.Length, 1, 2 * 1024 * 1024);
        using var file = new MemoryStream(bomb);

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var refusal = new ImportLimits().CheckPackage(file);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Equal("Le classeur décompressé dépasse 50 Mo ou est anormalement compressé : il n'a pas été lu. "
            + "Enregistrez la feuille à importer seule dans un nouveau classeur Excel (.xlsx).", refusal);
        Assert.InRange(allocated, 0, 4 * 1024 * 1024);
        Assert.Equal(0, file.Position);
    }

    [Fact]
    public async Task The_importer_gives_the_refusal_as_the_previews_problem_and_reads_no_line()
    {
        var preview = await ReadAsync(WithBloatedSheet(Dashboard(1), megabytes: 300));

        Assert.False(preview.CanImport);
        Assert.Empty(preview.Rows);
        Assert.StartsWith("Le classeur décompressé dépasse 50 Mo", Assert.Single(preview.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workbook_over_the_uncompressed_size_setting_is_refused_even_when_it_compresses_normally()
    {
        // Distinct names compress a few times only: the ratio is normal, the total is what is refused.
        var bytes = Dashboard(20_000);
        var limits = new ImportLimits { MaxUncompressedBytes = 1024 * 1024 };

        Assert.NotNull(limits.CheckPackage(new MemoryStream(bytes)));
        Assert.Null(new ImportLimits().CheckPackage(new MemoryStream(bytes)));
        Assert.StartsWith("Le classeur décompressé dépasse 1 Mo", Assert.Single((await ReadAsync(bytes, limits)).Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workbook_with_too_many_internal_entries_is_refused()
    {
        var preview = await ReadAsync(Dashboard(2), new ImportLimits { MaxEntries = 3 });

        Assert.Matches(@"^Le classeur contient \d+ éléments internes, plus que les 3 admis : il n'a pas été lu\.$", Assert.Single(preview.Problems));
    }

    [Fact]
    public async Task A_sheet_with_more_lines_than_allowed_is_refused_and_one_at_the_limit_is_read()
    {
        var limits = new ImportLimits { MaxRows = 5 };

        var over = await ReadAsync(Dashboard(6), limits);
        var at = await ReadAsync(Dashboard(5), limits);

        Assert.Equal("La feuille « Suivi » compte 6 lignes sous les en-têtes, plus que les 5 admises : découpez le tableau en plusieurs fichiers.",
            Assert.Single(over.Problems));
        Assert.Empty(over.Rows);
        Assert.Empty(at.Problems);
        Assert.Equal(5, at.Rows.Count);
    }

    [Fact]
    public async Task A_cell_longer_than_excel_allows_is_refused_with_its_line_and_column()
    {
        var preview = await ReadAsync(WithSharedString(Dashboard(3, longCell: "CELLULE-LONGUE"), "CELLULE-LONGUE", new string('x', 32_768)));
        var atLimit = await ReadAsync(WithSharedString(Dashboard(3, longCell: "CELLULE-LONGUE"), "CELLULE-LONGUE", new string('x', 32_767)));

        Assert.Equal("Ligne 4, colonne C : la cellule dépasse 32\u202F767 caractères, la limite d'Excel : le fichier n'a pas été lu.",
            Assert.Single(preview.Problems));
        Assert.DoesNotContain(atLimit.Problems, p => p.Contains("32", StringComparison.Ordinal));
    }
}

public sealed class SqliteImportLimitsTests : ImportLimitsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlImportLimitsTests : ImportLimitsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
