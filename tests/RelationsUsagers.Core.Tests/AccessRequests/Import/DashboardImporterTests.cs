using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.AccessRequests.Import;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using static RelationsUsagers.Core.Tests.AccessRequests.Import.DashboardFiles;
using F = RelationsUsagers.Core.AccessRequests.Import.DashboardField;
using ImportPreview = RelationsUsagers.Core.Imports.ImportPreview<RelationsUsagers.Core.AccessRequests.Import.DashboardField, RelationsUsagers.Core.AccessRequests.Import.DashboardEntry>;

namespace RelationsUsagers.Core.Tests.AccessRequests.Import;

/// <summary>Synonyms, values typed every which way, the officer's mapping, and duplicates (today: 15 March 2026).</summary>
public abstract class DashboardImporterTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly object?[] Headers =
    [
        "Reçu le", "Patient", "DDN", "Demandeur", "Qualité", "Dossier complet le", "Envoyé le", "N° recommandé", "> 5 ans",
        "Mode de communication", "Frais", "Commentaire du médecin", "Observations",
    ];

    /// <summary>Title on row 1, headers on row 2; row 3 is read whole (formulas with cached results in G and I).</summary>
    private static byte[] File()
    {
        var bytes = Build("Suivi",
            ["Suivi des demandes de dossiers 2025"],
            Headers,
            ["3/3/25", "DUPONT Marie", "21/06/58", "Claire Dupont", "Fille (ayant droit)", "2025-03-05", "=DATE(2025,3,12)", "1A 000 111 2223 4", "=IF(TRUE,\"Oui\",\"Non\")", "LRAR", "4,35 €", "vu", "RAS"],
            ["31/02/2025", "MARTIN Paul", null, null, "Patient", null, null, null, "non", null, null, null, null],
            ["10/03/2025", "BERNARD Luc", null, null, "patient", null, null, null, "X", "pigeon voyageur", "douze", null, null],
            ["11/03/2025", "PETIT Léa", null, "Jean Martin", "Cousin", null, null, null, null, null, null, null, null],
            ["12/03/2025", "ROUX Éva", null, null, "Patient", "11/03/2025", null, null, null, null, null, null, null],
            ["13/03/2025", "BLANC Yves", null, null, "Patient", null, "01/04/2026", null, "peut-être", null, null, null, null],
            [],
            ["Total", "=COUNTA(A3:A8)"],
            ["Légende : X = oui"]);
        bytes = WithCachedValue(bytes, "G3", "45728");
        return WithCachedValue(bytes, "I3", "Oui", text: true);
    }

    private static async Task<ImportPreview> ReadAsync(TestDatabase database, byte[] bytes, string? sheet = null) =>
        await new AccessDashboardImporter(database.Factory, database.Clock).ReadAsync(new MemoryStream(bytes), "suivi.xlsx", sheet, Ct);

    [Fact]
    public async Task Synonyms_map_the_columns_and_unknown_headers_are_listed()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var preview = await ReadAsync(database, File());

        Assert.Equal(2, preview.HeaderRow);
        Assert.Equal(["L : Commentaire du médecin"], preview.UnrecognisedHeaders);
        Assert.Equal((F.ReceivedOn, F.PatientName, F.BirthDate, F.RequesterCapacity, F.CompletedOn, F.SentOn),
            (preview.Mapping["A"], preview.Mapping["B"], preview.Mapping["C"], preview.Mapping["E"], preview.Mapping["F"], preview.Mapping["G"]));
        Assert.Equal((F.RecordedDeliveryNumber, F.OlderThanFiveYears, F.Fees), (preview.Mapping["H"], preview.Mapping["I"], preview.Mapping["K"]));
        Assert.Equal([(10, AccessDashboardImporter.TotalReason), (9, AccessDashboardImporter.BlankReason)],
            preview.Skipped.Select(s => (s.Row, s.Reason)).OrderByDescending(s => s.Row));
    }

    [Theory]
    [InlineData("Date de réception", F.ReceivedOn)]
    [InlineData("Date réception", F.ReceivedOn)]
    [InlineData("Nom du patient", F.PatientName)]
    [InlineData("Date de naissance", F.BirthDate)]
    [InlineData("Né(e) le", F.BirthDate)]
    [InlineData("Qualité du demandeur", F.RequesterCapacity)]
    [InlineData("Date de complétude", F.CompletedOn)]
    [InlineData("Date d'envoi", F.SentOn)]
    [InlineData("DATE D'ENVOI / DE CONSULTATION (LRAR)", F.SentOn)]
    [InlineData("N° LRAR", F.RecordedDeliveryNumber)]
    [InlineData("+ de 5 ans", F.OlderThanFiveYears)]
    [InlineData("  dossier  +  5 ANS ", F.OlderThanFiveYears)]
    [InlineData("Délai respecté", F.Ignored)]
    [InlineData("N°", F.FormerReference)]
    [InlineData("Nom du médecin", null)]
    public void Header_labels_are_compared_without_case_accents_or_small_words(string header, F? expected) =>
        Assert.Equal(expected, DashboardFields.Match(header));

    [Fact]
    public async Task A_line_typed_every_which_way_is_read_whole()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var entry = (await ReadAsync(database, File())).Rows.Single(r => r.Row == 3).Entry!;

        Assert.Equal((new DateOnly(2025, 3, 3), new DateOnly(1958, 6, 21)), (entry.ReceivedOn, entry.BirthDate));
        Assert.Equal(("DUPONT", "Marie", "Claire Dupont"), (entry.PatientLastName, entry.PatientFirstName, entry.RequesterName));
        Assert.Equal((RequesterCapacity.HeirOrPartner, "Fille (ayant droit)"), (entry.RequesterCapacity, entry.RequesterCapacityText));
        Assert.Equal((new DateOnly(2025, 3, 5), new DateOnly(2025, 3, 12)), (entry.CompletedOn, entry.SentOn));
        Assert.Equal((true, CommunicationMode.RecordedDelivery, 435L), (entry.OlderThanFiveYears, entry.Mode, entry.FeeCents));
        Assert.Equal("RAS", entry.Remarks);
    }

    [Fact]
    public async Task Each_unreadable_value_gives_a_french_message_with_line_and_column()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var messages = (await ReadAsync(database, File())).Errors.Select(e => e.Message).ToList();

        Assert.Equal(
        [
            "Ligne 4, colonne A (Date de réception) : « 31/02/2025 » n'est pas une date valide.",
            "Ligne 5, colonne J (Mode de communication) : « pigeon voyageur » n'est pas un mode de communication reconnu (envoi, LRAR, main propre, sur place, médecin, électronique).",
            "Ligne 5, colonne K (Frais) : « douze » n'est pas un montant valide.",
            "Ligne 6, colonne E (Qualité du demandeur) : « Cousin » n'est pas une qualité de demandeur reconnue (patient, parent, tuteur, curateur, ayant droit, médecin).",
            "Ligne 7, colonne F (Date de complétude) : « 11/03/2025 » précède la date de réception (12/03/2025).",
            "Ligne 8, colonne G (Date d'envoi) : « 01/04/2026 » est une date future.",
            "Ligne 8, colonne I (+ de 5 ans) : « peut-être » n'est pas une réponse reconnue (Oui / Non).",
        ], messages);
    }

    [Fact]
    public async Task The_officer_fixes_the_mapping_and_the_lines_are_read_again()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var importer = new AccessDashboardImporter(database.Factory, database.Clock);
        var bytes = Build("Feuil1", ["Arrivée du courrier", "Patient"], ["05/03/2025", "LEROY Jeanne"]);
        var preview = await ReadAsync(database, bytes);
        Assert.Null(preview.HeaderRow); // no receipt-date label: the header row is not recognised
        Assert.False(preview.CanImport);

        var withHeader = await ReadAsync(database, Build("Feuil1", ["Reçu le", "Patient", "Note interne"], ["05/03/2025", "LEROY Jeanne", "urgent"]));
        Assert.Equal(["C : Note interne"], withHeader.UnrecognisedHeaders);
        var fixedPreview = importer.ApplyMapping(withHeader, new Dictionary<string, F?> { ["C"] = F.Remarks });
        Assert.Equal("urgent", fixedPreview.Rows.Single().Entry!.Remarks);

        var broken = importer.ApplyMapping(withHeader, new Dictionary<string, F?> { ["A"] = null });
        Assert.Equal(["Aucune colonne n'est associée à « Date de réception » : indiquez laquelle la contient."], broken.Problems);
        Assert.Equal(["B : Patient"], importer.ApplyMapping(withHeader, new Dictionary<string, F?> { ["C"] = F.PatientName }).UnrecognisedHeaders
            .Where(h => h.StartsWith('B')));
        await Assert.ThrowsAsync<CaseRuleException>(() => importer.ImportAsync(broken, Ct));
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_or_an_unknown_sheet_is_reported_not_thrown()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var notXlsx = await ReadAsync(database, "pas un classeur"u8.ToArray());
        Assert.Equal(["Le fichier « suivi.xlsx » n'est pas un classeur Excel (.xlsx) lisible."], notXlsx.Problems);
        var unknown = await ReadAsync(database, File(), "2023");
        Assert.Equal(["La feuille « 2023 » n'existe pas. Feuilles du classeur : Suivi."], unknown.Problems);
    }

    [Fact]
    public async Task A_request_already_typed_in_the_portal_or_twice_in_the_file_is_not_created_again()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var typed = await database.CreateService().CreateAsync(TestCases.AccessRequest(), Ct); // Lefèvre Hélène, 2 March 2026
        var bytes = Build("Feuil1", ["Date de réception", "Nom du patient", "Demandeur", "Qualité"],
            ["02/03/2026", "LEFÈVRE Hélène", "Hélène Lefèvre", "Patiente"],
            ["04/03/2026", "MOREL Jean", null, "Patient"],
            ["04/03/2026", "Morel Jean", "Jean Morel", null]);

        var result = await new AccessDashboardImporter(database.Factory, database.Clock).ImportAsync(await ReadAsync(database, bytes), Ct);

        Assert.Equal((3, 1, 0, 2), (result.Read, result.Imported, result.Rejected, result.SkippedDuplicates));
        Assert.Equal([$"Ligne 2 : demande déjà enregistrée ({typed.Reference}).", "Ligne 4 : même demande que la ligne 3 (DAD-2026-00002)."], result.Duplicates);
        await using var db = database.CreateContext();
        var created = await db.AccessRequests.SingleAsync(r => r.Reference == "DAD-2026-00002", Ct);
        // Received on 4 March, incomplete: the queue's next due date is the legal 8 days from receipt (R.1111-1 al.4).
        Assert.Equal((CaseStatus.Received, new DateOnly(2026, 3, 12), "suivi.xlsx › Feuil1 › ligne 3"),
            (created.Status, created.NextDueOn, created.ImportSource));
    }

    [Fact]
    public async Task A_file_saying_more_than_five_years_gives_the_offices_reading_with_its_source()
    {
        // R.1111-1 al.4: a hand-kept file has the age class, not the information's date; received 04/03/2026 → 2 months, 04/05/2026.
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var bytes = Build("Feuil1", ["Date de réception", "Nom du patient", "+ de 5 ans"],
            ["04/03/2026", "MOREL Jean", "Oui"],
            ["05/03/2026", "ROUX Éva", "Non"]);

        await new AccessDashboardImporter(database.Factory, database.Clock).ImportAsync(await ReadAsync(database, bytes), Ct);

        await using var db = database.CreateContext();
        var older = await db.AccessRequests.SingleAsync(r => r.ImportSource == "suivi.xlsx › Feuil1 › ligne 2", Ct);
        Assert.Equal((true, (bool?)true, AccessDashboardImporter.ImportedAgeReason, new DateOnly(2026, 5, 4)),
            (older.InformationOlderThanFiveYears, older.InformationAgeOverride, older.InformationAgeOverrideReason, older.NextDueOn));
        var recent = await db.AccessRequests.SingleAsync(r => r.ImportSource == "suivi.xlsx › Feuil1 › ligne 3", Ct);
        Assert.Equal((false, (bool?)null, new DateOnly(2026, 3, 13)), (recent.InformationOlderThanFiveYears, recent.InformationAgeOverride, recent.NextDueOn));
    }

    [Fact]
    public async Task An_imported_request_is_stamped_audited_and_searchable_like_a_typed_one()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var bytes = Build("Feuil1", ["Date de réception", "Nom du patient", "Qualité", "Date de complétude", "Date d'envoi"],
            ["02/03/2026", "LEFÈVRE Hélène", "Patiente", "03/03/2026", "11/03/2026"]);

        await new AccessDashboardImporter(database.Factory, database.Clock).ImportAsync(await ReadAsync(database, bytes), Ct);

        await using var db = database.CreateContext();
        var created = await db.AccessRequests.Include(r => r.Events).SingleAsync(Ct);
        Assert.Equal(("DAD-2026-00001", TestDatabase.DefaultUserName, TestDatabase.DefaultUserName, "lefevre helene"),
            (created.Reference, created.CreatedBy, created.UpdatedBy, created.Patient.SearchName));
        Assert.NotEqual(Guid.Empty, created.ConcurrencyStamp);
        Assert.Equal([CaseEventTypes.Received, CaseEventTypes.ProofsComplete, CaseEventTypes.CopySent, CaseEventTypes.Closed],
            created.Events.OrderBy(e => e.OccurredOn).Select(e => e.Type));
        Assert.All(created.Events, e => Assert.Equal(TestDatabase.DefaultUserName, e.RecordedBy));
        var lines = await db.AuditEntries.Where(a => a.CaseFileId == created.Id).Select(a => new { a.Action, a.CaseReference, a.UserName })
            .ToListAsync(Ct);
        Assert.Equal(new { Action = RelationsUsagers.Core.Security.AuditActions.Created, CaseReference = (string?)"DAD-2026-00001", UserName = TestDatabase.DefaultUserName },
            Assert.Single(lines));
    }

    [Fact]
    public async Task A_failure_on_any_line_leaves_nothing_of_the_import()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        await using (var db = database.CreateContext())
        {
            // The database refuses the second line's case: the first one, its timeline and its audit line must go too.
            await db.Database.ExecuteSqlRawAsync(Provider == DatabaseProvider.PostgreSql
                ? """
                  CREATE FUNCTION "RefuseMorel"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
                  CREATE TRIGGER "RefuseMorel" BEFORE INSERT ON "CaseFiles" FOR EACH ROW WHEN (NEW."Patient_LastName" = 'MOREL')
                  EXECUTE FUNCTION "RefuseMorel"();
                  """
                : """
                  CREATE TRIGGER RefuseMorel BEFORE INSERT ON CaseFiles WHEN NEW.Patient_LastName = 'MOREL'
                  BEGIN SELECT RAISE(ABORT, 'refused'); END;
                  """, Ct);
        }
        var bytes = Build("Feuil1", ["Date de réception", "Nom du patient", "Qualité"],
            ["02/03/2026", "LEFÈVRE Hélène", "Patiente"],
            ["04/03/2026", "MOREL Jean", "Patient"]);
        var importer = new AccessDashboardImporter(database.Factory, database.Clock);
        var preview = await ReadAsync(database, bytes);

        await Assert.ThrowsAnyAsync<Exception>(() => importer.ImportAsync(preview, Ct));

        await using var check = database.CreateContext();
        Assert.Equal((0, 0, 0), (await check.CaseFiles.CountAsync(Ct), await check.CaseEvents.CountAsync(Ct), await check.AuditEntries.CountAsync(Ct)));
        // The references reserved inside the transaction were given back with it.
        Assert.Empty(await check.ReferenceCounters.ToListAsync(Ct));
    }
}

public sealed class SqliteDashboardImporterTests : DashboardImporterTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlDashboardImporterTests : DashboardImporterTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
