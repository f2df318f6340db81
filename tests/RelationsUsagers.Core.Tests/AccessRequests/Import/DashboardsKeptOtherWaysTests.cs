using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.AccessRequests.Import;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Queue;
using static RelationsUsagers.Core.Tests.AccessRequests.Import.DashboardFiles;
using F = RelationsUsagers.Core.AccessRequests.Import.DashboardField;
using RelationsUsagers.Core.Imports;
using ImportPreview = RelationsUsagers.Core.Imports.ImportPreview<RelationsUsagers.Core.AccessRequests.Import.DashboardField, RelationsUsagers.Core.AccessRequests.Import.DashboardEntry>;

namespace RelationsUsagers.Core.Tests.AccessRequests.Import;

/// <summary>
/// Dashboards kept otherwise than the office's sample, built here: other words and order for the same columns, the patient's
/// name in one column under title lines, open lines, no requester column; then duplicates, aliases and the rejected lines
/// taken away, fixed and imported again (today: 15 March 2026).
/// </summary>
public abstract class DashboardsKeptOtherWaysTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<ImportPreview> PreviewAsync(TestDatabase database, byte[] bytes, string name = "tableau.xlsx") =>
        new AccessDashboardImporter(database.Factory, database.Clock).PreviewAsync(new MemoryStream(bytes), name, ct: Ct);

    /// <summary>Other labels, other order, abbreviations and « Demandé par »; one line each: patient, heir, tutor, an unknown channel.</summary>
    internal static byte[] OtherWords() => Build("Registre",
        ["Patient (nom et prénom)", "Date récept.", "Demandé par", "Lien avec le patient", "Services concernés", "Expédié le", "Réf.", "Canal"],
        ["DURAND Paul", "05/01/2026", null, "Lui-même", "Cardiologie", "12/01/2026", "D-0001", "Courrier"],
        ["LEROY Anne", "06/01/2026", "Marc Leroy", "Fils (ayant droit)", "Urgences", "14/01/2026", "D-0002", "Mail"],
        ["FAURE Jean", "07/01/2026", "UDAF 44", "Tuteur", "Gériatrie", "15/01/2026", "D-0003", "pigeon voyageur"],
        ["MOREL Lucie", "08/01/2026", null, "Patiente", "Neurologie", "16/01/2026", "D-0004", null]);

    [Fact]
    public async Task Other_words_and_order_map_every_column_surely_and_import_the_four_lines()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var preview = await PreviewAsync(database, OtherWords());

        Assert.Equal((1, 4, 4, 0, 0), (preview.HeaderRow, preview.Rows.Count, preview.NewCount, preview.RejectedCount, preview.DoubtfulColumns.Count));
        Assert.Equal((F.PatientName, F.ReceivedOn, F.RequesterName, F.RequesterCapacity, F.Services, F.SentOn, F.FormerReference, F.Channel),
            (preview.Mapping["A"], preview.Mapping["B"], preview.Mapping["C"], preview.Mapping["D"], preview.Mapping["E"], preview.Mapping["F"],
                preview.Mapping["G"], preview.Mapping["H"]));
        Assert.Contains("B « Date récept. » → Date de réception (90 %)", preview.UsedColumns);
        Assert.Empty(preview.IgnoredColumns);
        Assert.True(preview.CanImport);

        var result = await new AccessDashboardImporter(database.Factory, database.Clock).ImportAsync(preview, Ct);

        Assert.Equal(4, result.Imported);
        await using var db = database.CreateContext();
        var faure = await db.AccessRequests.SingleAsync(r => r.Patient.LastName == "FAURE", Ct);
        Assert.Equal((RequesterCapacity.LegalRepresentative, "UDAF 44", "D-0003"), (faure.RequesterCapacity, faure.Requester.Name, faure.FormerReference));
        // An unknown channel is « Non renseigné », the words typed kept; an empty one too, never « Courrier ».
        Assert.Equal((Channel.NotStated, "Mode de réception : « pigeon voyageur »"), (faure.Channel, faure.Remarks));
        Assert.Equal(Channel.NotStated, (await db.AccessRequests.SingleAsync(r => r.Patient.LastName == "MOREL", Ct)).Channel);
        Assert.Equal(Channel.Email, (await db.AccessRequests.SingleAsync(r => r.Patient.LastName == "LEROY", Ct)).Channel);
    }

    /// <summary>Two title lines and a blank one above the headers, the name and first name in one column, a TOTAL line.</summary>
    private static byte[] MergedNameUnderTitles() => Build("2026",
        ["CENTRE HOSPITALIER — Relations avec les usagers"],
        ["Demandes de communication de dossiers médicaux 2026"],
        [],
        ["N° dossier", "Date d'arrivée", "Nom Prénom", "DDN", "Qualité demandeur", "Nom du demandeur", "Complet le", "Date d'envoi", "Délai (j)"],
        [1, "02/02/2026", "GARNIER Louise", "12/04/1950", "Patient", null, "02/02/2026", "06/02/2026", "=H5-B5"],
        [2, "03/02/2026", "Petit Hugo", "01/09/2015", "Mère", "Sophie Petit", "04/02/2026", "10/02/2026", null],
        [3, "04/02/2026", "ROCHE Émile", "03/03/1956", "Parent", "Paul Roche", "05/02/2026", null, null],
        [],
        ["TOTAL", "=COUNTA(C5:C7)"]);

    [Fact]
    public async Task A_merged_name_column_under_title_lines_is_split_and_a_parent_of_an_adult_is_flagged()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var preview = await PreviewAsync(database, MergedNameUnderTitles());

        Assert.Equal((4, 3, 2, 1), (preview.HeaderRow, preview.Rows.Count, preview.NewCount, preview.RejectedCount));
        Assert.Equal(("GARNIER", "Louise"), (preview.Rows[0].Entry!.PatientLastName, preview.Rows[0].Entry!.PatientFirstName));
        Assert.Equal(RequesterCapacity.ParentalAuthority, preview.Rows[1].Entry!.RequesterCapacity);
        Assert.Contains("I « Délai (j) » → ignorée", preview.IgnoredColumns);
        // R.1111-1: born 03/03/1956, the patient was 69 on 04/02/2026: « Parent » cannot be parental authority.
        var flagged = Assert.Single(preview.Rows, r => !r.IsValid);
        Assert.Equal(7, flagged.Row);
        Assert.Equal("Ligne 7, colonne E (Qualité du demandeur) : « Parent » : le patient, né le 03/03/1956, était majeur à la réception ; "
            + "un parent n'a l'autorité parentale que sur un mineur (ayant droit d'un patient décédé, ou tuteur ?).", Assert.Single(flagged.Errors).Message);
    }

    /// <summary>Open lines as an office writes them: words where a date will go, or nothing yet.</summary>
    private static byte[] OpenLines() => Build("Suivi",
        ["Réf.", "Date de réception", "Nom du patient", "Qualité", "Demandeur", "Date de complétude", "Date d'envoi"],
        ["D-0417", "02/03/2026", "BLANC Yves", "Patient", null, "en attente pièce d'identité", null],
        ["D-0418", "03/03/2026", "NOIR Alice", "Patient", null, "04/03/2026", "en cours"],
        ["D-0419", "10/03/2026", "VERT Léon", "Patient", null, null, null],
        ["D-0420", "02/02/2026", "GRIS Paule", "Patient", null, "02/02/2026", "09/02/2026"]);

    [Fact]
    public async Task Open_lines_come_in_open_in_the_status_their_dates_say_with_deadlines_running_and_their_old_reference_searchable()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var preview = await PreviewAsync(database, OpenLines());
        Assert.Equal((4, 0), (preview.NewCount, preview.RejectedCount));

        await new AccessDashboardImporter(database.Factory, database.Clock).ImportAsync(preview, Ct);

        await using var db = database.CreateContext();
        var byRef = await db.AccessRequests.ToDictionaryAsync(r => r.FormerReference!, Ct);
        Assert.Equal(CaseStatus.AwaitingProofs, byRef["D-0417"].Status);
        Assert.Equal(CaseStatus.Complete, byRef["D-0418"].Status);
        Assert.Equal(CaseStatus.Received, byRef["D-0419"].Status);
        Assert.Equal(CaseStatus.Closed, byRef["D-0420"].Status);
        // L.1111-7: eight days from the receipt — 03/03 → 11/03, 10/03 → 18/03; the closed one has none, and the one
        // awaiting proofs waits on the requester, as a request followed in the portal does.
        Assert.Equal<(DateOnly?, DateOnly?, DateOnly?, DateOnly?)>((null, new DateOnly(2026, 3, 11), new DateOnly(2026, 3, 18), null),
            (byRef["D-0417"].NextDueOn, byRef["D-0418"].NextDueOn, byRef["D-0419"].NextDueOn, byRef["D-0420"].NextDueOn));
        Assert.NotNull(byRef["D-0417"].WaitingOn);
        Assert.Equal("Date de complétude : « en attente pièce d'identité »", byRef["D-0417"].Remarks);
        Assert.Equal("Date d'envoi : « en cours »", byRef["D-0418"].Remarks);
        Assert.Contains(await db.CaseEvents.Where(e => e.CaseFileId == byRef["D-0417"].Id).Select(e => e.Type).ToListAsync(Ct),
            t => t == CaseEventTypes.ProofsRequested);

        var found = await new CaseQueueService(database.Factory, database.Clock).GetPageAsync(new QueueFilter { Search = "d-0418" }, new PageRequest(0, 25), Ct);
        Assert.Equal([byRef["D-0418"].Reference], found.Items.Select(i => i.Reference));
    }

    [Fact]
    public async Task Without_a_requester_column_the_heirs_and_tutors_are_named_once_at_the_header()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var preview = await PreviewAsync(database, Build("Suivi",
            ["Date de réception", "Nom du patient", "Qualité"],
            ["02/03/2026", "BLANC Yves", "Patient"],
            ["03/03/2026", "NOIR Alice", "Ayant droit"],
            ["04/03/2026", "VERT Léon", "Tutelle"]));

        Assert.Equal((1, 2), (preview.NewCount, preview.RejectedCount));
        Assert.Equal("Aucune colonne ne donne le nom du demandeur (« Demandeur ») : les 2 ligne(s) dont le demandeur n'est pas le patient "
            + "(lignes 3, 4) sont rejetées. Associez la colonne qui le contient.", Assert.Single(preview.Warnings));
        Assert.Equal("Ligne 3 (Demandeur) : nom du demandeur absent : aucune colonne ne le donne (voir l'en-tête).",
            Assert.Single(preview.Rows[1].Errors).Message);
    }

    [Fact]
    public async Task A_doubtful_header_waits_for_the_officers_confirmation()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var importer = new AccessDashboardImporter(database.Factory, database.Clock);
        var preview = await PreviewAsync(database, Build("Suivi",
            ["Date de réception", "Nom du patient", "Qualité / lien du demandeur", "Demandeur"],
            ["03/03/2026", "NOIR Alice", "Ayant droit", "Paul Noir"]));

        var doubtful = Assert.Single(preview.DoubtfulColumns);
        Assert.Equal(("C", F.RequesterCapacity, 70), (doubtful.Letter, doubtful.Field, doubtful.Score));
        Assert.False(preview.CanImport);
        Assert.Contains("C « Qualité / lien du demandeur » → Qualité du demandeur (70 %, à confirmer)", preview.UsedColumns);

        var confirmed = await importer.ApplyMappingAsync(preview, new Dictionary<string, F?> { ["C"] = F.RequesterCapacity }, Ct);

        Assert.True(confirmed.CanImport);
        Assert.Equal(RequesterCapacity.HeirOrPartner, confirmed.Rows[0].Entry!.RequesterCapacity);
    }

    [Fact]
    public async Task Duplicates_show_in_the_preview_against_the_portal_and_within_the_file_before_anything_is_written()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var importer = new AccessDashboardImporter(database.Factory, database.Clock);
        await importer.ImportAsync(await PreviewAsync(database, OtherWords()), Ct);

        var again = await PreviewAsync(database, Build("Registre",
            ["Date de réception", "Nom du patient", "Demandeur", "Qualité"],
            ["05/01/2026", "Paul Durand", null, "Patient"],
            ["09/01/2026", "BRUN Zoé", null, "Patient"],
            ["09/01/2026", "BRUN Zoé", null, "Patient"]));

        Assert.Equal((3, 1, 2), (again.ValidCount, again.NewCount, again.DuplicateCount));
        var reference = await database.CreateContext().AccessRequests.Where(r => r.Patient.LastName == "DURAND").Select(r => r.Reference).SingleAsync(Ct);
        Assert.Equal([$"déjà enregistrée ({reference})", null, "même demande que la ligne 3"], again.Rows.Select(r => r.DuplicateOf));
        Assert.Equal(4, await database.CreateContext().AccessRequests.CountAsync(Ct));
    }

    [Fact]
    public async Task An_unknown_service_is_proposed_and_an_alias_the_office_saves_maps_it_to_the_hospitals_list()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var importer = new AccessDashboardImporter(database.Factory, database.Clock);
        var file = Build("Suivi",
            ["Date de réception", "Nom du patient", "Service"],
            ["02/03/2026", "BLANC Yves", "Imagerie"],
            ["03/03/2026", "NOIR Alice", "cardiologie / Imagerie"]);
        var preview = await PreviewAsync(database, file);

        var unknown = Assert.Single(preview.UnknownServices);
        Assert.Equal(("Imagerie", "Imagerie médicale"), (unknown.Name, unknown.Proposed));
        Assert.Equal([2, 3], unknown.Rows);
        Assert.Equal(["Cardiologie", "Imagerie"], preview.Rows[1].Entry!.Services);

        await new ServiceAliasService(database.Factory).SaveAsync("Imagerie", "Imagerie médicale", Ct);
        var mapped = await importer.CheckAsync(preview, Ct);

        Assert.Empty(mapped.UnknownServices);
        await importer.ImportAsync(mapped, Ct);
        await using var db = database.CreateContext();
        Assert.Equal(["Cardiologie", "Imagerie médicale"], (await db.AccessRequests.SingleAsync(r => r.Patient.LastName == "NOIR", Ct)).Services);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == Core.Security.AuditActions.ServiceAliasChanged, Ct));
        await Assert.ThrowsAsync<CaseRuleException>(() => new ServiceAliasService(database.Factory).SaveAsync("Radio", "Radiologie inventée", Ct));
    }

    [Fact]
    public async Task The_rejected_lines_workbook_says_why_and_once_fixed_imports_again()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var importer = new AccessDashboardImporter(database.Factory, database.Clock);
        var preview = await PreviewAsync(database, MergedNameUnderTitles(), "suivi-2026.xlsx");
        await importer.ImportAsync(preview, Ct);

        byte[] fixedFile;
        using (var workbook = new XLWorkbook(new MemoryStream(RejectedLinesWorkbook.Write(preview))))
        {
            var sheet = workbook.Worksheet(RejectedLinesWorkbook.SheetName);
            Assert.Equal(["N° dossier", "Date d'arrivée", "Nom Prénom", "DDN", "Qualité demandeur", "Nom du demandeur", "Complet le", "Date d'envoi",
                "Délai (j)", RejectedLinesWorkbook.ReasonHeader], sheet.Row(1).CellsUsed().Select(c => c.GetString()));
            Assert.Equal(2, sheet.LastRowUsed()!.RowNumber());
            Assert.Equal(("ROCHE Émile", "Parent"), (sheet.Cell(2, 3).GetString(), sheet.Cell(2, 5).GetString()));
            Assert.StartsWith("Ligne 7 du fichier « suivi-2026.xlsx »\nQualité du demandeur : « Parent » : le patient", sheet.Cell(2, 10).GetString());
            // The officer fixes the capacity in Excel: the patient's father acts as his tutor.
            sheet.Cell(2, 5).SetValue("Tuteur");
            using var saved = new MemoryStream();
            workbook.SaveAs(saved);
            fixedFile = saved.ToArray();
        }
        var again = await PreviewAsync(database, fixedFile, "lignes-rejetees.xlsx");

        Assert.Equal((1, 1, 0), (again.HeaderRow, again.NewCount, again.RejectedCount));
        Assert.Contains("J « Motif du rejet » → ignorée", again.IgnoredColumns);
        await importer.ImportAsync(again, Ct);
        var roche = await database.CreateContext().AccessRequests.SingleAsync(r => r.Patient.LastName == "ROCHE", Ct);
        Assert.Equal((RequesterCapacity.LegalRepresentative, "3"), (roche.RequesterCapacity, roche.FormerReference));
    }
}

public sealed class SqliteDashboardsKeptOtherWaysTests : DashboardsKeptOtherWaysTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlDashboardsKeptOtherWaysTests : DashboardsKeptOtherWaysTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>How near a column's label is to each field: no database.</summary>
public sealed class DashboardLabelScoreTests
{
    [Theory]
    [InlineData("Date récept.", F.ReceivedOn, 90)]
    [InlineData("Prénom Nom", F.PatientName, 95)]
    [InlineData("Demandé par", F.RequesterName, 100)]
    [InlineData("NB PAGES", F.PageCount, 100)]
    [InlineData("Date d'envoi du dossier", F.SentOn, 85)]
    [InlineData("Observ.", F.Remarks, 90)]
    [InlineData("Qualité du demandeur (lien de parenté)", F.RequesterCapacity, 100)]
    public void Labels_are_scored_after_case_accents_punctuation_and_word_order(string header, F field, int score) =>
        Assert.Equal(new HeaderMatch(field, score), DashboardFields.Score(header));
}
