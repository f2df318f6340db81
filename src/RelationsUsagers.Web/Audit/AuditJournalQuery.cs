using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Web.Audit;

/// <summary>
/// The audit journal's filter and page as they appear in the URL (/journal?du=2026-03-01&amp;action=Export&amp;page=2), so
/// that a search can be bookmarked, sent, and restored by Back.
/// </summary>
public sealed record AuditJournalQuery(AuditJournalFilter Filter, int Page)
{
    public const string Path = "/journal";

    // The URL's French parameter names, in one place.
    private const string FromKey = "du", ToKey = "au", UserKey = "utilisateur", ActionKey = "action", CaseKey = "dossier", PageKey = "page";

    public static AuditJournalQuery Parse(string uri)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        string? Get(string key) => query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString().Trim() : null;
        DateOnly? Date(string key) => DateOnly.TryParseExact(Get(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var filter = new AuditJournalFilter
        {
            From = Date(FromKey),
            To = Date(ToKey),
            UserName = Get(UserKey),
            // Only an action the portal writes: anything else would find nothing and say so nowhere.
            Action = Get(ActionKey) is { } action && AuditActions.All.Contains(action) ? action : null,
            CaseReference = Get(CaseKey),
        };
        var page = int.TryParse(Get(PageKey), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p - 1 : 0;
        return new AuditJournalQuery(filter, page);
    }

    public string ToUrl()
    {
        var values = new Dictionary<string, string?>
        {
            [FromKey] = Filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [ToKey] = Filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [UserKey] = TypedText.NullIfBlank(Filter.UserName),
            [ActionKey] = TypedText.NullIfBlank(Filter.Action),
            [CaseKey] = TypedText.NullIfBlank(Filter.CaseReference),
            [PageKey] = Page > 0 ? (Page + 1).ToString(CultureInfo.InvariantCulture) : null,
        };
        return QueryHelpers.AddQueryString(Path, values.Where(kv => kv.Value is not null)!);
    }

}
