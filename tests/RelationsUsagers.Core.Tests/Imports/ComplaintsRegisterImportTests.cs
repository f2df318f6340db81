using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Complaints.Import;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Imports;
using RelationsUsagers.Core.Queue;
using static RelationsUsagers.Core.Tests.AccessRequests.Import.DashboardFiles;
using F = RelationsUsagers.Core.Complaints.Import.ComplaintRegisterField;
using RegisterPreview = RelationsUsagers.Core.Imports.ImportPreview<RelationsUsagers.Core.Complaints.Import.ComplaintRegisterField, RelationsUsagers.Core.Complaints.Import.ComplaintRegisterEntry>;

namespace RelationsUsagers.Core.Tests.Imports;

/// <summary>
/// Complaints registers kept in different ways, built here (columns of the usual register, CSP R.1112-80 I), imported through
/// the same machinery as the access dashboard: labels, order, a merged name column under title lines, open lines in the
/// status their dates say, duplicates, rejected lines fixed and imported again (today: 15 March 2026).
/// </summary>
public abstract class ComplaintsRegisterImportTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<RegisterPreview> PreviewAsync(TestDatabase database, byte[] bytes, string name = "registre.xlsx") =>
        new ComplaintsRegisterImporter(database.Factory, database.Clock).PreviewAsync(new MemoryStream(bytes), name, ct: Ct);

    /// <summary>The register as the rules list its columns, with the words an office writes in its header row.</summary>
    internal static byte[] UsualRegister() => Build("Plaintes 2026",
        ["N°", "Date réception", "Canal", "Patient concerné", "Plaignant", "Qualité du plaignant", "Service concerné", "Date des faits", "Objet",
            "Motif", "Caractère", "Date de l'accusé", "Médiation", "Réponse le", "Suite donnée", "Délai de réponse (jours)"],
        ["R-2026-001", "05/01/2026", "Courrier", "DURAND Paul", null, "Patient", "Cardiologie", "28/12/2025", "Attente de huit heures aux urgences",
            "Délais d'attente", "Réclamation", "07/01/2026", "Non", "20/01/2026", "Excuses présentées", "=N2-B2"],
        ["R-2026-002", "06/01/2026", "Mail", "LEROY Anne", "Marc Leroy", "Fils", "Urgences", null, "Perte de lunettes",
            "Biens et valeurs", "Plainte", "08/01/2026", null, "25/01/2026", null, null],
        ["R-2026-003", "07/01/2026", "Oral consigné", "FAURE Jean", null, null, "Gériatrie", null, "Remerciements à l'équipe de nuit",
            null, "Éloge", null, null, "12/01/2026", null, null],
        ["R-2026-004", "08/01/2026", "pigeon voyageur", "MOREL Lucie", null, "Patiente", "Neurologie", null, "Facture reçue deux fois",
            "Facturation / accueil", "Réclamation", "09/01/2026", null, "30/01/2026", null, null]);

    [Fact]
    public async Task A_register_kept_as_the_rules_list_it_maps_every_column_surely_and_imports_its_four_lines_as_closed_complaints()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var preview = await PreviewAsync(database, UsualRegister());

        Assert.Equal((1, 4, 4, 0, 0), (preview.HeaderRow, preview.Rows.Count, preview.NewCount, preview.RejectedCount, preview.DoubtfulColumns.Count));
        Assert.Equal([F.FormerReference, F.ReceivedOn, F.Channel, F.PatientName, F.Complainant, F.ComplainantCapacity, F.Services, F.FactsOn,
            F.Summary, F.Motives, F.Nature, F.AcknowledgedOn, F.Mediation, F.AnswerSentOn, F.Outcome, F.Ignored],
            "ABCDEFGHIJKLMNOP".Select(c => preview.Mapping[c.ToString()]));
        Assert.Contains("L « Date de l'accusé » → Date de l'accusé de réception (100 %)", preview.UsedColumns);
        Assert.Equal(["P « Délai de réponse (jours) » → ignorée"], preview.IgnoredColumns);

        var result = await new ComplaintsRegisterImporter(database.Factory, database.Clock).ImportAsync(preview, Ct);

        Assert.Equal((4, 4, 0, 0), (result.Read, result.Imported, result.Rejected, result.SkippedDuplicates));
        await using var db = database.CreateContext();
        var complaints = await db.Complaints.Include(c => c.Events).ToDictionaryAsync(c => c.FormerReference!, Ct);
        var durand = complaints["R-2026-001"];
        Assert.Equal((CaseStatus.Closed, new DateOnly(2026, 1, 20), "Excuses présentées"), (durand.Status, durand.ClosedOn, durand.Outcome));
        Assert.Equal(("DURAND Paul", "Patient", Channel.Mail, new DateOnly(2025, 12, 28)),
            (durand.Requester.Name, durand.Requester.Capacity, durand.Channel, durand.FactsOn));
        Assert.Equal([ComplaintMotive.WaitingTimes], durand.Motives);
        Assert.Equal([CaseEventTypes.Received, CaseEventTypes.AcknowledgementSent, CaseEventTypes.AnswerSent, CaseEventTypes.Closed],
            durand.Events.OrderBy(e => e.OccurredOn).ThenBy(e => e.Type == CaseEventTypes.Closed).Select(e => e.Type));
        var leroy = complaints["R-2026-002"];
        Assert.Equal(("Marc Leroy", "Fils", ComplaintNature.Complaint, ComplaintsRegister.AnsweredOutcome),
            (leroy.Requester.Name, leroy.Requester.Capacity, leroy.Nature, leroy.Outcome));
        // R.1112-91: an oral complaint written down; praise needs no motive.
        var faure = complaints["R-2026-003"];
        Assert.Equal((Channel.OralRecorded, ComplaintNature.Praise, 0), (faure.Channel, faure.Nature, faure.Motives.Count));
        // An unknown channel is « Non renseigné », the words typed kept with the object.
        var morel = complaints["R-2026-004"];
        Assert.Equal((Channel.NotStated, "Facture reçue deux fois\nCanal de réception : « pigeon voyageur »"), (morel.Channel, morel.Summary));
        Assert.Equal([ComplaintMotive.Billing, ComplaintMotive.Reception], morel.Motives);
        // Each complaint is one the portal itself would accept.
        var validators = database.CreateValidators();
        Assert.All(complaints.Values, c => Assert.True(validators.Validate(c).IsValid, string.Join(" ", validators.Validate(c).Errors)));
        Assert.Equal(["Registre des plaintes « registre.xlsx › Plaintes 2026 » : 4 plainte(s) créée(s) avec leur historique, 0 ligne(s) rejetée(s), 0 doublon(s) ignoré(s)."],
            await db.AuditEntries.Where(a => a.Action == ComplaintsRegisterImporter.ImportAction).Select(a => a.Details).ToListAsync(Ct));
    }

    /// <summary>Another office: title lines, other words in another order, the name and first name in one column, a TOTAL line.</summary>
    private static byte[] OtherWordsUnderTitles() => Build("Registre",
        ["CENTRE HOSPITALIER — Relations avec les usagers"],
        ["Registre des plaintes et réclamations 2026"],
        [],
        ["Nom prénom", "Reçue le", "Thème", "Résumé", "UF", "AR le", "Date de réponse", "N° d'ordre", "Observations"],
        ["GARNIER Louise", "02/02/2026", "Relations avec le personnel", "Propos déplacés d'un brancardier", "Urgences", "03/02/2026", "20/02/2026", 1, null],
        ["Petit Hugo", "03/02/2026", "Information", "Pas d'information sur la sortie", "Pédiatrie", "04/02/2026", null, 2, "relancé le 01/03"],
        ["ROCHE Émile", "31/02/2026", "Hôtellerie", "Repas froids", "Gériatrie", null, null, 3, null],
        [],
        ["TOTAL", "=COUNTA(A5:A7)"]);

    [Fact]
    public async Task A_register_in_other_words_under_title_lines_splits_the_merged_name_and_rejects_only_the_impossible_date()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var preview = await PreviewAsync(database, OtherWordsUnderTitles());

        Assert.Equal((4, 3, 2, 1), (preview.HeaderRow, preview.Rows.Count, preview.NewCount, preview.RejectedCount));
        Assert.Equal([F.PatientName, F.ReceivedOn, F.Motives, F.Summary, F.Services, F.AcknowledgedOn, F.AnswerSentOn, F.FormerReference, F.Remarks],
            "ABCDEFGHI".Select(c => preview.Mapping[c.ToString()]));
        Assert.Equal([(8, ComplaintsRegisterImporter.BlankReason), (9, ComplaintsRegisterImporter.TotalReason)],
            preview.Skipped.Select(s => (s.Row, s.Reason)));
        Assert.Equal(("GARNIER", "Louise"), (preview.Rows[0].Entry!.PatientLastName, preview.Rows[0].Entry!.PatientFirstName));
        Assert.Equal("Ligne 7, colonne B (Date de réception) : « 31/02/2026 » n'est pas une date valide.", Assert.Single(preview.Rows[2].Errors).Message);

        await new ComplaintsRegisterImporter(database.Factory, database.Clock).ImportAsync(preview, Ct);

        await using var db = database.CreateContext();
        var petit = await db.Complaints.SingleAsync(c => c.Patient.LastName == "Petit", Ct);
        // Without a closing column, an answered line is done; this one is not answered yet: acknowledged, still open.
        Assert.Equal((CaseStatus.Acknowledged, "Hugo", "2"), (petit.Status, petit.Patient.FirstName, petit.FormerReference));
        Assert.Equal([ComplaintMotive.Information], petit.Motives);
        Assert.Equal("Pas d'information sur la sortie\nObservations : relancé le 01/03", petit.Summary);
        Assert.Equal(CaseStatus.Closed, (await db.Complaints.SingleAsync(c => c.Patient.LastName == "GARNIER", Ct)).Status);
    }

    /// <summary>Open lines of a register that keeps a closing column: each stands at the last step its dates reach.</summary>
    private static byte[] OpenLines() => Build("En cours",
        ["N°", "Date de réception", "Nom du patient", "Motif", "Date AR", "Date de saisine du médiateur", "Date CDU", "Réponse le", "Clôture"],
        ["P-10", "10/03/2026", "BLANC Yves", "Accueil", "à faire", null, null, null, null],
        ["P-11", "02/03/2026", "NOIR Alice", "Soins infirmiers", "04/03/2026", null, null, null, null],
        ["P-12", "23/02/2026", "VERT Léon", "Prise en charge médicale", "24/02/2026", "09/03/2026", null, null, null],
        ["P-13", "02/02/2026", "GRIS Paule", "Droits des patients", "03/02/2026", null, "10/03/2026", null, null],
        ["P-14", "05/01/2026", "ROUX Marc", "Sortie", "06/01/2026", null, null, "20/01/2026", "en cours"],
        ["P-15", "05/01/2026", "BRUN Zoé", "Repas", "06/01/2026", null, null, "20/01/2026", "25/01/2026"]);

    [Fact]
    public async Task Open_lines_come_in_open_in_the_status_their_dates_say_with_their_deadlines_running()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var preview = await PreviewAsync(database, OpenLines());
        Assert.Equal((6, 0), (preview.NewCount, preview.RejectedCount));

        await new ComplaintsRegisterImporter(database.Factory, database.Clock).ImportAsync(preview, Ct);

        await using var db = database.CreateContext();
        var byRef = await db.Complaints.ToDictionaryAsync(c => c.FormerReference!, Ct);
        Assert.Equal([CaseStatus.Received, CaseStatus.Acknowledged, CaseStatus.InMediation, CaseStatus.AwaitingCdu, CaseStatus.Answered, CaseStatus.Closed],
            new[] { "P-10", "P-11", "P-12", "P-13", "P-14", "P-15" }.Select(r => byRef[r].Status));
        // R.1112-92 (office's targets: acknowledgement within 8 days, answer within a month): 10/03 → 18/03; acknowledged,
        // the answer 02/03 → 02/04. R.1112-93: the mediator meets within 8 days of being referred to, 09/03 → 17/03 (before
        // the answer due 23/03). R.1112-94 al.3: the answer within 8 days of the CDU, 10/03 → 18/03, but the month from the
        // receipt (02/02 → 02/03) is already overdue and comes first.
        Assert.Equal<DateOnly?>([new(2026, 3, 18), new(2026, 4, 2), new(2026, 3, 17), new(2026, 3, 2), null, null],
            new[] { "P-10", "P-11", "P-12", "P-13", "P-14", "P-15" }.Select(r => byRef[r].NextDueOn));
        Assert.Equal("Accueil\nDate de l'accusé de réception : « à faire »", byRef["P-10"].Summary);
        Assert.Equal(new DateOnly(2026, 3, 10), byRef["P-13"].CduMeetingOn);
        Assert.Equal((new DateOnly(2026, 1, 25), ComplaintsRegister.AnsweredOutcome), (byRef["P-15"].ClosedOn, byRef["P-15"].Outcome));

        // The register's own number is searchable, as for the access dashboard.
        var found = await new CaseQueueService(database.Factory, database.Clock).GetPageAsync(new QueueFilter { Search = "p-12" }, new PageRequest(0, 25), Ct);
        Assert.Equal([byRef["P-12"].Reference], found.Items.Select(i => i.Reference));
    }

    [Fact]
    public async Task Duplicates_show_in_the_preview_against_the_portal_and_within_the_file_before_anything_is_written()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var importer = new ComplaintsRegisterImporter(database.Factory, database.Clock);
        await importer.ImportAsync(await PreviewAsync(database, UsualRegister()), Ct);

        var again = await PreviewAsync(database, Build("Plaintes",
            ["Date de réception", "Patient", "Plaignant", "Motif"],
            ["05/01/2026", "Paul Durand", null, "Accueil"],
            ["06/01/2026", "LEROY Anne", "Leroy Marc", "Perte d'objets"],
            ["09/01/2026", "BRUN Zoé", null, "Repas"],
            ["09/01/2026", "BRUN Zoé", null, "Repas"]));

        Assert.Equal((4, 1, 3), (again.ValidCount, again.NewCount, again.DuplicateCount));
        await using var db = database.CreateContext();
        var references = await db.Complaints.ToDictionaryAsync(c => c.Patient.LastName, c => c.Reference, Ct);
        Assert.Equal([$"déjà enregistrée ({references["DURAND"]})", $"déjà enregistrée ({references["LEROY"]})", null, "même plainte que la ligne 4"],
            again.Rows.Select(r => r.DuplicateOf));
        Assert.Equal(4, await db.Complaints.CountAsync(Ct));

        var result = await importer.ImportAsync(again, Ct);
        Assert.Equal((1, 3), (result.Imported, result.SkippedDuplicates));
        Assert.Equal($"Ligne 5 : même plainte que la ligne 4 ({result.References.Single()}).", result.Duplicates[^1]);
    }

    [Fact]
    public async Task Without_a_complainant_column_a_relatives_complaint_is_named_once_at_the_header()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var preview = await PreviewAsync(database, Build("Registre",
            ["Date de réception", "Nom du patient", "Qualité", "Motif"],
            ["02/03/2026", "BLANC Yves", "Patient", "Accueil"],
            ["03/03/2026", "NOIR Alice", "Fille", "Repas"]));

        Assert.Equal((1, 1), (preview.NewCount, preview.RejectedCount));
        Assert.Equal("Aucune colonne ne donne le nom du plaignant (« Plaignant ») : les 1 ligne(s) dont le plaignant n'est pas le patient (lignes 3) "
            + "sont rejetées. Associez la colonne qui le contient.", Assert.Single(preview.Warnings));
    }

    [Fact]
    public async Task The_rejected_lines_workbook_says_why_and_once_fixed_imports_again()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var importer = new ComplaintsRegisterImporter(database.Factory, database.Clock);
        var preview = await PreviewAsync(database, Build("Registre",
            ["N°", "Date de réception", "Nom du patient", "Motif", "Objet"],
            ["A-1", "02/03/2026", "BLANC Yves", "Accueil", "Attente au guichet"],
            ["A-2", "03/03/2026", "NOIR Alice", "Parking", "Pas de place"]), "registre-2026.xlsx");
        Assert.Equal("Ligne 3, colonne D (Motifs) : « Parking » n'est pas un motif reconnu (prise en charge médicale, soins paramédicaux, "
            + "information / communication, relations avec le personnel, accueil / administratif, délais d'attente, hôtellerie / restauration, "
            + "biens et valeurs / perte d'objets, facturation, droits des patients / dignité / confidentialité, sortie / transfert, dossier médical).",
            Assert.Single(preview.Rows[1].Errors).Message);
        await importer.ImportAsync(preview, Ct);

        byte[] fixedFile;
        using (var workbook = new XLWorkbook(new MemoryStream(RejectedLinesWorkbook.Write(preview))))
        {
            var sheet = workbook.Worksheet(RejectedLinesWorkbook.SheetName);
            Assert.Equal(["N°", "Date de réception", "Nom du patient", "Motif", "Objet", RejectedLinesWorkbook.ReasonHeader],
                sheet.Row(1).CellsUsed().Select(c => c.GetString()));
            Assert.Equal(2, sheet.LastRowUsed()!.RowNumber());
            Assert.StartsWith("Ligne 3 du fichier « registre-2026.xlsx »\nMotifs : « Parking » n'est pas un motif reconnu", sheet.Cell(2, 6).GetString());
            // The officer classes it in Excel: the parking is part of the reception.
            sheet.Cell(2, 4).SetValue("Accueil");
            using var saved = new MemoryStream();
            workbook.SaveAs(saved);
            fixedFile = saved.ToArray();
        }
        var again = await PreviewAsync(database, fixedFile, "lignes-rejetees.xlsx");

        Assert.Equal((1, 1, 0, 0), (again.HeaderRow, again.NewCount, again.DuplicateCount, again.RejectedCount));
        Assert.Contains("F « Motif du rejet » → ignorée", again.IgnoredColumns);
        await importer.ImportAsync(again, Ct);
        var noir = await database.CreateContext().Complaints.SingleAsync(c => c.Patient.LastName == "NOIR", Ct);
        Assert.Equal(("A-2", "Pas de place"), (noir.FormerReference, noir.Summary));
        Assert.Equal([ComplaintMotive.Reception], noir.Motives);
    }

    /// <summary>The CDU's column of the register (R.1112-94): its opinion in words, beside the meeting's date or without it.</summary>
    private static byte[] CduOpinions() => Build("CDU",
        ["N°", "Date de réception", "Nom du patient", "Motif", "Objet", "Date CDU", "Avis CDU"],
        ["C-1", "05/01/2026", "VASSEUR Odile", "Accueil", "Attente au guichet", "10/03/2026", "Recommandation : renfort de l'accueil le lundi"],
        ["C-2", "06/01/2026", "BRUNEAU Yann", "Soins infirmiers", "Pansement oublié", "10/03/2026", "Information sur les voies de recours (CCI)"],
        ["C-3", "07/01/2026", "TESSIER Maud", "Repas", "Repas froid", "10/03/2026", "Réponse de l'établissement jugée complète"],
        ["C-4", "08/01/2026", "LEGRIS Noam", "Facturation", "Facture en double", null, "Classement"]);

    [Fact]
    public async Task The_CDU_opinion_column_gives_the_opinion_and_its_kind_and_without_the_meeting_stays_in_words()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var preview = await PreviewAsync(database, CduOpinions());

        Assert.Equal((F.CduMeetingOn, F.CduOpinion), (preview.Mapping["F"], preview.Mapping["G"]));
        Assert.Contains("G « Avis CDU » → Avis de la CDU (100 %)", preview.UsedColumns);
        Assert.Equal((4, 0), (preview.NewCount, preview.RejectedCount));
        await new ComplaintsRegisterImporter(database.Factory, database.Clock).ImportAsync(preview, Ct);

        await using var db = database.CreateContext();
        var complaints = await db.Complaints.ToDictionaryAsync(c => c.FormerReference!, Ct);
        Assert.Equal((CduOpinion.Recommendation, "Recommandation : renfort de l'accueil le lundi", new DateOnly(2026, 3, 10)),
            (complaints["C-1"].CduOpinion, complaints["C-1"].CduOpinionText, complaints["C-1"].CduMeetingOn));
        Assert.Equal((CduOpinion.RemediesInformation, "Information sur les voies de recours (CCI)"), (complaints["C-2"].CduOpinion, complaints["C-2"].CduOpinionText));
        // Words that name no kind of opinion: the text is kept, no kind is guessed.
        Assert.Equal(((CduOpinion?)null, "Réponse de l'établissement jugée complète"), (complaints["C-3"].CduOpinion, complaints["C-3"].CduOpinionText));
        // No meeting, no opinion: the words stay with the object.
        var legris = complaints["C-4"];
        Assert.Equal(((CduOpinion?)null, (string?)null, (DateOnly?)null), (legris.CduOpinion, legris.CduOpinionText, legris.CduMeetingOn));
        Assert.Equal("Facture en double\nAvis de la CDU : « Classement » (séance de la CDU non renseignée)", legris.Summary);
        var validators = database.CreateValidators();
        Assert.All(complaints.Values, c => Assert.True(validators.Validate(c).IsValid, string.Join(" ", validators.Validate(c).Errors)));
    }
}

public sealed class SqliteComplaintsRegisterImportTests : ComplaintsRegisterImportTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlComplaintsRegisterImportTests : ComplaintsRegisterImportTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
