using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Complaints;
using static RelationsUsagers.Core.Cases.CaseEventTypes;
using static RelationsUsagers.Core.Tests.Cdu.CduTestData;

namespace RelationsUsagers.Core.Tests.Cdu;

/// <summary>
/// What the CDU's texts say and how they are written: no placeholder published to the members, each fact once and in
/// the right case, members' roles in their inclusive form, counts agreed, French typography (Cdu/CduAgendaProposals.cs,
/// Cdu/CduAgendaService.cs, Cdu/CduLabels.cs, Cdu/CduCaseSummary.cs).
/// </summary>
public sealed class CduAgendaTextTests
{
    private const char Nbsp = '\u00A0';

    [Theory]
    [InlineData("Événements indésirables graves", "À compléter : nombre et nature des événements.", true)]
    [InlineData("À compléter", null, true)]
    [InlineData("Satisfaction", "Questionnaires de sortie.\na compléter", true)]
    [InlineData("Satisfaction", "[A COMPLETER]", true)]
    [InlineData("Satisfaction", "Taux de retour à compléter…", true)]
    [InlineData("Satisfaction", "Taux de retour\u00A0à compléter\u00A0: 11 %", true)]
    [InlineData("Règlement intérieur", "Pièces à compléter par le service qualité.", false)]
    [InlineData("Résultats des enquêtes de satisfaction", "Questionnaires de sortie : 1 284 reçus.", false)]
    public void A_placeholder_is_found_in_the_title_or_the_text_not_in_prose(string title, string? text, bool expected) =>
        Assert.Equal(expected, CduAgendaService.HasPlaceholder(new AgendaItem { Title = title, Text = text }));

    [Fact]
    public void A_mediation_note_that_repeats_its_label_is_written_once()
    {
        CaseEvent Report(string? note) => new() { Type = MediationReportSent, OccurredOn = D(2026, 3, 13), Note = note };

        Assert.Equal("13/03/2026 — Compte rendu transmis au président de la CDU",
            CduCaseSummary.ReportLine(Report("Compte rendu transmis au président de la CDU.")));
        Assert.Equal("13/03/2026 — Compte rendu transmis au président de la CDU", CduCaseSummary.ReportLine(Report(null)));
        Assert.Equal("13/03/2026 — Compte rendu transmis au président de la CDU le 13/03 par courriel.",
            CduCaseSummary.ReportLine(Report("Compte rendu transmis au président de la CDU le 13/03 par courriel.")));
        Assert.Equal($"13/03/2026 — Compte rendu transmis au président de la CDU{Nbsp}: la famille demande une seconde rencontre.",
            CduCaseSummary.ReportLine(Report("la famille demande une seconde rencontre.")));
    }

    [Fact]
    public void Members_roles_are_written_in_their_inclusive_form()
    {
        var president = new CduMember { FullName = "Mme Josiane Bernard", Category = CduCategory.PatientRepresentative, Office = CduOffice.President };
        var vice = new CduMember { FullName = "Dr Hélène Martin", Category = CduCategory.MedicalMediator, Office = CduOffice.VicePresident };
        var deputy = new CduMember { FullName = "Mme Colette Barbier", Category = CduCategory.PatientRepresentative, IsDeputy = true };
        var legal = new CduMember { FullName = "Mme Anne Castel", Category = CduCategory.LegalRepresentative };

        Assert.Equal("Représentant(e) des usagers titulaire, président(e)", president.RoleLabel());
        Assert.Equal("Médiateur(trice) médecin titulaire, vice-président(e)", vice.RoleLabel());
        Assert.Equal("Représentant(e) des usagers suppléant(e)", deputy.RoleLabel());
        Assert.Equal("Représentant(e) légal(e) de l'établissement", legal.RoleLabel());
        Assert.Equal(["Aucune", "Président(e)", "Vice-président(e)"], Enum.GetValues<CduOffice>().Select(o => o.Label()));
        Assert.All(Enum.GetValues<CduCategory>().Where(c => c != CduCategory.QualityOfficer),
            c => Assert.Contains("(", c.Label().Split(' ')[0], StringComparison.Ordinal));
    }

