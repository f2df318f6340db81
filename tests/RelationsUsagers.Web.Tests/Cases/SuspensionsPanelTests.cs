using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Web.Cases;

namespace RelationsUsagers.Web.Tests.Cases;

/// <summary>
/// The suspension panel of the case page: it says which delays no text suspends (the legal delay of L.1111-7, the
/// authority's date of a requisition) and offers only the others; a suspension then moves the office's own count only.
/// </summary>
public sealed class SuspensionsPanelTests : PortalTestContext
{
    private static void Expand(IRenderedComponent<CaseFilePage> page)
    {
        var toggle = page.Find("#suspensions-toggle");
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));
        Assert.StartsWith("Suspensions des délais", toggle.TextContent.Trim(), StringComparison.Ordinal);
        toggle.Click();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("#suspensions-toggle").GetAttribute("aria-expanded")));
    }

    private IReadOnlyList<string> ClockChoices(IRenderedComponent<CaseFilePage> page)
    {
        page.FindAll(".mud-select label").Single(l => l.TextContent.Trim() == "Délai à suspendre").Closest(".mud-input-control")!.MouseDown();
        return [.. Popovers.WaitForElements(".mud-list-item").Select(i => i.TextContent.Trim())];
    }

    [Fact]
    public async Task A_record_request_says_its_legal_delay_is_not_suspended_and_a_suspension_moves_the_office_count_only()
    {
        // Received 02/03/2026, complete 03/03: legal due 10/03 (from receipt), the office's count due 11/03.
        var file = await CreateCaseAsync(Drafts.AccessRequest());
        file = await ServiceAs("officer").AddEventAsync(file.Id, file.ConcurrencyStamp, CaseEventTypes.ProofsComplete, new DateOnly(2026, 3, 3), null, Ct);
        var page = OpenCase(file);

        Expand(page);

        page.WaitForAssertion(() => Assert.Equal(
            "Une suspension ne déplace pas « Communication du dossier (8 jours) », « Refus implicite (1 mois de silence) »\u00A0: " +
            "aucun texte ne permet de suspendre ces délais. Elle ne déplace que le délai compté du dossier complet.",
            page.Find("#never-suspended").TextContent.Trim()));
        Assert.Equal(["Tous les délais du dossier", "Communication du dossier (8 jours) – dossier complet"], ClockChoices(page));
        Popovers.WaitForElements(".mud-list-item")[0].Click();

        page.FindAll("label").Single(l => l.TextContent.Trim() == "Motif").Closest(".mud-input-control")!.QuerySelector("input")!
            .Change("Attente du choix du mode de communication");
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Suspendre").Click();

        // Suspended from today (15/03): the office's count (11/03) was already overdue, the legal date stays 10/03 and says why.
        page.WaitForAssertion(() => Assert.Contains("Les suspensions du service ne le déplacent pas", page.Find("tr[data-code='access.8-days']").TextContent,
            StringComparison.Ordinal));
        var deadlines = await Services.GetRequiredService<LegalClockService>().GetDeadlinesAsync(file.Id, Ct);
        Assert.Equal(new DateOnly(2026, 3, 10), deadlines.Single(d => d.Code == DelaySettings.Access8Days && !d.FromCompleteRequest).DueOn);
    }

    [Fact]
    public async Task A_requisition_offers_no_suspension_of_the_authoritys_date()
    {
        var page = OpenCase(await CreateCaseAsync(Drafts.Requisition()));

        Expand(page);

        page.WaitForAssertion(() => Assert.Equal(
            "Une suspension ne déplace pas « Réponse à la réquisition (date fixée par l'autorité) »\u00A0: aucun texte ne permet de suspendre ce délai.",
            page.Find("#never-suspended").TextContent.Trim()));
        Assert.Equal(["Tous les délais du dossier"], ClockChoices(page));
    }
}
