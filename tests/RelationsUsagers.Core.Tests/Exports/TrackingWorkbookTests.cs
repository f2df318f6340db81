using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.AccessRequests.Tracking;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Exports;
using RelationsUsagers.Core.Security;
using static RelationsUsagers.Core.Tests.Exports.ExportTestData;

namespace RelationsUsagers.Core.Tests.Exports;

/// <summary>
/// The tracking workbook read back cell by cell. Hand-worked verdicts (CSP L.1111-7 al.2, calendar days): complete 3 March + 8 days = 11 March
/// (on time), 12 March late; complete 31 January + 2 months = 31 March (on time), 1 April late.
/// </summary>
public abstract class TrackingWorkbookTests : IAsyncLifetime
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly From = D(2025, 1, 1), To = D(2025, 12, 31);
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider, Ct);
        var a = Request("DAD-2025-00001", D(2025, 3, 1), "Alpha");
        (a.CompletedOn, a.SentOn, a.CommunicationMode, a.RecordedDeliveryNumber) = (D(2025, 3, 3), D(2025, 3, 11), CommunicationMode.RecordedDelivery, "1A 123 456 7890 1");
        (a.ReproductionFeeCents, a.PostageFeeCents) = (1230, 620);
        (a.Channel, a.Patient.PatientNumber, a.PageCount, a.Medium) = (Channel.Email, "766310811", 68, "Papier");
        (a.DeliveryAcknowledgedOn, a.PaidOn, a.Services, a.Remarks) = (D(2025, 3, 13), D(2025, 3, 20), ["Cardiologie", "Imagerie"], "RAS");
        // The complete request known from the timeline only: the service loads events too.
        var b = Request("DAD-2025-00002", D(2025, 3, 1), "Bravo");
        b.Events.Add(new CaseEvent { CaseFileId = b.Id, Type = CaseEventTypes.ProofsComplete, OccurredOn = D(2025, 3, 3) });
        (b.SentOn, b.CommunicationMode) = (D(2025, 3, 12), CommunicationMode.Post);
        var c = Request("DAD-2025-00003", D(2025, 1, 31), "Charlie", RequesterCapacity.HeirOrPartner);
        // Information of 2017: more than five years at receipt (R.1111-1 al.4), as the save stores it.
        (c.MostRecentInformationOn, c.InformationOlderThanFiveYears, c.CompletedOn, c.SentOn) = (D(2017, 10, 2), true, D(2025, 1, 31), D(2025, 3, 31));
        (c.CommunicationMode, c.DesignatedDoctor) = (CommunicationMode.ViaDesignatedDoctor, "Dr Martin");
        var d = Request("DAD-2025-00004", D(2025, 1, 31), "Delta", RequesterCapacity.LegalRepresentative);
        (d.InformationAgeOverride, d.InformationAgeOverrideReason, d.InformationOlderThanFiveYears) = (true, "Case cochée avant le calcul.", true);
        (d.CompletedOn, d.SentOn, d.CommunicationMode) = (D(2025, 1, 31), D(2025, 4, 1), CommunicationMode.RecordedDelivery);
        (d.Status, d.ClosedOn, d.Outcome) = (CaseStatus.Closed, D(2025, 4, 5), "Communiqué");
        var e = Request("DAD-2025-00005", D(2025, 3, 3), "Echo");
        (e.CompletedOn, e.SentOn, e.CommunicationMode, e.ReproductionFeeCents) = (D(2025, 3, 3), D(2025, 3, 3), CommunicationMode.OnSite, 0);
        var f = Request("DAD-2025-00006", D(2025, 2, 10), "Foxtrot", RequesterCapacity.ParentalAuthority);
        f.Status = CaseStatus.AwaitingProofs;
        var g = Request("DAD-2025-00007", D(2025, 4, 2), "Golf", RequesterCapacity.HeirOrPartner);
        (g.CompletedOn, g.Status, g.ClosedOn, g.RefusalReason) = (D(2025, 4, 3), CaseStatus.Refused, D(2025, 4, 10), "Opposition du patient de son vivant");
        var h = Request("DAD-2025-00008", D(2025, 5, 5), "Hotel");
        (h.Status, h.ClosedOn, h.Outcome) = (CaseStatus.Abandoned, D(2025, 7, 5), "Frais non réglés");
        var outside = Request("DAD-2024-00009", D(2024, 12, 31), "India");
        outside.Requester.Name = "=HYPERLINK(\"http://exemple.invalid\")";
        await SeedAsync(_database, a, b, c, d, e, f, g, h, outside, TestCases.Complaint(D(2025, 3, 1)));
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task<XLWorkbook> ExportAsync(OnTimeFrom onTimeFrom = OnTimeFrom.CompleteRequest)
    {
        var service = CreateExportService(_database, onTimeFrom);
        var bytes = await ExportTestData.ExportAsync(s => service.WriteAccessRequestsAsync(s, From, To, null, Ct));
        AssertValidOpenXml(bytes);
        return Open(bytes);
    }

    [Fact]
    public async Task Demandes_sheet_is_a_filterable_table_with_its_header_on_row_1_frozen()
    {
        using var workbook = await ExportAsync();
        var sheet = workbook.Worksheet(TrackingWorkbook.RequestsSheet);
        Assert.Equal(TrackingWorkbook.Columns.Select(c => c.Header), sheet.Row(1).CellsUsed().Select(c => c.GetString()));
        var table = Assert.Single(sheet.Tables);
        Assert.True(table.ShowAutoFilter);
        Assert.Equal("AB9", table.RangeAddress.LastAddress.ToString());
        Assert.Equal("A1", table.RangeAddress.FirstAddress.ToString());
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.Equal([TrackingWorkbook.RequestsSheet, TrackingWorkbook.SummarySheet], workbook.Worksheets.Select(w => w.Name));
    }

    [Fact]
    public async Task Dates_fees_and_delays_are_native_excel_values_with_french_formats()
    {
        using var workbook = await ExportAsync();
        var sheet = workbook.Worksheet(TrackingWorkbook.RequestsSheet);
        var received = Cell(sheet, "DAD-2025-00001", "Date de réception");
        Assert.Equal(XLDataType.DateTime, received.DataType);
        Assert.Equal(new DateTime(2025, 3, 1), received.GetDateTime());
        Assert.Equal("dd/mm/yyyy", received.Style.NumberFormat.Format);
        var fees = Cell(sheet, "DAD-2025-00001", "Frais");
        Assert.Equal((XLDataType.Number, 18.5), (fees.DataType, fees.GetDouble()));
        Assert.Equal(ExportFormats.Money, fees.Style.NumberFormat.Format);
        var delay = Cell(sheet, "DAD-2025-00001", "Délai effectif (jours)");
        Assert.Equal((XLDataType.Number, 8d), (delay.DataType, delay.GetDouble()));
        Assert.Equal(new DateTime(2025, 3, 11), Cell(sheet, "DAD-2025-00001", "Date d'échéance").GetDateTime());
        // Both deadlines are reported (the law's from receipt, R.1111-1 al.4, and the office's): received 1 March + 8 days = 9 March, the legal one.
        var legal = Cell(sheet, "DAD-2025-00001", "Échéance légale (depuis la réception)");
        Assert.Equal((new DateTime(2025, 3, 9), ExportFormats.Date), (legal.GetDateTime(), legal.Style.NumberFormat.Format));
        Assert.True(Cell(sheet, "DAD-2025-00006", "Date d'envoi").IsEmpty());
    }

    [Theory]
    [InlineData("DAD-2025-00001", "Oui", "8 jours", 8)]   // complete 3 March, sent 11 March
    [InlineData("DAD-2025-00002", "Non", "8 jours", 9)]   // complete 3 March (timeline), sent 12 March
    [InlineData("DAD-2025-00003", "Oui", "2 mois", 59)]   // complete 31 January, sent 31 March
    [InlineData("DAD-2025-00004", "Non", "2 mois", 60)]   // complete 31 January, sent 1 April
    public async Task On_time_verdicts_follow_the_hand_worked_dates(string reference, string onTime, string legalDelay, int days)
    {
        using var workbook = await ExportAsync();
        var sheet = workbook.Worksheet(TrackingWorkbook.RequestsSheet);
        Assert.Equal(onTime, Cell(sheet, reference, "Délai respecté").GetString());
        Assert.Equal(legalDelay, Cell(sheet, reference, "Délai légal").GetString());
        Assert.Equal(days, Cell(sheet, reference, "Délai effectif (jours)").GetDouble());
        Assert.Equal("Dossier complet", Cell(sheet, reference, "Délai compté depuis").GetString());
    }

    [Fact]
    public async Task A_copy_sent_the_day_the_request_was_complete_is_flagged_before_48_hours()
    {
        using var workbook = await ExportAsync();
        var sheet = workbook.Worksheet(TrackingWorkbook.RequestsSheet);
        Assert.Equal("Oui", Cell(sheet, "DAD-2025-00005", "Envoi avant 48 h").GetString());
        Assert.Equal("Oui", Cell(sheet, "DAD-2025-00005", "Délai respecté").GetString());
        Assert.Equal("Non", Cell(sheet, "DAD-2025-00001", "Envoi avant 48 h").GetString());
        Assert.True(Cell(sheet, "DAD-2025-00006", "Envoi avant 48 h").IsEmpty());
    }

    [Fact]
    public async Task Receipt_setting_counts_from_receipt_so_11_March_is_late_for_a_request_received_on_1_March()
    {
        using var workbook = await ExportAsync(OnTimeFrom.Receipt);
        var sheet = workbook.Worksheet(TrackingWorkbook.RequestsSheet);
        Assert.Equal(new DateTime(2025, 3, 9), Cell(sheet, "DAD-2025-00001", "Date d'échéance").GetDateTime());
        Assert.Equal("Non", Cell(sheet, "DAD-2025-00001", "Délai respecté").GetString());
        Assert.Equal(10, Cell(sheet, "DAD-2025-00001", "Délai effectif (jours)").GetDouble());
        Assert.Equal("Réception", Cell(sheet, "DAD-2025-00001", "Délai compté depuis").GetString());
        Assert.EndsWith("délai respecté compté depuis la réception de la demande.",
            workbook.Worksheet(TrackingWorkbook.SummarySheet).Cell(2, 1).GetString(), StringComparison.Ordinal);
    }

    /// <summary>Request DAD-2025-00001 read back across the whole line, each cell with its Excel type, as worked out by hand.</summary>
    [Fact]
    public async Task A_whole_line_reads_back_cell_by_cell()
    {
        using var workbook = await ExportAsync();
        var sheet = workbook.Worksheet(TrackingWorkbook.RequestsSheet);
        object? Date(int y, int m, int d) => new DateTime(y, m, d);
        var expected = new (string Header, object? Value)[]
        {
            ("Référence", "DAD-2025-00001"), ("Date de réception", Date(2025, 3, 1)), ("Canal de réception", "Courriel"),
            ("Date de complétude", Date(2025, 3, 3)), ("Patient", "ALPHA Anne"), ("IPP", "766310811"),
            ("Date de naissance", Date(1960, 5, 4)), ("Nom du demandeur", "Alpha Anne"), ("Qualité du demandeur", "Patient"),
            ("Services concernés", "Cardiologie, Imagerie"), ("Informations de plus de cinq ans", "Non"), ("Délai légal", "8 jours"),
            ("Délai compté depuis", "Dossier complet"), ("Date d'échéance", Date(2025, 3, 11)),
            ("Échéance légale (depuis la réception)", Date(2025, 3, 9)), ("Mode de communication", "Envoi en recommandé avec AR"),
            ("Nombre de pages", 68d), ("Support", "Papier"), ("Date d'envoi", Date(2025, 3, 11)), ("N° de recommandé (LRAR)", "1A 123 456 7890 1"),
            ("Date de l'accusé de réception", Date(2025, 3, 13)), ("Délai effectif (jours)", 8d), ("Délai respecté", "Oui"), ("Envoi avant 48 h", "Non"),
            ("Frais", 18.5d), ("Date de paiement", Date(2025, 3, 20)), ("Statut", "Communiqué"), ("Observations", "RAS"),
        };

        Assert.Equal(expected.Select(e => e.Header), TrackingWorkbook.Columns.Select(c => c.Header));
        foreach (var (header, value) in expected)
        {
            var cell = Cell(sheet, "DAD-2025-00001", header);
            object actual = value switch
            {
                DateTime => cell.DataType == XLDataType.DateTime ? cell.GetDateTime() : $"{cell.DataType} « {cell.GetString()} »",
                double => cell.DataType == XLDataType.Number ? cell.GetDouble() : $"{cell.DataType} « {cell.GetString()} »",
                _ => cell.DataType == XLDataType.Text ? cell.GetString() : $"{cell.DataType} « {cell.GetString()} »",
            };
            Assert.True(Equals(value, actual), $"{header}: expected « {value} », read « {actual} ».");
        }
    }

    [Fact]
    public async Task Open_overdue_requests_are_filled_light_red_and_others_are_not()
    {
        using var workbook = await ExportAsync();
        var sheet = workbook.Worksheet(TrackingWorkbook.RequestsSheet);
        var overdue = Cell(sheet, "DAD-2025-00006", "Patient");
        Assert.Equal(new DateTime(2025, 2, 18), Cell(sheet, "DAD-2025-00006", "Date d'échéance").GetDateTime());
        Assert.Equal("En attente de pièces", Cell(sheet, "DAD-2025-00006", "Statut").GetString());
        Assert.Equal(XLColor.FromHtml("#FFC7CE"), overdue.Style.Fill.BackgroundColor);
        // The whole line, blank cells included (nothing sent yet), and each cell keeps its column's format.
        var notSent = Cell(sheet, "DAD-2025-00006", "Date d'envoi");
        Assert.True(notSent.IsEmpty());
        Assert.Equal((XLColor.FromHtml("#FFC7CE"), ExportFormats.Date), (notSent.Style.Fill.BackgroundColor, notSent.Style.NumberFormat.Format));
        Assert.Equal(ExportFormats.Date, Cell(sheet, "DAD-2025-00006", "Date de réception").Style.NumberFormat.Format);
        Assert.NotEqual(XLColor.FromHtml("#FFC7CE"), Cell(sheet, "DAD-2025-00002", "Patient").Style.Fill.BackgroundColor);
        Assert.NotEqual(XLColor.FromHtml("#FFC7CE"), Cell(sheet, "DAD-2025-00008", "Patient").Style.Fill.BackgroundColor);
    }

    [Fact]
    public async Task Labels_and_remarks_are_french_and_widths_follow_the_content()
    {
        using var workbook = await ExportAsync();
        var sheet = workbook.Worksheet(TrackingWorkbook.RequestsSheet);
        Assert.Equal("Ayant droit, concubin ou partenaire de PACS", Cell(sheet, "DAD-2025-00003", "Qualité du demandeur").GetString());
        Assert.Equal("Via le médecin désigné", Cell(sheet, "DAD-2025-00003", "Mode de communication").GetString());
        Assert.Equal("Médecin désigné : Dr Martin", Cell(sheet, "DAD-2025-00003", "Observations").GetString());
        Assert.Equal("Refus : Opposition du patient de son vivant", Cell(sheet, "DAD-2025-00007", "Observations").GetString());
        Assert.Equal("Oui", Cell(sheet, "DAD-2025-00003", "Informations de plus de cinq ans").GetString());
        // "DAD-2025-00001" is 14 characters, more than the header (9 + 3 for the filter button): 14 + 2.
        Assert.Equal(16, sheet.Column(1).Width);
        Assert.All(sheet.ColumnsUsed(), c => Assert.InRange(c.Width, 6, 60));
    }

    [Fact]
    public async Task For_print_the_header_wraps_and_a_long_label_wraps_in_a_20_character_column_its_line_made_taller()
    {
        using var workbook = await ExportAsync();
        var sheet = workbook.Worksheet(TrackingWorkbook.RequestsSheet);
        var capacity = Cell(sheet, "DAD-2025-00003", "Qualité du demandeur");
        // "Ayant droit, concubin ou partenaire de PACS": 43 characters, 18 a line with some slack for whole words: 3 lines of 15 points.
        Assert.Equal((20.0, true, 45.0), (capacity.WorksheetColumn().Width, capacity.Style.Alignment.WrapText, capacity.WorksheetRow().Height));
        // "Informations de plus de cinq ans" wraps: its column is as wide as its longest word and filter button (12 + 3 + 2).
        Assert.Equal(17, Cell(sheet, "DAD-2025-00003", "Informations de plus de cinq ans").WorksheetColumn().Width);
        Assert.True(sheet.Cell(1, 1).Style.Alignment.WrapText);
    }

    [Fact]
    public async Task Synthese_gives_the_cdu_figures_of_the_seeded_period()
    {
        using var workbook = await ExportAsync();
        var sheet = workbook.Worksheet(TrackingWorkbook.SummarySheet);
        Assert.Equal("Demandes d'accès au dossier médical — synthèse", sheet.Cell(1, 1).GetString());
        Assert.StartsWith("Période du 01/01/2025 au 31/12/2025 ; édité le 15/03/2026 à 11:00", sheet.Cell(2, 1).GetString(), StringComparison.Ordinal);

        var january = sheet.Row(SummaryRow(sheet, "Mois").RowNumber() + 1);
        Assert.Equal((new DateTime(2025, 1, 1), ExportFormats.Month), (january.Cell(1).GetDateTime(), january.Cell(1).Style.NumberFormat.Format));
        Assert.Equal((2d, 0d), (january.Cell(2).GetDouble(), january.Cell(3).GetDouble()));
        var march = sheet.Row(january.RowNumber() + 2);
        Assert.Equal((3d, 4d), (march.Cell(2).GetDouble(), march.Cell(3).GetDouble()));
        var total = SummaryRow(sheet, "Total");
        Assert.Equal(total.RowNumber(), january.RowNumber() + 12);
        Assert.Equal((8d, 5d), (total.Cell(2).GetDouble(), total.Cell(3).GetDouble()));

        AssertDelays(SummaryRow(sheet, AccessRequestSummary.EightDaysLabel), 6, 3, 2, 2d / 3, 17d / 3);
        AssertDelays(SummaryRow(sheet, AccessRequestSummary.TwoMonthsLabel), 2, 2, 1, 0.5, 59.5);
        AssertDelays(SummaryRow(sheet, AccessRequestSummary.AllLabel), 8, 5, 3, 0.6, 27.2);
        AssertDelays(SummaryRow(sheet, "Patient"), 4, 3, 2, 2d / 3, 17d / 3);
        AssertDelays(SummaryRow(sheet, "Ayant droit, concubin ou partenaire de PACS"), 2, 1, 1, 1, 59);
        AssertDelays(SummaryRow(sheet, "Envoi en recommandé avec AR"), 2, 2, 1, 0.5, 34);
        Assert.Equal("0.0%", SummaryRow(sheet, AccessRequestSummary.AllLabel).Cell(5).Style.NumberFormat.Format);
        Assert.True(SummaryRow(sheet, AccessRequestSummary.NoModeLabel).Cell(5).IsEmpty());

        (string, double)[] expected =
        [
            ("Demandes reçues", 8), ("Dossiers communiqués", 5), ("Demandes incomplètes", 1), ("Refus", 1), ("Abandons", 1),
            ("Communiqués via un médecin", 1), ("Consultations sur place", 1),
        ];
        Assert.All(expected, e => Assert.Equal(e.Item2, SummaryRow(sheet, e.Item1).Cell(2).GetDouble()));
    }

    private static void AssertDelays(IXLRow row, int requests, int sent, int onTime, double rate, double average)
    {
        Assert.Equal((requests, sent, onTime), ((int)row.Cell(2).GetDouble(), (int)row.Cell(3).GetDouble(), (int)row.Cell(4).GetDouble()));
        Assert.Equal(rate, row.Cell(5).GetDouble(), 6);
        Assert.Equal(average, row.Cell(6).GetDouble(), 6);
    }

    [Fact]
    public async Task Each_export_writes_one_audit_line_with_the_period_and_the_line_count()
    {
        using (await ExportAsync()) { }
        await using var db = _database.CreateContext();
        var line = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.Exported, Ct);
        Assert.Equal((TestDatabase.DefaultUserName, (Guid?)null), (line.UserName, line.CaseFileId));
        Assert.Equal("Tableau de suivi des demandes d'accès du 01/01/2025 au 31/12/2025 (8 lignes)", line.Details);
    }

    [Fact]
    public async Task An_export_that_fails_while_writing_is_already_on_record_with_its_filter_and_count_but_not_the_search_text()
    {
        var service = CreateExportService(_database);
        var filter = new RelationsUsagers.Core.Queue.QueueFilter { Kind = RelationsUsagers.Core.Cases.CaseKind.AccessRequest, Search = "a", IncludeClosed = true };

        await Assert.ThrowsAsync<IOException>(() => service.WriteAccessRequestsAsync(new UnwritableStream(), From, To, filter, Ct));

        await using var db = _database.CreateContext();
        var line = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.Exported, Ct);
        Assert.Equal("Tableau de suivi des demandes d'accès du 01/01/2025 au 31/12/2025 (8 lignes) ; filtre : type « "
            + RelationsUsagers.Core.Cases.CaseKind.AccessRequest.Label() + " », recherche par nom ou référence (texte non conservé), dossiers clos compris",
            line.Details);
    }

    /// <summary>A destination that refuses every byte, as a full disk or a closed connection does.</summary>
    private sealed class UnwritableStream : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("No space left on device.");
        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("No space left on device.");
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            throw new IOException("No space left on device.");
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new IOException("No space left on device.");
    }

    [Fact]
    public async Task Text_that_looks_like_a_formula_stays_text()
    {
        var service = CreateExportService(_database);
        var bytes = await ExportTestData.ExportAsync(s => service.WriteAccessRequestsAsync(s, D(2024, 12, 1), D(2024, 12, 31), null, Ct));
        using var workbook = Open(bytes);
        var requester = Cell(workbook.Worksheet(TrackingWorkbook.RequestsSheet), "DAD-2024-00009", "Nom du demandeur");
        Assert.False(requester.HasFormula);
        Assert.Equal("=HYPERLINK(\"http://exemple.invalid\")", requester.GetString());
    }

    [Fact]
    public async Task An_empty_period_gives_a_valid_workbook_with_an_empty_table()
    {
        var service = CreateExportService(_database);
        var bytes = await ExportTestData.ExportAsync(s => service.WriteAccessRequestsAsync(s, D(2023, 1, 1), D(2023, 12, 31), null, Ct));
        AssertValidOpenXml(bytes);
        using var workbook = Open(bytes);
        Assert.Single(workbook.Worksheet(TrackingWorkbook.RequestsSheet).Tables);
        Assert.Equal(0, SummaryRow(workbook.Worksheet(TrackingWorkbook.SummarySheet), "Demandes reçues").Cell(2).GetDouble());
    }
}

public sealed class SqliteTrackingWorkbookTests : TrackingWorkbookTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlTrackingWorkbookTests : TrackingWorkbookTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
