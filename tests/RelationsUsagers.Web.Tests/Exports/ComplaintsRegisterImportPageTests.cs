using ClosedXML.Excel;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Exports;

namespace RelationsUsagers.Web.Tests.Exports;

/// <summary>The import page with the complaints register chosen, and the office's service aliases listed and removed.</summary>
public sealed class ComplaintsRegisterImportPageTests : PortalTestContext
{
    private static byte[] Workbook(params string?[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Plaintes");
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++)
                if (rows[r][c] is { } value)
                    sheet.Cell(r + 1, c + 1).SetValue(value);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Upload(IRenderedComponent<ImportPage> page, byte[] bytes, string name) =>
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(bytes, name));

    private static void ChooseComplaintsRegister(IRenderedComponent<ImportPage> page) =>
        page.FindAll("#import-register input[type=radio]")[1].Click();

    [Fact]
    public async Task The_officer_chooses_the_complaints_register_and_sees_its_columns_its_open_lines_and_imports_them_as_complaints()
    {
        var page = RenderWithPopovers<ImportPage>();
        Assert.Equal("Importer un tableau de suivi des demandes d'accès", page.Find("h1").TextContent.Trim());

        ChooseComplaintsRegister(page);
        page.WaitForAssertion(() => Assert.Equal("Importer un registre des plaintes et réclamations", page.Find("h1").TextContent.Trim()));
        Upload(page, Workbook(
            ["N°", "Date réception", "Patient concerné", "Motif", "Date de l'accusé", "Réponse le"],
            ["R-1", "02/03/2026", "LEROY Jeanne", "Accueil", "04/03/2026", null],
            ["R-2", "03/03/2026", "FAURE Marc", "Repas", null, "10/03/2026"],
            ["R-3", "31/02/2026", "ROUX Éva", "Accueil", null, null]), "registre.xlsx");

        page.WaitForAssertion(() => Assert.StartsWith("3. Lignes : 2 à importer, 0 doublon(s), 1 rejetée(s)", page.Find("#import-counts").TextContent.Trim(),
            StringComparison.Ordinal));
        Assert.Equal("6 colonne(s) utilisée(s), 0 ignorée(s).", page.Find("#import-columns-summary").TextContent.Trim());
        Assert.Contains("Réponse le", page.FindAll(".import-rows th").Select(th => th.TextContent.Trim()));
        // The mapping offers the register's own fields, not the access dashboard's.
        page.Find("[aria-label=\"Champ pour la colonne D (Motif)\"]").Closest(".mud-input-control")!.MouseDown();
        var fields = Popovers.WaitForElements(".mud-list-item").Select(i => i.TextContent.Trim()).ToList();
        Assert.Contains("Date de l'accusé de réception", fields);
        Assert.DoesNotContain("Qualité du demandeur", fields);

        page.Find("#import-run").Click();

        page.WaitForAssertion(() => Assert.Contains("3 lignes lues, 2 importées, 1 rejetées", page.Find("[role=status]").TextContent, StringComparison.Ordinal));
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal([("R-1", CaseStatus.Acknowledged), ("R-2", CaseStatus.Closed)],
            (await db.Complaints.OrderBy(c => c.FormerReference).Select(c => new { c.FormerReference, c.Status }).ToListAsync(Ct))
                .Select(c => (c.FormerReference!, c.Status)));
    }

    [Fact]
    public async Task The_officer_removes_a_wrong_alias_once_confirmed_and_the_file_proposes_the_service_again()
    {
        var aliases = Services.GetRequiredService<ServiceAliasService>();
        await aliases.SaveAsync("Imagerie", "Neurologie", Ct);
        var page = RenderWithPopovers<ImportPage>();
        ChooseComplaintsRegister(page);
        Upload(page, Workbook(["Date de réception", "Nom du patient", "Motif", "Service"], ["02/03/2026", "LEROY Jeanne", "Accueil", "Imagerie"]), "registre.xlsx");
        page.WaitForAssertion(() => Assert.Contains("1 à importer", page.Find("#import-counts").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll(".import-warning"));

        // Asked first: kept, nothing changes; confirmed, it goes.
        page.Find("[aria-label=\"Supprimer l'alias « Imagerie »\"]").Click();
        Assert.Contains("Les lignes qui l'emploient n'auront plus de service reconnu", page.Find(".alias-remove-confirm").TextContent, StringComparison.Ordinal);
        page.FindAll(".alias-remove-confirm button").Single(b => b.TextContent.Trim() == "Garder").Click();
        Assert.Empty(page.FindAll(".alias-remove-confirm"));
        Assert.Single(await aliases.ListAsync(Ct));
        page.Find("[aria-label=\"Supprimer l'alias « Imagerie »\"]").Click();
        Assert.Equal("true", page.Find("[aria-label=\"Supprimer l'alias « Imagerie »\"]").GetAttribute("aria-expanded"));
        page.Find("#alias-remove-confirm").Click();

        page.WaitForAssertion(() => Assert.Contains("Aucun alias", page.Find("#import-aliases").TextContent, StringComparison.Ordinal));
        Assert.Contains("« Imagerie » (« Imagerie médicale » ?)", page.Find(".import-warning").TextContent, StringComparison.Ordinal);
        Assert.Empty(await aliases.ListAsync(Ct));
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var audit = await db.AuditEntries.Where(a => a.Action == AuditActions.ServiceAliasChanged).OrderBy(a => a.Id).Select(a => new { a.UserName, a.Details }).ToListAsync(Ct);
        Assert.Equal(("officer", "« Imagerie » retiré (était « Neurologie »)"), (audit[^1].UserName, audit[^1].Details));
    }
}
