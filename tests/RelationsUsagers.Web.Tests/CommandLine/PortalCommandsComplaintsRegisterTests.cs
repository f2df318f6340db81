using ClosedXML.Excel;

namespace RelationsUsagers.Web.Tests.CommandLine;

/// <summary><c>import complaints-register</c>: the same command as the access dashboard's, on the office's complaints register.</summary>
public sealed partial class PortalCommandsTests
{
    [Fact]
    public async Task Import_complaints_register_prints_the_mapping_and_creates_the_complaints_once()
    {
        var file = Path.Combine(_folder, "plaintes.xlsx");
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.AddWorksheet("Registre 2026");
            sheet.Cell(1, 1).SetValue("Registre des plaintes et réclamations");
            string?[][] rows =
            [
                ["N°", "Reçue le", "Nom prénom", "Plaignant", "Qualité du plaignant", "Motif", "AR le", "Réponse le", "Délai de réponse", "Avis du chef"],
                ["P-1", "05/01/2026", "DURAND Paul", null, "Patient", "Accueil", "06/01/2026", "20/01/2026", null, null],
                ["P-2", "06/01/2026", "LEROY Anne", null, "Fille", "Repas", null, null, null, null],
                ["P-3", "07/01/2026", "FAURE Jean", null, null, "Sortie", "08/01/2026", null, null, null],
            ];
            for (var r = 0; r < rows.Length; r++)
                for (var c = 0; c < rows[r].Length; c++)
                    if (rows[r][c] is { } value)
                        sheet.Cell(r + 3, c + 1).SetValue(value);
            workbook.SaveAs(file);
        }

        var run = await RunAsync("import", "complaints-register", file);

        Assert.Equal(0, run.Code);
        Assert.Equal(
        [
            "Colonnes utilisées :",
            "A « N° » → Ancienne référence (100 %)",
            "B « Reçue le » → Date de réception (100 %)",
            "C « Nom prénom » → Nom du patient (100 %)",
            "D « Plaignant » → Plaignant (100 %)",
            "E « Qualité du plaignant » → Qualité du plaignant (100 %)",
            "F « Motif » → Motifs (100 %)",
            "G « AR le » → Date de l'accusé de réception (100 %)",
            "H « Réponse le » → Date de réponse (100 %)",
            "Colonnes ignorées :",
            "I « Délai de réponse » → ignorée",
            "J « Avis du chef » → non reconnue, non importée",
            "Ligne 5, colonne D (Plaignant) : le nom du plaignant est obligatoire lorsque sa qualité est « Fille ».",
            "3 rows read, 2 imported, 1 rejected",
        ], Lines(run.Out));
        Assert.Equal(2, await CountAsync("SELECT COUNT(*) FROM CaseFiles WHERE Reference LIKE 'PLT-2026-%'"));
        Assert.Equal("P-3", await ScalarAsync("SELECT FormerReference FROM CaseFiles WHERE Patient_LastName = 'FAURE'"));

        var again = await RunAsync("import", "complaints-register", file);

        Assert.Equal(0, again.Code);
        Assert.Contains("2 ligne(s) déjà importée(s) ou saisie(s) : ignorée(s).", Lines(again.Out));
        Assert.Equal("3 rows read, 0 imported, 1 rejected", Lines(again.Out)[^1]);
        Assert.Equal(2, await CountAsync("SELECT COUNT(*) FROM CaseFiles"));
    }
}
