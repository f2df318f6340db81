using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Exports;
using RelationsUsagers.Core.Security;
using static RelationsUsagers.Core.Cases.CaseEventTypes;
using static RelationsUsagers.Core.Tests.Cdu.CduTestData;

namespace RelationsUsagers.Core.Tests.Exports;

/// <summary>The CDU annual report workbook read back: one sheet per section, figures as native numbers equal to the report's.</summary>
public abstract class AnnualReportWorkbookTests : IAsyncLifetime
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider, Ct);
        var c1 = Complaint(D(2025, 1, 10), "Urgences", ComplaintMotive.WaitingTimes, ComplaintMotive.Information);
        await _database.AddCaseAsync(c1, "PLT-2025-00001", CaseStatus.Answered, (AnswerSent, D(2025, 1, 20), null));
        var c2 = Complaint(D(2025, 3, 1), "Facturation", ComplaintMotive.Billing);
        (c2.Channel, c2.MediationType, c2.MediatorName) = (Channel.Mail, MediationType.NonMedical, "Mme Morel");
        await _database.AddCaseAsync(c2, "PLT-2025-00002", CaseStatus.Answered, (AnswerSent, D(2025, 3, 31), null));
        var c3 = Complaint(D(2025, 6, 1), "Urgences", ComplaintMotive.WaitingTimes);
        await _database.AddCaseAsync(c3, "PLT-2025-00003", CaseStatus.UnderInvestigation);
        // Record access: 7 days (in time) and 11 days (late).
        await _database.AddCaseAsync(TestCases.AccessRequest(D(2025, 2, 3)), "DAD-2025-00001", CaseStatus.Sent, (CopySent, D(2025, 2, 10), null));
        await _database.AddCaseAsync(TestCases.AccessRequest(D(2025, 3, 3)), "DAD-2025-00002", CaseStatus.Sent, (CopySent, D(2025, 3, 14), null));

        var president = Member("M. Gérard Hamon", CduCategory.PatientRepresentative, office: CduOffice.President);
        var director = Member("Mme Anne Castel", CduCategory.LegalRepresentative, office: CduOffice.VicePresident);
        await _database.AddAsync(president, director);
        var meeting = await _database.AddMeetingAsync(D(2025, 3, 20), CduMeetingStatus.Held);
        await _database.AddAsync(
            new CduAttendance { MeetingId = meeting.Id, MemberId = president.Id, Presence = CduPresence.Present },
            new CduAttendance { MeetingId = meeting.Id, MemberId = director.Id, Presence = CduPresence.Excused },
            new CduRecommendation { Year = 2025, Text = "A", Owner = "Direction", Status = CduRecommendationStatus.InProgress });
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private AnnualReportWorkbook Workbook() => new(_database.AnnualReport(), _database.Factory, _database.Clock);

    private async Task<(XLWorkbook Workbook, AnnualReport Report, byte[] Bytes)> ExportAsync(int year)
    {
        using var stream = new MemoryStream();
        var report = await Workbook().WriteAsync(stream, year, Ct);
        var bytes = stream.ToArray();
        return (new XLWorkbook(new MemoryStream(bytes)), report, bytes);
    }

    private static void AssertValidOpenXml(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Description} ({e.Path?.XPath})"));
    }

    /// <summary>The figure next to the first line labelled <paramref name="label"/> (after the line labelled <paramref name="after"/>, if given).</summary>
    private static IXLCell Figure(IXLWorksheet sheet, string label, string? after = null)
    {
        var start = after is null ? 0 : sheet.Column(1).CellsUsed().First(c => c.GetString() == after).Address.RowNumber;
        return sheet.Column(1).CellsUsed().First(c => c.Address.RowNumber > start && c.GetString() == label).CellRight();
    }

    [Fact]
    public async Task Has_one_sheet_per_section_in_the_reports_order()
    {
        var (workbook, _, _) = await ExportAsync(2025);

        Assert.Equal(
            [
                AnnualReportWorkbook.CompositionSheet, AnnualReportWorkbook.MeetingsSheet, AnnualReportWorkbook.ComplaintsSheet,
                AnnualReportWorkbook.MediationsSheet, AnnualReportWorkbook.RecordAccessSheet, AnnualReportWorkbook.LitigationSheet,
                AnnualReportWorkbook.RecommendationsSheet,
            ],
            workbook.Worksheets.Select(s => s.Name));
        Assert.All(workbook.Worksheets, s => Assert.StartsWith("Année 2025 ; édité le 15/03/2026 à 11:00", s.Cell(2, 1).GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Figures_are_native_numbers_equal_to_the_reports()
    {
        var (workbook, report, _) = await ExportAsync(2025);

        var complaints = workbook.Worksheet(AnnualReportWorkbook.ComplaintsSheet);
        var received = Figure(complaints, "Plaintes et réclamations reçues (hors éloges)");
        Assert.Equal(XLDataType.Number, received.DataType);
        Assert.Equal(3, report.Complaints.Received);
        Assert.Equal(report.Complaints.Received, received.GetDouble());
        Assert.Equal(report.Complaints.AverageAnswerDays, Figure(complaints, "Délai moyen de réponse (jours)").GetDouble());
        var waiting = Figure(complaints, "Délais d'attente", after: "Motif");
        Assert.Equal(XLDataType.Number, waiting.DataType);
        Assert.Equal(2, waiting.GetDouble());
        Assert.Equal(2, Figure(complaints, "Urgences", after: "Service").GetDouble());
        Assert.Equal(4, Figure(complaints, "Total", after: "Motif").GetDouble());

        // Rates in percent in the report, Excel percentages in the workbook.
        var access = workbook.Worksheet(AnnualReportWorkbook.RecordAccessSheet);
        var within = Figure(access, "Part dans le délai");
        Assert.Equal(50.0, report.RecordAccess.PercentWithin8Days);
        Assert.Equal(0.5, within.GetDouble(), 6);
        Assert.Equal(ExportFormats.Percent, within.Style.NumberFormat.Format);
        Assert.Equal(9.0, Figure(access, "Délai moyen (jours)").GetDouble());
        // No request over five years old: no rate, an empty cell rather than a zero.
        Assert.True(Figure(access, "Part dans le délai", after: "Délai de 2 mois (plus de 5 ans ou CDSP saisie)").IsEmpty());

        var meetings = workbook.Worksheet(AnnualReportWorkbook.MeetingsSheet);
        Assert.Equal(1, Figure(meetings, "Séances tenues (au moins une par trimestre, art. R.1112-88)").GetDouble());
        Assert.Equal(report.Meetings.AttendanceRate!.Value / 100, Figure(meetings, "Taux de présence des membres titulaires (présents ou remplacés)").GetDouble(), 6);
        Assert.Equal("2e trimestre, 3e trimestre, 4e trimestre", Figure(meetings, "Trimestres sans séance tenue").GetString());

        Assert.Equal(1, Figure(workbook.Worksheet(AnnualReportWorkbook.MediationsSheet), "Non médicale").GetDouble());
        Assert.Equal(1, Figure(workbook.Worksheet(AnnualReportWorkbook.RecommendationsSheet), "En cours").GetDouble());
        var composition = workbook.Worksheet(AnnualReportWorkbook.CompositionSheet);
        Assert.Equal("Représentant(e) des usagers", Figure(composition, "Président(e)").GetString());
    }

    [Fact]
    public async Task The_file_is_valid_open_xml_with_column_widths_set()
    {
        var (workbook, _, bytes) = await ExportAsync(2025);

        AssertValidOpenXml(bytes);
        Assert.All(workbook.Worksheets, s => Assert.InRange(s.Column(1).Width, 30, 62));
    }

    [Fact]
    public async Task A_year_without_data_gives_valid_sections_saying_none()
    {
        var (workbook, report, bytes) = await ExportAsync(2019);

        AssertValidOpenXml(bytes);
        Assert.Equal(0, report.Complaints.Received);
        Assert.Equal(0, Figure(workbook.Worksheet(AnnualReportWorkbook.ComplaintsSheet), "Plaintes et réclamations reçues (hors éloges)").GetDouble());
        Assert.Equal(0, Figure(workbook.Worksheet(AnnualReportWorkbook.MediationsSheet), "Aucun").GetDouble());
    }

    [Fact]
    public async Task The_export_is_written_to_the_audit_trail_without_a_case()
    {
        await ExportAsync(2025);

        await using var db = _database.CreateContext();
        var line = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.Exported, Ct);
        Assert.Equal((TestDatabase.DefaultUserName, null, "Rapport annuel de la commission des usagers 2025"), (line.UserName, line.CaseFileId, line.Details));
    }

    [Fact]
    public async Task A_year_out_of_range_is_refused_before_anything_is_written()
    {
        using var stream = new MemoryStream();

        await Assert.ThrowsAsync<CaseRuleException>(() => Workbook().WriteAsync(stream, 1999, Ct));

        Assert.Equal(0, stream.Length);
        await using var db = _database.CreateContext();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Exported, Ct));
    }
}

public sealed class SqliteAnnualReportWorkbookTests : AnnualReportWorkbookTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlAnnualReportWorkbookTests : AnnualReportWorkbookTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
