using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RelationsUsagers.Core.Cdu;

/// <summary>What a removed name becomes.</summary>
public enum NameReplacement
{
    /// <summary>"Hélène Lefèvre" → "H. L.", "Jean-Pierre" → "J.-P.", "Mme LEFEVRE" → "Mme L.".</summary>
    Initials = 1,
    /// <summary>Each name → "[nom retiré]".</summary>
    Placeholder = 2,
}

/// <summary>
/// Takes people's names out of free text before CDU members read it (L.1112-3: members are bound by professional
/// secrecy and see cases pseudonymised, DESIGN.md "Security"). Matching ignores case and accents and takes whole words
/// only: "Lefèvre" also removes "LEFEVRE" and "lefevre", never "Lefèvres-Bis" nor "Pierrette" for "Pierre". A compound
/// name goes as a whole and by its parts ("Jean-Pierre", "Jean Pierre", "Jean", "Pierre"; "Le Gall", "Gall" — never the
/// particle "le" alone), and civilities stay ("M. Lefèvre" → "M. L.").
/// </summary>
public static partial class Pseudonymiser
{
    public const string Placeholder = "[nom retiré]";

    private static readonly HashSet<string> Civilities =
        ["m", "mr", "mme", "mmes", "mlle", "madame", "monsieur", "mademoiselle", "dr", "docteur", "pr", "professeur", "me", "maitre", "maitres"];

    /// <summary>Particles are removed with the name they belong to, never on their own ("le", "de"...).</summary>
    private static readonly HashSet<string> Particles =
        ["le", "la", "les", "l", "de", "du", "des", "d", "van", "von", "der", "den", "di", "da", "del", "dos", "ben", "el", "et", "y", "af"];

    /// <summary>Replaces every name of <paramref name="names"/> (full names, first or last names, with or without civility) by initials.</summary>
    public static string RemoveNames(string? text, params IEnumerable<string?> names) => RemoveNames(text, NameReplacement.Initials, names);

    public static string RemoveNames(string? text, NameReplacement replacement, params IEnumerable<string?> names)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var terms = Terms(names);
        if (terms.Count == 0)
            return text;
        var (folded, origin) = Fold(text);
        var pattern = @"(?<![\p{L}\p{Nd}])(?:" + string.Join("|", terms.Select(TermPattern)) + @")(?![\p{L}\p{Nd}])";
        var matches = Regex.Matches(folded, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        var sb = new StringBuilder(text.Length);
        var copied = 0;
        foreach (Match m in matches)
        {
            var start = origin[m.Index];
            var end = origin[m.Index + m.Length - 1] + 1;
            // A decomposed accent after the last letter belongs to the name.
            while (end < text.Length && CharUnicodeInfo.GetUnicodeCategory(text[end]) == UnicodeCategory.NonSpacingMark)
                end++;
            sb.Append(text, copied, start - copied);
            var replaced = replacement == NameReplacement.Placeholder ? Placeholder : InitialsOf(text[start..end]);
            // "Mme Lefèvre." → "Mme L." rather than "Mme L..".
            if (replaced.EndsWith('.') && end < text.Length && text[end] == '.')
                end++;
            sb.Append(replaced);
            copied = end;
        }
        sb.Append(text, copied, text.Length - copied);
        return sb.ToString();
    }

    /// <summary>"A. L." from "Anne" and "Lefèvre"; "J.-P. L." for "Jean-Pierre Le Gall"; "L." without first name.</summary>
    public static string Initials(string? firstName, string? lastName)
    {
        var first = string.IsNullOrWhiteSpace(firstName) ? "" : InitialsOf(firstName.Trim());
        var last = string.IsNullOrWhiteSpace(lastName) ? "" : $"{char.ToUpperInvariant(lastName.Trim()[0])}.";
        return $"{first} {last}".Trim();
    }

    /// <summary>Takes out e-mail addresses and phone numbers, which name people as surely as their names.</summary>
    public static string RemoveContactDetails(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        text = EmailPattern().Replace(text, "[courriel retiré]");
        return PhonePattern().Replace(text, "[téléphone retiré]");
    }

