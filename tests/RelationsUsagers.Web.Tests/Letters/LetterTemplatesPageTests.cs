using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Letters;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Letters;

namespace RelationsUsagers.Web.Tests.Letters;

/// <summary>The manager's « Modèles de courrier » page: every letter's template in force, uploads checked and listed, versions restorable.</summary>
public sealed class LetterTemplatesPageTests : PortalTestContext
{
    public LetterTemplatesPageTests() => SignIn("manager", Roles.Manager);

    private IRenderedComponent<LetterTemplatesPage> OpenVersions(string letterCode)
    {
        var page = Render<LetterTemplatesPage>();
        page.WaitForElement("#templates-table");
        page.Find($"tr[data-letter='{letterCode}'] button[aria-expanded]").Click();
        page.WaitForAssertion(() => Assert.Equal(letterCode, page.Find("#template-panel").GetAttribute("data-letter")));
        return page;
    }

    private static void Upload(IRenderedComponent<LetterTemplatesPage> page, byte[] content, string name) =>
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(content, name));

    private static string Current(IRenderedComponent<LetterTemplatesPage> page, string letterCode) =>
        page.Find($"tr[data-letter='{letterCode}'] .template-current").TextContent.Trim();

    /// <summary>The default template of <paramref name="letter"/> with the content control of <paramref name="fieldCode"/> deleted in Word.</summary>
    private static byte[] Without(LetterDefinition letter, string fieldCode)
    {
        using var stream = new MemoryStream();
        stream.Write(LetterDocx.BuildDefault(letter));
        using (var doc = WordprocessingDocument.Open(stream, true))
        {
            doc.MainDocumentPart!.Document.Body!.Descendants<SdtRun>().First(s => s.SdtProperties!.GetFirstChild<Tag>()!.Val == fieldCode).Remove();
            doc.MainDocumentPart.Document.Save();
        }
        return stream.ToArray();
    }

    [Fact]
    public void Every_letter_is_listed_with_its_template_in_force_and_the_help_names_Word_s_design_mode()
    {
        var page = Render<LetterTemplatesPage>();

        page.WaitForElement("#templates-table");
        Assert.Equal(LetterCatalog.All.Select(l => l.Title), page.FindAll("tr.template-row td:first-child").Select(td => td.TextContent.Trim()));
        Assert.All(page.FindAll("tr.template-row .template-current"), td => Assert.Equal("modèle par défaut", td.TextContent.Trim()));
        Assert.Equal($"/modeles-courrier/{ClaimLetters.Acknowledgement.Code}/fichier",
            page.Find($"tr[data-letter='{ClaimLetters.Acknowledgement.Code}'] a[download]").GetAttribute("href"));
        Assert.Contains("Développeur > Mode Création", page.Find("#templates-help").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_without_a_required_field_is_refused_naming_it_and_nothing_is_stored()
    {
        var letter = ClaimLetters.Acknowledgement;
        var page = OpenVersions(letter.Code);
        Assert.Contains("Date de la décision implicite (implicit-decision-on) — obligatoire", page.Find("#template-fields").TextContent, StringComparison.Ordinal);
        Assert.Contains("« suspend les délais de recours contentieux » (CSP art. L.1142-7)", page.Find("#template-mentions").TextContent, StringComparison.Ordinal);

        Upload(page, Without(letter, LetterFields.ImplicitDecisionOn.Code), "accuse-indemnisation.docx");

        var problems = page.WaitForElement("#template-problems");
        Assert.Equal("alert", problems.GetAttribute("role"));
        Assert.Equal(["Champ obligatoire absent : « Date de la décision implicite » (implicit-decision-on)."],
            problems.QuerySelectorAll("li").Select(li => li.TextContent.Trim()));
        Assert.Contains("Modèle « accuse-indemnisation.docx » refusé", problems.TextContent, StringComparison.Ordinal);
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        Assert.Empty(await db.LetterTemplates.ToListAsync(Ct));
        Assert.Equal("modèle par défaut", Current(page, letter.Code));
    }

    [Fact]
    public void An_accepted_upload_becomes_the_version_in_force_and_the_default_can_be_restored()
    {
        var letter = ClaimLetters.Acknowledgement;
        var page = OpenVersions(letter.Code);

        page.Find("#template-note").Change("Formule du service");
        Upload(page, LetterDocx.BuildDefault(letter), "accuse-indemnisation.docx");

        page.WaitForAssertion(() => Assert.Equal("version 1 du 15/03/2026 par manager", Current(page, letter.Code)));
        var version = page.Find("tr.template-version[data-version='1']");
        Assert.Contains("Version 1 (en vigueur)", version.TextContent, StringComparison.Ordinal);
        Assert.Contains("Formule du service", version.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/modeles-courrier/{letter.Code}/fichier?version=1", version.QuerySelector("a[download]")!.GetAttribute("href"));

        page.Find("button[aria-label='Restaurer le modèle par défaut']").Click();

        page.WaitForAssertion(() => Assert.Equal("version 2 du 15/03/2026 par manager", Current(page, letter.Code)));
        Assert.Contains("Retour au modèle par défaut", page.Find("tr.template-version[data-version='2']").TextContent, StringComparison.Ordinal);
    }
}
