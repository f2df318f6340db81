using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;
using static RelationsUsagers.Core.Cases.CaseEventTypes;
using static RelationsUsagers.Core.Tests.Cdu.CduTestData;

namespace RelationsUsagers.Core.Tests.Cdu;

/// <summary>The agenda builder: what it proposes from the cases, then edit and publish (Cdu/CduAgendaService.cs).</summary>
public abstract class CduAgendaTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Previous held meeting 9 Dec 2025, next one 26 March 2026: the period runs from 10 Dec 2025 to 26 March 2026.
    /// </summary>
    private sealed record Seeded(CduMeeting Next, Complaint Answered, Complaint Old, Complaint ToExamine, Complaint Litigation,
        Complaint WithReport, Complaint Examined, IndemnityClaim Claim);

    private static async Task<Seeded> SeedAsync(TestDatabase database)
    {
        await database.AddMeetingAsync(D(2025, 12, 9), CduMeetingStatus.Held);
        var next = await database.AddMeetingAsync(D(2026, 3, 26));
        var answered = await database.AddCaseAsync(Complaint(D(2026, 1, 5)), "PLT-2026-00001", CaseStatus.Answered, (AnswerSent, D(2026, 1, 30), null));
        var old = await database.AddCaseAsync(Complaint(D(2025, 11, 2), "Cardiologie"), "PLT-2025-00040", CaseStatus.Closed, (AnswerSent, D(2025, 11, 30), null));
        var toExamine = await database.AddCaseAsync(Complaint(D(2026, 2, 1), "Maternité", ComplaintMotive.StaffRelations), "PLT-2026-00004", CaseStatus.AwaitingCdu);
        var litigation = Complaint(D(2026, 1, 20), "Chirurgie orthopédique", ComplaintMotive.MedicalCare);
        litigation.IsLitigation = true;
        await database.AddCaseAsync(litigation, "PLT-2026-00003", CaseStatus.AwaitingCdu);
        var withReport = Complaint(D(2026, 2, 5), "Gériatrie", ComplaintMotive.NursingCare);
        (withReport.MediationType, withReport.MediatorName) = (MediationType.Medical, "Dr Martin");
        await database.AddCaseAsync(withReport, "PLT-2026-00005", CaseStatus.AwaitingCdu,
            (MediatorReferred, D(2026, 2, 10), null), (MediationMeeting, D(2026, 2, 16), null), (MediationReportSent, D(2026, 3, 2), null));
        var examined = Complaint(D(2025, 10, 1), "Pédiatrie");
        (examined.MediationType, examined.MediatorName, examined.CduOpinion, examined.CduOpinionText) =
            (MediationType.NonMedical, "Mme Morel", CduOpinion.ReasonedClosure, "Classement.");
        await database.AddCaseAsync(examined, "PLT-2025-00031", CaseStatus.Answered,
            (MediationReportSent, D(2025, 11, 20), null), (CduExamined, D(2025, 12, 9), null), (AnswerSent, D(2025, 12, 15), null));
        var claim = await database.AddCaseAsync(TestCases.IndemnityClaim(D(2026, 2, 10)), "IND-2026-00001", CaseStatus.DeclaredToInsurer);
        await database.AddCaseAsync(TestCases.IndemnityClaim(D(2025, 6, 1)), "IND-2025-00007", CaseStatus.Closed);

        await database.AddCaseAsync(TestCases.AccessRequest(D(2026, 2, 2)), "DAD-2026-00001", CaseStatus.Sent, (CopySent, D(2026, 2, 6), null));
        await database.AddCaseAsync(TestCases.AccessRequest(D(2026, 2, 10)), "DAD-2026-00002", CaseStatus.Sent, (CopySent, D(2026, 2, 25), null));
        await database.AddCaseAsync(TestCases.AccessRequest(D(2026, 3, 1)), "DAD-2026-00003", CaseStatus.Received);
        var older = TestCases.AccessRequest(D(2026, 1, 10));
        // Information of 2019: more than five years at receipt (R.1111-1 al.4), as the save stores it.
        (older.MostRecentInformationOn, older.InformationOlderThanFiveYears) = (D(2019, 4, 2), true);
        await database.AddCaseAsync(older, "DAD-2026-00004", CaseStatus.Sent, (CopySent, D(2026, 2, 20), null));

        await database.AddAsync(
            new CduRecommendation { Year = 2025, Text = "Informer les patients du délai d'attente aux urgences.", Owner = "Pôle urgences", Status = CduRecommendationStatus.InProgress },
            new CduRecommendation { Year = 2025, Text = "Réviser le livret d'accueil.", Owner = "Direction de la qualité", Status = CduRecommendationStatus.Done });
        return new Seeded(next, answered, old, toExamine, litigation, withReport, examined, claim);
    }

    [Fact]
    public async Task Proposals_follow_the_cases_since_the_previous_held_meeting()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var s = await SeedAsync(database);

        var items = await database.Agenda().ProposeAsync(s.Next.Id, Ct);

        Assert.Equal(
        [
            AgendaItemKind.ComplaintsReceivedAndAnswered, AgendaItemKind.MediationReportAwaitingCdu, AgendaItemKind.ComplaintToExamine,
            AgendaItemKind.IndemnityClaimsForInformation, AgendaItemKind.RecordAccessFigures, AgendaItemKind.SeriousAdverseEvents,
            AgendaItemKind.SatisfactionResults, AgendaItemKind.RecommendationFollowUp,
        ], items.Select(i => i.Kind));
        Assert.Equal(Enumerable.Range(1, 8), items.Select(i => i.Order));
        Assert.All(items, i => Assert.Equal(s.Next.Id, i.MeetingId));

        // The summary: received or answered between 10 Dec 2025 and 26 March 2026, litigation flagged; the old case is out.
        var summary = items[0];
        Assert.Equal("Plaintes et réclamations reçues et réponses apportées du 10/12/2025 au 26/03/2026 (5)", summary.Title);
        // First the period's complaints and praise by service, then one line per case.
        var lines = summary.Text!.Split('\n');
        Assert.StartsWith("Par service\u00A0: ", lines[0], StringComparison.Ordinal);
        lines = lines[1..];
        Assert.Equal(["PLT-2025-00031", "PLT-2026-00001", "PLT-2026-00003", "PLT-2026-00004", "PLT-2026-00005"], lines.Select(l => l[..14]));
        Assert.Equal("PLT-2026-00001 — Réclamation reçue le 05/01/2026 — Urgences — Délais d'attente — réponse envoyée le 30/01/2026", lines[1]);
        Assert.EndsWith("— contentieux (pour information, art. R.1112-80 I)", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain("PLT-2025-00040", summary.Text, StringComparison.Ordinal);

        // The mediation report once, the complaint awaiting the CDU, never the litigation nor the case already examined.
        Assert.Equal(s.WithReport.Id, items[1].CaseFileId);
        Assert.Equal("Compte rendu de médiation — PLT-2026-00005 (Gériatrie)", items[1].Title);
        Assert.Equal(s.ToExamine.Id, items[2].CaseFileId);
        Assert.DoesNotContain(items, i => i.CaseFileId == s.Litigation.Id || i.CaseFileId == s.Examined.Id || i.CaseFileId == s.Old.Id);

        // For information: the claim received in the period and the litigation complaint, not the closed 2025 claim.
        Assert.Contains("IND-2026-00001 — demande indemnitaire reçue le 10/02/2026", items[3].Text, StringComparison.Ordinal);
        Assert.Contains("PLT-2026-00003 — réclamation contentieuse reçue le 20/01/2026", items[3].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("IND-2025-00007", items[3].Text, StringComparison.Ordinal);

        Assert.Equal(
            "Du 10/12/2025 au 26/03/2026\u00A0: 4 demandes reçues, 3 dossiers communiqués.\n" +
            "Délai de 8 jours (informations de moins de 5 ans)\u00A0: 1 sur 2 dans le délai (50 %).\n" +
            "Délai de 2 mois (plus de 5 ans ou CDSP saisie)\u00A0: 1 sur 1 dans le délai (100 %).\n" +
            "(Art. L.1111-7 et R.1111-1 du CSP ; art. R.1112-80 II c.)", items[4].Text);

        Assert.Contains("Informer les patients du délai d'attente", items[7].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("livret d'accueil", items[7].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_counts_complaints_and_praise_by_service_with_the_quick_log_s_praise()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var next = await database.AddMeetingAsync(D(2026, 3, 26));
        await database.AddCaseAsync(Complaint(D(2026, 1, 5)), "PLT-2026-00001", CaseStatus.Received);
        await database.AddAsync(
            new Core.Expressions.UserExpression { Kind = Core.Expressions.ExpressionKind.Praise, Service = "Urgences", OccurredOn = D(2026, 2, 1), Text = "Merci.", RecordedBy = "officer" },
            new Core.Expressions.UserExpression { Kind = Core.Expressions.ExpressionKind.Praise, Service = "Maternité", OccurredOn = D(2026, 2, 2), Text = "Merci.", RecordedBy = "officer" },
            new Core.Expressions.UserExpression { Kind = Core.Expressions.ExpressionKind.DeskVisit, Service = "Maternité", OccurredOn = D(2026, 2, 3), Text = "Question.", RecordedBy = "officer" });

        var items = await database.Agenda().ProposeAsync(next.Id, Ct);

        Assert.Equal("Par service\u00A0: Maternité\u00A0: 0 réclamation, 1 éloge ; Urgences\u00A0: 1 réclamation, 1 éloge.", items[0].Text!.Split('\n')[0]);
    }

    [Fact]
    public async Task Without_a_held_meeting_the_period_is_the_last_three_months()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var next = await database.AddMeetingAsync(D(2026, 3, 26));
        await database.AddCaseAsync(Complaint(D(2025, 12, 20)), "PLT-2025-00050", CaseStatus.Received);
        await database.AddCaseAsync(Complaint(D(2025, 12, 27)), "PLT-2025-00051", CaseStatus.Received);

        var items = await database.Agenda().ProposeAsync(next.Id, Ct);

        Assert.Equal("Plaintes et réclamations reçues et réponses apportées du 26/12/2025 au 26/03/2026 (1)", items[0].Title);
        Assert.StartsWith("PLT-2025-00051", items[0].Text!.Split('\n')[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serious_adverse_events_are_proposed_until_presented_this_year_and_always_in_the_last_quarter()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        await database.AddMeetingAsync(D(2026, 3, 10), CduMeetingStatus.Held,
            new AgendaItem { Kind = AgendaItemKind.SeriousAdverseEvents, Title = "EIG 2025" });
        var june = await database.AddMeetingAsync(D(2026, 6, 18));
        var november = await database.AddMeetingAsync(D(2026, 11, 19));
        var agenda = database.Agenda();

        Assert.DoesNotContain(await agenda.ProposeAsync(june.Id, Ct), i => i.Kind == AgendaItemKind.SeriousAdverseEvents);
        Assert.Contains(await agenda.ProposeAsync(november.Id, Ct), i => i.Kind == AgendaItemKind.SeriousAdverseEvents);
    }

    [Fact]
    public async Task Proposals_already_on_the_agenda_are_not_proposed_again_and_items_can_be_reordered_removed_and_published()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var s = await SeedAsync(database);
        var agenda = database.Agenda();
        var added = await agenda.AddAsync(s.Next.Id, await agenda.ProposeAsync(s.Next.Id, Ct), Ct);
        await agenda.AddAsync(s.Next.Id, [new AgendaItem { Title = "Projet des usagers", Documents = [new AgendaDocument { Name = "projet.pdf" }] }], Ct);

        Assert.Empty(await agenda.ProposeAsync(s.Next.Id, Ct));

        var meetings = database.Meetings();
        var ids = (await meetings.GetAsync(s.Next.Id, Ct))!.Agenda.Select(i => i.Id).Reverse().ToList();
        await agenda.ReorderAsync(s.Next.Id, ids, Ct);
        await agenda.RemoveAsync(added[0].Id, Ct);
        var meeting = (await meetings.GetAsync(s.Next.Id, Ct))!;
        Assert.Equal(Enumerable.Range(1, 8), meeting.Agenda.Select(i => i.Order));
        Assert.Equal("Projet des usagers", meeting.Agenda[0].Title);
        Assert.Equal("projet.pdf", Assert.Single(meeting.Agenda[0].Documents).Name);
        Assert.DoesNotContain(meeting.Agenda, i => i.Kind == AgendaItemKind.ComplaintsReceivedAndAnswered);

        // The placeholders « À compléter » filled in first: publishing refuses them as they stand.
        foreach (var item in meeting.Agenda.Where(CduAgendaService.HasPlaceholder))
        {
            item.Text = "Texte saisi par le chargé des relations avec les usagers.";
            await agenda.UpdateAsync(item, Ct);
        }
        var published = await agenda.PublishAsync(s.Next.Id, meeting.ConcurrencyStamp, ct: Ct);
        Assert.Equal((CduMeetingStatus.AgendaPublished, D(2026, 3, 15), D(2026, 3, 15)),
            (published.Status, published.ConvocationSentOn, published.AgendaPublishedOn));
    }

    [Fact]
    public async Task Publishing_needs_an_item_and_a_convocation_in_time()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var agenda = database.Agenda();
        var soon = await database.AddMeetingAsync(D(2026, 3, 20));

        var empty = await Assert.ThrowsAsync<CaseRuleException>(() => agenda.PublishAsync(soon.Id, soon.ConcurrencyStamp, ct: Ct));
        await agenda.AddAsync(soon.Id, [new AgendaItem { Title = "Point unique" }], Ct);
        var late = await Assert.ThrowsAsync<CaseRuleException>(() => agenda.PublishAsync(soon.Id, soon.ConcurrencyStamp, ct: Ct));
        var future = await Assert.ThrowsAsync<CaseRuleException>(() => agenda.PublishAsync(soon.Id, soon.ConcurrencyStamp, D(2026, 3, 16), ct: Ct));

        Assert.Equal("L'ordre du jour est vide : ajoutez au moins un point avant de le publier.", empty.Message);
        Assert.StartsWith("La convocation et l'ordre du jour doivent être envoyés au moins 8 jours avant la séance : le 12/03/2026", late.Message,
            StringComparison.Ordinal);
        Assert.Equal("La date d'envoi de la convocation ne peut pas être dans le futur.", future.Message);

        var urgent = await database.Meetings().SaveAsync(new CduMeeting { Id = soon.Id, Date = soon.Date, Place = soon.Place, IsUrgent = true,
            ConcurrencyStamp = soon.ConcurrencyStamp }, Ct);
        Assert.Equal(CduMeetingStatus.AgendaPublished, (await agenda.PublishAsync(soon.Id, urgent.ConcurrencyStamp, ct: Ct)).Status);
    }

    [Fact]
    public async Task A_held_meeting_gets_no_proposal()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var held = await database.AddMeetingAsync(D(2026, 3, 10), CduMeetingStatus.Held);

        var error = await Assert.ThrowsAsync<CaseRuleException>(() => database.Agenda().ProposeAsync(held.Id, Ct));

        Assert.Equal("La séance du 10/03/2026 est tenue : elle ne peut plus être modifiée.", error.Message);
    }
}

public sealed class SqliteCduAgendaTests : CduAgendaTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlCduAgendaTests : CduAgendaTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
