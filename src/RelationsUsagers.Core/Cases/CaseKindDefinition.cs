using FluentValidation;
using RelationsUsagers.Core.Clock;

namespace RelationsUsagers.Core.Cases;

/// <summary>
/// Everything that makes one kind of case: its reference prefix, its French names, the person it concerns, its
/// timeline events, its steps, its deadlines and its validator. One subclass per kind, in the kind's folder, registered
/// once in <see cref="CaseKinds"/>; every member is abstract so that a kind missing a piece does not compile.
/// </summary>
public abstract class CaseKindDefinition
{
    public abstract CaseKind Kind { get; }
    /// <summary>Reference prefix: PLT-2026-00042.</summary>
    public abstract string Prefix { get; }
    /// <summary>"Plainte / réclamation".</summary>
    public abstract string Label { get; }
    /// <summary>For dense lists (the queue's Type column).</summary>
    public abstract string ShortLabel { get; }
    /// <summary>Whom the case is about: "Patient" for most kinds, the staff member for protection fonctionnelle.</summary>
    public abstract string PersonLabel { get; }
    /// <summary>The label and hint of the requester's free-text capacity ("Lien avec le patient", "Qualité").</summary>
    public abstract (string Label, string Hint) RequesterCapacityLabel { get; }

    /// <summary>
    /// The permission needed to see a case of this kind at all (protection fonctionnelle), null when working the cases
    /// is enough. The database hides the others' cases from every query (AppDbContext), and creating one is refused.
    /// </summary>
    public virtual string? Permission => null;

    /// <summary>
    /// The French names of this kind's own fields, by property path (its XxxFieldNames list, next to its class): the forms,
    /// the audit journal and the exports name a field through <see cref="FieldNames"/>, which reads them here first.
    /// </summary>
    public abstract IReadOnlyDictionary<string, string> OwnFieldNames { get; }

    /// <summary>The French label of a value of one of this kind's own lists (an enum), or null if it is not one.</summary>
    public abstract string? ValueLabel(object value);

    /// <summary>An empty case of this kind, as the new-case form starts it.</summary>
    public abstract CaseFile New();

    /// <summary>The timeline events of this kind, besides <see cref="CaseEventTypes.Common"/>.</summary>
    public abstract IReadOnlyList<CaseEventType> EventTypes { get; }

    /// <summary>Every move a user can make on this kind; a status changes only through one of them.</summary>
    public abstract IReadOnlyList<CaseStep> Steps { get; }

    public abstract IValidator CreateValidator(TimeProvider clock, AccessRequests.CopyFeeSchedule? copyFees);

    /// <summary>The deadlines of a case of this kind, from its facts (the <see cref="LegalClock"/> finishes them).</summary>
    public abstract IEnumerable<DeadlineDraft> Deadlines(CaseFile file, LegalClock clock);

    /// <summary>Copies an event's date into the kind's fact column ("copie envoyée" → SentOn); nothing for the others.</summary>
    public abstract void ApplyFact(CaseFile file, string eventType, DateOnly? on);

    /// <summary>What a step writes besides its event and status (a refusal's reason, the LRAR number); nothing by default.</summary>
    public virtual void ApplyStep(CaseFile file, CaseStep step, StepInput input) { }

    /// <summary>
    /// What the kind adds to a step's event note, in French, before anything typed (the old and new date of an extension),
    /// read before the step is applied; null for nothing.
    /// </summary>
    public virtual string? StepNote(CaseFile file, CaseStep step, StepInput input) => null;

    /// <summary>
    /// Writes the fields this kind derives from its other fields and its timeline, before every save (the five-year reading
    /// of R.1111-1 al.4, the authority's date after an extension was cancelled), so that what exports and figures read is
    /// never stale; nothing by default.
    /// </summary>
    public virtual void RefreshDerivedFields(CaseFile file) { }

    /// <summary>
    /// Copies the kind's own lists (JSON columns) from the form's copy onto the stored case as new objects, which the
    /// form's values laid over the row (EF Core's SetValues) leave out; nothing by default.
    /// </summary>
    public virtual void CopyLists(CaseFile current, CaseFile edited) { }

