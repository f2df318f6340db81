using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Letters;
using RelationsUsagers.Web.Cases;

namespace RelationsUsagers.Web.Tests.Letters;

/// <summary>The case page's « Courriers » tab: the letters that fit, the preview as one types, generation, the recorded sending.</summary>
public sealed class CaseLettersTabTests : PortalTestContext
{
    private const string Acknowledgement = "Accusé de réception de la demande d'indemnisation";

    /// <summary>The demo letterhead, stored as the establishment page would have saved it.</summary>
    private async Task StoreEstablishmentAsync(Action<Establishment>? change = null)
    {
        var establishment = DemoEstablishment.Create();
        change?.Invoke(establishment);
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        db.Establishments.Add(establishment);
        await db.SaveChangesAsync(Ct);
    }

    private async Task<CaseFile> LoadAsync(Guid id)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.CaseFiles.AsNoTracking().Include(c => c.Events).Include(c => c.Documents).SingleAsync(c => c.Id == id, Ct);
    }

    private IRenderedComponent<CaseFilePage> OpenLetters(CaseFile file)
    {
        var page = OpenCase(file);
        page.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "Courriers").Click();
        page.WaitForElement("#letters-table");
        return page;
    }

    private static void Prepare(IRenderedComponent<CaseFilePage> page, string title)
    {
        page.FindAll("#letters-table button").Single(b => b.GetAttribute("aria-label") == $"Préparer le courrier : {title}").Click();
        page.WaitForAssertion(() => Assert.Equal(title, page.Find("#letter-panel-title").TextContent.Trim()));
    }

    private static string Preview(IRenderedComponent<CaseFilePage> page) => page.Find("#letter-preview").TextContent;

    [Fact]
    public async Task The_tab_shows_a_ready_letter_and_a_letter_with_what_is_missing_in_the_service_s_words()
    {
        await StoreEstablishmentAsync(e => e.InsurancePolicyNumber = null);
        var claim = await CreateCaseAsync(Drafts.IndemnityClaim());

        var page = OpenLetters(claim);

        var rows = page.FindAll("tr.letter-row").ToDictionary(r => r.GetAttribute("data-letter")!);
        Assert.Equal([ClaimLetters.Acknowledgement.Code, ClaimLetters.Decision.Code, ClaimLetters.InsurerDeclaration.Code], rows.Keys);
        Assert.Equal("Prêt", rows[ClaimLetters.Acknowledgement.Code].QuerySelector(".letter-state")!.TextContent.Trim());
        Assert.Equal(["« N° de contrat d'assurance » inconnu(e) : renseignez le numéro du contrat d'assurance dans la page Établissement."],
            rows[ClaimLetters.InsurerDeclaration.Code].QuerySelectorAll(".letter-missing li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public async Task Choosing_a_letter_shows_its_preview_and_typing_an_asked_field_updates_it()
    {
        await StoreEstablishmentAsync();
        var claim = await CreateCaseAsync(Drafts.IndemnityClaim());
        var page = OpenLetters(claim);

        Prepare(page, Acknowledgement);

        // Received on 2 March 2026: deemed rejected two months later (CJA R.421-2), written out in French.
        page.WaitForAssertion(() => Assert.Contains("sera réputée rejetée le 2 mai 2026", Preview(page), StringComparison.Ordinal));
        Assert.DoesNotContain("pièces suivantes", Preview(page), StringComparison.Ordinal);
        Assert.Contains("Maître,", Preview(page), StringComparison.Ordinal);

        page.Find("#letter-field-missing-documents").Input("le certificat médical initial");
        page.Find("#letter-field-documents-due-on").Input("15/04/2026");

        page.WaitForAssertion(() => Assert.Contains(
            "avant le 15 avril 2026 les pièces suivantes : le certificat médical initial.", Preview(page), StringComparison.Ordinal));
        Assert.Empty(page.FindAll("#letter-missing"));
    }

    [Fact]
    public async Task A_letter_that_cannot_be_written_lists_what_is_missing_as_an_alert_and_generation_is_refused_at_the_panel()
    {
        await StoreEstablishmentAsync();
        var claim = await CreateCaseAsync(Drafts.IndemnityClaim());
        var page = OpenLetters(claim);

        Prepare(page, "Décision sur la demande d'indemnisation");

        var missing = page.WaitForElement("#letter-missing");
        Assert.Equal("alert", missing.GetAttribute("role"));
        Assert.Contains("« Décision » inconnu(e) : saisissez le texte de la décision (rejet motivé ou proposition).", missing.TextContent, StringComparison.Ordinal);
        page.Find("#letter-generate").Click();
        page.WaitForAssertion(() => Assert.StartsWith("Courrier impossible à établir : « Décision » inconnu(e)", page.Find("#letter-error").TextContent.Trim(),
            StringComparison.Ordinal));
        Assert.Empty((await LoadAsync(claim.Id)).Documents);
    }

    [Fact]
    public async Task Generating_files_the_letter_in_the_case_s_documents_and_offers_its_download()
    {
        await StoreEstablishmentAsync();
        var claim = await CreateCaseAsync(Drafts.IndemnityClaim());
        var page = OpenLetters(claim);
        Prepare(page, Acknowledgement);
        page.WaitForElement("#letter-preview");

        page.Find("#letter-generate").Click();

        var link = page.WaitForElement("#letter-download");
        var document = Assert.Single((await LoadAsync(claim.Id)).Documents);
        Assert.Equal($"2026-03-15 {Acknowledgement} {claim.Reference}.docx", document.FileName);
        Assert.Equal($"Courrier : {Acknowledgement} – à Maître Arnaud Rousseau", document.Description);
        Assert.Equal($"/dossiers/{claim.Id}/documents/{document.Id}", link.GetAttribute("href"));
        Assert.Equal(document.FileName, link.TextContent.Trim());
    }

    [Fact]
    public async Task Recording_the_sending_of_a_complaint_s_acknowledgement_takes_its_step_and_moves_the_status()
    {
        await StoreEstablishmentAsync();
        var complaint = await CreateCaseAsync(Drafts.Complaint());
        var page = OpenLetters(complaint);
        Assert.Equal("Reçu", page.Find("#case-status").TextContent.Trim());
        Prepare(page, ComplaintLetters.Acknowledgement.Title);

        page.Find("#letter-sent-on").Change("12/03/2026");
        page.Find("#letter-record-sending").Click();

        await page.WaitForAssertionAsync(async () => Assert.Equal(CaseStatus.Acknowledged, (await LoadAsync(complaint.Id)).Status));
        var stored = await LoadAsync(complaint.Id);
        var sent = Assert.Single(stored.Events, e => e.Type == CaseEventTypes.AcknowledgementSent);
        Assert.Equal((new DateOnly(2026, 3, 12), $"Courrier : {ComplaintLetters.Acknowledgement.Title} – lettre simple"), (sent.OccurredOn, sent.Note));
        page.WaitForAssertion(() => Assert.Equal(CaseStatus.Acknowledged.Label(), page.Find("#case-status").TextContent.Trim()));
        Assert.Empty(page.FindAll("#letter-sending-error"));
    }

    [Fact]
    public async Task A_refused_sending_is_said_in_French_at_the_panel()
    {
        await StoreEstablishmentAsync();
        var complaint = await CreateCaseAsync(Drafts.Complaint());
        var page = OpenLetters(complaint);
        Prepare(page, ComplaintLetters.Acknowledgement.Title);

        // Before the complaint was received (10 March 2026).
        page.Find("#letter-sent-on").Change("09/03/2026");
        page.Find("#letter-record-sending").Click();

        page.WaitForAssertion(() => Assert.Contains("ne peut pas précéder la réception du dossier", page.Find("#letter-sending-error").TextContent,
            StringComparison.Ordinal));
        Assert.Equal(CaseStatus.Received, (await LoadAsync(complaint.Id)).Status);
    }
}