    [Fact]
    public void Counts_agree_with_their_noun_and_quarters_are_written_alike()
    {
        Assert.Equal(["0 renouvellement", "1 renouvellement", "2 renouvellements"], new[] { 0, 1, 2 }.Select(n => CduText.Count(n, "renouvellement")));
        Assert.Equal(["1er trimestre", "2e trimestre", "3e trimestre", "4e trimestre"], Enumerable.Range(1, 4).Select(CduText.Quarter));
        Assert.Equal("«\u00A0Point divers\u00A0»", CduText.Quoted("Point divers"));
    }

    /// <summary>
    /// A hospital group's quarter: 1,500 complaints do not fit an agenda item's text. The summary by service comes first, then
    /// the complaints as far as the text holds, then how many are left out and where the full list is; the title counts them all.
    /// </summary>

    [Fact]
    public void The_period_s_complaints_listed_past_an_item_s_room_are_counted_not_cut_mid_line()
    {
        var complaints = Enumerable.Range(1, 1500).Select(n =>
        {
            var c = TestCases.Complaint(D(2026, 1, 1).AddDays(n % 80));
            c.Reference = $"PLT-2026-{n:00000}";
            return c;
        }).ToList();

        var item = CduAgendaProposals.ComplaintsReceivedAndAnswered(complaints, D(2026, 1, 1), D(2026, 3, 26))!;

        Assert.Equal("Plaintes et réclamations reçues et réponses apportées du 01/01/2026 au 26/03/2026 (1\u202F500)", item.Title);
        Assert.True(item.Text!.Length <= AgendaItem.TextMaxLength, $"{item.Text.Length} caractères");
        var lines = item.Text.Split('\n');
        Assert.Equal($"Par service{Nbsp}: Urgences{Nbsp}: 1500 réclamations, 0 éloge.", lines[0]);
        var listed = lines.Count(l => l.StartsWith("PLT-2026-", StringComparison.Ordinal));
        // Each line is whole: "PLT-2026-00080 — Réclamation reçue le 01/01/2026 — Urgences — … — réponse en cours".
        Assert.All(lines.Where(l => l.StartsWith("PLT-", StringComparison.Ordinal)), l => Assert.EndsWith("réponse en cours", l, StringComparison.Ordinal));
        Assert.InRange(listed, 200, 1499);
        Assert.Equal($"… et {CduText.Number(1500 - listed)} autre(s), non listée(s) ici faute de place{Nbsp}: la liste complète est l'export du registre des plaintes (Exports).",
            lines[^1]);
    }

    /// <summary>Thousands of claims under way (R.1112-80 II e): listed as far as the text holds, counted, the article kept last.</summary>

    [Fact]
    public void Claims_for_information_past_an_item_s_room_are_counted_and_the_article_still_ends_the_text()
    {
        var claims = Enumerable.Range(1, 2000).Select(n =>
        {
            var c = TestCases.IndemnityClaim(D(2025, 1, 1).AddDays(n % 300));
            c.Reference = $"DI-2025-{n:00000}";
            return c;
        }).ToList();

        var item = CduAgendaProposals.ClaimsForInformation(claims, [])!;

        Assert.Equal("Demandes indemnitaires et contentieux en cours ou reçus (pour information) (2\u202F000)", item.Title);
        Assert.True(item.Text!.Length <= AgendaItem.TextMaxLength, $"{item.Text.Length} caractères");
        var lines = item.Text.Split('\n');
        var listed = lines.Count(l => l.StartsWith("DI-2025-", StringComparison.Ordinal));
        Assert.InRange(listed, 100, 1999);
        Assert.Equal($"… et {CduText.Number(2000 - listed)} autre(s), non listée(s) ici faute de place{Nbsp}: la liste complète est l'export du registre des indemnisations (Exports).", lines[^2]);
        Assert.Equal($"(Art. R.1112-80 II e du CSP{Nbsp}: nombre, nature et issue des recours.)", lines[^1]);
    }
}

/// <summary>The agenda's texts as the service builds them from stored cases and meetings, on each database.</summary>
public abstract class CduAgendaStoredTextTests
{
    protected abstract DatabaseProvider Provider { get; }

