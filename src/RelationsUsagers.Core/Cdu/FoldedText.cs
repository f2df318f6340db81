using System.Globalization;
using System.Text;

namespace RelationsUsagers.Core.Cdu;

/// <summary>
/// A text prepared for finding personal data, with the way back to the original: Unicode compatibility form (NFKC:
/// full-width « Ｌｅｆèｖｒｅ » is « Lefèvre », ligatures are letters), invisible and format characters removed (soft
/// hyphen, zero-width spaces and joiners, word joiner, byte-order mark, bidirectional controls: what a text pasted from
/// Word hides inside a name), lower case, accents taken off, spaces, hyphens and apostrophes unified. Each folded
/// character remembers where it came from, so that a match found in the folded text is replaced in the original.
/// </summary>
internal sealed class FoldedText
{
    /// <summary>Folded form of each BMP character, computed once (a benign race at worst computes one twice).</summary>
    private static readonly string?[] Cache = new string?[char.MaxValue + 1];

    private FoldedText(string original, string folded, int[] start, int[] end)
    {
        Original = original;
        Folded = folded;
        _start = start;
        _end = end;
    }

    private readonly int[] _start;
    private readonly int[] _end;

    public string Original { get; }

    public string Folded { get; }

    public static FoldedText Of(string text)
    {
        var sb = new StringBuilder(text.Length);
        var start = new List<int>(text.Length);
        var end = new List<int>(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var length = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            var folded = length == 1 ? FoldChar(text[i]) : FoldRune(text.Substring(i, 2));
            foreach (var ch in folded)
            {
                sb.Append(ch);
                start.Add(i);
                end.Add(i + length);
            }
            i += length;
        }
        return new FoldedText(text, sb.ToString(), [.. start], [.. end]);
    }

    /// <summary>The folded form of a whole string (names of the index), without the way back.</summary>
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch < 0x80)
                sb.Append(ch is >= 'A' and <= 'Z' ? (char)(ch + 32) : ch is '\r' or '\t' ? ' ' : ch);
            else if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                sb.Append(FoldRune(text.Substring(i++, 2)));
            else
                sb.Append(FoldChar(ch));
        }
        return sb.ToString();
    }

    /// <summary>The words of the folded text, as [start, end[ ranges: runs of letters and digits (hyphens, apostrophes, dots and spaces cut).</summary>
    public List<(int Start, int End)> Words()
    {
        var words = new List<(int Start, int End)>();
        for (var i = 0; i < Folded.Length;)
        {
            if (!char.IsLetterOrDigit(Folded[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < Folded.Length && char.IsLetterOrDigit(Folded[i]))
                i++;
            words.Add((start, i));
        }
        return words;
    }

    /// <summary>Where the folded range [<paramref name="start"/>, <paramref name="end"/>[ lies in the original, a trailing decomposed accent included.</summary>
    public (int Start, int End) OriginalRange(int start, int end)
    {
        var from = _start[start];
        var to = _end[end - 1];
        while (to < Original.Length && CharUnicodeInfo.GetUnicodeCategory(Original, to) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
            to++;
        return (from, to);
    }

    /// <summary>The original character behind folded character <paramref name="index"/> is a capital letter (full-width ones too).</summary>
    public bool IsUpperAt(int index)
    {
        var ch = Original[_start[index]];
        if (ch < 0x80)
            return ch is >= 'A' and <= 'Z';
        var rune = Rune.GetRuneAt(Original, _start[index]);
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter)
            return true;
        if (category is UnicodeCategory.LowercaseLetter && rune.Value < 0x1D400)
            return false;
        // A compatibility character (𝐋, Ⓛ) is capital when its NFKC form is.
        var compatible = rune.ToString().Normalize(NormalizationForm.FormKC);
        return compatible.Length > 0 && char.IsUpper(compatible[0]);
    }

    /// <summary>The original text of the folded range, in compatibility form and without invisible characters (for initials).</summary>
    public string Clean(int originalStart, int originalEnd)
    {
        var sb = new StringBuilder(originalEnd - originalStart);
        foreach (var rune in Original[originalStart..originalEnd].EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format)
                sb.Append(rune.ToString());
        }
        return sb.ToString().Normalize(NormalizationForm.FormKC);
    }

    private static string FoldChar(char ch)
    {
        if (ch < 0x80)
            return ch is >= 'A' and <= 'Z' ? ((char)(ch + 32)).ToString() : ch is '\r' or '\t' ? " " : ch.ToString();
        if (char.IsSurrogate(ch))
            return ch.ToString();
        return Cache[ch] ??= FoldRune(ch.ToString());
    }

    private static string FoldRune(string rune)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(rune, 0);
        switch (category)
        {
            // Soft hyphen, zero-width space / joiners, word joiner, byte-order mark, bidirectional controls...
            case UnicodeCategory.Format:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.EnclosingMark:
            case UnicodeCategory.Control when rune is not ("\n" or "\u0085"):
                return "";
            case UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator:
                return "\n";
            case UnicodeCategory.SpaceSeparator:
                return " ";
            case UnicodeCategory.DashPunctuation:
                return "-";
        }
        switch (rune)
        {
            case "\u0085":
                return "\n";
            case "\u2019" or "\u2018" or "\u02BC" or "\u2032" or "\u00B4" or "\u0060" or "\uFF07":
                return "'";
            case "\u2212":
                return "-";
            case "æ" or "Æ":
                return "ae";
            case "œ" or "Œ":
                return "oe";
            case "ß" or "ẞ":
                return "ss";
            case "ø" or "Ø":
                return "o";
            case "đ" or "Đ":
                return "d";
            case "ł" or "Ł":
                return "l";
        }
        var sb = new StringBuilder(2);
        foreach (var c in rune.Normalize(NormalizationForm.FormKC).Normalize(NormalizationForm.FormD))
        {
            var inner = CharUnicodeInfo.GetUnicodeCategory(c);
            if (inner is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
                continue;
            sb.Append(inner switch
            {
                UnicodeCategory.SpaceSeparator => ' ',
                UnicodeCategory.DashPunctuation => '-',
                _ => char.ToLowerInvariant(c),
            });
        }
        // NFKC may give back a character folded above (full-width apostrophe, ligature œ).
        var result = sb.ToString();
        return result.Length == 1 && result[0] >= 0x80 && result != rune ? FoldRune(result) : result;
    }
}
