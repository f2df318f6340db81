using RelationsUsagers.Core.Exports;
using RelationsUsagers.Core.Queue;

namespace RelationsUsagers.Web.Exports;

/// <summary>The workbooks the office exports, by the name used in their URL.</summary>
public sealed record ExportRegister(string Slug, string Title, string FilePrefix,
    Func<ExportService, Stream, DateOnly, DateOnly, QueueFilter?, CancellationToken, Task<int>> Write)
{
    public static readonly IReadOnlyList<ExportRegister> All =
    [
        new("demandes-acces", ExportService.AccessRequestsTitle, "suivi-demandes-acces",
            (s, o, f, t, q, ct) => s.WriteAccessRequestsAsync(o, f, t, q, ct)),
        new("plaintes", ExportService.ComplaintsTitle, "registre-plaintes",
            (s, o, f, t, q, ct) => s.WriteComplaintsAsync(o, f, t, q, ct)),
        new("indemnisations", ExportService.ClaimsTitle, "registre-indemnisations",
            (s, o, f, t, q, ct) => s.WriteClaimsAsync(o, f, t, q, ct)),
        new("requisitions", ExportService.RequisitionsTitle, "registre-requisitions",
            (s, o, f, t, q, ct) => s.WriteRequisitionsAsync(o, f, t, q, ct)),
    ];

    public static ExportRegister? Find(string slug) => All.FirstOrDefault(r => r.Slug == slug);

    public string FileName(DateOnly from, DateOnly to) => $"{FilePrefix}-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.xlsx";
}
