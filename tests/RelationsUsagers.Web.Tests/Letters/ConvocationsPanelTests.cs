using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Letters;
using RelationsUsagers.Web.Cdu;
using RelationsUsagers.Web.Tests.Cdu;

namespace RelationsUsagers.Web.Tests.Letters;

/// <summary>The meeting page's « Convocations »: the time asked, what is missing said, then the download of every member's convocation.</summary>
public sealed class ConvocationsPanelTests : OfficerCduTests
{
    [Fact]
    public async Task The_time_is_asked_the_missing_agenda_named_then_the_convocations_are_offered_for_every_active_member()
    {
        await using (var db = await Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct))
        {
            db.Establishments.Add(DemoEstablishment.Create());
            await db.SaveChangesAsync(Ct);
        }
        var members = Services.GetRequiredService<CduMemberService>();
        foreach (var (name, deputy) in new[] { ("Josiane Bernard", false), ("Colette Barbier", true) })
            await members.SaveAsync(new CduMember { FullName = name, Association = "UFC-Que Choisir", IsDeputy = deputy, MandateStart = D(2025, 1, 1) }, Ct);
        var meeting = await PlanAsync(D(2026, 3, 30));
        var page = RenderWithPopovers<MeetingPage>(p => p.Add(c => c.Id, meeting.Id));
        page.WaitForElement("#convocations-open").Click();

        page.Find("#convocations-prepare").Click();
        page.WaitForAssertion(() => Assert.Contains("L'heure de la séance est obligatoire.", page.Find("#convocations-panel").TextContent, StringComparison.Ordinal));

        page.Find("#convocations-time").Change("14 h 30");
        page.Find("#convocations-prepare").Click();
        page.WaitForAssertion(() => Assert.Equal(["« Ordre du jour » inconnu(e) : composez l'ordre du jour de la séance."],
            page.FindAll("#convocations-problems li").Select(li => li.TextContent.Trim())));

        await Agenda.AddAsync(meeting.Id, [new AgendaItem { Title = "Examen des réclamations du trimestre" }], Ct);
        page.Find("#convocations-prepare").Click();

        var link = page.WaitForElement("#convocations-download");
        Assert.Equal($"/cdu/seances/{meeting.Id}/convocations?heure=14%20h%2030", link.GetAttribute("href"));
        Assert.Contains("(2 membres)", page.Find("#convocations-ready").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#convocations-problems"));
    }
}
