using System.Globalization;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.AccessRequests.Tracking;
using static RelationsUsagers.Core.AccessRequests.Tracking.AccessRequestDashboardRow;
using Row = RelationsUsagers.Core.AccessRequests.Tracking.AccessRequestDashboardRow;

namespace RelationsUsagers.Core.Exports;

/// <summary>The period and the moment an export was made, shown in its title lines.</summary>
public sealed record ExportPeriod(DateOnly From, DateOnly To, DateTime GeneratedAtParis)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"Période du {From:dd/MM/yyyy} au {To:dd/MM/yyyy} ; édité le {GeneratedAtParis:dd/MM/yyyy 'à' HH:mm}");

    /// <summary>"du 01/01/2025 au 31/12/2025 (N lignes)", for the audit line.</summary>
    public string AuditDetails(string what, int count) => string.Create(CultureInfo.InvariantCulture,
        $"{what} du {From:dd/MM/yyyy} au {To:dd/MM/yyyy} ({count} {(count > 1 ? "lignes" : "ligne")})");
}

/// <summary>
/// The "tableau de suivi des demandes d'accès au dossier médical" (CSP L.1111-7, R.1112-80 II 1° c): sheet "Demandes" (one table line per
/// request, overdue open lines in light red) and sheet "Synthèse" (the CDU report figures).
/// </summary>
public static class TrackingWorkbook
{
    public const string RequestsSheet = "Demandes";
    public const string SummarySheet = "Synthèse";
    public const string TableName = "Demandes";

    public static IReadOnlyList<ExportColumn<Row>> Columns { get; } =
    [
        new("Référence", r => r.Reference),
        new(CaseFileFieldNames.ReceivedOn, r => r.ReceivedOn, ExportFormats.Date),
        new(CaseFileFieldNames.Channel, r => r.ChannelLabel),
        new(AccessRequestFieldNames.CompletedOn, r => r.CompletedOn, ExportFormats.Date),
        new("Patient", r => r.Patient),
        new(CaseFileFieldNames.PatientNumber, r => r.PatientNumber),
        new(CaseFileFieldNames.PatientBirthDate, r => r.BirthDate, ExportFormats.Date),
        new(CaseFileFieldNames.RequesterName, r => r.Requester),
        new(AccessRequestFieldNames.RequesterCapacity, r => r.CapacityLabel),
        new(CaseFileFieldNames.Services, r => r.Services),
        new(AccessRequestFieldNames.InformationOlderThanFiveYears, r => YesNo(r.OlderThanFiveYears)),
        new("Délai légal", r => r.LegalDelay),
        new("Délai compté depuis", r => r.StartLabel),
        new("Date d'échéance", r => r.DueOn, ExportFormats.Date),
        new("Échéance légale (depuis la réception)", r => r.LegalDueOn, ExportFormats.Date),
        new(AccessRequestFieldNames.CommunicationMode, r => r.ModeLabel),
        new(AccessRequestFieldNames.PageCount, r => r.PageCount, ExportFormats.Integer),
        new(AccessRequestFieldNames.Medium, r => r.Medium),
        new(AccessRequestFieldNames.SentOn, r => r.SentOn, ExportFormats.Date),
        new(AccessRequestFieldNames.RecordedDeliveryNumber, r => r.RecordedDeliveryNumber),
        new(AccessRequestFieldNames.DeliveryAcknowledgedOn, r => r.AcknowledgedOn, ExportFormats.Date),
        new("Délai effectif (jours)", r => r.EffectiveDelayDays, ExportFormats.Integer),
        new("Délai respecté", r => YesNo(r.OnTime)),
        new("Envoi avant 48 h", r => YesNo(r.BeforeReflectionDelay)),
        new("Frais", r => r.Fees, ExportFormats.Money),
        new(AccessRequestFieldNames.PaidOn, r => r.PaidOn, ExportFormats.Date),
        new(CaseFileFieldNames.Status, r => r.StatusLabel),
        new(AccessRequestFieldNames.Remarks, r => r.Remarks),
    ];

    /// <summary>
    /// Writes the workbook into <paramref name="output"/>: the sheet "Demandes" of <paramref name="rows"/>, read as it is written
    /// (<paramref name="widths"/> and <paramref name="summary"/> were measured on the same rows), then "Synthèse". Written part by
    /// part with an XML writer (<see cref="XlsxPackage"/>): neither the rows nor a workbook model are ever held in memory, and no
    /// spreadsheet library is loaded (ClosedXML's code and its copy of the laid-out workbook cost more than the rows themselves).
    /// </summary>
    internal static Task SaveAsync(Stream output, IAsyncEnumerable<Row> rows, ColumnWidths<Row> widths, AccessRequestSummary summary,
        ExportPeriod period, OnTimeFrom onTimeFrom, CancellationToken ct)
    {
        var print = new PrintLayout(ExportService.AccessRequestsTitle, period.GeneratedAtParis);
        return XlsxPackage.SaveAsync(output, async package =>
        {
            await ExcelTable<Row>.Streamed(RequestsSheet, TableName, Columns, widths, rows, r => r.IsOverdue).WriteAsync(package, widths, print, ct);
            await TrackingSummarySheet.WriteAsync(package, summary, period, onTimeFrom, print);
        }, ct);
    }
}