    private const char Nbsp = '\u00A0';

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publishing_is_refused_while_items_still_hold_a_placeholder_and_the_message_names_them()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var meeting = await database.AddMeetingAsync(D(2026, 3, 26));
        var agenda = database.Agenda();
        await agenda.AddAsync(meeting.Id, [new AgendaItem { Title = "Règlement intérieur", Text = "Pièces à compléter par le service qualité." }], Ct);
        await agenda.AddAsync(meeting.Id, (await agenda.ProposeAsync(meeting.Id, Ct))
            .Where(i => i.Kind is AgendaItemKind.SeriousAdverseEvents or AgendaItemKind.SatisfactionResults), Ct);

        var both = await Assert.ThrowsAsync<CaseRuleException>(() => agenda.PublishAsync(meeting.Id, meeting.ConcurrencyStamp, ct: Ct));

        Assert.Equal($"Les points 2 «{Nbsp}Événements indésirables graves 2026 et actions correctives{Nbsp}» et 3 «{Nbsp}Résultats des " +
                     $"enquêtes de satisfaction{Nbsp}» contiennent encore «{Nbsp}À compléter{Nbsp}»{Nbsp}: complétez-les ou retirez-les " +
                     "avant de publier l'ordre du jour.", both.Message);
        var stored = (await database.Meetings().GetAsync(meeting.Id, Ct))!;
        Assert.Equal((CduMeetingStatus.Planned, null, null), (stored.Status, stored.ConvocationSentOn, stored.AgendaPublishedOn));

        var adverse = stored.Agenda.Single(i => i.Kind == AgendaItemKind.SeriousAdverseEvents);
        adverse.Text = "Deux événements indésirables graves déclarés ; analyses en RMM.";
        await agenda.UpdateAsync(adverse, Ct);
        var one = await Assert.ThrowsAsync<CaseRuleException>(() => agenda.PublishAsync(meeting.Id, meeting.ConcurrencyStamp, ct: Ct));
        Assert.Equal($"Le point 3 «{Nbsp}Résultats des enquêtes de satisfaction{Nbsp}» contient encore «{Nbsp}À compléter{Nbsp}»{Nbsp}: " +
                     "complétez-le ou retirez-le avant de publier l'ordre du jour.", one.Message);

        await agenda.RemoveAsync(stored.Agenda.Single(i => i.Kind == AgendaItemKind.SatisfactionResults).Id, Ct);
        var published = await agenda.PublishAsync(meeting.Id, meeting.ConcurrencyStamp, ct: Ct);
        Assert.Equal(CduMeetingStatus.AgendaPublished, published.Status);

