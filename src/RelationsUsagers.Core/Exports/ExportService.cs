using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.AccessRequests.Tracking;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Queue;
using RelationsUsagers.Core.Requisitions;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Exports;

/// <summary>
/// Writes the office's Excel workbooks into a stream and records each export in the audit trail first (who exported what,
/// for which period and filter, how many lines: patient data leave the portal).
/// </summary>
public sealed class ExportService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, AccessRequestTrackingService tracking)
{
    /// <summary>The MIME type of every workbook the portal serves.</summary>
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string AccessRequestsTitle = "Tableau de suivi des demandes d'accès";
    public const string ComplaintsTitle = "Registre des plaintes et réclamations";
    public const string RequisitionsTitle = "Registre des réquisitions";
    public const string ClaimsTitle = "Registre des demandes d'indemnisation";
    public const string ExpressionsTitle = "Registre des expressions des usagers";

    /// <summary>
    /// The tracking workbook (sheets "Demandes" and "Synthèse"); returns the number of requests written. The requests are read
    /// twice from one snapshot, never all held: a first pass counts them, measures the columns and tallies the figures, the
    /// second writes the cells as they are read.
    /// </summary>
    public async Task<int> WriteAccessRequestsAsync(Stream output, DateOnly from, DateOnly to, QueueFilter? filter = null,
        CancellationToken ct = default)
    {
        var period = Period(from, to);
        await using var rows = await tracking.OpenAsync(from, to, filter, ct);
        var widths = new ColumnWidths<AccessRequestDashboardRow>(TrackingWorkbook.Columns);
        var tally = new AccessRequestTally(from, to);
        var count = 0;
        await foreach (var row in rows.ReadAsync(ct))
        {
            widths.Measure(row);
            tally.Add(row);
            count++;
        }
        await AuditAsync(period.AuditDetails(AccessRequestsTitle, count) + QueueFilterWording.ForAudit(filter), ct);
        await TrackingWorkbook.SaveAsync(output, rows.ReadAsync(ct), widths, tally.ToSummary(), period, tracking.OnTimeFrom, ct);
        return count;
    }

    /// <summary>The complaints register of the period (CSP R.1112-80 I); returns the number of complaints written.</summary>
    public Task<int> WriteComplaintsAsync(Stream output, DateOnly from, DateOnly to, QueueFilter? filter = null,
        CancellationToken ct = default) =>
        WriteRegisterAsync<Complaint, ComplaintRegisterRow>(output, from, to, filter, CaseKind.Complaint, ComplaintRegisterRow.Build,
            new RegisterSheet<ComplaintRegisterRow>("Plaintes", "Plaintes", ComplaintsTitle, ComplaintRegisterRow.Columns, r => r.IsOverdue), ct);

    /// <summary>The requisitions register of the period (CPP 60-1, 77-1-1, 99-3); returns the number of requisitions written.</summary>
    public Task<int> WriteRequisitionsAsync(Stream output, DateOnly from, DateOnly to, QueueFilter? filter = null,
        CancellationToken ct = default) =>
        WriteRegisterAsync<Requisition, RequisitionRegisterRow>(output, from, to, filter, CaseKind.Requisition, RequisitionRegisterRow.Build,
            new RegisterSheet<RequisitionRegisterRow>("Réquisitions", "Requisitions", RequisitionsTitle, RequisitionRegisterRow.Columns, r => r.IsOverdue), ct);

    /// <summary>The indemnity claims register of the period (CJA R.421-1; CSP L.1142-7); returns the number of claims written.</summary>
    public Task<int> WriteClaimsAsync(Stream output, DateOnly from, DateOnly to, QueueFilter? filter = null,
        CancellationToken ct = default) =>
        WriteRegisterAsync<IndemnityClaim, ClaimRegisterRow>(output, from, to, filter, CaseKind.IndemnityClaim, ClaimRegisterRow.Build,
            new RegisterSheet<ClaimRegisterRow>("Indemnisations", "Indemnisations", ClaimsTitle, ClaimRegisterRow.Columns, r => r.IsOverdue), ct);

