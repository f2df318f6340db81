using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.AccessRequests.Tracking;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Queue;
using RelationsUsagers.Core.Requisitions;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Exports;

/// <summary>
/// Writes the office's Excel workbooks into a stream and records each export in the audit trail (who exported what,
/// for which period, how many lines: patient data leave the portal).
/// </summary>
public sealed class ExportService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, AccessRequestTrackingService tracking)
{
    /// <summary>The MIME type of every workbook the portal serves.</summary>
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string AccessRequestsTitle = "Tableau de suivi des demandes d'accès";
    public const string ComplaintsTitle = "Registre des plaintes et réclamations";
    public const string RequisitionsTitle = "Registre des réquisitions";

    /// <summary>The tracking workbook (sheets "Demandes" and "Synthèse"); returns the number of requests written.</summary>
    public async Task<int> WriteAccessRequestsAsync(Stream output, DateOnly from, DateOnly to, QueueFilter? filter = null,
        CancellationToken ct = default)
    {
        var period = Period(from, to);
        var rows = await tracking.GetRowsAsync(from, to, filter, ct);
        await TrackingWorkbook.SaveAsync(output, rows, period, tracking.OnTimeFrom, ct);
        await AuditAsync(period.AuditDetails(AccessRequestsTitle, rows.Count), ct);
        return rows.Count;
    }

    /// <summary>The complaints register of the period (RULES.md §2); returns the number of complaints written.</summary>
    public async Task<int> WriteComplaintsAsync(Stream output, DateOnly from, DateOnly to, QueueFilter? filter = null,
        CancellationToken ct = default)
    {
        var period = Period(from, to);
        var today = ParisCalendar.Today(time);
        List<ComplaintRegisterRow> rows;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var found = await RegisterQuery.LoadAsync<Complaint>(db, CaseKind.Complaint, from, to, filter, today, ct);
            rows = found.Cases.Select(c => ComplaintRegisterRow.Build(c, [.. found.Suspensions[c.Id]], found.Clock, today)).ToList();
        }
        return await WriteRegisterAsync(output, ("Plaintes", "Plaintes"), ComplaintRegisterRow.Columns, rows, r => r.IsOverdue,
            period, ComplaintsTitle, ct);
    }

    /// <summary>The requisitions register of the period (RULES.md §5); returns the number of requisitions written.</summary>
    public async Task<int> WriteRequisitionsAsync(Stream output, DateOnly from, DateOnly to, QueueFilter? filter = null,
        CancellationToken ct = default)
    {
        var period = Period(from, to);
        var today = ParisCalendar.Today(time);
        List<RequisitionRegisterRow> rows;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var found = await RegisterQuery.LoadAsync<Requisition>(db, CaseKind.Requisition, from, to, filter, today, ct);
            rows = found.Cases.Select(r => RequisitionRegisterRow.Build(r, [.. found.Suspensions[r.Id]], found.Clock, today)).ToList();
        }
        return await WriteRegisterAsync(output, ("Réquisitions", "Requisitions"), RequisitionRegisterRow.Columns, rows,
            r => r.IsOverdue, period, RequisitionsTitle, ct);
    }

    private async Task<int> WriteRegisterAsync<T>(Stream output, (string Sheet, string Table) names, IReadOnlyList<ExportColumn<T>> columns,
        IReadOnlyList<T> rows, Func<T, bool> overdue, ExportPeriod period, string title, CancellationToken ct)
    {
        using (var workbook = new XLWorkbook())
        {
            var table = ExcelTable<T>.Layout(workbook.AddWorksheet(names.Sheet), names.Table, columns, rows, overdue);
            await WorkbookFile.SaveAsync(workbook, output, ct, table.WriteRows);
        }
        await AuditAsync(period.AuditDetails(title, rows.Count), ct);
        return rows.Count;
    }

    private ExportPeriod Period(DateOnly from, DateOnly to)
    {
        if (to < from)
            throw new CaseRuleException("La fin de la période ne peut pas précéder son début.");
        return new ExportPeriod(from, to, ParisCalendar.Local(time.GetUtcNow()));
    }

    /// <summary>An export concerns many cases: one line with no case id, written once the file is complete.</summary>
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
