using FluentValidation;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using static RelationsUsagers.Core.Cases.CaseEventTypes;
using static RelationsUsagers.Core.Clock.CaseFacts;

namespace RelationsUsagers.Core.Requisitions;

/// <summary>Requisitions from police and justice (CPP 56-3, 60-1, 77-1-1, 99-3): medical secrecy is reviewed before anything leaves.</summary>
public sealed class RequisitionKind : CaseKindDefinition
{
    public override CaseKind Kind => CaseKind.Requisition;
    public override string Prefix => "REQ";
    public override string Label => "Réquisition";
    public override string ShortLabel => "Réquisition";
    public override string PersonLabel => "Patient";
    public override (string Label, string Hint) RequesterCapacityLabel => (RequisitionFieldNames.RequesterCapacity, "OPJ, magistrat…");
    public override IReadOnlyDictionary<string, string> OwnFieldNames => RequisitionFieldNames.ByProperty;
    public override string? ValueLabel(object value) => RequisitionFieldNames.ValueLabel(value);

    public override CaseFile New() => new Requisition { Items = [new RequisitionItem()] };

    public override IValidator CreateValidator(TimeProvider clock, AccessRequests.CopyFeeSchedule? copyFees) => new RequisitionValidator(clock);

    public override IReadOnlyList<CaseEventType> EventTypes { get; } =
    [
        new(SecrecyReviewed, "Examen du secret médical"),
        new(ItemsSent, "Pièces transmises"),
        new(RefusalSent, "Refus motivé envoyé"),
        new(RecordSeized, "Saisie du dossier (art. 56-3 CPP)"),
        new(DueDateExtended, "Prolongation accordée par l'autorité"),
        new(Hearing, "Audition (patient ou personnel)"),
        .. InsurerLegalCell.EventTypes,
    ];

    public const string ExtendStep = "extend";
    public const string SeizureStep = "seizure-done";
    public const string HearingStep = "hearing";

    /// <summary>The statuses a requisition is still worked from: a seizure or a hearing may come after the answer.</summary>
    private static readonly CaseStatus[] Open = [CaseStatus.Received, CaseStatus.SecrecyReview, CaseStatus.Answered];

    public override IReadOnlyList<CaseStep> Steps { get; } =
    [
        new("secrecy-review", "Examiner le secret médical", [CaseStatus.Received], CaseStatus.SecrecyReview, SecrecyReviewed)
            { Needs = StepNeeds.OptionalText, TextLabel = "Examiné par (médecin, juriste)" },
        // The hospital may ask the authority for more time; only the authority's new date moves the deadline (CPP 60-1, 77-1-1, 99-3).
        new(ExtendStep, "Prolongation accordée par l'autorité", [CaseStatus.Received, CaseStatus.SecrecyReview], null, DueDateExtended)
            { Needs = StepNeeds.NewDueDate | StepNeeds.OptionalText, TextLabel = "Accord de l'autorité (courriel, appel…)" },
        new("send-items", "Transmettre les pièces", [CaseStatus.Received, CaseStatus.SecrecyReview], CaseStatus.Answered, ItemsSent),
        new("refuse", "Refus motivé", [CaseStatus.Received, CaseStatus.SecrecyReview], CaseStatus.Refused, RefusalSent)
            { Needs = StepNeeds.Text, TextLabel = "Motif du refus" },
        // CPP 56-3: the magistrate seizes with the Ordre's representative present; recorded once the seizure record is complete.
        new(SeizureStep, "Saisie effectuée", Open, null, RecordSeized) { Needs = StepNeeds.OptionalText, TextLabel = "Observations" },
        // Investigators hear patients or staff: who, in what capacity, on which date.
        new(HearingStep, "Consigner une audition", Open, null, Hearing)
            { Needs = StepNeeds.Text, TextLabel = "Personne entendue et qualité (patient, agent du service…)" },
        .. InsurerLegalCell.Steps(Open),
        new("close", "Clore le dossier", [CaseStatus.Answered], CaseStatus.Closed, Closed) { Needs = StepNeeds.Text, TextLabel = "Issue du dossier" },
    ];

    public override void ApplyFact(CaseFile file, string eventType, DateOnly? on)
    {
        var r = (Requisition)file;
        switch (eventType)
        {
            case SecrecyReviewed: r.SecrecyReviewOn = on; break;
            case ItemsSent or RefusalSent: r.ResponseSentOn = on; break;
            case RecordSeized: r.SeizureOn = on; break;
        }
    }

    public override void ApplyStep(CaseFile file, CaseStep step, StepInput input)
    {
        var r = (Requisition)file;
        switch (step.EventType)
        {
            case SecrecyReviewed when !string.IsNullOrWhiteSpace(input.Text):
                r.SecrecyReviewBy = input.Text.Trim();
                break;
            case ItemsSent:
                // What leaves is what the review let go: administrative items, and medical ones handed over with consent.
                foreach (var item in r.Items.Where(i => i.Nature == RequisitionItemNature.Administrative || i.Secrecy == SecrecyDecision.ConsentGiven))
                    item.Sent = true;
                r.Response ??= r.Items.All(i => i.Sent) ? RequisitionResponse.Sent : RequisitionResponse.PartlySentAdministrative;
                break;
            case RefusalSent:
                r.Response ??= RequisitionResponse.RefusedMedicalSecrecy;
                break;
            case DueDateExtended when input.NewDueOn is { } extended:
                // The first date stays known; the deadline follows the new one.
                r.InitialDueOn ??= r.DueOn;
                r.DueOn = extended;
                break;
        }
    }

