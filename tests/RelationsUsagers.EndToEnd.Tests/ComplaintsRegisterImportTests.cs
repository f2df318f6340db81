using ClosedXML.Excel;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>
/// The import page in the browser with the complaints register chosen: the columns the register's words map to and its open
/// lines read, shown before anything is written (the preview only: the shared demo data stays as the other tests expect it).
/// </summary>
public sealed class ComplaintsRegisterImportTests(PortalFixture portal)
{
    [Fact]
    public async Task Officer_chooses_the_complaints_register_and_previews_its_columns_and_lines_accessibly()
    {
        var file = Path.Combine(Path.GetTempPath(), $"registre-plaintes-{Guid.NewGuid():N}.xlsx");
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.AddWorksheet("Plaintes 2026");
            sheet.Cell(1, 1).SetValue("Registre des plaintes et réclamations");
            string?[][] rows =
            [
                ["N°", "Date réception", "Patient concerné", "Plaignant", "Qualité du plaignant", "Motif", "Objet", "Date de l'accusé", "Réponse le", "Avis du chef"],
                ["R-1", "02/03/2026", "QUIBERON Ysaline", null, "Patiente", "Accueil", "Attente au guichet", "04/03/2026", null, null],
                ["R-2", "03/03/2026", "VAXELAIRE Ugo", "Ninon Vaxelaire", "Fille", "Repas", "Repas froids", null, "10/03/2026", null],
                ["R-3", "31/02/2026", "ZWEIG Odile", null, null, "Accueil", "Accueil téléphonique", null, null, null],
            ];
            for (var r = 0; r < rows.Length; r++)
                for (var c = 0; c < rows[r].Length; c++)
                    if (rows[r][c] is { } value)
                        sheet.Cell(r + 3, c + 1).SetValue(value);
            workbook.SaveAs(file);
        }
        try
        {
            await using var context = await portal.NewContextAsync();
            var page = await context.NewPageAsync();
            await portal.SignInAsync(page, "officer");
            await page.GotoAsync("/exports/import");
            await PortalFixture.WaitReadyAsync(page);

            await page.GetByRole(AriaRole.Radio, new() { Name = "Registre des plaintes et réclamations" }).CheckAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Importer un registre des plaintes et réclamations", Level = 1 })).ToBeVisibleAsync();
            await page.Locator("input[type=file]").SetInputFilesAsync(file);

            await Expect(page.Locator("#import-counts")).ToContainTextAsync("2 à importer, 0 doublon(s), 1 rejetée(s)");
            await Expect(page.Locator("#import-columns-summary")).ToHaveTextAsync("9 colonne(s) utilisée(s), 1 ignorée(s).");
            await Expect(page.Locator(".import-rows .error-text")).ToHaveTextAsync(
                "✗ Ligne 6, colonne B (Date de réception) : « 31/02/2026 » n'est pas une date valide.");
            await Expect(page.Locator("#import-run")).ToHaveTextAsync("Importer les 2 nouvelles lignes");
            await Axe.AssertAccessibleAsync(page, "complaints-register-import-preview");
            await PortalFixture.ShotAsync(page, "complaints-register-import-preview");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