    /// <summary>The register of the users' expressions of the period (the quick log, R.1112-80); returns the number written.</summary>
    public async Task<int> WriteExpressionsAsync(Stream output, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var period = Period(from, to);
        List<ExpressionRegisterRow> rows;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            rows = (await db.UserExpressions.AsNoTracking().Where(e => e.OccurredOn >= from && e.OccurredOn <= to)
                .OrderBy(e => e.OccurredOn).ThenBy(e => e.RecordedAtUtc).ToListAsync(ct)).ConvertAll(ExpressionRegisterRow.Build);
        await AuditAsync(period.AuditDetails(ExpressionsTitle, rows.Count), ct);
        await SaveRegisterAsync(output, new RegisterSheet<ExpressionRegisterRow>("Expressions", "Expressions", ExpressionsTitle,
            ExpressionRegisterRow.Columns, _ => false), rows, period, ct);
        return rows.Count;
    }

    /// <summary>A register's sheet: its name, its table's name, its title in the audit trail, its columns, its overdue lines.</summary>
    private sealed record RegisterSheet<TRow>(string Sheet, string Table, string Title, IReadOnlyList<ExportColumn<TRow>> Columns,
        Func<TRow, bool> Overdue);

    /// <summary>Loads the cases of the period, builds one line each with its clock, writes the register, audits the export.</summary>
    private async Task<int> WriteRegisterAsync<TCase, TRow>(Stream output, DateOnly from, DateOnly to, QueueFilter? filter, CaseKind kind,
        Func<TCase, IReadOnlyList<ClockSuspension>, LegalClock, DateOnly, TRow> build, RegisterSheet<TRow> register, CancellationToken ct)
        where TCase : CaseFile
    {
        var period = Period(from, to);
        var today = ParisCalendar.Today(time);
        List<TRow> rows;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var found = await RegisterQuery.LoadAsync<TCase>(db, kind, from, to, filter, today, ct);
            rows = found.Cases.Select(c => build(c, [.. found.Suspensions[c.Id]], found.Clock, today)).ToList();
        }
        await AuditAsync(period.AuditDetails(register.Title, rows.Count) + QueueFilterWording.ForAudit(filter), ct);
        await SaveRegisterAsync(output, register, rows, period, ct);
        return rows.Count;
    }

    /// <summary>A register's workbook: its one sheet, a table of its lines, printed under its title.</summary>
    private static async Task SaveRegisterAsync<TRow>(Stream output, RegisterSheet<TRow> register, IReadOnlyList<TRow> rows, ExportPeriod period,
        CancellationToken ct)
    {
        using var workbook = new XLWorkbook();
        var table = ExcelTable<TRow>.Layout(workbook.AddWorksheet(register.Sheet), register.Table, register.Columns, rows,
            new PrintLayout(register.Title, period.GeneratedAtParis), register.Overdue);
        await WorkbookFile.SaveAsync(workbook, output, ct, table);
    }

    /// <summary>The dates an export period may span: the office's records, and what a workbook's date cells can hold.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1), LatestDate = new(2100, 12, 31);

    /// <summary>Null when the period can be exported; otherwise why not, in French.</summary>
    public static string? CheckPeriod(DateOnly from, DateOnly to) =>
        from < EarliestDate || to > LatestDate || from > LatestDate || to < EarliestDate
            ? "La période doit être comprise entre le 01/01/2000 et le 31/12/2100."
            : to < from ? "La fin de la période ne peut pas précéder son début." : null;

    private ExportPeriod Period(DateOnly from, DateOnly to)
    {
        if (CheckPeriod(from, to) is { } refused)
            throw new CaseRuleException(refused);
        return new ExportPeriod(from, to, ParisCalendar.Local(time.GetUtcNow()));
    }

    /// <summary>
    /// An export concerns many cases: one line with no case id, its filter and its line count, written once the lines are
    /// counted and before the file is built, so that an export killed half-way is still on record.
    /// </summary>
    private async Task AuditAsync(string details, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = db.UtcNow, UserName = db.CurrentUserName, CaseFileId = null, Action = AuditActions.Exported, Details = details,
        });
        await db.SaveChangesAsync(ct);
    }
}
