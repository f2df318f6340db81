using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Data.DemoSeed;
using RelationsUsagers.Core.Requisitions;
using static RelationsUsagers.Core.Tests.Cdu.CduTestData;

namespace RelationsUsagers.Core.Tests.Cdu;

/// <summary>
/// Every person of the database out of what members read, and the officer's check before publishing
/// (Cdu/CduPublicationCheck.cs, Cdu/PersonNameIndex.cs, CduAgendaService.PublishAsync).
/// </summary>
public abstract class CduPublicationCheckTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CduPublicationCheckService Checks(TestDatabase database) => new(database.Factory, database.Clock);

    /// <summary>Hélène Lefèvre's complaint, which no item of the agendas below cites.</summary>
    private static async Task<Complaint> NotCitedAsync(TestDatabase database)
    {
        var complaint = Complaint(D(2026, 1, 5));
        (complaint.Patient.FirstName, complaint.Patient.LastName, complaint.Patient.PatientNumber) = ("Hélène", "Lefèvre", "700123456");
        complaint.Requester = new Party { Name = "Mme Josiane Bernard (fille de la patiente)" };
        return await database.AddCaseAsync(complaint, "PLT-2026-00007", CaseStatus.Received);
    }

    [Fact]
    public async Task A_patient_of_a_case_the_agenda_does_not_cite_is_taken_out_of_a_free_item_and_of_a_document_name()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        await NotCitedAsync(database);
        await database.AddMeetingAsync(D(2026, 3, 26), CduMeetingStatus.AgendaPublished,
            new AgendaItem
            {
                Kind = AgendaItemKind.FreeItem, Title = "Courrier de Josiane Bernard",
                Text = "Hélène Lefèvre, née le 21/06/1958, demande à être entendue ; écrire au 12 rue des Lilas, 44000 Nantes.",
                Documents = [new AgendaDocument { Name = "Lettre Lefèvre.pdf" }],
            });

        var item = (await database.MemberView().GetPublishedAgendaAsync(ct: Ct))!.Items.Single();

        Assert.Equal("Courrier de J. B.", item.Title);
        Assert.Equal("H. L., née en 1958, demande à être entendue ; écrire au [adresse retirée].", item.Text);
        Assert.Equal(["Lettre L.pdf"], item.Documents);
    }

    [Fact]
    public async Task The_index_knows_the_people_named_in_case_fields_and_no_institution()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var complaint = Complaint(D(2026, 1, 5));
        (complaint.MediatorName, complaint.AccompanyingRepresentative) = ("Dr Philippe Vasseur (médiateur médecin)", "Mme Colette Quéré (France Assos Santé)");
        await database.AddCaseAsync(complaint, "PLT-2026-00001", CaseStatus.Received);
        var claim = new IndemnityClaim { ReceivedOn = D(2026, 1, 6), LawyerName = "Maître Claire Le Meur", Patient = new Patient { FirstName = "Paul", LastName = "Abgrall" } };
        await database.AddCaseAsync(claim, "IND-2026-00001", CaseStatus.Received);
        var requisition = new Requisition
        {
            ReceivedOn = D(2026, 1, 7), OfficerName = "Lieutenant Yannick Kerbrat", MagistrateName = "Mme Laurence Carof, substitut du procureur",
            SecrecyReviewBy = "Dr Catherine Mallet (DIM)", OrdreRepresentative = "Dr Bernard Lemoine, conseil départemental de l'Ordre des médecins",
            Patient = new Patient { FirstName = "Kevin", LastName = "Perrin" }, Requester = new Party { Name = "Commissariat de Nantes" },
        };
        await database.AddCaseAsync(requisition, "REQ-2026-00001", CaseStatus.Received);

        await using var db = database.CreateContext();
        var index = await PersonNameIndex.LoadAsync(db, Ct);

        var text = "Vasseur, Quéré, Le Meur, Abgrall, Kerbrat, Carof, Mallet, Lemoine et Perrin ; Tribunal de Nantes, conseil de l'Ordre des médecins, Lieutenant.";
        Assert.Equal("V., Q., L. M., A., K., C., M., L. et P. ; Tribunal de Nantes, conseil de l'Ordre des médecins, Lieutenant.",
            new Pseudonymiser(index).Scrub(text).Text);
    }

    [Fact]
    public async Task The_check_shows_each_text_with_what_is_taken_out_what_members_will_read_and_what_still_looks_personal()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        await NotCitedAsync(database);
        var meeting = await database.AddMeetingAsync(D(2026, 3, 26), CduMeetingStatus.Planned,
            new AgendaItem { Title = "Règlement intérieur", Text = "Révision de l'article 4." },
            new AgendaItem { Title = "Demande d'une usagère", Text = "Mme Lefèvre, née le 21/06/1958 ; rappeler lefevre, arrivé le 03/02/1950." });

        var check = (await Checks(database).CheckAsync(meeting.Id, Ct))!;

        Assert.Equal(4, check.TextCount);
        var entry = Assert.Single(check.Entries);
        Assert.Equal((2, "Demande d'une usagère", "Texte"), (entry.Position, entry.ItemTitle, entry.Field));
        Assert.Equal("Mme L., née en 1958 ; rappeler lefevre, arrivé le 03/02/1950.", entry.Result.Text);
        Assert.Equal([(PersonalDataKind.Name, "Lefèvre"), (PersonalDataKind.BirthDate, "le 21/06/1958")],
            entry.Result.Removals.Select(r => (r.Kind, entry.Result.Original.Substring(r.Start, r.Length))));
        Assert.Equal([("lefevre", "nom d'une personne connue, écrit en minuscules"), ("03/02/1950", "date ancienne\u00A0: une date de naissance\u00A0?")],
            entry.Result.Signals.Select(s => (entry.Result.Text.Substring(s.PreviewStart, s.Length), s.Reason)));
        Assert.False(check.IsClean);
    }

    [Fact]
    public async Task Publishing_with_a_passage_still_signalled_needs_the_confirmation_of_that_very_check()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        await NotCitedAsync(database);
        var meeting = await database.AddMeetingAsync(D(2026, 3, 26), CduMeetingStatus.Planned,
            new AgendaItem { Title = "Demande d'une usagère", Text = "Rappeler lefevre." });
        var agenda = database.Agenda();
        var first = (await Checks(database).CheckAsync(meeting.Id, Ct))!;

        var refused = await Assert.ThrowsAsync<CaseRuleException>(() => agenda.PublishAsync(meeting.Id, meeting.ConcurrencyStamp, ct: Ct));
        Assert.Equal("La vérification avant publication signale 1 passage qui pourrait encore désigner une personne\u00A0: corrigez-le ou " +
                     "confirmez, après relecture, qu'aucun ne désigne une personne.", refused.Message);

        // A passage added after the check is not covered by its confirmation.
        var item = (await database.Meetings().GetAsync(meeting.Id, Ct))!.Agenda.Single();
        item.Text = "Rappeler lefevre, et bernard.";
        await agenda.UpdateAsync(item, Ct);
        await Assert.ThrowsAsync<CaseRuleException>(() => agenda.PublishAsync(meeting.Id, meeting.ConcurrencyStamp, confirmedCheck: first.Fingerprint, ct: Ct));

        var second = (await Checks(database).CheckAsync(meeting.Id, Ct))!;
        Assert.Equal(2, second.SignalCount);
        var published = await agenda.PublishAsync(meeting.Id, meeting.ConcurrencyStamp, confirmedCheck: second.Fingerprint, ct: Ct);
        Assert.Equal(CduMeetingStatus.AgendaPublished, published.Status);
    }

    [Fact]
    public async Task A_clean_agenda_is_published_without_confirmation()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        await NotCitedAsync(database);
        var meeting = await database.AddMeetingAsync(D(2026, 3, 26), CduMeetingStatus.Planned,
            new AgendaItem { Title = "Courrier de Mme Lefèvre", Text = "Réponse envoyée le 12/03/2026 ; un petit retard à l'accueil." });

        var check = (await Checks(database).CheckAsync(meeting.Id, Ct))!;

        Assert.True(check.IsClean);
        Assert.Equal(1, check.RemovalCount);
        Assert.Equal(CduMeetingStatus.AgendaPublished, (await database.Agenda().PublishAsync(meeting.Id, meeting.ConcurrencyStamp, ct: Ct)).Status);
    }

    [Fact]
    public async Task The_texts_of_the_demo_cases_raise_no_signal_and_the_demo_agenda_is_clean()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        await DemoCaseSeeder.SeedAsync(database.Factory, database.Clock, Ct);
        await CduDemoSeeder.SeedAsync(database.Factory, database.Clock, Ct);
        await using var db = database.CreateContext();
        var index = await PersonNameIndex.LoadAsync(db, Ct);
        var files = await db.CaseFiles.AsNoTracking().Include(c => c.Events).AsSplitQuery().ToListAsync(Ct);

        var signals = new List<string>();
        foreach (var file in files)
        {
            var scrubber = new Pseudonymiser(index, CduCaseSummary.NamesOf([file]), checkOn: TestDatabase.Today);
            var texts = new[] { file.Summary, (file as Complaint)?.CduOpinionText }.Concat(file.Events.Select(e => e.Note));
            foreach (var result in texts.Select(scrubber.Scrub))
                signals.AddRange(result.Signals.Select(s => $"{file.Reference}: « {result.Original.Substring(s.Start, s.Length)} » ({s.Reason}) in « {result.Original} »"));
        }

        Assert.True(files.Count >= 300, $"{files.Count} demo cases");
        Assert.True(signals.Count == 0, string.Join("\n", signals));
        var next = await db.CduMeetings.AsNoTracking().SingleAsync(m => m.Status == CduMeetingStatus.AgendaPublished, Ct);
        Assert.True((await Checks(database).CheckAsync(next.Id, Ct))!.IsClean);
    }
}

public sealed class SqliteCduPublicationCheckTests : CduPublicationCheckTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlCduPublicationCheckTests : CduPublicationCheckTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