    /// <summary>
    /// Whose move it is at this status when it is not the office's: the requester asked for proofs, the CCI seized...
    /// The queue leaves such cases out of the office's urgency and shows what they wait for.
    /// </summary>
    public abstract Waiting? WaitingOn(CaseFile file);

    /// <summary>Refusals the law adds to a step, in French, naming what is missing; empty when the step may happen.</summary>
    public virtual IEnumerable<string> Guards(CaseFile file, CaseStep step, StepInput input, LegalClock clock) => [];

    /// <summary>Every status this kind can hold, in workflow order.</summary>
    public IReadOnlyList<CaseStatus> Statuses =>
        [.. Steps.SelectMany(s => s.From.Append(s.To ?? s.From[0])).Prepend(CaseStatus.Received).Distinct().Order()];

    public IReadOnlyList<CaseEventType> AllEventTypes => [.. CaseEventTypes.Common, .. EventTypes];

    /// <summary>The facts recorded on the timeline by themselves (a service's reply, a CCI opinion): those that are no step's event.</summary>
    public IReadOnlyList<CaseEventType> FactEventTypes =>
        [.. AllEventTypes.Where(t => t.Code != CaseEventTypes.Received && Steps.All(s => s.EventType != t.Code))];

    /// <summary>The date the case started waiting: the latest of these events, else receipt.</summary>
    protected static DateOnly Since(CaseFile file, params string[] types) => Clock.CaseFacts.Latest(file, null, types) ?? file.ReceivedOn;

    /// <summary>The steps open from the case's status.</summary>
    public IReadOnlyList<CaseStep> StepsFrom(CaseStatus status) => [.. Steps.Where(s => s.From.Contains(status))];

    public CaseStep? Step(string code) => Steps.FirstOrDefault(s => s.Code == code);

    private IReadOnlyDictionary<string, CaseStep>? stepFacts;

    /// <summary>
    /// The date columns a step writes (« Réponse envoyée le » ← « Envoyer la réponse »), by property name: a form may not
    /// type them, or the status would part from its facts; a wrong date is corrected on the timeline.
    /// </summary>
    public IReadOnlyDictionary<string, CaseStep> StepFacts => stepFacts ??= FindStepFacts();

    private Dictionary<string, CaseStep> FindStepFacts()
    {
        var dates = New().GetType().GetProperties().Where(p => p.PropertyType == typeof(DateOnly?) && p.CanWrite).ToList();
        var facts = new Dictionary<string, CaseStep>();
        foreach (var step in Steps)
        {
            var probe = New();
            ApplyFact(probe, step.EventType, new DateOnly(2000, 1, 1));
            foreach (var p in dates.Where(p => p.GetValue(probe) is DateOnly && p.Name != nameof(CaseFile.ClosedOn)))
                facts.TryAdd(p.Name, step);
        }
        return facts;
    }
}

/// <summary>
/// One move of a kind's workflow: from these statuses, it records its <see cref="EventType"/> with its date and moves
/// the case to <see cref="To"/> (or leaves the status, for a reminder), in one transaction.
/// </summary>
/// <param name="Code">Stable code ("send-copy").</param>
/// <param name="Label">The button, as a French action ("Envoyer la copie").</param>
public sealed record CaseStep(string Code, string Label, CaseStatus[] From, CaseStatus? To, string EventType)
{
    /// <summary>What the step asks besides the date.</summary>
    public StepNeeds Needs { get; init; }
    /// <summary>The French label of the text it asks for ("Issue du dossier", "Motif du refus", "Pièces demandées").</summary>
    public string? TextLabel { get; init; }
    /// <summary>A communication that may not happen before the 48 h reflection floor (L.1111-7 al.2) without a confirmed reason.</summary>
    public bool NotBeforeFloor { get; init; }
    /// <summary>
    /// Its event may also be recorded from another status as a plain fact that moves nothing (a payment received at the
    /// counter before any was asked for).
    /// </summary>
    public bool AlsoFact { get; init; }
    /// <summary>Only a manager may take it (a closing that overrides a pending CDU review...).</summary>
    public bool ManagerOnly { get; init; }
    /// <summary>
    /// Whether the case page offers it now (an answer only once its question is asked); null: whenever its status allows.
    /// Its guards still decide when it is taken.
    /// </summary>
    public Func<CaseFile, bool>? OfferedWhen { get; init; }

