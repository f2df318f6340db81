using System.Text;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Documents;
using RelationsUsagers.Web.Cases;

namespace RelationsUsagers.Web.Tests.Cases;

/// <summary>
/// Issue 18, item 2: an open case page learns of another user's save of the same case (CaseChanges) and says so with a
/// banner; it never reloads by itself over what was typed, and its reload keeps the unsaved edits.
/// </summary>
public sealed class CaseChangedBannerTests : PortalTestContext
{
    private const string Banner = "#case-changed-elsewhere";

    private async Task<CaseFile> LoadAsync(Guid id)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.CaseFiles.AsNoTracking().SingleAsync(c => c.Id == id, Ct);
    }

    private static string SummaryOnScreen(IRenderedComponent<CaseFilePage> page) => page.Find("#summary").GetAttribute("value") ?? "";

    /// <summary>The manager's case service in another circuit: it publishes through the app's CaseChanges, as every circuit's does.</summary>
    private CaseFileService Colleague() =>
        new(FactoryAs("manager"), new CaseValidators(Clock), Clock, Services.GetRequiredService<CaseChanges>());

    [Fact]
    public async Task A_colleague_s_save_shows_the_banner_the_typed_summary_stays_and_the_reload_shows_theirs_with_mine_kept()
    {
        var file = await CreateCaseAsync(Drafts.AccessRequest("Lefèvre", "Hélène"));
        var page = OpenCase(file);
        page.Find("#summary").Change("Copie complète, imagerie comprise.");
        Assert.Empty(page.FindAll(Banner));

        Clock.Advance(TimeSpan.FromMinutes(5));
        var manager = Colleague();
        var theirs = CaseFileEdits.Copy((await manager.OpenAsync(file.Id, Ct))!);
        theirs.Requester.Phone = "02 40 00 00 00";
        await manager.UpdateAsync(theirs, Ct);

        var banner = page.WaitForElement(Banner);
        Assert.Contains("Ce dossier a été modifié par un autre utilisateur (Marc Lemoine).", banner.TextContent, StringComparison.Ordinal);
        // Nothing was reloaded behind the user's back: the typed value is there, the colleague's is not shown yet.
        Assert.Equal("Copie complète, imagerie comprise.", SummaryOnScreen(page));
        Assert.DoesNotContain("02 40 00 00 00", page.Markup, StringComparison.Ordinal);

        page.Find("#case-changed-reload").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(Banner)));
        Assert.Equal("Copie complète, imagerie comprise.", SummaryOnScreen(page));
        Assert.Contains("02 40 00 00 00", page.Markup, StringComparison.Ordinal);
        page.Find("#save-case").Click();
        // Saved on the latest version without a conflict: my summary and their phone number, and no banner for my own save.
        await page.WaitForAssertionAsync(async () => Assert.Equal("officer", (await LoadAsync(file.Id)).UpdatedBy));
        var merged = await LoadAsync(file.Id);
        Assert.Equal(("Copie complète, imagerie comprise.", "02 40 00 00 00"), (merged.Summary, merged.Requester.Phone));
        Assert.Empty(page.FindAll("#conflict-message"));
        Assert.Empty(page.FindAll(Banner));
    }

    [Fact]
    public async Task A_document_a_colleague_adds_shows_the_banner_the_page_s_own_saves_and_a_colleague_s_reading_do_not()
    {
        var file = await CreateCaseAsync(Drafts.AccessRequest("Lefèvre", "Hélène"));
        var page = OpenCase(file);

        // A colleague only opening the case changes nothing; the page's own save publishes, but is already shown: no banner.
        await Colleague().OpenAsync(file.Id, Ct);
        page.Find("#summary").Change("Copie complète, imagerie comprise.");
        page.Find("#save-case").Click();
        await page.WaitForAssertionAsync(async () => Assert.Equal("officer", (await LoadAsync(file.Id)).UpdatedBy));
        page.WaitForAssertion(() => Assert.Equal("Copie complète, imagerie comprise.", SummaryOnScreen(page)));
        Assert.Empty(page.FindAll(Banner));

        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n");
        var documents = new CaseDocumentService(FactoryAs("manager"), Services.GetRequiredService<DocumentStorage>(), null,
            Services.GetRequiredService<CaseChanges>());
        await documents.UploadAsync(file.Id, "certificat-heritier.pdf", new MemoryStream(pdf), pdf.Length, "Certificat", Ct);

        var banner = page.WaitForElement(Banner);
        Assert.Contains("Ce dossier a été modifié par un autre utilisateur (Marc Lemoine).", banner.TextContent, StringComparison.Ordinal);
    }
}
