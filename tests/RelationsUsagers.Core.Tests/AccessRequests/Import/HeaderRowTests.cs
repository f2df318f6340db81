using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.AccessRequests.Import;
using static RelationsUsagers.Core.Tests.AccessRequests.Import.DashboardFiles;
using F = RelationsUsagers.Core.AccessRequests.Import.DashboardField;

namespace RelationsUsagers.Core.Tests.AccessRequests.Import;

/// <summary>A dashboard whose labels are not the usual ones: the officer names the header row, then maps the columns.</summary>
public abstract class HeaderRowTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Title on row 1, headers on row 2 that no synonym knows for the two required columns.</summary>
    private static byte[] File() => Build("Courrier",
        ["Registre du courrier 2026"],
        ["Entrée", "Personne", "Né(e) le", "Qualité", "Suite donnée"],
        ["02/03/2026", "LEROY Jeanne", "12/05/1950", "Patiente", "attente pièces"],
        ["05/03/2026", "FAURE Marc", null, null, null]);

    private static AccessDashboardImporter Importer(TestDatabase database) => new(database.Factory, database.Clock);

    [Fact]
    public async Task Unusual_labels_give_no_columns_but_a_french_problem_and_the_likely_header_row()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);

        var preview = await Importer(database).ReadAsync(new MemoryStream(File()), "courrier.xlsx", ct: Ct);

        Assert.Equal(("Courrier", null, 2, false), (preview.Sheet, preview.HeaderRow, preview.SuggestedHeaderRow, preview.CanImport));
        Assert.Empty(preview.Columns);
        Assert.Equal(
        [
            "Aucune feuille ne contient de ligne d'en-têtes reconnue (il faut au moins « Date de réception » et « Nom du patient »).",
            "La ligne 2 de la feuille « Courrier » semble porter les titres des colonnes : indiquez-la comme ligne d'en-têtes, puis associez les colonnes « Date de réception » et « Nom du patient ».",
        ], preview.Problems);
    }

    [Fact]
    public async Task A_table_on_a_later_sheet_is_the_one_proposed()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        workbook.AddWorksheet("Légende").Cell(1, 1).SetValue("X = oui");
        var table = workbook.AddWorksheet("Courrier");
        table.Cell(1, 1).SetValue("Registre du courrier 2026");
        string[] labels = ["Entrée", "Personne", "Suite donnée"];
        for (var c = 0; c < labels.Length; c++)
            table.Cell(2, c + 1).SetValue(labels[c]);
        using var saved = new MemoryStream();
        workbook.SaveAs(saved);
        saved.Position = 0;

        var preview = await Importer(database).ReadAsync(saved, "courrier.xlsx", ct: Ct);

        Assert.Equal(["Légende", "Courrier"], preview.Sheets);
        Assert.Equal(("Courrier", 2), (preview.Sheet, preview.SuggestedHeaderRow));

        // The row given without a sheet (the command line's --header-row): the sheet with labels on that row is read.
        saved.Position = 0;
        var given = await Importer(database).ReadAsync(saved, "courrier.xlsx", null, 2, Ct);
        Assert.Equal(("Courrier", 3), (given.Sheet, given.Columns.Count));
    }

    [Fact]
    public async Task With_the_header_row_given_every_label_is_a_column_and_the_missing_required_fields_are_named()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);

        var preview = await Importer(database).ReadAsync(new MemoryStream(File()), "courrier.xlsx", "Courrier", headerRow: 2, Ct);

        Assert.Equal(2, preview.HeaderRow);
        Assert.Equal(["A : Entrée", "B : Personne", "E : Suite donnée"], preview.UnrecognisedHeaders);
        Assert.Equal((F.BirthDate, F.RequesterCapacity), (preview.Mapping["C"], preview.Mapping["D"]));
        Assert.Equal(
        [
            "Aucune colonne n'est associée à « Date de réception » : indiquez laquelle la contient.",
            "Aucune colonne n'est associée à « Nom du patient » : indiquez laquelle la contient.",
        ], preview.Problems);
        // Line 4 has values only in columns not mapped yet: blank until the officer maps them.
        Assert.Equal([3], preview.Rows.Select(r => r.Row));
        Assert.Equal([(4, AccessDashboardImporter.BlankReason)], preview.Skipped.Select(s => (s.Row, s.Reason)));
        Assert.False(preview.CanImport);
    }

    [Fact]
    public async Task Mapping_the_two_required_columns_makes_the_lines_valid_and_importable()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var importer = Importer(database);
        var preview = await importer.ReadAsync(new MemoryStream(File()), "courrier.xlsx", "Courrier", headerRow: 2, Ct);

        var mapped = importer.ApplyMapping(preview, new Dictionary<string, F?> { ["A"] = F.ReceivedOn, ["B"] = F.PatientName, ["E"] = F.Remarks });

        Assert.Empty(mapped.Problems);
        Assert.True(mapped.CanImport);
        Assert.Equal((2, 0), (mapped.ValidCount, mapped.RejectedCount));
        var first = mapped.Rows[0].Entry!;
        Assert.Equal((new DateOnly(2026, 3, 2), "LEROY", "Jeanne", new DateOnly(1950, 5, 12), "attente pièces"),
            (first.ReceivedOn, first.PatientLastName, first.PatientFirstName, first.BirthDate, first.Remarks));

        var result = await importer.ImportAsync(mapped, Ct);

        Assert.Equal((2, 2, 0), (result.Read, result.Imported, result.Rejected));
        await using var db = database.CreateContext();
        Assert.Equal(["courrier.xlsx › Courrier › ligne 3", "courrier.xlsx › Courrier › ligne 4"],
            await db.AccessRequests.OrderBy(r => r.ImportSource).Select(r => r.ImportSource!).ToListAsync(Ct));
    }

    [Theory]
    [InlineData(1, "La ligne 1 de la feuille « Courrier » ne contient aucun intitulé")]
    [InlineData(40, "La ligne 40 de la feuille « Courrier » ne contient aucun intitulé")]
    [InlineData(0, "« 0 » n'est pas un numéro de ligne : indiquez un nombre à partir de 1.")]
    public async Task A_header_row_without_labels_is_refused_in_french_and_the_likely_row_still_proposed(int row, string problem)
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        // Row 1 holds a formula only: it gives no label.
        var bytes = Build("Courrier", ["=1+1"], ["Entrée", "Personne", "Suite donnée"], ["02/03/2026", "LEROY Jeanne", null]);

        var preview = await Importer(database).ReadAsync(new MemoryStream(bytes), "courrier.xlsx", null, row, Ct);

        Assert.StartsWith(problem, preview.Problems[0], StringComparison.Ordinal);
        Assert.Equal((null, 2, false), (preview.HeaderRow, preview.SuggestedHeaderRow, preview.CanImport));
    }
}

public sealed class SqliteHeaderRowTests : HeaderRowTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlHeaderRowTests : HeaderRowTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
