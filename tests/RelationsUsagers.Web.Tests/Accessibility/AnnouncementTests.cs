using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Web.Cases;
using RelationsUsagers.Web.Queue;

namespace RelationsUsagers.Web.Tests.Accessibility;

/// <summary>
/// WCAG 4.1.3 (RGAA 7.5): what changes without moving the focus is said to screen readers: a save and a live refresh in a
/// polite region present from the start, whose text changes; a refused step and a refused save as alerts.
/// </summary>
public sealed class AnnouncementTests : PortalTestContext
{
    private static void Click(IRenderedComponent<CaseFilePage> page, string step) =>
        page.FindAll("[aria-label='Étapes du dossier'] button").Single(b => b.GetAttribute("aria-label") == $"Étape : {step}").Click();

    [Fact]
    public async Task A_step_saved_is_said_in_the_case_page_polite_region_and_the_same_step_again_changes_its_text()
    {
        var file = await CreateCaseAsync(Drafts.AccessRequest());
        var page = OpenCase(file);
        var region = page.Find("#case-announcement");
        Assert.Equal(("status", "polite"), (region.GetAttribute("role"), region.GetAttribute("aria-live")));
        Assert.Equal("", region.TextContent);

        Click(page, "Dossier complet");
        page.Find("#status-step-date").Change("10/03/2026");
        page.Find("#status-step-confirm").Click();

        page.WaitForAssertion(() => Assert.Equal("Dossier complet : enregistré le 10/03/2026.", page.Find("#case-announcement").TextContent));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#status-step")));

        // A second save of the same words: the region's text still changes, or a screen reader would stay silent.
        page.Find("#save-case").Click();
        page.WaitForAssertion(() => Assert.Equal("Modifications enregistrées.", page.Find("#case-announcement").TextContent));
        page.Find("#save-case").Click();
        page.WaitForAssertion(() => Assert.Equal("Modifications enregistrées.\u00A0", page.Find("#case-announcement").TextContent));
    }

    [Fact]
    public async Task A_refused_step_is_an_alert_in_the_panel()
    {
        var file = await CreateCaseAsync(Drafts.Complaint());
        var page = OpenCase(file);

        Click(page, "Classer sans suite");
        page.Find("#status-step-confirm").Click();

        var refusal = page.WaitForElement("#step-refusal");
        Assert.Equal("alert", refusal.GetAttribute("role"));
        Assert.Equal("« Motif du classement » est obligatoire.", refusal.TextContent.Trim());
        Assert.Equal("", page.Find("#case-announcement").TextContent);
    }

    [Fact]
    public async Task A_save_refused_for_a_field_is_an_alert_naming_the_field()
    {
        var file = await CreateCaseAsync(Drafts.Complaint());
        var page = OpenCase(file);

        page.Find("#facts-on").Change("31/02/2026");
        page.Find("#save-case").Click();

        page.WaitForElement("#case-problems");
        var alert = page.Find("#case-error");
        Assert.Equal("alert", alert.GetAttribute("role"));
        Assert.Contains("Date des faits", alert.TextContent, StringComparison.Ordinal);
        Assert.Equal("", page.Find("#case-announcement").TextContent);
    }

    [Fact]
    public async Task A_live_refresh_of_the_queue_is_said_in_its_polite_region()
    {
        await CreateCaseAsync(Drafts.AccessRequest("Lefèvre", "Hélène"));
        var page = RenderWithPopovers<QueuePage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tr.queue-row")));
        var region = page.Find("#queue-announcement");
        Assert.Equal(("status", "polite", ""), (region.GetAttribute("role"), region.GetAttribute("aria-live"), region.TextContent));

        // A colleague's save, published through the app's CaseChanges as every circuit's is.
        var colleague = new CaseFileService(Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Core.Data.AppDbContext>>(),
            new CaseValidators(Clock), Clock, Services.GetRequiredService<CaseChanges>());
        await colleague.CreateAsync(Drafts.AccessRequest("Garnier", "Paul"), Ct);

        page.WaitForAssertion(() => Assert.Equal("File d'attente mise à jour\u00A0: 2 dossiers.", page.Find("#queue-announcement").TextContent));
    }
}
