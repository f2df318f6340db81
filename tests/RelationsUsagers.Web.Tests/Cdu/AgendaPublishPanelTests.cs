using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Web.Cdu;

namespace RelationsUsagers.Web.Tests.Cdu;

/// <summary>
/// The publish panel of the meeting page (Cdu/AgendaPublishPanel.razor): an agenda still « À compléter » is not published;
/// the check before publishing shows each text beside what members will read, and a passage that still looks personal
/// waits for the officer's confirmation.
/// </summary>
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

    [Fact]
    public async Task What_members_will_read_stands_beside_the_text_typed_and_a_passage_still_signalled_waits_for_the_confirmation()
    {
        // Hélène Lefèvre is the patient of a case the agenda does not cite.
        await CreateCaseAsync(Drafts.AccessRequest("Lefèvre", "Hélène"));
        var meeting = await PlanAsync(D(2026, 3, 26));
        await Agenda.AddAsync(meeting.Id,
        [
            new AgendaItem { Title = "Règlement intérieur", Text = "Révision de l'article 4." },
            new AgendaItem { Title = "Demande d'une usagère", Text = "Mme Hélène Lefèvre, joignable au 06 12 34 56 78, demande à être entendue ; rappeler lefevre." },
        ], Ct);
        var page = Open(meeting);

        page.WaitForAssertion(() => Assert.Equal(
            "2 données personnelles seront retirées automatiquement\u00A0; 1 passage reste à vérifier\u00A0: corrigez-le dans le point, ou confirmez après relecture.",
            page.Find("#publish-check-summary .mud-alert-message").TextContent.Trim()));
        var entry = page.Find(".publish-check-entry");
        Assert.Equal("Point 2 «\u00A0Demande d'une usagère\u00A0» — Texte", entry.QuerySelector(".publish-check-where")!.TextContent.Trim());
        Assert.Equal(["Hélène Lefèvre", "06 12 34 56 78"],
            entry.QuerySelectorAll("[data-testid=publish-check-original] mark.pii-removed").Select(m => m.FirstChild!.TextContent));
        Assert.Equal("Mme H. L. (remplace\u00A0: nom), joignable au [téléphone retiré] (remplace\u00A0: téléphone), demande à être entendue ; " +
                     "rappeler lefevre (à vérifier\u00A0: nom d'une personne connue, écrit en minuscules).",
            entry.QuerySelector("[data-testid=publish-check-preview]")!.TextContent.Trim());
        Assert.Equal("«\u00A0lefevre\u00A0»\u00A0: nom d'une personne connue, écrit en minuscules", entry.QuerySelector(".publish-check-signals li")!.TextContent.Trim());
        Assert.Equal("1 passage à vérifier avant publication (données personnelles)", page.Find("[data-testid=agenda-item-check]").TextContent.Trim());

        page.Find("#agenda-publish-button").Click();

        page.WaitForAssertion(() => Assert.Equal("Corrigez les passages signalés, ou cochez la case après les avoir relus.",
            page.Find("#publish-check-confirm-error").TextContent.Trim()));
        Assert.Equal(CduMeetingStatus.Planned, (await StoredAsync(meeting)).Status);

        page.Find("#publish-check input[type=checkbox]").Change(true);
        page.Find("#agenda-publish-button").Click();

        page.WaitForAssertion(() => Assert.Equal("Ordre du jour publié", page.Find("#meeting-status .meeting-status").TextContent.Trim()));
        Assert.Equal(CduMeetingStatus.AgendaPublished, (await StoredAsync(meeting)).Status);
    }

    [Fact]
    public async Task An_agenda_without_personal_data_says_so_and_publishes_at_once()
    {
        var meeting = await PlanAsync(D(2026, 3, 26));
        await Agenda.AddAsync(meeting.Id, [new AgendaItem { Title = "Règlement intérieur", Text = "Révision de l'article 4 ; loi du 4 mars 2002." }], Ct);
        var page = Open(meeting);

        page.WaitForAssertion(() => Assert.Equal("Aucune donnée personnelle repérée dans les 2 textes que liront les membres.",
            page.Find("#publish-check-clean .mud-alert-message").TextContent.Trim()));
        Assert.Empty(page.FindAll("#publish-check input[type=checkbox]"));

        page.Find("#agenda-publish-button").Click();

        page.WaitForAssertion(() => Assert.Equal("Ordre du jour publié", page.Find("#meeting-status .meeting-status").TextContent.Trim()));
    }

    private async Task<CduMeeting> StoredAsync(CduMeeting meeting)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.CduMeetings.AsNoTracking().SingleAsync(m => m.Id == meeting.Id, Ct);
    }
}