    public bool Closes => To is { } to && to.IsFinal();
    public bool TextRequired => Needs.HasFlag(StepNeeds.Text);
}

[Flags]
public enum StepNeeds
{
    None = 0,
    /// <summary>A required text (outcome, reason, what was asked for), kept as the event's note.</summary>
    Text = 1,
    /// <summary>An optional text, kept as the event's note.</summary>
    OptionalText = 2,
    /// <summary>The recorded-delivery number when the copy goes by LRAR (R.1111-2).</summary>
    RecordedDeliveryNumber = 4,
    /// <summary>The new due date an authority grants (a requisition's extension), later than the current one.</summary>
    NewDueDate = 8,
}

/// <summary>What the user typed in a step's panel.</summary>
public sealed record StepInput(DateOnly On, string? Text = null)
{
    public string? RecordedDeliveryNumber { get; init; }
    /// <summary>The officer confirmed an early communication, inside the 48 h (L.1111-7 al.2), with this reason.</summary>
    public string? EarlyReason { get; init; }
    /// <summary>The new due date granted (<see cref="StepNeeds.NewDueDate"/>).</summary>
    public DateOnly? NewDueOn { get; init; }
}

/// <summary>The case waits on <paramref name="Who"/> since <paramref name="Since"/> (the step that handed it over).</summary>
public sealed record Waiting(Actor Who, DateOnly Since);

/// <summary>Who must act for a deadline to be met, or whom a case is waiting on.</summary>
public enum Actor
{
    Office = 1,
    Requester = 2,
    Cci = 3,
    Court = 4,
    Insurer = 5,
    Authority = 6,
    /// <summary>The CDU, whose meeting reviews a complaint before the director's answer (R.1112-94).</summary>
    Cdu = 7,
    /// <summary>The CADA, whose opinion comes before any court case on a refused record (CRPA L.342-1, R.343-3).</summary>
    Cada = 8,
}

public static class ActorLabels
{
    /// <summary>"À faire par : …".</summary>
    public static string Label(this Actor actor) => actor switch
    {
        Actor.Office => "le service",
        Actor.Requester => "le demandeur",
        Actor.Cci => "la CCI",
        Actor.Court => "le tribunal",
        Actor.Insurer => "l'assureur",
        Actor.Authority => "l'autorité requérante",
        Actor.Cdu => "la CDU",
        Actor.Cada => "la CADA",
        _ => actor.ToString(),
    };

    /// <summary>"En attente du demandeur depuis 12 jours".</summary>
    public static string WaitingText(this Actor actor, DateOnly since, DateOnly today)
    {
        var label = actor.WaitingLabel();
        return $"{char.ToUpperInvariant(label[0])}{label[1..]} {SinceText(since, today)}";
    }

    /// <summary>"depuis 12 jours".</summary>
    public static string SinceText(DateOnly since, DateOnly today) => (today.DayNumber - since.DayNumber) switch
    {
        <= 0 => "depuis aujourd'hui",
        1 => "depuis 1 jour",
        var days => $"depuis {days} jours",
    };

    /// <summary>"en attente du demandeur".</summary>
    public static string WaitingLabel(this Actor actor) => actor switch
    {
        Actor.Office => "à traiter par le service",
        Actor.Requester => "en attente du demandeur",
        Actor.Cci => "en attente de la CCI",
        Actor.Court => "en attente du tribunal",
        Actor.Insurer => "en attente de l'assureur",
        Actor.Authority => "en attente de l'autorité requérante",
        Actor.Cdu => "en attente de la CDU",
        Actor.Cada => "en attente de la CADA",
        _ => actor.ToString(),
    };
}
