using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Requisitions;

namespace RelationsUsagers.Core.Security;

/// <summary>
/// The audit journal in French. New lines are written with the fields' French names and the values' French labels
/// (<see cref="Change"/>); lines stored before that (append-only, never rewritten) are translated when shown
/// (<see cref="InFrench"/>): "ClosedOn : (vide) → 02/03/2026" reads "Date de clôture : (vide) → 02/03/2026", a delay code
/// such as complaint.answer-target reads « Réponse au plaignant ».
/// </summary>
public static partial class AuditWording
{
    private const char Nbsp = '\u00A0';
    private const string Empty = "(vide)";
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private static readonly Dictionary<string, string> DelayLabels =
        DelaySettings.Defaults.ToDictionary(s => s.Code, s => s.Label, StringComparer.Ordinal);

    /// <summary>"Nom du patient : Lefèvre → Ménard": one changed field of a case, in French.</summary>
    public static string Change(CaseKind kind, string propertyPath, object? before, object? after) =>
        $"{FieldNames.Label(kind, propertyPath)}{Nbsp}: {Value(propertyPath, before)} → {Value(propertyPath, after)}";

    /// <summary>A list of items as a whole (a requisition's requested items), in French.</summary>
    public static string Items(CaseKind kind, string propertyPath, IEnumerable? items) =>
        $"{FieldNames.Label(kind, propertyPath)}{Nbsp}: {DescribeItems(items?.Cast<object>() ?? [])}";

    /// <summary>A value as the journal shows it: dates in French, labels of lists, euros for amounts kept in cents.</summary>
    public static string Value(string propertyPath, object? value) => value switch
    {
        null => Empty,
        string s when propertyPath == nameof(CaseFile.NextDueCode) => DelayLabel(s),
        string s => s.Length == 0 ? Empty : s,
        DateOnly d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "oui" : "non",
        long cents when propertyPath.EndsWith("Cents", StringComparison.Ordinal) => Euros(cents),
        Enum e => FieldNames.ValueLabel(e) ?? e.ToString(),
        IEnumerable list => list.Cast<object>().ToList() is { Count: > 0 } items
            ? string.Join(", ", items.Select(i => Value(propertyPath, i)))
            : Empty,
        IFormattable f => f.ToString(null, French),
        _ => value.ToString() ?? "",
    };

    /// <summary>The details of a stored line, in French whatever the version that wrote them.</summary>
    public static string? InFrench(string? details, CaseKind? kind)
    {
        if (string.IsNullOrEmpty(details))
            return details;
        return string.Join('\n', details.Split('\n').Select(line => LineInFrench(line, kind)));
    }

    private static string LineInFrench(string line, CaseKind? kind)
    {
        var match = PropertyLine().Match(line);
        if (!match.Success || FieldNames.Of(kind, match.Groups["path"].Value) is not { } name)
            return WithDelayLabels(line);
        var path = match.Groups["path"].Value;
        var rest = match.Groups["rest"].Value;
        var arrow = rest.IndexOf(" → ", StringComparison.Ordinal);
        var translated = arrow < 0
            ? StoredValue(kind, path, rest)
            : $"{StoredValue(kind, path, rest[..arrow])} → {StoredValue(kind, path, rest[(arrow + 3)..])}";
        return $"{name}{Nbsp}: {translated}";
    }

    /// <summary>A value as older lines stored it (enum names, True/False, cents, JSON items), read back into French.</summary>
    private static string StoredValue(CaseKind? kind, string path, string text)
    {
        if (text == Empty)
            return text;
        if (DelayLabels.ContainsKey(text))
            return DelayLabel(text);
        var type = PropertyType(kind, path);
        if (type is null)
            return WithDelayLabels(text);
        if (type == typeof(bool))
            return bool.TryParse(text, out var b) ? Value(path, b) : text;
        if (type == typeof(long) && path.EndsWith("Cents", StringComparison.Ordinal))
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var cents) ? Euros(cents) : text;
        if (type.IsEnum)
            return Enum.TryParse(type, text, out var value) ? Value(path, value) : text;
        if (type.IsGenericType && type.GetGenericArguments()[0] is { IsEnum: true } element && text.StartsWith('[') && text.EndsWith(']'))
            return string.Join(", ", text[1..^1].Split(", ", StringSplitOptions.RemoveEmptyEntries)
                .Select(v => Enum.TryParse(element, v, out var item) ? Value(path, item) : v)) is { Length: > 0 } joined ? joined : Empty;
        if (type == typeof(List<RequisitionItem>))
            return ReadItems(text);
        if (text.StartsWith('[') && text.EndsWith(']'))
            return text[1..^1].Length == 0 ? Empty : text[1..^1];
        return text;
    }

    private static string ReadItems(string text)
    {
        try
        {
            var items = text.Split(" ; ").Select(json => JsonSerializer.Deserialize<RequisitionItem>(json)).OfType<RequisitionItem>();
            return DescribeItems(items);
        }
        catch (JsonException)
        {
            return text;
        }
    }

    private static string DescribeItems(IEnumerable<object> items)
    {
        var described = items.Select(i => i is RequisitionItem item
            ? $"{item.Description} ({item.Nature.Label()}{(item.Secrecy is { } s ? ", " + CduText.LowerFirst(s.Label()) : "")}{(item.Sent ? ", transmis" : "")})"
            : i.ToString() ?? "").ToList();
        return described.Count == 0 ? Empty : string.Join(" ; ", described);
    }

    /// <summary>The type of a property path of the kind's class ("Patient.BirthDate" → DateOnly?), nullable unwrapped.</summary>
    private static Type? PropertyType(CaseKind? kind, string path)
    {
        var type = kind is { } k ? CaseKinds.Of(k).New().GetType() : typeof(CaseFile);
        foreach (var part in path.Split('.'))
        {
            type = type.GetProperty(part, BindingFlags.Public | BindingFlags.Instance)?.PropertyType;
            if (type is null)
                return null;
        }
        return Nullable.GetUnderlyingType(type) ?? type;
    }

    /// <summary>« Réponse au plaignant » for complaint.answer-target; an unknown code stays as it is.</summary>
    private static string DelayLabel(string code) =>
        DelayLabels.TryGetValue(code, out var label) ? $"«{Nbsp}{label}{Nbsp}»" : code;

    private static string WithDelayLabels(string text) => DelayCode().Replace(text, m => DelayLabel(m.Value));

    private static string Euros(long cents) => (cents / 100m).ToString("#,##0.00", French) + $"{Nbsp}€";

    [GeneratedRegex(@"^(?<path>[A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)?)[ \u00A0]: (?<rest>.*)$")]
    private static partial Regex PropertyLine();

    [GeneratedRegex(@"\b[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*\b")]
    private static partial Regex DelayCode();
}
