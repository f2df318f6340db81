using System.Globalization;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Exports;
using RelationsUsagers.Core.Insurance;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Security;

namespace RelationsUsagers.Web.Insurance;

public static class InsuranceLedgerEndpoints
{
    /// <summary>
    /// /exports/assurance?annee=2026: the insurance ledger of a year as a workbook, for those who keep the ledger; audited by
    /// <see cref="InsuranceLedgerWorkbook"/>. Mapped before /exports/{register}, which a literal segment outranks.
    /// </summary>
    public static void MapInsuranceLedgerEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/exports/assurance", async (HttpContext http, InsuranceLedgerWorkbook workbook, CancellationToken ct) =>
        {
            if (!int.TryParse(http.Request.Query["annee"], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                || year < InsuranceLedgerWorkbook.FirstYear || year > InsuranceLedgerWorkbook.LastYear)
                return Results.Text($"Année invalide\u00A0: indiquez « annee » entre {InsuranceLedgerWorkbook.FirstYear} et {InsuranceLedgerWorkbook.LastYear}, par exemple annee=2026.",
                    "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            using var buffer = new MemoryStream();
            try
            {
                await workbook.WriteAsync(buffer, year, ct);
            }
            catch (CaseRuleException ex)
            {
                return Results.Text(ex.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            }
            return Results.File(buffer.ToArray(), ExportService.XlsxContentType, InsuranceLedgerWorkbook.FileName(year));
        }).RequireAuthorization(Permissions.InsuranceLedger).NoStore();
}
