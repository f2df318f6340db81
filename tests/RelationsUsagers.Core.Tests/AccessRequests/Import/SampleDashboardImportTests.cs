using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.AccessRequests.Import;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Exports;
using F = RelationsUsagers.Core.AccessRequests.Import.DashboardField;
using static RelationsUsagers.Core.Tests.Exports.ExportTestData;
using ImportPreview = RelationsUsagers.Core.Imports.ImportPreview<RelationsUsagers.Core.AccessRequests.Import.DashboardField, RelationsUsagers.Core.AccessRequests.Import.DashboardEntry>;

namespace RelationsUsagers.Core.Tests.AccessRequests.Import;

/// <summary>
/// The office's own dashboard (/work/shared/samples): sheet "Suivi DMD 2025" has a merged title on row 1, headers on row 3,
/// 62 numbered lines (rows 4–66, row 34 blank), a blank row 67 and TOTAL on row 68. Counted by hand: 57 lines read whole,
/// among them the open ones — rows 9, 46, 54, 57 ("en attente pièce d'identité" as completion date) and row 56 ("en cours" as
/// sending date); 5 rejected because « Parent » asks for a patient of age (R.1111-1) — rows 11, 18, 20, 48, 61. Sheet "2024":
/// headers on row 1, one line.
/// </summary>
public abstract class SampleDashboardImportTests
{
    protected abstract DatabaseProvider Provider { get; }

    private const string FileName = "suivi-demandes-dossiers-2025.xlsx";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static string SamplePath => Path.Combine(AppContext.BaseDirectory, "AccessRequests", "Import", FileName);

    private static async Task<ImportPreview> ReadAsync(TestDatabase database, string? sheet = null)
    {
        await using var file = File.OpenRead(SamplePath);
        return await new AccessDashboardImporter(database.Factory, database.Clock).ReadAsync(file, FileName, sheet, Ct);
    }

    [Fact]
    public async Task Header_row_3_is_found_under_the_title_and_every_column_is_recognised()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var preview = await ReadAsync(database);

