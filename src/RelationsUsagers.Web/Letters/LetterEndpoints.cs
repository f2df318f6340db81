using System.Globalization;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Documents;
using RelationsUsagers.Core.Letters;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Security;

namespace RelationsUsagers.Web.Letters;

/// <summary>The Word files of letters: a template as the office edits it, and the convocations of a CDU meeting.</summary>
public static class LetterEndpoints
{
    public const string TemplatesPath = "/modeles-courrier";

    /// <summary>The address of a letter's template: the current one, or <paramref name="version"/> (0: the default template).</summary>
    public static string TemplateHref(string letterCode, int? version = null) =>
        $"{TemplatesPath}/{Uri.EscapeDataString(letterCode)}/fichier" + (version is { } v ? $"?version={v.ToString(CultureInfo.InvariantCulture)}" : "");

    /// <summary>The address of a meeting's convocations, for the time the officer typed.</summary>
    public static string ConvocationsHref(Guid meetingId, string time) => $"/cdu/seances/{meetingId}/convocations?heure={Uri.EscapeDataString(time)}";

    public static void MapLetterEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(TemplatesPath + "/{code}/fichier", async (string code, HttpContext http, LetterService letters, CancellationToken ct) =>
        {
            if (LetterCatalog.Find(code) is not { } letter)
                return Results.NotFound();
            int? version = null;
            if (http.Request.Query.TryGetValue("version", out var asked))
            {
                if (!int.TryParse(asked, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                    return Results.BadRequest("Version invalide : indiquez un numéro de version, par exemple version=2 (0 pour le modèle par défaut).");
                version = number;
            }
            var (content, label) = version is { } v
                ? (await letters.VersionContentAsync(letter.Code, v, ct), v == 0 ? "modèle par défaut" : $"version {v}")
                : await CurrentAsync(letters, letter, ct);
            return content is null ? Results.NotFound() : Word(http.Response, content, $"Modèle – {letter.Title} ({label}).docx");
        }).RequireAuthorization(Permissions.LettersManage).NoStore();

        // CSP R.1112-88: every full and deputy member is convened; the service audits the batch.
        app.MapGet("/cdu/seances/{meetingId:guid}/convocations", async (Guid meetingId, HttpContext http, LetterService letters,
            Core.Cdu.CduMeetingService meetings, CancellationToken ct) =>
        {
            if (await meetings.GetAsync(meetingId, ct) is not { } meeting)
                return Results.NotFound();
            var time = http.Request.Query["heure"].ToString();
            if (string.IsNullOrWhiteSpace(time))
                return Results.BadRequest("Indiquez l'heure de la séance (heure=14 h 30).");
            try
            {
                var content = await letters.ConvocationsAsync(meetingId, new Dictionary<string, string?> { [LetterFields.MeetingTime.Code] = time.Trim() }, ct);
                return Word(http.Response, content, $"Convocations CDU séance du {meeting.Date:yyyy-MM-dd}.docx");
            }
            catch (CaseRuleException ex)
            {
                return Results.Text(ex.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status422UnprocessableEntity);
            }
        }).RequireAuthorization(Permissions.CduManage).NoStore();
    }

    private static async Task<(byte[]? Content, string Label)> CurrentAsync(LetterService letters, LetterDefinition letter, CancellationToken ct)
    {
        var current = await letters.CurrentTemplateAsync(letter, ct);
        return (current.Content, current.Version == 0 ? "modèle par défaut" : $"version {current.Version}");
    }

    /// <summary>Always an attachment, of the Word type only (the browser may not guess another).</summary>
    private static IResult Word(HttpResponse response, byte[] content, string fileName)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(content, DocumentTypes.Docx, fileName);
    }
}
