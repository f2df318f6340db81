using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Web.Cases;

namespace RelationsUsagers.Web.Tests;

public sealed class CaseFilePageTests : PortalTestContext
{
    private static string SummaryOnScreen(IRenderedComponent<CaseFilePage> page) => page.Find("#summary").GetAttribute("value") ?? "";

    private async Task<CaseFile> LoadAsync(Guid id)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.CaseFiles.AsNoTracking().SingleAsync(c => c.Id == id, Ct);
    }

    [Fact]
    public async Task Shows_the_case_and_saves_an_edit()
    {
        var file = await CreateCaseAsync(Drafts.AccessRequest("Lefèvre", "Hélène"));
        var page = OpenCase(file);
        Assert.Contains("LEFÈVRE Hélène", page.Markup, StringComparison.Ordinal);
        Assert.Equal("Copie du dossier de cardiologie.", SummaryOnScreen(page));

        page.Find("#summary").Change("Copie complète, imagerie comprise.");
        page.Find("#save-case").Click();

        await page.WaitForAssertionAsync(async () => Assert.Equal("Copie complète, imagerie comprise.", (await LoadAsync(file.Id)).Summary));
        Assert.Empty(page.FindAll("#conflict-message"));
    }

    [Fact]
    public async Task A_colleague_saving_first_gives_a_conflict_naming_them_keeps_the_typed_summary_and_reapplying_then_saving_succeeds()
    {
        var file = await CreateCaseAsync(Drafts.AccessRequest("Lefèvre", "Hélène"));
        var page = OpenCase(file);

        // The manager changes the phone number behind the page's back, five minutes later.
        Clock.Advance(TimeSpan.FromMinutes(5));
        var manager = ServiceAs("manager");
        var theirs = CaseFileEdits.Copy((await manager.OpenAsync(file.Id, Ct))!);
        theirs.Requester.Phone = "02 40 00 00 00";
        await manager.UpdateAsync(theirs, Ct);

        page.Find("#summary").Change("Copie complète, imagerie comprise.");
        page.Find("#save-case").Click();

        var conflict = page.WaitForElement("#conflict-message");
        Assert.Contains("Ce dossier a été modifié par manager le 15/03/2026 à 11:05", conflict.TextContent, StringComparison.Ordinal);
        Assert.Equal("Copie complète, imagerie comprise.", SummaryOnScreen(page));
        var stored = await LoadAsync(file.Id);
        Assert.Equal("Copie du dossier de cardiologie.", stored.Summary);
        Assert.Equal("manager", stored.UpdatedBy);

        page.FindAll("#conflict-message button").Single(b => b.TextContent.Contains("Recharger et réappliquer mes saisies", StringComparison.Ordinal)).Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#conflict-message")));
        Assert.Equal("Copie complète, imagerie comprise.", SummaryOnScreen(page));

        page.Find("#save-case").Click();

        await page.WaitForAssertionAsync(async () => Assert.Equal("officer", (await LoadAsync(file.Id)).UpdatedBy));
        var merged = await LoadAsync(file.Id);
        Assert.Equal("Copie complète, imagerie comprise.", merged.Summary);
        Assert.Equal("02 40 00 00 00", merged.Requester.Phone);
        Assert.Empty(page.FindAll("#conflict-message"));
    }
}
