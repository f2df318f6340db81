using System.Globalization;
using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.Imports;

/// <summary>
/// One line of a register read through the column mapping, for the register's parser: every value it cannot read becomes
/// a French error naming the line, the column's letter and the field.
/// </summary>
public sealed class RowReader<TField> where TField : struct, Enum
{
    private readonly IReadOnlyDictionary<TField, ImportColumn<TField>> _columns;
    private readonly IReadOnlyDictionary<int, ImportCell> _cells;
    private readonly List<ImportError<TField>> _errors = [];

    internal RowReader(IReadOnlyDictionary<TField, ImportColumn<TField>> columns, ImportVocabulary<TField> vocabulary, DateOnly today,
        IReadOnlyDictionary<string, string> serviceAliases, int row, IReadOnlyDictionary<int, ImportCell> cells)
    {
        (_columns, Vocabulary, Today, ServiceAliases, Row, _cells) = (columns, vocabulary, today, serviceAliases, row, cells);
    }

    public int Row { get; }
    public DateOnly Today { get; }
    public ImportVocabulary<TField> Vocabulary { get; }
    /// <summary>The office's service aliases, normalised alias → service.</summary>
    public IReadOnlyDictionary<string, string> ServiceAliases { get; }

    /// <summary>A column of the file holds this field.</summary>
    public bool Has(TField field) => _columns.ContainsKey(field);

    public ImportCell Cell(TField field) =>
        _columns.TryGetValue(field, out var c) && _cells.TryGetValue(c.Number, out var cell) ? cell : default;

    public string? Text(TField field) => Cell(field).Text is { Length: > 0 } t ? t : null;

    /// <summary>
    /// A date, or words saying the step is still to come (« en attente », « en cours », « à envoyer »): then no date and
    /// <paramref name="pending"/> holds the words.
    /// </summary>
    public DateOnly? DateOrPending(TField field, DateOnly? notBefore, out string? pending)
    {
        var cell = Cell(field);
        pending = cell.Value is string text && !cell.TryDate(Today, out _) && IsPending(text) ? text : null;
        return pending is null ? Date(field, notBefore) : null;
    }

    private static readonly string[] PendingWords =
        ["attente", "en cours", "a envoyer", "a faire", "a completer", "incomplet", "manque", "relance", "pas encore", "non recu",
         "non envoye", "a venir", "a traiter", "en instruction"];

    private static bool IsPending(string text)
    {
        var key = TextSearch.Normalize(text);
        return PendingWords.Any(w => key.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>A date, not in the future and, for a step of the case, not before its receipt.</summary>
    public DateOnly? Date(TField field, DateOnly? notBefore)
    {
        var cell = Cell(field);
        if (cell.IsEmpty)
            return null;
        if (!cell.TryDate(Today, out var date))
            return Invalid<DateOnly?>(field, "n'est pas une date valide.", null);
        if (date > Today)
            return Invalid<DateOnly?>(field, "est une date future.", null);
        if (notBefore is { } start && date < start)
            return Invalid<DateOnly?>(field, $"précède la date de réception ({start.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}).", null);
        return date;
    }

    public T Invalid<T>(TField field, string reason, T fallback)
    {
        Error(field, $"« {Cell(field).Display} » {reason}");
        return fallback;
    }

    public void MaxLength(TField field, string value, int max)
    {
        if (value.Length > max)
            Error(field, $"le texte dépasse {max} caractères.");
    }

    public void Error(TField field, string text)
    {
        var message = _columns.TryGetValue(field, out var c)
            ? $"Ligne {Row}, colonne {c.Letter} ({Vocabulary.Label(field)}) : {text}"
            : $"Ligne {Row} ({Vocabulary.Label(field)}) : {text}";
        _errors.Add(new ImportError<TField>(Row, c?.Letter, field, message));
    }

    /// <summary>Services of the hospital's list, directly or through the office's aliases; an unknown one is kept as written and proposed to the officer before the import.</summary>
    public (List<string> Services, List<string> Unknown) Services(TField field)
    {
        var written = (Text(field) ?? "").Split(['/', ',', ';', '+', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return (written.Select(w => ServiceNames.Resolve(w, ServiceAliases) ?? w).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            written.Where(w => ServiceNames.Resolve(w, ServiceAliases) is null).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    /// <summary>
    /// The patient's last and first names: from two columns, or from one « NOM Prénom » column (<see cref="ImportNames.Split"/>).
    /// Null, with the error said, when the cell is empty.
    /// </summary>
    public (string Last, string First)? PatientName(TField name, TField firstName)
    {
        if (Text(name) is not { } written)
        {
            Error(name, $"la cellule est vide ; le {Vocabulary.Label(name).ToLowerInvariant()} est obligatoire.");
            return null;
        }
        return Has(firstName) ? (written, Text(firstName) ?? "") : ImportNames.Split(written);
    }

    /// <summary>The line read: its entry when no value was refused, its errors left to right as the officer reads the line.</summary>
    public ImportRow<TField, TEntry> Result<TEntry>(TEntry entry, string patient, TField received, TField lastStep) where TEntry : class, IImportEntry =>
        new(Row, _errors.Count == 0 ? entry : null,
            [.. _errors.OrderBy(x => x.Column?.Length ?? int.MaxValue).ThenBy(x => x.Column, StringComparer.Ordinal)])
        {
            Patient = patient,
            ReceivedAsTyped = Cell(received).Display,
            SentAsTyped = Cell(lastStep).Display,
        };
}

/// <summary>Names as hand-kept registers write them.</summary>
public static class ImportNames
{
    /// <summary>"DUPONT Marie" → (DUPONT, Marie): the leading upper-case words are the last name, else the first word.</summary>
    public static (string Last, string First) Split(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var upper = words.TakeWhile(w => w.Any(char.IsLetter) && w.Where(char.IsLetter).All(char.IsUpper)).Count();
        var split = upper == 0 || upper == words.Length ? Math.Min(1, words.Length) : upper;
        return (string.Join(' ', words[..split]), string.Join(' ', words[split..]));
    }
}

/// <summary>The words a register writes for a value (a channel, a capacity, a motive), compared without case or accents.</summary>
public static class ImportWords
{
    /// <summary>The value of the first word that begins a word of <paramref name="text"/>; list the more specific words first.</summary>
    public static T? Find<T>((string Word, T Value)[] words, string text) where T : struct
    {
        var key = " " + new string(TextSearch.Normalize(text).Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray()) + " ";
        foreach (var (word, value) in words)
        {
            if (key.Contains(" " + word, StringComparison.Ordinal))
                return value;
        }
        return null;
    }
}
