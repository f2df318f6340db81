using MudBlazor;
using RelationsUsagers.Web.Cdu;
using Line = RelationsUsagers.Web.Cdu.AnnualReportFigures.Line;

namespace RelationsUsagers.Web.Tests.Cdu;

/// <summary>Each chart of the annual report is described by a sentence or two computed from its figures (RGAA 1.3, 1.4).</summary>
public sealed class AnnualReportChartSummaryTests : PortalTestContext
{
    private IRenderedComponent<AnnualReportFigures> Figures(IReadOnlyList<Line> lines, bool total = false, bool percent = false,
        ChartType type = ChartType.Bar) =>
        Render<AnnualReportFigures>(p => p.Add(f => f.Id, "figures-test").Add(f => f.Title, "Par canal de réception")
            .Add(f => f.Lines, lines).Add(f => f.Total, total).Add(f => f.Percent, percent).Add(f => f.Type, type));

    [Fact]
    public void Counts_that_add_up_give_the_total_and_the_two_largest_with_their_share_and_the_chart_is_described_by_it()
    {
        // 42 complaints: 20 by mail (47.6 %, said 48 %), 12 by e-mail (28.6 %, said 29 %), 10 at the desk.
        var figures = Figures([new("Courrier électronique", 12, "12"), new("Accueil", 10, "10"), new("Courrier", 20, "20")], total: true,
            type: ChartType.Donut);

        Assert.Equal("Total\u00A0: 42. Le plus grand nombre\u00A0: «\u00A0Courrier\u00A0», 20 (48\u00A0%)\u00A0; puis «\u00A0Courrier électronique\u00A0», 12 (29\u00A0%).",
            figures.Find("#figures-test-summary").TextContent);
        Assert.Equal("figures-test-summary", figures.Find("[role=img]").GetAttribute("aria-describedby"));
    }

    [Fact]
    public void Counts_of_a_case_under_each_of_its_motives_give_no_total_and_ties_keep_the_table_order()
    {
        var figures = Figures([new("Délais d'attente", 3, "3"), new("Facturation", 5, "5"), new("Information", 5, "5")]);

        Assert.Equal("Le plus grand nombre\u00A0: «\u00A0Facturation\u00A0», 5\u00A0; puis «\u00A0Information\u00A0», 5.",
            figures.Find("#figures-test-summary").TextContent);
    }

    [Fact]
    public void Rates_give_the_highest_and_the_lowest()
    {
        var figures = Figures([new("8 jours", 75, "75,0\u00A0%"), new("2 mois", 100, "100,0\u00A0%"), new("Non calculable", null, "—")], percent: true);

        Assert.Equal("Taux le plus élevé\u00A0: «\u00A02 mois\u00A0», 100,0\u00A0%\u00A0; le plus bas\u00A0: «\u00A08 jours\u00A0», 75,0\u00A0%.",
            figures.Find("#figures-test-summary").TextContent);
    }
}