        Assert.Equal(["Suivi DMD 2025", "2024"], preview.Sheets);
        Assert.Equal(("Suivi DMD 2025", 3), (preview.Sheet, preview.HeaderRow));
        Assert.Empty(preview.Problems);
        Assert.Empty(preview.UnrecognisedHeaders);
        var expected = new Dictionary<string, DashboardField>
        {
            ["A"] = F.FormerReference, ["B"] = F.ReceivedOn, ["C"] = F.PatientName, ["D"] = F.PatientFirstName, ["E"] = F.BirthDate,
            ["F"] = F.RequesterName, ["G"] = F.RequesterCapacity, ["H"] = F.Services, ["I"] = F.CompletedOn, ["J"] = F.OlderThanFiveYears,
            ["K"] = F.CommunicationMode, ["L"] = F.SentOn, ["M"] = F.RecordedDeliveryNumber, ["N"] = F.Ignored, ["O"] = F.Ignored,
            ["P"] = F.Fees, ["Q"] = F.Remarks,
        };
        Assert.Equal(expected, preview.Mapping);
    }

    [Fact]
    public async Task Lines_are_read_and_the_five_unreadable_ones_say_why()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var preview = await ReadAsync(database);

        Assert.Equal((62, 57, 5), (preview.Rows.Count, preview.ValidCount, preview.RejectedCount));
        Assert.Equal([11, 18, 20, 48, 61], preview.Rows.Where(r => !r.IsValid).Select(r => r.Row));
        Assert.Equal([(34, AccessDashboardImporter.BlankReason), (67, AccessDashboardImporter.BlankReason), (68, AccessDashboardImporter.TotalReason)],
            preview.Skipped.Select(s => (s.Row, s.Reason)));
        Assert.Contains("Ligne 11, colonne G (Qualité du demandeur) : « Parent » : le patient, né le 28/05/1953, était majeur à la réception ; "
            + "un parent n'a l'autorité parentale que sur un mineur (ayant droit d'un patient décédé, ou tuteur ?).", preview.Errors.Select(e => e.Message));
        Assert.Equal(5, preview.Errors.Count());
        // A rejected line still shows whose it is and what was typed, for the officer to find it in the file.
        var rejected = preview.Rows.Single(r => r.Row == 11);
        Assert.False(string.IsNullOrWhiteSpace(rejected.Patient));
        Assert.Matches(@"^\d{2}/\d{2}/2025$", rejected.ReceivedAsTyped);
        // The open lines are read: no date where the file says « en attente » or « en cours », the words kept.
        var waiting = preview.Rows.Single(r => r.Row == 9).Entry!;
        Assert.Equal((true, (DateOnly?)null), (waiting.AwaitingProofs, waiting.CompletedOn));
        var sending = preview.Rows.Single(r => r.Row == 56).Entry!;
        Assert.Equal(((DateOnly?)null, "Date d'envoi : « en cours »"), (sending.SentOn, sending.Remarks));
    }

    [Fact]
    public async Task Values_typed_as_text_words_and_duplicates_are_understood()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var rows = (await ReadAsync(database)).Rows.Where(r => r.IsValid).ToDictionary(r => r.Row, r => r.Entry!);

        // Row 10: "03/10/2025" typed as text is 3 October; row 22: "22/06/2025".
        Assert.Equal(D(2025, 10, 3), rows[10].ReceivedOn);
        Assert.Equal(D(2025, 6, 22), rows[22].ReceivedOn);
        Assert.Equal(("DUHAMEL", "Michel", D(2000, 6, 6)), (rows[4].PatientLastName, rows[4].PatientFirstName, rows[4].BirthDate));
        Assert.Equal((435L, "1A 715 180 5445 4"), (rows[4].FeeCents, rows[4].RecordedDeliveryNumber));
        Assert.Equal((0L, CommunicationMode.OnSite), (rows[12].FeeCents, rows[12].Mode)); // "gratuit"
        Assert.Equal(["Urgences"], rows[12].Services); // "Urgences / Urgences"
        Assert.True(rows[26].OlderThanFiveYears); // "OUI"
        Assert.False(rows[5].OlderThanFiveYears); // "non"
        Assert.Equal((RequesterCapacity.LegalRepresentative, "Tuteur"), (rows[44].RequesterCapacity, rows[44].RequesterCapacityText));
        Assert.Equal(RequesterCapacity.HeirOrPartner, rows[27].RequesterCapacity); // "Ayant-droit"
        Assert.DoesNotContain(11, rows.Keys); // "Parent" of a patient born in 1953
        Assert.Equal((RequesterCapacity.DesignatedDoctor, CommunicationMode.RecordedDelivery), (rows[10].RequesterCapacity, rows[10].Mode));
        Assert.Equal(CommunicationMode.ViaDesignatedDoctor, rows[5].Mode); // "Médecin"
        Assert.Equal("Doublon de la n°38 ?", rows[44].Remarks);
    }

    [Fact]
    public async Task Import_creates_57_requests_once_and_a_second_import_creates_none()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var importer = new AccessDashboardImporter(database.Factory, database.Clock);

        var first = await importer.ImportAsync(await ReadAsync(database), Ct);
        Assert.Equal((62, 57, 5, 0), (first.Read, first.Imported, first.Rejected, first.SkippedDuplicates));
        Assert.Equal(5, first.Errors.Count);
        Assert.Equal("DAD-2025-00001", first.References[0]);

        var second = await importer.ImportAsync(await ReadAsync(database), Ct);
        Assert.Equal((62, 0, 5, 57), (second.Read, second.Imported, second.Rejected, second.SkippedDuplicates));
        Assert.Equal("Ligne 4 : demande déjà enregistrée (DAD-2025-00001).", second.Duplicates[0]);

        await using var db = database.CreateContext();
        Assert.Equal(57, await db.AccessRequests.CountAsync(Ct));
        var imported = await db.AccessRequests.Include(r => r.Events).SingleAsync(r => r.ImportSource == $"{FileName} › Suivi DMD 2025 › ligne 4", Ct);
        Assert.Equal((CaseStatus.Closed, D(2025, 8, 12), AccessDashboardImporter.ClosedOutcome), (imported.Status, imported.ClosedOn, imported.Outcome));
        Assert.Equal([CaseEventTypes.Received, CaseEventTypes.ProofsComplete, CaseEventTypes.CopySent, CaseEventTypes.Closed],
            imported.Events.OrderBy(e => e.OccurredOn).ThenBy(e => e.Type == CaseEventTypes.ProofsComplete).Select(e => e.Type));
        Assert.Equal(("DUHAMEL Michel", "patient", TestDatabase.DefaultUserName), (imported.Requester.Name, imported.Requester.Capacity, imported.CreatedBy));
        var audit = await db.AuditEntries.Where(a => a.Action == AccessDashboardImporter.ImportAction).Select(a => a.Details).ToListAsync(Ct);
        Assert.Equal($"Tableau de suivi « {FileName} › Suivi DMD 2025 » : 57 demande(s) créée(s) avec leur historique, 5 ligne(s) rejetée(s), 0 doublon(s) ignoré(s).", audit[0]);
    }

    [Fact]
    public async Task Every_imported_request_holds_the_status_its_facts_lead_to()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        await new AccessDashboardImporter(database.Factory, database.Clock).ImportAsync(await ReadAsync(database), Ct);

        await using var db = database.CreateContext();
        var imported = await db.AccessRequests.AsNoTracking().Include(r => r.Events).ToListAsync(Ct);
        Assert.Equal(57, imported.Count);
        Assert.All(imported, r => Assert.Empty(CaseSteps.Replay(r).Problems));
        // A sent request is closed by its import, the closing recorded as its step, on the day it ended.
        Assert.All(imported.Where(r => r.Status == CaseStatus.Closed), r =>
            Assert.Equal(r.ClosedOn, Assert.Single(r.Events, e => e.Type == CaseEventTypes.Closed).OccurredOn));
    }

    [Fact]
    public async Task Sheet_2024_can_be_chosen_and_has_its_headers_on_row_1()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var preview = await ReadAsync(database, "2024");

        Assert.Equal(("2024", 1, 1), (preview.Sheet, preview.HeaderRow, preview.ValidCount));
        var entry = preview.Rows.Single().Entry!;
        // No requester name and capacity "Patient": the patient asks for their own record.
        Assert.Equal(("NOËL", "Père", "NOËL Père", D(2024, 12, 20)), (entry.PatientLastName, entry.PatientFirstName, entry.RequesterName, entry.ReceivedOn));
        var result = await new AccessDashboardImporter(database.Factory, database.Clock).ImportAsync(preview, Ct);
        Assert.Equal(1, result.Imported);
        Assert.Equal("DAD-2024-00001", result.References.Single());
    }

    [Fact]
    public async Task Imported_requests_get_the_clock_verdicts_in_the_tracking_workbook()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        await new AccessDashboardImporter(database.Factory, database.Clock).ImportAsync(await ReadAsync(database), Ct);

        var bytes = await ExportAsync(s => CreateExportService(database).WriteAccessRequestsAsync(s, D(2025, 1, 1), D(2025, 12, 31), null, Ct));
        using var workbook = Open(bytes);
        var sheet = workbook.Worksheet(TrackingWorkbook.RequestsSheet);
        Assert.Equal(57, sheet.Tables.Single().DataRange.RowCount());
        string Verdict(string patient, string header) =>
            sheet.Cell(sheet.Column(Column("Patient")).CellsUsed().Single(c => c.GetString() == patient).Address.RowNumber, Column(header)).GetString();
        int Column(string header) => TrackingWorkbook.Columns.ToList().FindIndex(c => c.Header == header) + 1;

        Assert.Equal("Oui", Verdict("DUHAMEL Michel", "Délai respecté"));    // complete 6 Aug, sent 12 Aug
        Assert.Equal("Non", Verdict("MARTINEZ Gaëlle", "Délai respecté"));   // > 5 years: complete 3 Jan, sent 9 Mar (due 3 Mar)
        // > 5 years: complete 4 Nov 2025, sent 4 Jan 2026 = two calendar months, on time (the sheet's "60 days" formula said no).
        Assert.Equal("Oui", Verdict("MERCIER Léa", "Délai respecté"));
        Assert.Equal("Non", Verdict("DAVID Isabelle", "Envoi avant 48 h"));  // complete 2 Jan, sent 4 Jan
    }
}

public sealed class SqliteSampleDashboardImportTests : SampleDashboardImportTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlSampleDashboardImportTests : SampleDashboardImportTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