    /// <summary>Initials of the text as written, keeping its hyphens: "Jean-Pierre" → "J.-P.", "LE GALL" → "L. G.", "d'Artagnan" → "d'A.".</summary>
    private static string InitialsOf(string name)
    {
        var sb = new StringBuilder();
        var parts = Regex.Split(name, @"([\s\-\u2010\u2011\u2013'\u2019]+)");
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length == 0)
                continue;
            if (!char.IsLetterOrDigit(part[0]))
                sb.Append(part.Any(c => c is '-' or '\u2010' or '\u2011' or '\u2013') ? "-" : part.Any(c => c is '\'' or '\u2019') ? part.Trim() : " ");
            else if (part.Length == 1 && i + 1 < parts.Length && parts[i + 1].Any(c => c is '\'' or '\u2019'))
                sb.Append(part); // an elided particle: d', l'
            else
                sb.Append(char.ToUpperInvariant(part[0])).Append('.');
        }
        return sb.ToString();
    }

    /// <summary>Folded terms to look for, longest first (so that "le gall" wins over "gall").</summary>
    private static List<string> Terms(IEnumerable<string?> names)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            // "Mme Hélène Lefèvre (fille de la patiente)": the parenthesis is not a name.
            var plain = Regex.Replace(name ?? "", @"\([^)]*\)", " ");
            var words = Fold(plain).Folded.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => w.Trim('.', ',', ';', ':'))
                .Where(w => w.Length > 0 && !Civilities.Contains(w))
                .ToList();
            if (words.Count == 0)
                continue;
            terms.Add(string.Join(' ', words));
            // Compound names inside the full name ("le gall" in "yann le gall"), never ending on a particle ("yann le").
            for (var from = 0; from < words.Count; from++)
            {
                for (var to = from + 1; to < words.Count; to++)
                {
                    if (!Particles.Contains(words[to]))
                        terms.Add(string.Join(' ', words[from..(to + 1)]));
                }
            }
            foreach (var word in words)
            {
                terms.Add(word);
                foreach (var part in word.Split(['-', '\''], StringSplitOptions.RemoveEmptyEntries))
                    terms.Add(part);
            }
        }
        return terms.Where(t => t.Length >= 2 && !Particles.Contains(t) && t.Any(char.IsLetterOrDigit))
            .OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).ToList();
    }

    /// <summary>A folded term as a pattern: its parts may be joined by spaces, hyphens or nothing ("le gall", "le-gall", "legall").</summary>
    private static string TermPattern(string term)
    {
        var parts = term.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape).ToList();
        return parts.Count == 1 ? parts[0] : $"{string.Join(@"[\s\-]+", parts)}|{string.Concat(parts)}";
    }

    /// <summary>
    /// Lower case without accents, one entry of <c>Origin</c> per folded character giving its index in the text, so that
    /// a match in the folded text maps back to the original characters. Hyphens, apostrophes and spaces are unified.
    /// </summary>
    private static (string Folded, List<int> Origin) Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        var origin = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var folded = text[i] switch
            {
                'æ' or 'Æ' => "ae",
                'œ' or 'Œ' => "oe",
                'ß' => "ss",
                '\u2010' or '\u2011' or '\u2013' => "-",
                '\u2019' or '\u02BC' => "'",
                '\u00A0' or '\u202F' => " ",
                _ => Strip(text[i]),
            };
            foreach (var ch in folded)
            {
                sb.Append(ch);
                origin.Add(i);
            }
        }
        return (sb.ToString(), origin);
    }

    private static string Strip(char ch)
    {
        if (char.IsSurrogate(ch))
            return ch.ToString();
        var sb = new StringBuilder(2);
        foreach (var c in ch.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"[\w.+\-]+@[\w\-]+(\.[\w\-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<!\d)(?:\+33\s?|0)[1-9](?:[\s.\-]?\d{2}){4}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