        // Once published, members read the agenda as it is: a placeholder cannot come in afterwards either.
        var late = await Assert.ThrowsAsync<CaseRuleException>(() => agenda.AddAsync(meeting.Id,
            [new AgendaItem { Title = "Questions diverses", Text = "À compléter" }], Ct));
        Assert.StartsWith($"L'ordre du jour est publié : le point «{Nbsp}Questions diverses{Nbsp}»", late.Message, StringComparison.Ordinal);
        adverse.Text = "À compléter : analyses en cours.";
        await Assert.ThrowsAsync<CaseRuleException>(() => agenda.UpdateAsync(adverse, Ct));
        Assert.Equal(2, (await database.Meetings().GetAsync(meeting.Id, Ct))!.Agenda.Count);
    }

    [Fact]
    public async Task Claims_name_their_procedure_in_lower_case_once_and_the_status_only_when_it_adds_something()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var meeting = await database.AddMeetingAsync(D(2026, 3, 26));
        await database.AddCaseAsync(TestCases.IndemnityClaim(D(2026, 2, 10)), "IND-2026-00001", CaseStatus.DeclaredToInsurer);
        var cci = TestCases.IndemnityClaim(D(2026, 2, 12));
        cci.Procedure = ClaimProcedure.Cci;
        await database.AddCaseAsync(cci, "IND-2026-00002", CaseStatus.CciProcedure);
        var court = TestCases.IndemnityClaim(D(2026, 2, 14));
        court.Procedure = ClaimProcedure.AdministrativeCourt;
        await database.AddCaseAsync(court, "IND-2026-00003", CaseStatus.Litigation);
        var litigation = Complaint(D(2026, 2, 20), "Chirurgie orthopédique");
        litigation.IsLitigation = true;
        await database.AddCaseAsync(litigation, "PLT-2026-00009", CaseStatus.AwaitingCdu);

        var item = (await database.Agenda().ProposeAsync(meeting.Id, Ct)).Single(i => i.Kind == AgendaItemKind.IndemnityClaimsForInformation);

        Assert.Equal(
        [
            "IND-2026-00001 — demande indemnitaire reçue le 10/02/2026 — Orthopédie — procédure amiable — déclaré à l'assureur",
            "IND-2026-00002 — demande indemnitaire reçue le 12/02/2026 — Orthopédie — procédure CCI",
            "IND-2026-00003 — demande indemnitaire reçue le 14/02/2026 — Orthopédie — recours devant le tribunal administratif — contentieux",
            "PLT-2026-00009 — réclamation contentieuse reçue le 20/02/2026 — Chirurgie orthopédique — en attente d'examen CDU",
            $"(Art. R.1112-80 II e du CSP{Nbsp}: nombre, nature et issue des recours.)",
        ], item.Text!.Split('\n'));
    }

    [Fact]
    public async Task Case_items_read_once_with_a_non_breaking_space_before_every_colon()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        await database.AddMeetingAsync(D(2025, 12, 9), CduMeetingStatus.Held);
        var meeting = await database.AddMeetingAsync(D(2026, 3, 26));
        var withReport = Complaint(D(2026, 2, 5), "Gériatrie", ComplaintMotive.NursingCare, ComplaintMotive.Information);
        (withReport.MediationType, withReport.MediatorName) = (MediationType.NonMedical, "Mme Morel");
        await database.AddCaseAsync(withReport, "PLT-2026-00005", CaseStatus.AwaitingCdu,
            (MediatorReferred, D(2026, 2, 10), null), (MediationReportSent, D(2026, 3, 2), "Compte rendu transmis au président de la CDU."));
        await database.AddCaseAsync(Complaint(D(2026, 2, 1), "Maternité"), "PLT-2026-00004", CaseStatus.AwaitingCdu);
        await database.AddCaseAsync(TestCases.AccessRequest(D(2026, 2, 2)), "DAD-2026-00001", CaseStatus.Sent, (CopySent, D(2026, 2, 6), null));
        await database.AddAsync(new CduRecommendation { Year = 2025, Text = "Réviser le livret d'accueil.", Owner = "Direction de la qualité",
            Status = CduRecommendationStatus.InProgress });

        var items = await database.Agenda().ProposeAsync(meeting.Id, Ct);

        Assert.Equal($"Médiation non médicale ; compte rendu transmis à la présidence de la CDU le 02/03/2026. Avis de la CDU attendu " +
                     "(art. R.1112-94 du CSP).", items.Single(i => i.Kind == AgendaItemKind.MediationReportAwaitingCdu).Text);
        Assert.Equal($"Réclamation reçue le 01/02/2026 ; motif{Nbsp}: Délais d'attente.", items.Single(i => i.Kind == AgendaItemKind.ComplaintToExamine).Text);
        Assert.Equal($"2025 — Réviser le livret d'accueil. — responsable{Nbsp}: Direction de la qualité — en cours",
            items.Single(i => i.Kind == AgendaItemKind.RecommendationFollowUp).Text);
        Assert.All(items, i =>
        {
            Assert.DoesNotContain(" :", $"{i.Title}\n{i.Text}", StringComparison.Ordinal);
            Assert.DoesNotContain("« ", $"{i.Title}\n{i.Text}", StringComparison.Ordinal);
            Assert.DoesNotContain(" »", $"{i.Title}\n{i.Text}", StringComparison.Ordinal);
        });
    }
}

public sealed class SqliteCduAgendaStoredTextTests : CduAgendaStoredTextTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlCduAgendaStoredTextTests : CduAgendaStoredTextTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
