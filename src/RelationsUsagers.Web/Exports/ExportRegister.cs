using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Exports;
using RelationsUsagers.Core.Queue;

namespace RelationsUsagers.Web.Exports;

/// <summary>
/// The workbooks the office exports, by the name used in their URL: the register of each kind of case, and the register of
/// the users' expressions (no kind: the queue's filters do not apply to it).
/// </summary>
public sealed record ExportRegister(CaseKind? Kind, string Slug, string Title, string FilePrefix,
    Func<ExportService, Stream, DateOnly, DateOnly, QueueFilter?, CancellationToken, Task<int>> Write)
{
    public static readonly IReadOnlyList<ExportRegister> All =
    [
        new(CaseKind.AccessRequest, "demandes-acces", ExportService.AccessRequestsTitle, "suivi-demandes-acces",
            (s, o, f, t, q, ct) => s.WriteAccessRequestsAsync(o, f, t, q, ct)),
        new(CaseKind.Complaint, "plaintes", ExportService.ComplaintsTitle, "registre-plaintes",
            (s, o, f, t, q, ct) => s.WriteComplaintsAsync(o, f, t, q, ct)),
        new(CaseKind.IndemnityClaim, "indemnisations", ExportService.ClaimsTitle, "registre-indemnisations",
            (s, o, f, t, q, ct) => s.WriteClaimsAsync(o, f, t, q, ct)),
        new(CaseKind.Requisition, "requisitions", ExportService.RequisitionsTitle, "registre-requisitions",
            (s, o, f, t, q, ct) => s.WriteRequisitionsAsync(o, f, t, q, ct)),
        new(null, "expressions", ExportService.ExpressionsTitle, "registre-expressions",
            (s, o, f, t, _, ct) => s.WriteExpressionsAsync(o, f, t, ct)),
    ];

    public static ExportRegister? Find(string slug) => All.FirstOrDefault(r => r.Slug == slug);

    /// <summary>The register of a kind: the one a queue filtered on that kind exports.</summary>
    public static ExportRegister? Of(CaseKind kind) => All.FirstOrDefault(r => r.Kind == kind);

    public string FileName(DateOnly from, DateOnly to) => $"{FilePrefix}-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.xlsx";
}
