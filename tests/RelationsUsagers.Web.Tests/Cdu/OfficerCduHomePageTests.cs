using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Web.Cdu;

namespace RelationsUsagers.Web.Tests.Cdu;

public sealed class OfficerCduHomePageTests : OfficerCduTests
{
    [Fact]
    public async Task Lists_a_seeded_meeting_and_warns_about_the_quarters_of_the_year_without_one()
    {
        var meeting = await PlanAsync(D(2026, 3, 26));

        var page = RenderWithPopovers<CduHomePage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=upcoming-meetings] tr.meeting-row")));
        var row = page.Find("[data-testid=upcoming-meetings] tr.meeting-row");
        Assert.Equal($"/cdu/seances/{meeting.Id}", row.QuerySelector("a.meeting-link")!.GetAttribute("href"));
        Assert.Contains("jeudi 26 mars 2026", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Salle du conseil, bâtiment A", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Prévue", row.QuerySelector(".meeting-status")!.TextContent.Trim());
        Assert.Contains("non publié", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("à envoyer au plus tard le 18/03/2026", row.TextContent, StringComparison.Ordinal);

        var gaps = page.FindAll(".quarter-gap").Select(g => g.TextContent.Trim()).ToList();
        Assert.Equal(3, gaps.Count);
        Assert.Contains("Aucune séance prévue au 2e trimestre 2026 (au moins une séance par trimestre, art. R.1112-88 du CSP).", gaps);
        Assert.DoesNotContain(gaps, g => g.Contains("1er trimestre", StringComparison.Ordinal));
        Assert.Contains("Aucune séance passée n'est enregistrée.", page.Find("[data-testid=past-meetings-empty]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_convocation_three_days_before_a_non_urgent_meeting_shows_the_rule_at_the_field_keeps_the_typed_values_and_plans_nothing()
    {
        var page = RenderWithPopovers<CduHomePage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=upcoming-meetings-empty]")));

        page.Find("#plan-meeting").Click();
        page.Find("#meeting-date").Change("30/03/2026");
        page.Find("#meeting-place").Change("Salle Pasteur");
        page.Find("#meeting-convocation").Change("27/03/2026");
        page.Find("#meeting-plan-save").Click();

        const string rule = "La convocation et l'ordre du jour doivent être envoyés au moins 8 jours avant la séance : le 22/03/2026 au plus tard " +
                            "pour une séance le 30/03/2026 (art. R.1112-88 du CSP). En cas d'urgence, un jour franc suffit.";
        page.WaitForAssertion(() => Assert.Contains(rule, page.Find("#meeting-convocation").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.Equal("true", page.Find("#meeting-convocation").GetAttribute("aria-invalid"));
        Assert.Equal("30/03/2026", page.Find("#meeting-date").GetAttribute("value"));
        Assert.Equal("Salle Pasteur", page.Find("#meeting-place").GetAttribute("value"));
        Assert.Equal("27/03/2026", page.Find("#meeting-convocation").GetAttribute("value"));
        await using (var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct))
            Assert.Equal(0, await db.CduMeetings.CountAsync(Ct));

        // Urgent: one clear day is enough, the same dates are accepted and the meeting is listed.
        page.Find("#meeting-urgent").Change(true);
        page.Find("#meeting-plan-save").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=upcoming-meetings] tr.meeting-row")));
        Assert.Empty(page.FindAll("#meeting-plan-form"));
        var row = page.Find("[data-testid=upcoming-meetings] tr.meeting-row");
        Assert.Contains("lundi 30 mars 2026", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Urgence", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("envoyée le 27/03/2026", row.TextContent, StringComparison.Ordinal);
    }
}
