using System.Globalization;
using RelationsUsagers.Core.Exports;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Security;
using RelationsUsagers.Web.Queue;

namespace RelationsUsagers.Web.Exports;

public static class ExportEndpoints
{
    /// <summary>
    /// /exports/{register}?du=2025-01-01&amp;au=2025-12-31&amp;(queue filters): an authorised, audited download. The workbook is
    /// built whole before the first byte leaves (a failure gives an error, not a truncated file), then sent with its length,
    /// which the page's progress bar reads. 10,000 requests make about 1.2 MB.
    /// </summary>
    public static void MapExportEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/exports/{register}", async (string register, HttpContext http, ExportService exports, CancellationToken ct) =>
        {
            var target = ExportRegister.Find(register);
            if (target is null)
                return Results.NotFound();
            if (!TryDate(http.Request.Query["du"], out var from) || !TryDate(http.Request.Query["au"], out var to))
                return Refused("Période invalide : indiquez « du » et « au » (AAAA-MM-JJ), « au » après « du ».");
            if (ExportService.CheckPeriod(from, to) is { } refused)
                return Refused($"Période invalide : {char.ToLowerInvariant(refused[0])}{refused[1..]}");
            // No queue filter in the address: the whole register, closed cases too (an empty QueueFilter means the open queue).
            var queue = QueueQuery.Parse(http.Request.GetEncodedUrlOrDefault()).Filter;
            var filter = queue == new Core.Queue.QueueFilter() ? null : queue;
            var file = new MemoryStream();
            await target.Write(exports, file, from, to, filter, ct);
            file.Position = 0;
            return Results.File(file, ExportService.XlsxContentType, target.FileName(from, to));
        }).RequireAuthorization(Permissions.Export).NoStore();

    /// <summary>A 400 in plain French text, which the exports page shows as it is.</summary>
    private static IResult Refused(string message) =>
        Results.Text(message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string GetEncodedUrlOrDefault(this HttpRequest request) =>
        $"http://localhost{request.Path}{request.QueryString}";
}
