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
    ];

    public override IReadOnlyList<CaseStep> Steps { get; } =
    [
        new("secrecy-review", "Examiner le secret médical", [CaseStatus.Received], CaseStatus.SecrecyReview, SecrecyReviewed)
            { Needs = StepNeeds.OptionalText, TextLabel = "Examiné par (médecin, juriste)" },
        new("send-items", "Transmettre les pièces", [CaseStatus.Received, CaseStatus.SecrecyReview], CaseStatus.Answered, ItemsSent),
        new("refuse", "Refus motivé", [CaseStatus.Received, CaseStatus.SecrecyReview], CaseStatus.Refused, RefusalSent)
            { Needs = StepNeeds.Text, TextLabel = "Motif du refus" },
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
        }
    }

    /// <summary>A seizure is organised: the magistrate's move (CPP 56-3).</summary>
    public override Waiting? WaitingOn(CaseFile file) =>
        file is Requisition { Response: RequisitionResponse.SeizureOrganised } r && r.Status != CaseStatus.Answered
        && Latest(r, r.SeizureOn, RecordSeized) is null ? new Waiting(Actor.Authority, Since(r, SecrecyReviewed)) : null;

    /// <summary>CPP 60-1 al.2 and 56-3, CSP L.1110-4: no answer and no closing while a medical item has no secrecy decision.</summary>
    public override IEnumerable<string> Guards(CaseFile file, CaseStep step, StepInput input, LegalClock clock)
    {
        if (step.EventType is not (ItemsSent or RefusalSent or Closed))
            yield break;
        var undecided = ((Requisition)file).Items.Where(i => i.Nature == RequisitionItemNature.Medical && i.Secrecy is null).ToList();
        if (undecided.Count > 0)
            yield return "Décision sur le secret médical manquante pour : " + string.Join(", ", undecided.Select(i => $"« {i.Description} »")) +
                         " (art. 60-1 et 56-3 CPP ; art. L.1110-4 CSP). Indiquez pour chaque élément médical s'il est transmis avec le " +
                         "consentement du patient, refusé ou remis sur saisie.";
    }

    /// <summary>The date the authority set (CPP 60-1, 77-1-1, 99-3 set no delay).</summary>
    public override IEnumerable<DeadlineDraft> Deadlines(CaseFile file, LegalClock clock)
    {
        var r = (Requisition)file;
        if (r.DueOn is { } due)
        {
            yield return new DeadlineDraft(clock.Setting(DelaySettings.RequisitionDueDate), r.ReceivedOn,
                FirstFrom(r, r.ReceivedOn, r.ResponseSentOn, ItemsSent, RefusalSent))
                { FixedDue = due, StartLabel = "de la réception de la réquisition (date fixée par l'autorité)" };
        }
    }
}
