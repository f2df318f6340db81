using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Cdu;

namespace RelationsUsagers.Web.Tests.Cdu;

/// <summary>The annual report page over a year seeded through the real services (today is 15/03/2026: the default year is 2025).</summary>
public sealed class AnnualReportPageTests : PortalTestContext
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>2025: two grievances (waiting at the emergency department by e-mail, billing by mail), one held meeting, one recommendation; one 2024 complaint out of the year.</summary>
    private async Task SeedAsync()
    {
        await CreateCaseAsync(Drafts.Complaint("Ménard", "Joseph", D(2025, 2, 10)));
        var billing = Drafts.Complaint("Lefèvre", "Hélène", D(2025, 5, 6));
        (billing.Channel, billing.Services, billing.Motives) = (Channel.Mail, ["Facturation"], [ComplaintMotive.Billing]);
        await CreateCaseAsync(billing);
        await CreateCaseAsync(Drafts.Complaint("Perrin", "Kevin", D(2024, 12, 2)));

        var member = await Services.GetRequiredService<CduMemberService>().SaveAsync(new CduMember
        {
            FullName = "M. Gérard Hamon", Category = CduCategory.PatientRepresentative, Association = "France Assos Santé",
            MandateStart = D(2024, 1, 1), MandateEnd = D(2027, 1, 1),
        }, Ct);
        var meetings = Services.GetRequiredService<CduMeetingService>();
        var meeting = await meetings.SaveAsync(new CduMeeting { Date = D(2025, 6, 12), Place = "Salle du conseil" }, Ct);
        meeting = await meetings.RecordAttendanceAsync(meeting.Id, meeting.ConcurrencyStamp, new Dictionary<Guid, CduPresence> { [member.Id] = CduPresence.Present }, Ct);
        await meetings.RecordMinutesAsync(meeting.Id, meeting.ConcurrencyStamp, "Procès-verbal de la séance.", Ct);
        await Services.GetRequiredService<CduRecommendationService>().SaveAsync(new CduRecommendation
        {
            Year = 2025, Text = "Informer les patients en attente aux urgences.", Owner = "Pôle urgences", Status = CduRecommendationStatus.InProgress,
        }, Ct);
    }

    private IRenderedComponent<AnnualReportPage> RenderPage(int? year = null)
    {
        Navigation.NavigateTo(year is { } y ? $"/cdu/rapport-annuel?annee={y}" : "/cdu/rapport-annuel");
        var page = RenderWithPopovers<AnnualReportPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#section-complaints")));
        return page;
    }

    private static List<(string Label, string Value)> Rows(IRenderedComponent<AnnualReportPage> page, string figures) =>
        page.FindAll($"#{figures} tbody tr").Select(r => (r.QuerySelector("th")!.TextContent.Trim(), r.QuerySelector("td")!.TextContent.Trim())).ToList();

    [Fact]
    public async Task Shows_the_figures_of_the_previous_year_by_default()
    {
        await SeedAsync();

        var page = RenderPage();

        Assert.Contains("Chiffres de l'année 2025", page.Markup, StringComparison.Ordinal);
        Assert.Equal("2", page.Find("#figure-complaints-received").TextContent.Trim());
        Assert.Equal([("Délais d'attente", "1"), ("Facturation", "1")], Rows(page, "figures-motives"));
        Assert.Equal([("Courriel", "1"), ("Courrier", "1"), ("Total", "2")], Rows(page, "figures-channels"));
        Assert.Equal("1", page.Find("#figure-meetings-held").TextContent.Trim());
        Assert.Equal([("Membres titulaires", "100,0 %"), ("Représentants des usagers", "100,0 %")], Rows(page, "figures-attendance"));
        Assert.Contains(("En cours", "1"), Rows(page, "figures-recommendations"));
    }

    [Fact]
    public async Task Each_chart_is_one_named_image_beside_its_table()
    {
        await SeedAsync();

        var page = RenderPage(2025);

        var charts = page.FindAll(".annual-report-chart");
        Assert.NotEmpty(charts);
        Assert.All(charts, chart =>
        {
            Assert.Equal("img", chart.GetAttribute("role"));
            Assert.StartsWith("Graphique : ", chart.GetAttribute("aria-label"), StringComparison.Ordinal);
            Assert.NotNull(chart.QuerySelector("svg"));
            Assert.NotNull(chart.Closest(".annual-report-figures")!.QuerySelector("table"));
        });
        Assert.Contains(charts, c => c.GetAttribute("aria-label")!.Contains("Par motif", StringComparison.Ordinal));
        Assert.Contains(charts, c => c.GetAttribute("aria-label")!.Contains("Par service", StringComparison.Ordinal));
        Assert.Contains(charts, c => c.GetAttribute("aria-label")!.Contains("Par canal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_year_without_data_says_so_instead_of_drawing_empty_charts()
    {
        await SeedAsync();

        var page = RenderPage(2022);

        Assert.Equal("0", page.Find("#figure-complaints-received").TextContent.Trim());
        Assert.Contains("Aucune donnée pour cette année.", page.Find("#figures-motives").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#figures-motives svg"));
    }

    [Fact]
    public async Task Choosing_a_year_puts_it_in_the_url()
    {
        await SeedAsync();
        var page = RenderPage(2025);

        page.Find("#annual-report-year").Closest(".mud-input-control")!.MouseDown();
        Popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Trim() == "2024").Click();

        Assert.Equal("http://localhost/cdu/rapport-annuel?annee=2024", Navigation.Uri);
    }

    [Fact]
    public async Task The_excel_export_button_is_offered_to_those_who_may_export()
    {
        await SeedAsync();

        var page = RenderPage(2025);

        Assert.Equal("Exporter en Excel", page.Find("#annual-report-export").TextContent.Trim());
        Assert.Equal(Permissions.CduManage, typeof(AnnualReportPage).GetCustomAttribute<AuthorizeAttribute>()!.Policy);
        Assert.False(Permissions.Allows(Permissions.CduManage, [Roles.CduMember, Roles.Mediator]));
    }
}
