using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Mediation;
using RelationsUsagers.Core.Tests.Mediation;
using static RelationsUsagers.Core.Cases.CaseEventTypes;
using static RelationsUsagers.Core.Tests.Cdu.CduTestData;

namespace RelationsUsagers.Core.Tests.Cdu;

/// <summary>What CDU members read: no name anywhere, medical content only with consent, every case shown audited (Cdu/CduMemberViewService.cs).</summary>
public abstract class CduMemberViewTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Names = ["Ménard", "Joseph", "Pierre", "Lefèvre", "Hélène", "Le Gall", "Rousseau", "Arnaud", "700123456", "06 12 34"];

    /// <summary>Accents written as such, so that "Ménard" would show as "ménard" and not "M\u00E9nard".</summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed record Seeded(CduMeeting Meeting, Complaint WithConsent, Complaint WithoutConsent);

    private static async Task<Seeded> SeedAsync(TestDatabase database)
    {
        var withConsent = Complaint(D(2026, 1, 12), "Urgences", ComplaintMotive.WaitingTimes, ComplaintMotive.Information);
        withConsent.Patient.PatientNumber = "700123456";
        withConsent.Summary = "M. Pierre MENARD signale que son père, Joseph Ménard (IPP 700123456), a attendu neuf heures. " +
                              "Joignable au 06 12 34 56 78 ou pierre.menard@example.fr.";
        (withConsent.MediationType, withConsent.MediatorName, withConsent.MedicalDataConsentOn) = (MediationType.Medical, "Dr Martin", D(2026, 2, 1));
        await database.AddCaseAsync(withConsent, "PLT-2026-00001", CaseStatus.AwaitingCdu,
            (MediationMeeting, D(2026, 2, 3), "Rencontre avec M. Ménard fils ; la famille de Joseph regrette le manque d'information."),
            (MediationReportSent, D(2026, 2, 9), "Le médecin a expliqué à M. Pierre Ménard la prise en charge cardiologique."));

        var withoutConsent = Complaint(D(2026, 2, 2), "Chirurgie orthopédique", ComplaintMotive.MedicalCare);
        withoutConsent.Patient = new Patient { FirstName = "Hélène", LastName = "Le Gall-Lefèvre", BirthDate = D(1958, 6, 21) };
        withoutConsent.Requester = new Party { Name = "Maître Arnaud Rousseau", Capacity = "avocat" };
        withoutConsent.Summary = "Maître Rousseau, pour Mme LE GALL-LEFEVRE, conteste la prise en charge de sa cliente Hélène.";
        (withoutConsent.MediationType, withoutConsent.MediatorName) = (MediationType.Medical, "Dr Martin");
        await database.AddCaseAsync(withoutConsent, "PLT-2026-00002", CaseStatus.AwaitingCdu,
            (MediationMeeting, D(2026, 2, 20), "Mme Le Gall décrit des douleurs persistantes depuis l'opération."),
            (MediationReportSent, D(2026, 2, 25), "Compte rendu : reprise chirurgicale discutée avec Mme Le Gall."));

        var meeting = await database.AddMeetingAsync(D(2026, 3, 26), CduMeetingStatus.AgendaPublished,
            new AgendaItem { Kind = AgendaItemKind.ComplaintsReceivedAndAnswered, Title = "Réclamations reçues",
                Text = "PLT-2026-00001 — Urgences\nPLT-2026-00002 — Chirurgie orthopédique" },
            new AgendaItem { Kind = AgendaItemKind.MediationReportAwaitingCdu, Title = "Compte rendu de médiation — PLT-2026-00001",
                CaseFileId = withConsent.Id, Documents = [new AgendaDocument { Name = "CR médiation Ménard.pdf" }] },
            new AgendaItem { Kind = AgendaItemKind.MediationReportAwaitingCdu, Title = "Compte rendu de médiation — PLT-2026-00002",
                CaseFileId = withoutConsent.Id, Documents = [new AgendaDocument { Name = "CR médiation.pdf" }] },
            new AgendaItem { Kind = AgendaItemKind.FreeItem, Title = "Demande de M. Ménard",
                Text = "Au sujet de PLT-2026-00002 : Maître Rousseau souhaite que Mme Hélène Le Gall-Lefèvre soit entendue." });
        return new Seeded(meeting, withConsent, withoutConsent);
    }

    [Fact]
    public async Task No_name_of_a_patient_or_requester_appears_anywhere_in_the_members_view()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        await SeedAsync(database);

        var agenda = await database.MemberView().GetPublishedAgendaAsync(ct: Ct);

        var json = TextSearch.Normalize(JsonSerializer.Serialize(agenda, Json));
        Assert.All(Names, name => Assert.DoesNotContain(TextSearch.Normalize(name), json, StringComparison.Ordinal));
        Assert.DoesNotContain("@example", json, StringComparison.Ordinal);
        Assert.Equal(4, agenda!.Items.Count);
        Assert.Equal("Au sujet de PLT-2026-00002 : Maître R. souhaite que Mme H. L. G.-L. soit entendue.", agenda.Items[3].Text);
        Assert.Equal("Demande de M. M.", agenda.Items[3].Title);
    }

    [Fact]
    public async Task A_case_item_carries_a_pseudonymised_summary()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        await SeedAsync(database);

        var summary = (await database.MemberView().GetPublishedAgendaAsync(ct: Ct))!.Items[1].Case!;

        Assert.Equal(("PLT-2026-00001", "Plainte / réclamation", "J. M.", 1941), (summary.Reference, summary.KindLabel, summary.PatientInitials, summary.PatientBirthYear));
        Assert.Equal(["Urgences"], summary.Services);
        Assert.Equal(["Délais d'attente", "Information / communication"], summary.Motives);
        Assert.Equal((D(2026, 2, 3), D(2026, 2, 9), "Médicale"), (summary.MediationMeetingOn, summary.MediationReportSentOn, summary.MediationTypeLabel));
        Assert.Equal("M. P. M. signale que son père, J. M. (IPP [n° patient retiré]), a attendu neuf heures. " +
                     "Joignable au [téléphone retiré] ou [courriel retiré].", summary.Summary);
    }

    [Fact]
    public async Task The_mediation_report_and_documents_are_shown_only_with_the_patients_written_consent()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        await SeedAsync(database);

        var items = (await database.MemberView().GetPublishedAgendaAsync(ct: Ct))!.Items;

        var consented = items[1].Case!;
        Assert.True(consented.MedicalDataConsent);
        Assert.Equal("03/02/2026 — Rencontre de médiation\u00A0: Rencontre avec M. M. fils ; la famille de J. regrette le manque d'information.\n" +
                     "09/02/2026 — Compte rendu transmis au président de la CDU\u00A0: Le médecin a expliqué à M. P. M. la prise en charge cardiologique.",
            consented.MediationReport);
        Assert.Equal(["CR médiation M.pdf"], items[1].Documents);
        var refused = items[2].Case!;
        Assert.Equal((false, true, null), (refused.MedicalDataConsent, refused.HasMediationReport, refused.MediationReport));
        Assert.Empty(items[2].Documents);
    }

    [Fact]
    public async Task The_minutes_sent_to_the_president_are_shown_pseudonymised_with_the_consent_and_withheld_without_it()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var s = await SeedAsync(database);
        await database.Factory.AddMinutesAsync(s.WithConsent.Id, D(2026, 2, 3), MinutesStatus.Forwarded,
            "M. Pierre Ménard, fils du patient ; Dr Martin, médiateur", "« Mon père Joseph a attendu neuf heures sans nouvelles. »",
            "Un appel de la famille par l'infirmière d'accueil toutes les deux heures.", Ct);
        // A draft, or minutes not yet sent, are the mediator's: members never read them.
        await database.Factory.AddMinutesAsync(s.WithConsent.Id, D(2026, 2, 5), MinutesStatus.Approved, "M. Pierre Ménard", "Brouillon non transmis", ct: Ct);
        await database.Factory.AddMinutesAsync(s.WithoutConsent.Id, D(2026, 2, 20), MinutesStatus.SentToPresident,
            "Mme Hélène Le Gall-Lefèvre, patiente ; Maître Rousseau", "« Mes douleurs depuis l'opération n'ont jamais été prises au sérieux. »", ct: Ct);

        var items = (await database.MemberView().GetPublishedAgendaAsync(ct: Ct))!.Items;

        var consented = items[1].Case!;
        var minutes = Assert.Single(consented.Minutes);
        Assert.Equal((D(2026, 2, 3), (DateOnly?)D(2026, 2, 5), true, false), (minutes.MeetingOn, minutes.SentToPresidentOn, consented.HasMinutes, consented.MediationWithheld));
        Assert.Equal(
        [
            new CduMinutesSection("Personnes présentes et qualité", "M. P. M., fils du patient ; Dr M., médiateur"),
            new CduMinutesSection("Griefs exprimés par le plaignant", "« Mon père J. a attendu neuf heures sans nouvelles. »"),
            new CduMinutesSection("Propositions et engagements", "Un appel de la famille par l'infirmière d'accueil toutes les deux heures."),
        ], minutes.Sections);
        var refused = items[2].Case!;
        Assert.Equal((true, true), (refused.HasMinutes, refused.MediationWithheld));
        Assert.Empty(refused.Minutes);
        var json = JsonSerializer.Serialize(items, Json);
        Assert.DoesNotContain("douleurs", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Brouillon non transmis", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_case_summary_shown_writes_an_audit_line_for_the_member()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var s = await SeedAsync(database);

        await database.MemberView("j.bernard").GetPublishedAgendaAsync(s.Meeting.Id, Ct);

        await using var db = database.CreateContext();
        var lines = await db.AuditEntries.Where(a => a.Action == CduMemberViewService.AuditAction).OrderBy(a => a.CaseReference).ToListAsync(Ct);
        Assert.Equal([(s.WithConsent.Id, "PLT-2026-00001"), (s.WithoutConsent.Id, "PLT-2026-00002")],
            lines.Select(l => (l.CaseFileId!.Value, l.CaseReference!)));
        Assert.All(lines, l => Assert.Equal(("j.bernard", "Consultation (CDU)", "Ordre du jour de la séance du 26/03/2026"), (l.UserName, l.Action, l.Details)));
    }

    [Fact]
    public async Task Only_a_published_meeting_to_come_is_the_next_one_and_a_planned_agenda_stays_hidden()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var past = await database.AddMeetingAsync(D(2026, 3, 10), CduMeetingStatus.Held, new AgendaItem { Title = "Point passé" });
        var planned = await database.AddMeetingAsync(D(2026, 3, 20), CduMeetingStatus.Planned, new AgendaItem { Title = "Brouillon" });
        var view = database.MemberView();

        Assert.Null(await view.GetPublishedAgendaAsync(ct: Ct));
        Assert.Null(await view.GetPublishedAgendaAsync(planned.Id, Ct));
        Assert.Equal("Point passé", (await view.GetPublishedAgendaAsync(past.Id, Ct))!.Items[0].Title);

        var next = await database.AddMeetingAsync(D(2026, 4, 2), CduMeetingStatus.AgendaPublished, new AgendaItem { Title = "Prochaine" });
        Assert.Equal(next.Id, (await view.GetPublishedAgendaAsync(ct: Ct))!.MeetingId);
    }

    [Fact]
    public void The_members_view_types_hold_no_case_patient_or_party()
    {
        var forbidden = new[] { typeof(CaseFile), typeof(Patient), typeof(Party), typeof(CaseEvent), typeof(AgendaItem) };
        var seen = new HashSet<Type>();
        void Walk(Type type)
        {
            if (!seen.Add(type) || type.Namespace?.StartsWith("RelationsUsagers", StringComparison.Ordinal) != true)
            {
                foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
                    Walk(argument);
                return;
            }
            Assert.DoesNotContain(forbidden, f => f.IsAssignableFrom(type));
            foreach (var property in type.GetProperties())
                Walk(property.PropertyType);
        }

        Walk(typeof(CduMemberAgenda));

        Assert.Contains(typeof(CduCaseSummary), seen);
    }
}

public sealed class SqliteCduMemberViewTests : CduMemberViewTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlCduMemberViewTests : CduMemberViewTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
