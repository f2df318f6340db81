using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Web.Cdu;

namespace RelationsUsagers.Web.Tests.Cdu;

public sealed class OfficerRecommendationsPageTests : OfficerCduTests
{
    private CduRecommendationService Recommendations => Services.GetRequiredService<CduRecommendationService>();

    private async Task SeedAsync()
    {
        await Recommendations.SaveAsync(new CduRecommendation
        {
            Year = 2025, Text = "Afficher le délai d'attente aux urgences.", Owner = "Direction des soins", DueOn = D(2026, 1, 31),
            Status = CduRecommendationStatus.InProgress, FollowUpComment = "Écrans commandés.",
        }, Ct);
        await Recommendations.SaveAsync(new CduRecommendation
        {
            Year = 2026, Text = "Former les agents d'accueil à la gestion des conflits.", Owner = "DRH", Status = CduRecommendationStatus.Done,
        }, Ct);
    }

    [Fact]
    public async Task Lists_the_recommendations_by_year_and_filters_them_by_status_through_the_url()
    {
        await SeedAsync();
        Navigation.NavigateTo("/cdu/recommandations");
        var page = RenderWithPopovers<RecommendationsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tr.recommendation-row").Count));
        Assert.Equal(["2026", "2025"], page.FindAll("section.recommendation-year").Select(s => s.GetAttribute("data-year")));
        var late = page.Find("section.recommendation-year[data-year='2025'] tr.recommendation-row");
        Assert.Contains("Direction des soins", late.TextContent, StringComparison.Ordinal);
        Assert.Contains("31/01/2026", late.TextContent, StringComparison.Ordinal);
        Assert.Contains("dépassée", late.TextContent, StringComparison.Ordinal);
        Assert.Equal("En cours", late.QuerySelector(".recommendation-status")!.TextContent.Trim());
        Assert.Contains("Écrans commandés.", late.TextContent, StringComparison.Ordinal);

        page.FindAll("button.status-filter").Single(b => b.GetAttribute("data-status") == nameof(CduRecommendationStatus.Done)).Click();

        Assert.Equal("http://localhost/cdu/recommandations?statut=Done", Navigation.Uri);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tr.recommendation-row")));
        Assert.Contains("Former les agents d'accueil", page.Find("tr.recommendation-row").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recommendation_not_done_without_a_comment_gets_the_validator_message_at_the_field_and_keeps_the_typed_values()
    {
        var page = RenderWithPopovers<RecommendationsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#recommendations-empty")));

        page.Find("#recommendation-new").Click();
        page.Find("#recommendation-text").Change("Proposer une chambre d'accompagnant en pédiatrie.");
        page.Find("#recommendation-owner").Change("Pôle femme-enfant");
        page.Find("#recommendation-status").Closest(".mud-input-control")!.MouseDown();
        Popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Trim() == "Non réalisée").Click();
        page.Find("#recommendation-save").Click();

        const string message = "Le commentaire de suivi est obligatoire pour une recommandation non réalisée : en dire la raison.";
        page.WaitForAssertion(() => Assert.Contains(message, page.Find("#recommendation-comment").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.Equal("Pôle femme-enfant", page.Find("#recommendation-owner").GetAttribute("value"));
        Assert.Empty(await Recommendations.ListAsync(ct: Ct));

        page.Find("#recommendation-comment").Change("Travaux reportés à 2027.");
        page.Find("#recommendation-save").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("tr.recommendation-row")));
        Assert.Equal("Non réalisée", page.Find("tr.recommendation-row .recommendation-status").TextContent.Trim());
    }
}
