using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>Letters in the browser: a demo claim acknowledged, its letter filed, downloaded and read back, its sending recorded; the manager's templates.</summary>
public sealed partial class LettersTests(PortalFixture portal)
{
    private const string Acknowledgement = "Accusé de réception de la demande d'indemnisation";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The text of a Word document, one line per paragraph.</summary>
    private static List<string> Paragraphs(Stream docx)
    {
        using var doc = WordprocessingDocument.Open(docx, false);
        return doc.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
    }

    [Fact]
    public async Task An_officer_acknowledges_a_demo_claim_the_letter_is_filed_downloads_as_a_valid_docx_and_its_sending_is_recorded()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "officer");
        // The last claim still received: the claim journeys of other tests take the first.
        await page.GotoAsync("/?type=IndemnityClaim&statut=Received");
        await PortalFixture.WaitReadyAsync(page);
        var href = await page.Locator("a.case-link").Last.GetAttributeAsync("href");
        Assert.NotNull(href);
        await page.GotoAsync(href);
        await PortalFixture.WaitReadyAsync(page);
        var reference = (await page.Locator("#case-reference").TextContentAsync())!.Trim();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Courriers" }).ClickAsync();
        var row = page.Locator("tr.letter-row[data-letter='claim-acknowledgement']");
        await Expect(row.Locator(".letter-state")).ToHaveTextAsync("Prêt");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Préparer le courrier : {Acknowledgement}" }).ClickAsync();
        await Expect(page.Locator("#letter-panel-title")).ToBeFocusedAsync();
        await Expect(page.Locator("#letter-preview")).ToContainTextAsync(ImplicitRejection());
        await Expect(page.Locator("#letter-preview")).ToContainTextAsync($"Réf. : {reference}");
        await Axe.AssertAccessibleAsync(page, "letters-1-tab");

        await page.Locator("#letter-generate").ClickAsync();
        var link = page.Locator("#letter-download");
        await Expect(link).ToBeVisibleAsync();
        var fileName = (await link.TextContentAsync())!.Trim();
        Assert.EndsWith($"{Acknowledgement} {reference}.docx", fileName);
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal(fileName, download.SuggestedFilename);
        await using (var stream = await download.CreateReadStreamAsync())
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, TestContext.Current.CancellationToken);
            copy.Position = 0;
            var text = Paragraphs(copy);
            Assert.Contains(text, p => ImplicitRejection().IsMatch(p));
            Assert.Contains(text, p => p == $"Réf. : {reference}");
            Assert.Contains("Centre hospitalier de l'Erdre", text);
        }
        await PortalFixture.ShotAsync(page, "letters-2-generated");

        // The letter is one of the case's documents, downloaded through the audited endpoint.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Documents" }).ClickAsync();
        var filed = page.GetByRole(AriaRole.Link, new() { Name = fileName });
        await Expect(filed).ToBeVisibleAsync();
        var response = await context.APIRequest.GetAsync((await filed.GetAttributeAsync("href"))!);
        Assert.Equal((int)HttpStatusCode.OK, response.Status);
        Assert.Equal(Docx, response.Headers["content-type"]);
        Assert.Equal("nosniff", response.Headers["x-content-type-options"]);

        // Sent today by registered post: recorded on the timeline, with its number.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Courriers" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Préparer le courrier : {Acknowledgement}" }).ClickAsync();
        await page.Locator(".letter-mode").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("Lettre recommandée avec accusé de réception", new() { Exact = true }).ClickAsync();
        await page.Locator("#letter-lrar").FillAsync("1A 234 567 8901 2");
        await page.Locator("#letter-record-sending").ClickAsync();
        await Expect(page.Locator("#mud-snackbar-container").GetByText($"Envoi enregistré : {Acknowledgement}")).ToBeVisibleAsync();
        await Expect(page.Locator("#case-announcement")).ToContainTextAsync($"Envoi enregistré : {Acknowledgement}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Chronologie" }).ClickAsync();
        await Expect(page.Locator(".case-timeline")).ToContainTextAsync(
            $"Courrier : {Acknowledgement} – lettre recommandée avec accusé de réception n°\u00A01A 234 567 8901 2");
        await PortalFixture.ShotAsync(page, "letters-3-sending-recorded");
    }

    [Fact]
    public async Task The_manager_s_templates_and_establishment_pages_pass_axe_and_a_template_downloads_as_an_attachment_kept_nowhere()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "manager");

        await page.GetByRole(AriaRole.Link, new() { Name = "Modèles de courrier" }).ClickAsync();
        await PortalFixture.WaitReadyAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Modèles de courrier", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Versions du modèle : {Acknowledgement}" }).ClickAsync();
        await Expect(page.Locator("#template-versions")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "letters-4-templates");

        var response = await context.APIRequest.GetAsync("/modeles-courrier/claim-acknowledgement/fichier");
        Assert.Equal((int)HttpStatusCode.OK, response.Status);
        Assert.Equal(Docx, response.Headers["content-type"]);
        Assert.Equal("nosniff", response.Headers["x-content-type-options"]);
        Assert.Contains("no-store", response.Headers["cache-control"], StringComparison.Ordinal);
        Assert.StartsWith("attachment;", response.Headers["content-disposition"], StringComparison.Ordinal);
        using var template = new MemoryStream(await response.BodyAsync());
        Assert.Contains(Paragraphs(template), p => p.Contains("«Date de la décision implicite»", StringComparison.Ordinal));

        await page.GetByRole(AriaRole.Link, new() { Name = "Établissement" }).ClickAsync();
        await PortalFixture.WaitReadyAsync(page);
        await Expect(page.Locator("#establishment-hospital")).ToHaveValueAsync("Centre hospitalier de l'Erdre");
        await Axe.AssertAccessibleAsync(page, "letters-5-establishment");
    }

    /// <summary>« sera réputée rejetée le 2 mai 2026 »: a date written out in French.</summary>
    [GeneratedRegex(@"sera réputée rejetée le (1er|\d{1,2}) (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}")]
    private static partial Regex ImplicitRejection();
}
