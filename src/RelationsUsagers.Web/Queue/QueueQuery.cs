using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Queue;

namespace RelationsUsagers.Web.Queue;

/// <summary>The queue's filter, sort and page as they appear in the URL, so a view can be bookmarked, sent, and restored by Back.</summary>
public sealed record QueueQuery(QueueFilter Filter, int Page, QueueSort Sort, bool Descending)
{
    public const int PageSize = 25;

    public static QueueQuery Parse(string uri)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        string? Get(string key) => query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;
        T? Enum<T>(string key) where T : struct, System.Enum => System.Enum.TryParse<T>(Get(key), true, out var e) && System.Enum.IsDefined(e) ? e : null;
        var filter = new QueueFilter
        {
            Kind = Enum<CaseKind>("type"),
            Status = Enum<CaseStatus>("statut"),
            AssignedTo = Get("charge"),
            OverdueOnly = Get("retard") == "1",
            DueThisWeek = Get("semaine") == "1",
            WaitingOnly = Get("attente") == "1",
            Service = Get("service"),
            Search = Get("q"),
            IncludeClosed = Get("clos") == "1",
        };
        var page = int.TryParse(Get("page"), CultureInfo.InvariantCulture, out var p) && p > 0 ? p - 1 : 0;
        return new QueueQuery(filter, page, Enum<QueueSort>("tri") ?? QueueSort.Urgency, Get("ordre") == "desc");
    }

    public string ToUrl(string path = "/")
    {
        var values = new Dictionary<string, string?>
        {
            ["type"] = Filter.Kind?.ToString(),
            ["statut"] = Filter.Status?.ToString(),
            ["charge"] = Filter.AssignedTo,
            ["retard"] = Filter.OverdueOnly ? "1" : null,
            ["semaine"] = Filter.DueThisWeek ? "1" : null,
            ["attente"] = Filter.WaitingOnly ? "1" : null,
            ["service"] = Filter.Service,
            ["q"] = string.IsNullOrWhiteSpace(Filter.Search) ? null : Filter.Search.Trim(),
            ["clos"] = Filter.IncludeClosed ? "1" : null,
            ["page"] = Page > 0 ? (Page + 1).ToString(CultureInfo.InvariantCulture) : null,
            ["tri"] = Sort == QueueSort.Urgency ? null : Sort.ToString(),
            ["ordre"] = Descending ? "desc" : null,
        };
        return QueryHelpers.AddQueryString(path, values.Where(kv => kv.Value is not null)!);
    }
}
