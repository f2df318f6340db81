using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RelationsUsagers.Core.Tests.Cdu;

/// <summary>
/// The corpus of leak attempts (pseudonymisation-corpus.tsv, one attempt per line) and the people its "database" knows.
/// Shared by the Core tests (the scrubber alone) and the Web tests (the members' page of a published agenda), which link
/// this file and the TSV. The oracle folds texts on its own, independently of the code under test.
/// </summary>
public static partial class PseudonymisationCorpus
{
    public const string FileName = "pseudonymisation-corpus.tsv";

    /// <summary>Patients: first name, last name, birth date, patient number.</summary>
    public static readonly (string First, string Last, DateOnly? BirthDate, string? Number)[] Patients =
    [
        ("Hélène", "Lefèvre", new DateOnly(1958, 6, 21), "700123456"),
        ("Jean-Pierre", "Le Gall", new DateOnly(1949, 2, 8), null),
        ("Joseph", "Ménard", new DateOnly(1941, 11, 3), null),
        ("Sylvie", "Garnier", new DateOnly(1969, 4, 12), null),
        ("Émilie", "Dupont-Aignan", new DateOnly(1938, 1, 30), null),
        ("Kevin", "Perrin", new DateOnly(2010, 8, 30), null),
        ("Claire", "d'Artagnan", null, null),
    ];

    /// <summary>Requesters and third parties, as their fields name them (an institution among them, which names nobody).</summary>
    public static readonly string[] Named =
    [
        "Mme Josiane Bernard (fille de la patiente)", "Maître Arnaud Rousseau", "Bastien Dupont-Aignan", "Maître Claire Le Meur",
        "Lieutenant Yannick Kerbrat", "Mme Laurence Carof, substitut du procureur", "Dr Marc Lebreton", "Dr Catherine Mallet (DIM)",
        "Mme Colette Barbier (France Assos Santé)", "Dr Philippe Garnier (médiateur médecin)",
        "Dr Bernard Lemoine, conseil départemental de l'Ordre des médecins", "Commissariat de Nantes",
    ];

    /// <summary>One line: what the officer typed, what must disappear, what must stay.</summary>
    public sealed record Attempt(int Line, string Input, IReadOnlyList<string> Leaks, IReadOnlyList<string> Kept)
    {
        public override string ToString() => $"line {Line}: {Input}";
    }

    public static IReadOnlyList<Attempt> Attempts()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Cdu", FileName);
        var attempts = new List<Attempt>();
        var number = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var columns = line.Split('\t');
            if (columns.Length != 3)
                throw new InvalidDataException($"{FileName}, line {number}: three columns separated by tabs are expected, {columns.Length} found.");
            attempts.Add(new Attempt(number, Unescape(columns[0]), Fragments(columns[1]), Fragments(columns[2])));
        }
        return attempts;
    }

    /// <summary>The fragments of <paramref name="attempt"/> still in <paramref name="output"/> (folded, whole words; numbers by their digits).</summary>
    public static IReadOnlyList<string> LeaksIn(string output, Attempt attempt)
    {
        var folded = Fold(output);
        var digits = Digits(output);
        return attempt.Leaks.Where(leak => Digits(leak) is { Length: >= 6 } number && number.Length * 2 >= Fold(leak).Count(char.IsLetterOrDigit)
                ? digits.Contains(number, StringComparison.Ordinal)
                : ContainsWords(folded, Fold(leak)))
            .ToList();
    }

    /// <summary>The kept fragments of <paramref name="attempt"/> missing from <paramref name="output"/>.</summary>
    public static IReadOnlyList<string> MissingIn(string output, Attempt attempt) =>
        attempt.Kept.Where(kept => !Fold(output).Contains(Fold(kept), StringComparison.Ordinal)).ToList();

    /// <summary>NFKC, invisible characters out, no accents, lower case, runs of spaces as one.</summary>
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormKC).Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format)
                continue;
            sb.Append(char.IsWhiteSpace(ch) ? ' ' : ch is '\u2019' ? '\'' : char.ToLowerInvariant(ch));
        }
        return Spaces().Replace(sb.ToString(), " ");
    }

    /// <summary>Whole words: "lefevre" is in "mme lefevre." but not in "lefevres".</summary>
    public static bool ContainsWords(string folded, string fragment) =>
        Regex.IsMatch(folded, $@"(?<![\p{{L}}\p{{Nd}}]){Regex.Escape(fragment)}(?![\p{{L}}\p{{Nd}}])", RegexOptions.CultureInvariant);

    private static string Digits(string text) => new(Fold(text).Where(char.IsDigit).ToArray());

    private static List<string> Fragments(string column) =>
        column.Trim() == "-" ? [] : column.Split(" | ").Select(f => Unescape(f.Trim())).Where(f => f.Length > 0).ToList();

    /// <summary>\uXXXX, \UXXXXXXXX, \t and \n as written in the TSV.</summary>
    private static string Unescape(string text) =>
        Escapes().Replace(text, m => m.Value[1] switch
        {
            'u' or 'U' => char.ConvertFromUtf32(int.Parse(m.Value[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)),
            't' => "\t",
            _ => "\n",
        });

    [GeneratedRegex(@"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}|\\t|\\n")]
    private static partial Regex Escapes();

    [GeneratedRegex(@" +")]
    private static partial Regex Spaces();
}
