using System.Globalization;
using System.Text;

namespace RelationsUsagers.Core.Cases;

/// <summary>Lower-case, accent-free text so that "lefevre" finds "Lefèvre" with a plain LIKE.</summary>
public static class TextSearch
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        // Runs of spaces collapse: "Lefèvre  Hélène" and "Lefèvre Hélène" are the same person.
        var decomposed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
                continue;
            sb.Append(ch switch { 'æ' or 'Æ' => "ae", 'œ' or 'Œ' => "oe", _ => char.ToLowerInvariant(ch).ToString() });
        }
        return sb.ToString();
    }

    /// <summary>A LIKE pattern (escape character '\') finding <paramref name="text"/> anywhere, its own wildcards taken literally.</summary>
    public static string LikeContains(string text) => $"%{text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
}
