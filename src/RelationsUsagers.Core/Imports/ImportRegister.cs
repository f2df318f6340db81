using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.Imports;

/// <summary>
/// What one hand-kept register brings to the shared import (<see cref="RegisterImporter{TField, TEntry}"/>): its columns'
/// vocabulary, how a line is read and checked, the case a line becomes (its status from its dates) and its duplicate key.
/// </summary>
public abstract class ImportRegister<TField, TEntry> where TField : struct, Enum where TEntry : class, IImportEntry
{
    /// <summary>« Tableau de suivi », « Registre des plaintes »: names the file in the audit line.</summary>
    public abstract string Name { get; }

    /// <summary>What a line is, a feminine noun: « demande », « plainte » (« même demande que la ligne 4 »).</summary>
    public abstract string LineNoun { get; }

    /// <summary>The kind of the cases created (their reference's prefix).</summary>
    public abstract CaseKind Kind { get; }

    /// <summary>The note on each fact of an imported case's timeline: « Repris du tableau de suivi ».</summary>
    public abstract string EventNote { get; }

    public abstract ImportVocabulary<TField> Vocabulary { get; }

    /// <summary>The columns that give the patient and the receipt date, and the last step's date shown for a rejected line.</summary>
    public abstract TField ReceivedField { get; }
    public abstract TField LastStepField { get; }

    /// <summary>Reads one line: its values, or the errors that reject it.</summary>
    public abstract ImportRow<TField, TEntry> Parse(RowReader<TField> line);

    /// <summary>Said once for the file, at the header, rather than on every line: a missing column that makes lines fail.</summary>
    public virtual IEnumerable<string> HeaderWarnings(IReadOnlyList<ImportColumn<TField>> columns, IReadOnlyList<ImportRow<TField, TEntry>> rows) => [];

    /// <summary>The case and its timeline dated from the file, in the status its dates say; <paramref name="source"/> is « fichier › feuille › ligne N ».</summary>
    public abstract CaseFile ToCase(TEntry entry, string source);

    /// <summary>A fact of the imported case's timeline, dated from the file (nothing when the file gives no date).</summary>
    protected void AddEvent(CaseFile file, string type, DateOnly? on)
    {
        if (on is { } date)
            file.Events.Add(new CaseEvent { CaseFileId = file.Id, Type = type, OccurredOn = date, Note = EventNote });
    }

    /// <summary>
    /// Said at the header, once, rather than on every line: no column gives <paramref name="field"/>, and the lines that needed
    /// it are rejected.
    /// </summary>
    protected IEnumerable<string> MissingColumn(IReadOnlyList<ImportColumn<TField>> columns, IReadOnlyList<ImportRow<TField, TEntry>> rows,
        TField field, string what, string whichLines)
    {
        var failing = rows.Where(r => r.Errors.Any(e => Equals(e.Field, field))).Select(r => r.Row).ToList();
        if (columns.All(c => !Equals(c.Field, field)) && failing.Count > 0)
            yield return $"Aucune colonne ne donne {what} (« {Vocabulary.Label(field)} ») : les {failing.Count} ligne(s) {whichLines} "
                + $"(lignes {string.Join(", ", failing)}) sont rejetées. Associez la colonne qui le contient.";
    }
}
