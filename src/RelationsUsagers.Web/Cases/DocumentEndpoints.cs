using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Documents;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Security;

namespace RelationsUsagers.Web.Cases;

public static class DocumentEndpoints
{
    /// <summary>Downloads go through this authorised, audited endpoint: the files are outside the web root.</summary>
    public static void MapDocumentEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/dossiers/{caseId:guid}/documents/{documentId:guid}", async (Guid caseId, Guid documentId, CaseDocumentService documents,
            HttpResponse response, CancellationToken ct) =>
        {
            try
            {
                var opened = await documents.OpenAsync(caseId, documentId, ct);
                return opened is { } found ? Download(response, found.Document, found.Content) : Results.NotFound();
            }
            catch (CaseRuleException ex)
            {
                // A withdrawn document asked by someone other than a manager.
                return Results.Text(ex.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
            }
        }).RequireAuthorization(Permissions.CasesWork).NoStore();

    /// <summary>
    /// A document always leaves as a download (Content-Disposition: attachment, with the RFC 5987 <c>filename*</c> for its
    /// French name), never rendered by the browser, and the browser may not guess another type than the stored one.
    /// </summary>
    public static IResult Download(HttpResponse response, CaseDocument document, Stream content)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(content, document.ContentType, document.FileName);
    }
}
