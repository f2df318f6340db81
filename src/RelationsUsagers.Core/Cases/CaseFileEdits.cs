using System.Reflection;
using System.Text.Json;

namespace RelationsUsagers.Core.Cases;

/// <summary>
/// Copies of a case for editing, and the "reload and re-apply" of a refused save: the fields the user changed
/// (compared with what they had opened) are laid over the latest saved version, the others keep the colleague's values.
/// </summary>
public static class CaseFileEdits
{
    private static readonly HashSet<string> NotEditable =
    [
        nameof(CaseFile.Id), nameof(CaseFile.Kind), nameof(CaseFile.Reference), nameof(CaseFile.Status), nameof(CaseFile.Events),
        nameof(CaseFile.Documents), nameof(CaseFile.ConcurrencyStamp), nameof(CaseFile.CreatedAtUtc), nameof(CaseFile.CreatedBy),
        nameof(CaseFile.UpdatedAtUtc), nameof(CaseFile.UpdatedBy), nameof(CaseFile.NextDueOn), nameof(CaseFile.IsOpen),
    ];

    /// <summary>A deep copy of the editable values (timeline and documents are shared, they are not edited here).</summary>
    public static T Copy<T>(T file) where T : CaseFile
    {
        var copy = (T)Activator.CreateInstance(file.GetType())!;
        foreach (var p in Properties(file.GetType()))
            p.SetValue(copy, DeepCopy(p.GetValue(file), p.PropertyType));
        foreach (var name in new[] { nameof(CaseFile.Id), nameof(CaseFile.Reference), nameof(CaseFile.Status), nameof(CaseFile.ConcurrencyStamp),
                     nameof(CaseFile.CreatedAtUtc), nameof(CaseFile.CreatedBy), nameof(CaseFile.UpdatedAtUtc), nameof(CaseFile.UpdatedBy),
                     nameof(CaseFile.NextDueOn), nameof(CaseFile.Events), nameof(CaseFile.Documents) })
        {
            var p = typeof(CaseFile).GetProperty(name)!;
            p.SetValue(copy, p.GetValue(file));
        }
        return copy;
    }

    /// <summary>The latest version with the user's own changes (edited vs original) applied on top; ready to save.</summary>
    public static CaseFile Reapply(CaseFile original, CaseFile edited, CaseFile latest)
    {
        var merged = Copy(latest);
        foreach (var p in Properties(edited.GetType()))
        {
            var mine = p.GetValue(edited);
            if (!SameValue(mine, p.GetValue(original), p.PropertyType))
                p.SetValue(merged, DeepCopy(mine, p.PropertyType));
        }
        return merged;
    }

    /// <summary>The case as JSON, its kind's own fields included: a draft kept while the user is away from the form.</summary>
    public static string ToJson(CaseFile file) => JsonSerializer.Serialize(file, file.GetType());

    /// <summary>A case read back from <see cref="ToJson"/>, as an instance of <paramref name="kind"/>'s class; null if unreadable.</summary>
    public static CaseFile? FromJson(string json, Type kind)
    {
        try
        {
            return JsonSerializer.Deserialize(json, kind) as CaseFile;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Property names of the fields the user changed (editable fields only).</summary>
    public static IReadOnlyList<string> ChangedFields(CaseFile original, CaseFile edited) =>
        Properties(edited.GetType()).Where(p => !SameValue(p.GetValue(edited), p.GetValue(original), p.PropertyType)).Select(p => p.Name).ToList();

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.SetMethod is { IsPublic: true } && !NotEditable.Contains(p.Name));

    private static bool SameValue(object? a, object? b, Type type) =>
        JsonSerializer.Serialize(a, type) == JsonSerializer.Serialize(b, type);

    private static object? DeepCopy(object? value, Type type) =>
        value is null || type.IsValueType || value is string ? value : JsonSerializer.Deserialize(JsonSerializer.Serialize(value, type), type);
}
