using System.Globalization;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Exports;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Security;

namespace RelationsUsagers.Web.Cdu;

public static class AnnualReportEndpoints
{
    /// <summary>
    /// /exports/rapport-annuel?annee=2025: the CDU annual report workbook, for those who both export and manage the CDU;
    /// audited by <see cref="AnnualReportWorkbook"/>. Mapped before /exports/{register}, which a literal segment outranks.
    /// </summary>
    public static void MapAnnualReportEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/exports/rapport-annuel", async (HttpContext http, AnnualReportWorkbook workbook, CancellationToken ct) =>
        {
            if (!int.TryParse(http.Request.Query["annee"], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                || year < AnnualReportWorkbook.FirstYear || year > AnnualReportWorkbook.LastYear)
                return Results.BadRequest($"Année invalide : indiquez « annee » entre {AnnualReportWorkbook.FirstYear} et {AnnualReportWorkbook.LastYear}, par exemple annee=2025.");
            // A few sheets of counts: built in memory.
            using var buffer = new MemoryStream();
            try
            {
                await workbook.WriteAsync(buffer, year, ct);
            }
            catch (CaseRuleException ex)
            {
                return Results.BadRequest(ex.Message);
            }
            return Results.File(buffer.ToArray(), ExportService.XlsxContentType, AnnualReportWorkbook.FileName(year));
        }).RequireAuthorization(Permissions.Export, Permissions.CduManage).NoStore();
}
