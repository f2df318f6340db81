using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Mediation;

namespace RelationsUsagers.Core.Letters;

/// <summary>A passage the law requires in a letter: a template that drops it is refused (e.g. CRPA R.112-5, L.112-6).</summary>
/// <param name="Name">What it is, in French, as the refusal names it.</param>
/// <param name="Text">The words that must stay in the letter.</param>
/// <param name="Source">The article that requires it.</param>
public sealed record LetterMention(string Name, string Text, string Source);

/// <summary>Someone a letter may go to, with whether a letter with medical content may go to them (CSP L.1110-4, L.1111-7).</summary>
public sealed record LetterRecipient(string Key, string Capacity, string Name, string? Address, bool MayReceiveMedicalContent);

/// <summary>Everything a letter's values are read from. <see cref="Case"/> is null for the CDU convocation.</summary>
public sealed class LetterContext
{
    public CaseFile? Case { get; init; }
    public required Establishment Establishment { get; init; }
    public required DateOnly Today { get; init; }
    public IReadOnlyList<Deadline> Deadlines { get; init; } = [];
    public required LetterRecipient Recipient { get; init; }
    /// <summary>The values the officer typed for the letter's <see cref="LetterDefinition.Asked"/> fields.</summary>
    public IReadOnlyDictionary<string, string?> Asked { get; init; } = new Dictionary<string, string?>();
    public CduMeeting? Meeting { get; init; }
    public CduMember? Member { get; init; }
    /// <summary>The complaint's next booked mediation meeting, if any: its invitation is filled from it.</summary>
    public BookedMediation? Mediation { get; init; }
    public LegalClock Clock { get; init; } = LegalClock.Default;

    public string? AskedValue(LetterField field) => Asked.GetValueOrDefault(field.Code) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
}

/// <summary>
/// One letter the office sends: its default text (paragraphs with <c>{field-code}</c> markers, which the default Word
/// template turns into named content controls), the mentions the law requires in it, the fields the officer types, how
/// each value is read from the case, and the step or event its sending records — the done date of the deadline it answers.
/// </summary>
public sealed class LetterDefinition
{
    public required string Code { get; init; }
    public required string Title { get; init; }
    /// <summary>The kind of case it belongs to; null for the CDU convocation (a meeting, not a case).</summary>
    public CaseKind? Kind { get; init; }
    /// <summary>
    /// The timeline event its sending records (the step of that event when the case stands where it starts): the done date
    /// of the deadline the letter answers. Null for a letter whose sending answers no deadline (an invitation).
    /// </summary>
    public Func<CaseFile, string?> SendingEvent { get; init; } = _ => null;
    /// <summary>Who it may go to, the first proposed; by default the requester.</summary>
    public Func<CaseFile, Establishment, IReadOnlyList<LetterRecipient>> Recipients { get; init; } = (file, _) => [LetterValues.Requester(file)];
    /// <summary>What to do when a field has no value, by field code: « enregistrez la date de réception ».</summary>
    public IReadOnlyDictionary<string, string> Hints { get; init; } = new Dictionary<string, string>();
    /// <summary>Medical content: « pli confidentiel », and only to a recipient entitled to it.</summary>
    public bool Confidential { get; init; }
    public required string Subject { get; init; }
    public required IReadOnlyList<string> Body { get; init; }
    public IReadOnlyList<LetterMention> Mentions { get; init; } = [];
    /// <summary>Fields the officer types when generating (the meeting's time and place, the missing documents...).</summary>
    public IReadOnlyList<LetterField> Asked { get; init; } = [];
    /// <summary>Of <see cref="Asked"/>, those the case fills itself in this context, not typed then (a booked meeting's date and place).</summary>
    public Func<LetterContext, IEnumerable<LetterField>> FilledByCase { get; init; } = _ => [];
    /// <summary>Fields that may be empty: a paragraph holding an empty one is left out of the letter.</summary>
    public IReadOnlySet<string> Optional { get; init; } = new HashSet<string>();
    /// <summary>The letter's own values (the letterhead, recipient and reference are added by <see cref="LetterValues"/>).</summary>
    public required Func<LetterContext, IEnumerable<(LetterField Field, string? Value)>> Values { get; init; }
    /// <summary>Whether the letter fits the case as it stands (status, facts); the CDU convocation fits every meeting.</summary>
    public Func<CaseFile, bool> Fits { get; init; } = _ => true;
    /// <summary>What else must be known before it can be written, in French (the CDU's opinion for an answer after its review).</summary>
    public Func<LetterContext, IEnumerable<string>> Checks { get; init; } = _ => [];
    /// <summary>What sending it records on the case besides its step (a claim's acknowledgement carried the mentions).</summary>
    public Action<CaseFile>? OnSent { get; init; }

    /// <summary>Every field the default text names, in order of first use.</summary>
    public IReadOnlyList<LetterField> Fields => fields ??= LetterText.Markers([LetterText.Letterhead, Subject, "{salutation}", .. Body, LetterText.Courtesy, LetterText.Closing])
        .Select(code => LetterFields.Find(code) ?? throw new InvalidOperationException($"Champ inconnu « {code} » dans le courrier {Code}."))
        .ToList();

    /// <summary>The fields a template of this letter must keep: those of the default text that may not be empty.</summary>
    public IEnumerable<LetterField> Required => Fields.Where(IsRequired);

    /// <summary>The fields the officer types for this letter in this context: <see cref="Asked"/> but what the case fills.</summary>
    public IReadOnlyList<LetterField> AskedIn(LetterContext context)
    {
        var filled = FilledByCase(context).Select(f => f.Code).ToHashSet();
        return [.. Asked.Where(f => !filled.Contains(f.Code))];
    }

    public bool IsRequired(LetterField field) => !Optional.Contains(field.Code) && !LetterValues.AlwaysOptional.Contains(field.Code);

    private IReadOnlyList<LetterField>? fields;
}
