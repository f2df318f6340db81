using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Web.Cdu;

namespace RelationsUsagers.Web.Tests.Cdu;

/// <summary>The publish panel of the meeting page (Cdu/AgendaPublishPanel.razor): an agenda still « À compléter » is not published.</summary>
public sealed class AgendaPublishPanelTests : OfficerCduTests
{
    private const string Refusal =
        "Le point 2 «\u00A0Événements indésirables graves 2026 et actions correctives\u00A0» contient encore «\u00A0À compléter\u00A0»\u00A0: " +
        "complétez-le ou retirez-le avant de publier l'ordre du jour.";

    private IRenderedComponent<MeetingPage> Open(CduMeeting meeting)
    {
        var page = RenderWithPopovers<MeetingPage>(p => p.Add(c => c.Id, meeting.Id));
        page.WaitForAssertion(() => Assert.StartsWith("Séance du", page.Find("#meeting-title").TextContent.Trim(), StringComparison.Ordinal));
        return page;
    }

    [Fact]
    public async Task An_item_still_to_complete_is_named_before_the_click_and_publishing_is_refused_with_nothing_published()
    {
        var meeting = await PlanAsync(D(2026, 3, 26));
        await Agenda.AddAsync(meeting.Id, [new AgendaItem { Title = "Règlement intérieur", Text = "Révision de l'article 4." }], Ct);
        await Agenda.AddAsync(meeting.Id, (await Agenda.ProposeAsync(meeting.Id, Ct)).Where(i => i.Kind == AgendaItemKind.SeriousAdverseEvents), Ct);
        var page = Open(meeting);

        Assert.Equal(Refusal, page.Find("#publish-placeholders").TextContent.Trim());

        page.Find("#agenda-publish-button").Click();

        page.WaitForAssertion(() => Assert.Equal(Refusal, page.Find("#publish-error").TextContent.Trim()));
        Assert.Empty(page.FindAll("#publish-placeholders"));
        Assert.Equal("Prévue", page.Find("#meeting-status .meeting-status").TextContent.Trim());
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var stored = await db.CduMeetings.AsNoTracking().SingleAsync(m => m.Id == meeting.Id, Ct);
        Assert.Equal((CduMeetingStatus.Planned, null, null), (stored.Status, stored.ConvocationSentOn, stored.AgendaPublishedOn));
    }

    [Fact]
    public async Task An_agenda_without_placeholder_shows_no_warning()
    {
        var meeting = await PlanAsync(D(2026, 3, 26));
        await Agenda.AddAsync(meeting.Id, [new AgendaItem { Title = "Règlement intérieur", Text = "Pièces à compléter par le service qualité." }], Ct);

        var page = Open(meeting);

        Assert.Empty(page.FindAll("#publish-placeholders"));
    }
}