    /// <summary>The extension's note records the old and the new date (and the first one, after several extensions).</summary>
    public override string? StepNote(CaseFile file, CaseStep step, StepInput input) =>
        step.EventType == DueDateExtended && input.NewDueOn is { } extended && file is Requisition { DueOn: { } current } r
            ? ExtensionNote(current, extended, r.InitialDueOn)
            : null;

    /// <summary>« Date limite prolongée du 20/03/2026 au 03/04/2026 », and the first date when it was already extended.</summary>
    public static string ExtensionNote(DateOnly current, DateOnly extended, DateOnly? initial) =>
        $"Date limite prolongée du {current:dd/MM/yyyy} au {extended:dd/MM/yyyy}" +
        (initial is { } first && first != current ? $" (date initiale : {first:dd/MM/yyyy})" : "");

    /// <summary>
    /// The authority's date follows the live extensions: when they are cancelled, it goes back to the date before the latest
    /// one left (the first date once none is left), read from the note the extension wrote when it was recorded.
    /// </summary>
    public override void RefreshDerivedFields(CaseFile file)
    {
        var r = (Requisition)file;
        if (r.InitialDueOn is not { } initial)
            return;
        var latest = r.LiveEvents.Where(e => e.Type == DueDateExtended).MaxBy(e => (e.OccurredOn, e.RecordedAtUtc));
        if (latest is null)
            (r.DueOn, r.InitialDueOn) = (initial, null);
        else if (ExtendedTo(latest) is { } extended)
            r.DueOn = extended;
    }

    /// <summary>The new date an extension granted, from its note as first written (a corrected note keeps it in its history).</summary>
    private static DateOnly? ExtendedTo(CaseEvent extension)
    {
        var written = extension.Corrections.Count > 0 ? extension.Corrections[0].PreviousNote : extension.Note;
        var match = System.Text.RegularExpressions.Regex.Match(written ?? "", @"^Date limite prolongée du \d{2}/\d{2}/\d{4} au (\d{2}/\d{2}/\d{4})");
        return match.Success
            ? DateOnly.ParseExact(match.Groups[1].Value, "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>A seizure is organised: the magistrate's move (CPP 56-3).</summary>
    public override Waiting? WaitingOn(CaseFile file) =>
        file is Requisition { Response: RequisitionResponse.SeizureOrganised } r && r.Status != CaseStatus.Answered
        && Latest(r, r.SeizureOn, RecordSeized) is null ? new Waiting(Actor.Authority, Since(r, SecrecyReviewed)) : null;

    /// <summary>
    /// CPP 60-1 al.2 and 56-3, CSP L.1110-4: no answer and no closing while a medical item has no secrecy decision by a named
    /// reviewer, dated and reasoned; no « saisie effectuée » before the seizure record is complete (CPP 56-3). An extension
    /// grants a date later than the current one.
    /// </summary>
    public override IEnumerable<string> Guards(CaseFile file, CaseStep step, StepInput input, LegalClock clock)
    {
        var r = (Requisition)file;
        if (step.EventType == DueDateExtended && input.NewDueOn is { } extended && r.DueOn is { } current && extended <= current)
            yield return $"La nouvelle date limite doit être postérieure à la date limite actuelle ({current:dd/MM/yyyy}).";
        if (step.EventType == RecordSeized && RequisitionChecks.SeizureProblem(r) is { } seizure)
            yield return seizure;
        if (step.EventType is not (ItemsSent or RefusalSent or Closed))
            yield break;
        foreach (var problem in RequisitionChecks.SecrecyReviewProblems(r))
            yield return problem;
    }

    /// <summary>
    /// The date the authority set (CPP 60-1, 77-1-1, 99-3 set no delay): the hospital's own stop-the-clock never moves it, only
    /// an extension the authority grants.
    /// </summary>
    public override IEnumerable<DeadlineDraft> Deadlines(CaseFile file, LegalClock clock)
    {
        var r = (Requisition)file;
        if (r.DueOn is { } due)
        {
            var extended = r.InitialDueOn is { } initial
                && Latest(r, null, DueDateExtended) is { } grantedOn
                ? [$"Date prolongée par l'autorité le {grantedOn:dd/MM/yyyy} (date initiale : {initial:dd/MM/yyyy})."]
                : Array.Empty<string>();
            yield return new DeadlineDraft(clock.Setting(DelaySettings.RequisitionDueDate), r.ReceivedOn,
                FirstFrom(r, r.ReceivedOn, r.ResponseSentOn, ItemsSent, RefusalSent))
            {
                FixedDue = due,
                StartLabel = "de la réception de la réquisition (date fixée par l'autorité)",
                NeverSuspended = true,
                Notes = extended,
            };
        }
    }
}
