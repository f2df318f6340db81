using RelationsUsagers.Core.Documents;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Web.Cases;

public static class DocumentEndpoints
{
    /// <summary>Downloads go through this authorised, audited endpoint: the files are outside the web root.</summary>
    public static void MapDocumentEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/dossiers/{caseId:guid}/documents/{documentId:guid}", async (Guid caseId, Guid documentId, CaseDocumentService documents, CancellationToken ct) =>
        {
            var opened = await documents.OpenAsync(caseId, documentId, ct);
            return opened is { } found
                ? Results.File(found.Content, found.Document.ContentType, found.Document.FileName)
                : Results.NotFound();
        }).RequireAuthorization(Permissions.CasesWork);
}
