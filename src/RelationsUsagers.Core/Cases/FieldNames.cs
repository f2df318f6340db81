using System.Text.RegularExpressions;

namespace RelationsUsagers.Core.Cases;

/// <summary>
/// Looks up the French name of a case's field by its property path: the kind's own list first
/// (<see cref="CaseKindDefinition.OwnFieldNames"/>, e.g. ComplaintFieldNames), then the shared one (<see cref="CaseFileFieldNames"/>). Forms, the save
/// summary, the audit journal and the exports all name a field through these lists, never by its property name.
/// </summary>
public static partial class FieldNames
{
    /// <summary>The French name of <paramref name="propertyPath"/> ("Patient.BirthDate", "Items[0].Description"), or null.</summary>
    public static string? Of(CaseKind? kind, string propertyPath)
    {
        var path = ItemIndex().Replace(propertyPath, "");
        if (kind is { } k && CaseKinds.Of(k).OwnFieldNames.TryGetValue(path, out var own))
            return own;
        if (CaseFileFieldNames.ByProperty.TryGetValue(path, out var shared))
            return shared;
        // A line whose case is gone: the first kind that knows the field.
        return kind is null
            ? CaseKinds.All.Select(other => other.OwnFieldNames.GetValueOrDefault(path)).FirstOrDefault(n => n is not null)
            : null;
    }

    /// <summary><see cref="Of"/>, or the path itself for a field nobody named (the table-driven tests keep that list empty).</summary>
    public static string Label(CaseKind? kind, string propertyPath) => Of(kind, propertyPath) ?? propertyPath;

    /// <summary>
    /// A date's name as the subject of a sentence: "Date de clôture" → "La date de clôture" (« La date de clôture ne peut pas
    /// précéder… »). Only for names that start with "Date", so that the article is always right.
    /// </summary>
    public static string DateSubject(string dateName) => dateName.StartsWith("Date ", StringComparison.Ordinal)
        ? "La d" + dateName[1..]
        : throw new ArgumentException($"Not a date's name: {dateName}", nameof(dateName));

    /// <summary>The French label of a value from one of the case lists (status, channel, a kind's own lists), or null.</summary>
    public static string? ValueLabel(object value) => value switch
    {
        CaseStatus v => v.Label(),
        Channel v => v.Label(),
        CaseKind v => v.Label(),
        Actor v => v.Label(),
        _ => CaseKinds.All.Select(k => k.ValueLabel(value)).FirstOrDefault(l => l is not null),
    };

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex ItemIndex();
}
