using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Web.Cases;

namespace RelationsUsagers.Web.Tests;

/// <summary>A status button whose step has a date (communiqué, dossier complet...) asks for it and records the step's event.</summary>
public sealed class StatusStepTests : PortalTestContext
{
    private static void Click(IRenderedComponent<CaseFilePage> page, string status) =>
        page.FindAll("[aria-label='Changer le statut'] button").Single(b => b.GetAttribute("aria-label") == $"Passer au statut « {status} »").Click();

    private async Task<AccessRequest> LoadAsync(Guid id)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.AccessRequests.AsNoTracking().Include(r => r.Events).SingleAsync(c => c.Id == id, Ct);
    }

    [Fact]
    public async Task Communique_asks_the_date_proposes_the_on_site_consultation_and_records_it()
    {
        var draft = Drafts.AccessRequest();
        draft.CommunicationMode = CommunicationMode.OnSite;
        var file = await CreateCaseAsync(draft);
        var service = ServiceAs("officer");
        await service.AddEventAsync(file.Id, file.ConcurrencyStamp, CaseEventTypes.ProofsComplete, new DateOnly(2026, 3, 3), null, Ct);
        var page = OpenCase(file);

        Click(page, "Communiqué");

        var step = page.Find("#status-step");
        Assert.Contains("Passer au statut « Communiqué »", step.TextContent, StringComparison.Ordinal);
        var chosen = step.QuerySelectorAll("input[type=radio]").Single(r => r.HasAttribute("checked"));
        Assert.Contains("Consultation sur place", chosen.ParentElement!.ParentElement!.TextContent, StringComparison.Ordinal);
        page.Find("#status-step-date").Change("12/03/2026");
        page.Find("#status-step-confirm").Click();

        await page.WaitForAssertionAsync(async () => Assert.Equal(CaseStatus.Sent, (await LoadAsync(file.Id)).Status));
        var stored = await LoadAsync(file.Id);
        Assert.Equal(new DateOnly(2026, 3, 12), stored.SentOn);
        Assert.Contains(stored.Events, e => e.Type == CaseEventTypes.OnSiteConsultation && e.OccurredOn == new DateOnly(2026, 3, 12));
        Assert.Empty(page.FindAll("#status-step"));
    }

    [Fact]
    public async Task Dossier_complet_with_a_missing_proof_is_refused_in_french_and_nothing_changes()
    {
        var draft = Drafts.AccessRequest();
        draft.ProofsReceived = [];
        var file = await CreateCaseAsync(draft);
        var page = OpenCase(file);

        Click(page, "Dossier complet");
        page.Find("#status-step-date").Change("10/03/2026");
        page.Find("#status-step-confirm").Click();

        page.WaitForAssertion(() => Assert.Contains("Pièces manquantes : Pièce d'identité", page.Markup, StringComparison.Ordinal));
        // The panel stays open with the date typed, ready once the proof is ticked.
        Assert.Equal("10/03/2026", page.Find("#status-step-date").GetAttribute("value"));
        var stored = await LoadAsync(file.Id);
        Assert.Equal((CaseStatus.Received, null), (stored.Status, stored.CompletedOn));
    }
}
