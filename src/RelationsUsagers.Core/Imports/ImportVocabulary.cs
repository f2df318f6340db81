using System.Text;
using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.Imports;

/// <summary>
/// A register's columns as offices write them: the French label of each field, the usual labels of each column (compared
/// after <see cref="ImportHeaders.Normalize"/>), the columns without which no line can be read, and how sure a match is.
/// The field enum's 0 value is « recognised but ignored » (an order number, a value the portal recomputes).
/// </summary>
public sealed class ImportVocabulary<TField> where TField : struct, Enum
{
    /// <summary>At or above this score a header is taken as is; below, the officer confirms it in the preview.</summary>
    public const int SureScore = 80;

    private readonly IReadOnlyDictionary<TField, string> _labels;
    private readonly Dictionary<string, TField> _byLabel;
    private readonly (string[] Words, TField Field)[] _labelWords;

    public ImportVocabulary(IReadOnlyDictionary<TField, string> labels, IReadOnlyDictionary<TField, string[]> synonyms, IReadOnlyList<TField> required)
    {
        (_labels, Synonyms, Required) = (labels, synonyms, required);
        _byLabel = synonyms.SelectMany(s => s.Value.Select(label => (Key: ImportHeaders.Normalize(label), Field: s.Key)))
            .DistinctBy(s => s.Key)
            .ToDictionary(s => s.Key, s => s.Field);
        _labelWords = _byLabel.Select(p => (p.Key.Split(' '), p.Value)).ToArray();
    }

    /// <summary>Usual labels of each column, as offices write them.</summary>
    public IReadOnlyDictionary<TField, string[]> Synonyms { get; }

    /// <summary>The columns without which no line can be imported; the header row is the first that names them all.</summary>
    public IReadOnlyList<TField> Required { get; }

    /// <summary>Every field an officer may give a column, in the order of the enum (« Ignorée » first).</summary>
    public IReadOnlyList<TField> Fields => Enum.GetValues<TField>();

    public static TField Ignored => default;

    public static bool IsIgnored(TField field) => EqualityComparer<TField>.Default.Equals(field, default);

    public string Label(TField field) => _labels.TryGetValue(field, out var label) ? label : field.ToString();

    /// <summary>The field of a header, whatever the score. Null if unknown.</summary>
    public TField? Match(string? header) => Score(header)?.Field;

    /// <summary>
    /// The field of a header and how sure the match is: a usual label (100); the same words in another order (95); each word
    /// an abbreviation of a label's word, « Date récept. » (90); a label of two words or more that begins it (85); a label of
    /// two words or more found among its words (70); two words in common with a label (55). Null when nothing fits.
    /// </summary>
    public (TField Field, int Score)? Score(string? header)
    {
        var key = ImportHeaders.Normalize(header);
        if (key.Length == 0)
            return null;
        if (_byLabel.TryGetValue(key, out var field))
            return (field, 100);
        var words = key.Split(' ');
        var sorted = words.Order(StringComparer.Ordinal).ToArray();
        (TField, int)? best = null;
        var (bestScore, bestLength) = (0, 0);
        foreach (var (label, f) in _labelWords)
        {
            var score = 0;
            if (label.Length == words.Length && label.Order(StringComparer.Ordinal).SequenceEqual(sorted))
                score = 95;
            else if (label.Length == words.Length && label.Zip(words).All(p => ImportHeaders.Abbreviates(p.Second, p.First)))
                score = 90;
            else if (label.Length > 1 && key.StartsWith(string.Join(' ', label) + " ", StringComparison.Ordinal))
                score = 85;
            else if (label.Length > 1 && label.All(l => words.Any(w => ImportHeaders.Abbreviates(w, l))))
                score = 70;
            else if (label.Count(l => words.Any(w => ImportHeaders.Abbreviates(w, l))) >= 2)
                score = 55;
            // Longer labels first among equal scores: "date envoi consultation" says more than "date envoi".
            if (score > 0 && (best is null || score > bestScore || (score == bestScore && label.Length > bestLength)))
                (best, bestScore, bestLength) = ((f, score), score, label.Length);
        }
        return best;
    }
}

/// <summary>How a header label is compared, whatever the register.</summary>
public static class ImportHeaders
{
    private static readonly HashSet<string> StopWords = ["de", "du", "des", "d", "l", "la", "le", "les", "a", "au", "aux", "en"];

    /// <summary>Short forms offices write that are not the beginning of the word.</summary>
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["nb"] = "nombre", ["nbre"] = "nombre", ["dt"] = "date", ["n"] = "numero", ["no"] = "numero", ["num"] = "numero",
        ["ref"] = "reference", ["pat"] = "patient", ["dmd"] = "demande", ["dde"] = "demande", ["ddeur"] = "demandeur",
        ["cplt"] = "complet", ["cpl"] = "complet", ["env"] = "envoi", ["recu"] = "reception", ["ar"] = "ar",
    };

    /// <summary>"recept" abbreviates "reception", "nb" "nombre"; a word of one or two letters only when it is the word itself.</summary>
    internal static bool Abbreviates(string word, string label) =>
        word == label || (word.Length >= 3 && label.StartsWith(word, StringComparison.Ordinal)) || Abbreviations.GetValueOrDefault(word) == label;

    /// <summary>Lower case, no accents, no parentheses, no small words: "Né(e) le" → "ne", "Date d'envoi" → "date envoi".</summary>
    public static string Normalize(string? header)
    {
        // "Demandé par" names the requester, "Demande" the request: the past participle is told apart before accents go.
        var text = TextSearch.Normalize(header).Replace("demande par", "demandeur", StringComparison.Ordinal)
            .Replace("demandee par", "demandeur", StringComparison.Ordinal);
        var sb = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var ch in text)
        {
            if (ch == '(') depth++;
            else if (ch == ')') depth = Math.Max(0, depth - 1);
            else if (depth == 0) sb.Append(char.IsLetterOrDigit(ch) || ch is '+' or '>' or '<' ? ch : ' ');
        }
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !StopWords.Contains(w)));
    }
}
