namespace RelationsUsagers.Core.Cdu;

/// <summary>What the scrubber takes out of a text.</summary>
public enum PersonalDataKind
{
    Name = 1,
    PatientNumber = 2,
    SocialSecurityNumber = 3,
    Phone = 4,
    Email = 5,
    BirthDate = 6,
    Date = 7,
    Address = 8,
}

/// <summary>
/// One fragment taken out: where it was in the original text (<see cref="Start"/>, <see cref="Length"/>) and where its
/// replacement stands in the scrubbed text (<see cref="PreviewStart"/>, the length of <see cref="Replacement"/>).
/// </summary>
public sealed record PersonalDataRemoval(PersonalDataKind Kind, int Start, int Length, string Replacement, int PreviewStart)
{
    public string KindLabel => Kind switch
    {
        PersonalDataKind.Name => "nom",
        PersonalDataKind.PatientNumber => "numéro de patient",
        PersonalDataKind.SocialSecurityNumber => "numéro de sécurité sociale",
        PersonalDataKind.Phone => "téléphone",
        PersonalDataKind.Email => "courriel",
        PersonalDataKind.BirthDate => "date de naissance",
        PersonalDataKind.Date => "date",
        PersonalDataKind.Address => "adresse",
        _ => "donnée personnelle",
    };
}

/// <summary>
/// A fragment left in the scrubbed text that still looks personal (a known name in lower case, a long number, an old
/// date, a street): the officer reads it before publishing. Positions in the original and in the scrubbed text.
/// </summary>
public sealed record PersonalDataSignal(string Reason, int Start, int Length, int PreviewStart);

/// <summary>A piece of a text to show: plain, taken out (original side), put in (scrubbed side) or signalled.</summary>
public enum TextPartKind { Plain, Removed, Replacement, Signal }

public sealed record TextPart(string Text, TextPartKind Kind, string? Note = null);

/// <summary>A text, what members will read instead, what was taken out and what still looks personal.</summary>
public sealed record ScrubResult(string Original, string Text, IReadOnlyList<PersonalDataRemoval> Removals, IReadOnlyList<PersonalDataSignal> Signals)
{
    public bool Changed => Removals.Count > 0;

    /// <summary>The original cut into plain text, removed fragments (with their kind) and signals.</summary>
    public IReadOnlyList<TextPart> OriginalParts() =>
        Cut(Original, Removals.Select(r => (r.Start, r.Length, TextPartKind.Removed, r.KindLabel))
            .Concat(Signals.Select(s => (s.Start, s.Length, TextPartKind.Signal, s.Reason))));

    /// <summary>The scrubbed text cut into plain text, replacements and signals.</summary>
    public IReadOnlyList<TextPart> PreviewParts() =>
        Cut(Text, Removals.Select(r => (r.PreviewStart, r.Replacement.Length, TextPartKind.Replacement, r.KindLabel))
            .Concat(Signals.Select(s => (s.PreviewStart, s.Length, TextPartKind.Signal, s.Reason))));

    private static List<TextPart> Cut(string text, IEnumerable<(int Start, int Length, TextPartKind Kind, string Note)> marks)
    {
        var parts = new List<TextPart>();
        var at = 0;
        foreach (var (start, length, kind, note) in marks.OrderBy(m => m.Start))
        {
            if (start < at || length == 0)
                continue;
            if (start > at)
                parts.Add(new TextPart(text[at..start], TextPartKind.Plain));
            parts.Add(new TextPart(text.Substring(start, length), kind, note));
            at = start + length;
        }
        if (at < text.Length)
            parts.Add(new TextPart(text[at..], TextPartKind.Plain));
        return parts;
    }
}
