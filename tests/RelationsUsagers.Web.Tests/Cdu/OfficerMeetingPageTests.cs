using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Web.Cdu;

namespace RelationsUsagers.Web.Tests.Cdu;

public sealed class OfficerMeetingPageTests : OfficerCduTests
{
    private IRenderedComponent<MeetingPage> Open(CduMeeting meeting)
    {
        var page = RenderWithPopovers<MeetingPage>(p => p.Add(c => c.Id, meeting.Id));
        page.WaitForAssertion(() => Assert.StartsWith("Séance du", page.Find("#meeting-title").TextContent.Trim(), StringComparison.Ordinal));
        return page;
    }

    private static string[] ItemTitles(IRenderedComponent<MeetingPage> page) =>
        page.FindAll("li.agenda-item .agenda-item-title").Select(t => t.TextContent.Trim()).ToArray();

    private async Task<CduMeeting> LoadAsync(Guid id)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.CduMeetings.AsNoTracking().SingleAsync(m => m.Id == id, Ct);
    }

    [Fact]
    public async Task The_builder_proposes_the_complaint_awaiting_the_CDU_not_the_litigation_then_an_item_moves_up_and_publishing_changes_the_status()
    {
        var awaiting = await ComplaintAwaitingCduAsync("Ménard");
        var litigation = await ComplaintAwaitingCduAsync("Roux", litigation: true);
        var meeting = await PlanAsync(D(2026, 3, 26));
        var page = Open(meeting);
        Assert.Contains("L'ordre du jour est vide.", page.Find("#agenda-empty").TextContent, StringComparison.Ordinal);
        Assert.Equal("Prévue", page.Find("#meeting-status .meeting-status").TextContent.Trim());

        page.Find("#agenda-propose").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("li.agenda-proposal")));
        var proposed = page.FindAll(".agenda-proposal-title").Select(t => t.TextContent.Trim()).ToList();
        Assert.Contains($"Réclamation à examiner — {awaiting.Reference} (Urgences)", proposed);
        Assert.DoesNotContain(proposed, t => t.Contains(litigation.Reference, StringComparison.Ordinal));
        // The litigation is only listed for information (R.1112-80 I), in the claims item's text.
        var claims = page.FindAll("li.agenda-proposal").Single(p => p.GetAttribute("data-kind") == nameof(AgendaItemKind.IndemnityClaimsForInformation));
        Assert.Contains($"{litigation.Reference} — réclamation contentieuse", claims.TextContent, StringComparison.Ordinal);

        // The officer sets the placeholders « À compléter » aside (publishing refuses them) and keeps the rest.
        foreach (var kind in new[] { AgendaItemKind.SatisfactionResults, AgendaItemKind.SeriousAdverseEvents })
            page.FindAll("li.agenda-proposal").Single(p => p.GetAttribute("data-kind") == kind.ToString()).QuerySelector("input[type=checkbox]")!.Change(false);
        var kept = proposed.Count - 2;
        page.Find("#agenda-add-proposals").Click();

        page.WaitForAssertion(() => Assert.Equal(kept, ItemTitles(page).Length));
        Assert.DoesNotContain("Résultats des enquêtes de satisfaction", ItemTitles(page));
        Assert.Empty(page.FindAll("#agenda-proposals"));

        var before = ItemTitles(page);
        page.FindAll("li.agenda-item button.agenda-up")[^1].Click();

        page.WaitForAssertion(() => Assert.Equal(before[^1], ItemTitles(page)[^2]));
        Assert.Equal(before[^2], ItemTitles(page)[^1]);
        Assert.Equal(before[..^2], ItemTitles(page)[..^2]);
        var stored = (await Meetings.GetAsync(meeting.Id, Ct))!.Agenda.Select(i => i.Title).ToArray();
        Assert.Equal(ItemTitles(page), stored);

        page.Find("#agenda-publish-button").Click();

        page.WaitForAssertion(() => Assert.Equal("Ordre du jour publié", page.Find("#meeting-status .meeting-status").TextContent.Trim()));
        Assert.Contains("publié le 15/03/2026", page.Find("#meeting-facts").TextContent, StringComparison.Ordinal);
        var published = await LoadAsync(meeting.Id);
        Assert.Equal((CduMeetingStatus.AgendaPublished, D(2026, 3, 15), D(2026, 3, 15)), (published.Status, published.ConvocationSentOn, published.AgendaPublishedOn));
    }

    [Fact]
    public async Task A_convocation_too_late_for_the_meeting_is_refused_at_the_field_and_nothing_is_published()
    {
        var meeting = await PlanAsync(D(2026, 3, 20));
        await Agenda.AddAsync(meeting.Id, [new AgendaItem { Title = "Règlement intérieur" }], Ct);
        var page = Open(meeting);

        page.Find("#agenda-publish-button").Click();

        const string rule = "La convocation et l'ordre du jour doivent être envoyés au moins 8 jours avant la séance : le 12/03/2026 au plus tard " +
                            "pour une séance le 20/03/2026 (art. R.1112-88 du CSP). En cas d'urgence, un jour franc suffit.";
        page.WaitForAssertion(() => Assert.Contains(rule, page.Find("#publish-convocation").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.Equal("15/03/2026", page.Find("#publish-convocation").GetAttribute("value"));
        Assert.Equal(CduMeetingStatus.Planned, (await LoadAsync(meeting.Id)).Status);
    }

    [Fact]
    public async Task Recording_the_opinion_on_an_examined_complaint_shows_the_answer_due_8_days_after_the_meeting()
    {
        var complaint = await ComplaintAwaitingCduAsync("Ménard");
        var meeting = await PlanAsync(D(2026, 3, 12));
        var item = (await Agenda.AddAsync(meeting.Id,
            [new AgendaItem { Kind = AgendaItemKind.ComplaintToExamine, Title = $"Réclamation à examiner — {complaint.Reference} (Urgences)", CaseFileId = complaint.Id }], Ct)).Single();
        var page = Open(meeting);
        var row = page.WaitForElement(".opinion-row");
        Assert.Empty(page.FindAll(".opinion-answer-due"));

        row.QuerySelector(".mud-select .mud-input-control")!.MouseDown();
        Popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Trim() == CduOpinion.Recommendation.Label()).Click();
        page.Find($"#opinion-text-{item.Id}").Change("La CDU recommande d'informer la famille toutes les deux heures.");
        page.Find(".opinion-save").Click();

        page.WaitForAssertion(() => Assert.Contains("réponse au plaignant attendue au plus tard le 20/03/2026 (CSP art. R.1112-94 al.3)",
            page.Find(".opinion-answer-due").TextContent, StringComparison.Ordinal));
        Assert.Contains("Avis enregistré : Recommandation — « La CDU recommande d'informer la famille toutes les deux heures. »",
            page.Find(".opinion-recorded").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".opinion-save"));
        Assert.NotNull(page.Find(".opinion-correct"));
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var stored = await db.Complaints.AsNoTracking().SingleAsync(c => c.Id == complaint.Id, Ct);
        Assert.Equal((CduOpinion.Recommendation, D(2026, 3, 12)), (stored.CduOpinion, stored.CduMeetingOn));
    }

    [Fact]
    public async Task An_opinion_already_given_is_shown_and_correcting_starts_from_it()
    {
        var complaint = await ComplaintAwaitingCduAsync("Ménard");
        var meeting = await PlanAsync(D(2026, 3, 12));
        var item = (await Agenda.AddAsync(meeting.Id,
            [new AgendaItem { Kind = AgendaItemKind.ComplaintToExamine, Title = $"Réclamation à examiner — {complaint.Reference} (Urgences)", CaseFileId = complaint.Id }], Ct)).Single();
        await Services.GetRequiredService<CduMeetingService>().RecordOpinionAsync(meeting.Id, complaint.Id, CduOpinion.ReasonedClosure, "Classement motivé.", Ct);

        var page = Open(meeting);

        page.WaitForAssertion(() => Assert.Contains("Avis enregistré : Classement motivé — « Classement motivé. »",
            page.Find(".opinion-recorded").TextContent, StringComparison.Ordinal));
        page.Find(".opinion-correct").Click();
        Assert.Equal("Classement motivé.", page.Find($"#opinion-text-{item.Id}").GetAttribute("value") ?? page.Find($"#opinion-text-{item.Id}").TextContent);
        Assert.Contains(CduOpinion.ReasonedClosure.Label(), page.Find(".opinion-row .mud-select").TextContent + page.Find(".opinion-row .mud-select input").GetAttribute("value"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_opinion_without_text_is_refused_at_the_field_and_the_chosen_opinion_stays()
    {
        var complaint = await ComplaintAwaitingCduAsync("Ménard");
        var meeting = await PlanAsync(D(2026, 3, 12));
        await Agenda.AddAsync(meeting.Id,
            [new AgendaItem { Kind = AgendaItemKind.ComplaintToExamine, Title = $"Réclamation à examiner — {complaint.Reference}", CaseFileId = complaint.Id }], Ct);
        var page = Open(meeting);
        var row = page.WaitForElement(".opinion-row");
        row.QuerySelector(".mud-select .mud-input-control")!.MouseDown();
        Popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Trim() == CduOpinion.ReasonedClosure.Label()).Click();

        page.Find(".opinion-save").Click();

        page.WaitForAssertion(() => Assert.Contains("Le texte de l'avis de la CDU est obligatoire.", page.Find(".opinion-row").TextContent, StringComparison.Ordinal));
        Assert.Contains(CduOpinion.ReasonedClosure.Label(), page.Find(".opinion-row .mud-select").TextContent + page.Find(".opinion-row .mud-select input").GetAttribute("value"),
            StringComparison.Ordinal);
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        Assert.Null((await db.Complaints.AsNoTracking().SingleAsync(c => c.Id == complaint.Id, Ct)).CduOpinion);
    }

    [Fact]
    public async Task A_colleague_saving_the_meeting_first_gives_the_conflict_message_the_typed_minutes_stay_and_reloading_then_saving_records_them()
    {
        var meeting = await PlanAsync(D(2026, 3, 12));
        await Agenda.AddAsync(meeting.Id, [new AgendaItem { Title = "Règlement intérieur" }], Ct);
        var page = Open(meeting);
        page.Find("#meeting-minutes").Change("Séance ouverte à 14 h par la présidente.");

        // A colleague records the attendance behind the page's back: the meeting's stamp changes.
        await Meetings.RecordAttendanceAsync(meeting.Id, meeting.ConcurrencyStamp, new Dictionary<Guid, CduPresence>(), Ct);
        page.Find("#minutes-save").Click();

        page.WaitForAssertion(() => Assert.Contains("Cette séance a été modifiée par quelqu'un d'autre depuis que vous l'avez ouverte : rechargez-la.",
            page.Find("#minutes-conflict").TextContent, StringComparison.Ordinal));
        Assert.Equal("Séance ouverte à 14 h par la présidente.", Minutes(page));
        Assert.Null((await LoadAsync(meeting.Id)).Minutes);

        page.Find("#minutes-conflict button").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#minutes-conflict")));
        Assert.Equal("Séance ouverte à 14 h par la présidente.", Minutes(page));
        page.Find("#minutes-save").Click();

        page.WaitForAssertion(() => Assert.Equal("Tenue", page.Find("#meeting-status .meeting-status").TextContent.Trim()));
        var held = await LoadAsync(meeting.Id);
        Assert.Equal((CduMeetingStatus.Held, "Séance ouverte à 14 h par la présidente."), (held.Status, held.Minutes));
    }

    private static string Minutes(IRenderedComponent<MeetingPage> page) =>
        page.Find("#meeting-minutes").GetAttribute("value") ?? page.Find("#meeting-minutes").TextContent;
}
