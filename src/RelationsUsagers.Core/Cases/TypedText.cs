namespace RelationsUsagers.Core.Cases;

/// <summary>What the office typed, as it is stored: an optional field left blank is no value at all, not spaces.</summary>
public static class TypedText
{
    /// <summary>The text trimmed, or null when nothing but blanks was typed.</summary>
    public static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
