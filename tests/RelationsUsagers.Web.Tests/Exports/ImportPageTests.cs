using ClosedXML.Excel;
using Microsoft.AspNetCore.Components.Forms;
using RelationsUsagers.Web.Exports;

namespace RelationsUsagers.Web.Tests.Exports;

/// <summary>A dashboard whose labels the importer does not know: the officer names the header row and maps the columns.</summary>
public sealed class ImportPageTests : PortalTestContext
{
    /// <summary>A legend line of three cells first (so the proposed row is wrong), a blank line, then headers on row 3.</summary>
    private static byte[] UnusualDashboard()
    {
        object?[][] rows =
        [
            ["Légende :", "X = oui", "NC = non communiqué"],
            [],
            ["Entrée", "Personne", "Qualité"],
            ["02/03/2026", "LEROY Jeanne", "Patiente"],
            ["05/03/2026", "FAURE Marc", "Patient"],
        ];
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Courrier");
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++)
                sheet.Cell(r + 1, c + 1).SetValue((string)rows[r][c]!);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Upload(IRenderedComponent<ImportPage> page, byte[] bytes, string name) =>
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(bytes, name));

    private void Map(IRenderedComponent<ImportPage> page, string column, string field)
    {
        page.Find($"[aria-label=\"Champ pour la colonne {column}\"]").Closest(".mud-input-control")!.MouseDown();
        Popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Trim() == field).Click();
    }

    private static IEnumerable<string> Results(IRenderedComponent<ImportPage> page) =>
        page.FindAll(".import-rows tbody tr td:last-child").Select(td => td.TextContent.Trim());

    [Fact]
    public async Task The_officer_gives_the_header_row_maps_the_two_required_columns_and_can_import()
    {
        var page = RenderWithPopovers<ImportPage>();

        Upload(page, UnusualDashboard(), "courrier.xlsx");

        // Nothing recognised: the labelled header-row field offers the likely row, and no line is listed yet.
        var field = page.WaitForElement("input#import-header-row");
        Assert.Equal("Ligne d'en-têtes", page.Find("label[for=\"import-header-row\"]").TextContent.Trim());
        Assert.Equal("1", field.GetAttribute("value"));
        Assert.Contains("Aucune feuille ne contient de ligne d'en-têtes reconnue", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".import-rows"));

        page.Find("input#import-header-row").Change("3");
        page.Find("#import-reread").Click();

        page.WaitForAssertion(() => Assert.Contains("2. Colonnes reconnues (ligne d'en-têtes 3)", page.FindAll("h2").Select(h => h.TextContent.Trim())));
        Assert.Contains("Aucune colonne n'est associée à « Date de réception »", page.Markup, StringComparison.Ordinal);
        Assert.True(page.Find("#import-run").HasAttribute("disabled"));

        Map(page, "A (Entrée)", "Date de réception");
        Map(page, "B (Personne)", "Nom du patient");

        page.WaitForAssertion(() => Assert.Equal(["✓ Valide", "✓ Valide"], Results(page)));
        Assert.DoesNotContain("Aucune colonne n'est associée", page.Markup, StringComparison.Ordinal);
        var run = page.Find("#import-run");
        Assert.False(run.HasAttribute("disabled"));
        Assert.Equal("Importer les 2 nouvelles lignes", run.TextContent.Trim());

        run.Click();
        page.WaitForAssertion(() => Assert.Contains("2 lignes lues, 2 importées, 0 rejetées", page.Find("[role=status]").TextContent, StringComparison.Ordinal));
        Assert.Equal(2, await CountCasesAsync());
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_reported_in_french_without_a_header_row_field()
    {
        var page = RenderWithPopovers<ImportPage>();

        Upload(page, "pas un classeur"u8.ToArray(), "notes.xlsx");

        page.WaitForAssertion(() => Assert.Contains("Le fichier « notes.xlsx » n'est pas un classeur Excel (.xlsx) lisible.", page.Markup,
            StringComparison.Ordinal));
        Assert.Empty(page.FindAll("#import-header-row"));
    }

    [Fact]
    public void The_officer_shows_the_rejected_lines_alone_with_one_switch()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Suivi");
        string[][] rows =
        [
            ["Date de réception", "Nom du patient", "Qualité du demandeur"],
            ["02/03/2026", "LEROY Jeanne", "Patiente"],
            ["31/02/2026", "FAURE Marc", "Patient"],
            ["05/03/2026", "ROUX Éva", "Patiente"],
        ];
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++)
                sheet.Cell(r + 1, c + 1).SetValue(rows[r][c]);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        var page = RenderWithPopovers<ImportPage>();

        Upload(page, stream.ToArray(), "suivi.xlsx");

        page.WaitForAssertion(() => Assert.Equal(3, Results(page).Count()));
        page.Find("#import-rejected-only").Change(true);

        page.WaitForAssertion(() => Assert.Equal(["✗ Ligne 3, colonne A (Date de réception) : « 31/02/2026 » n'est pas une date valide."], Results(page)));
    }

    [Fact]
    public void A_doubtful_column_is_confirmed_by_the_officer_and_a_second_upload_shows_the_duplicates_before_importing()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Suivi");
        string[][] rows =
        [
            ["Date de réception", "Nom du patient", "Qualité / lien du demandeur", "Demandeur"],
            ["03/03/2026", "NOIR Alice", "Ayant droit", "Paul Noir"],
            ["04/03/2026", "BLANC Yves", "Parent", "Luc Blanc"],
        ];
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++)
                sheet.Cell(r + 1, c + 1).SetValue(rows[r][c]);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        var bytes = stream.ToArray();
        var page = RenderWithPopovers<ImportPage>();

        Upload(page, bytes, "suivi.xlsx");

        // Only the doubtful column asks: the import waits for its confirmation.
        page.WaitForAssertion(() => Assert.Contains("Doute (70 %)", page.Find("#import-confirm-C").ParentElement!.TextContent, StringComparison.Ordinal));
        Assert.Equal("4 colonne(s) utilisée(s), 0 ignorée(s), 1 à confirmer.", page.Find("#import-columns-summary").TextContent.Trim());
        Assert.True(page.Find("#import-run").HasAttribute("disabled"));
        Assert.Empty(page.FindAll("#import-rejected-download"));

        page.Find("#import-confirm-C").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#import-confirm-C")));
        Assert.False(page.Find("#import-run").HasAttribute("disabled"));
        page.Find("#import-run").Click();
        page.WaitForAssertion(() => Assert.Contains("2 lignes lues, 2 importées", page.Find("[role=status]").TextContent, StringComparison.Ordinal));

        // The same file again: the preview says it before anything is written.
        Upload(page, bytes, "suivi.xlsx");

        page.WaitForAssertion(() => Assert.StartsWith("3. Lignes : 0 à importer, 2 doublon(s), 0 rejetée(s)", page.Find("#import-counts").TextContent.Trim(),
            StringComparison.Ordinal));
        Assert.All(Results(page), r => Assert.Matches(@"^Doublon : déjà enregistrée \(DAD-2026-0000\d\) — non importée$", r));
        page.Find("#import-confirm-C").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#import-confirm-C")));
        Assert.True(page.Find("#import-run").HasAttribute("disabled"));
    }
}
