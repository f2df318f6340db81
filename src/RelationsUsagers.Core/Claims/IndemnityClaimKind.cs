using FluentValidation;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using static RelationsUsagers.Core.Cases.CaseEventTypes;
using static RelationsUsagers.Core.Clock.CaseFacts;

namespace RelationsUsagers.Core.Claims;

/// <summary>Indemnity claims (CJA R.421-1 to R.421-5; CSP L.1142-7 to L.1142-28): the insurer, the CCI, the administrative court.</summary>
public sealed class IndemnityClaimKind : CaseKindDefinition
{
    public override CaseKind Kind => CaseKind.IndemnityClaim;
    public override string Prefix => "IND";
    public override string Label => "Demande d'indemnisation";
    public override string ShortLabel => "Indemnisation";
    public override string PersonLabel => "Patient";
    public override (string Label, string Hint) RequesterCapacityLabel => (CaseFileFieldNames.RequesterCapacity, "Fille, époux, avocat…");
    public override IReadOnlyDictionary<string, string> OwnFieldNames => IndemnityClaimFieldNames.ByProperty;
    public override string? ValueLabel(object value) => IndemnityClaimFieldNames.ValueLabel(value);

    public override CaseFile New() => new IndemnityClaim();

    public override IValidator CreateValidator(TimeProvider clock, AccessRequests.CopyFeeSchedule? copyFees) => new IndemnityClaimValidator(clock);

    public override IReadOnlyList<CaseEventType> EventTypes { get; } =
    [
        new(AcknowledgementSent, "Accusé de réception envoyé"),
        new(SentToService, "Envoyé au service"),
        new(InsurerDeclared, "Déclaré à l'assureur"),
        new(CciReferred, "CCI saisie"),
        new(CciOpinion, "Avis de la CCI reçu"),
        new(InsurerOffer, "Offre de l'assureur"),
        new(OfferAccepted, "Offre acceptée"),
        new(CompensationPaid, "Indemnité versée"),
        new(ExpressDecisionNotified, "Décision expresse notifiée"),
        new(CourtReferred, "Tribunal administratif saisi"),
        new(Consolidation, "Consolidation de l'état de santé"),
    ];

    public override IReadOnlyList<CaseStep> Steps { get; } =
    [
        // L.1142-2: the hospital is insured; the claim is declared to the insurer.
        new("declare-insurer", "Déclarer à l'assureur", [CaseStatus.Received, CaseStatus.UnderInvestigation], CaseStatus.DeclaredToInsurer, InsurerDeclared)
            { Needs = StepNeeds.Text, TextLabel = "N° de sinistre" },
        new("investigate", "Demander l'avis du service", [CaseStatus.Received, CaseStatus.DeclaredToInsurer], CaseStatus.UnderInvestigation, SentToService)
            { Needs = StepNeeds.OptionalText, TextLabel = "Service(s) sollicité(s)" },
        // L.1142-7: the victim may seize the CCI at any time; the office records it.
        new("refer-cci", "Saisine de la CCI", [CaseStatus.Received, CaseStatus.DeclaredToInsurer, CaseStatus.UnderInvestigation, CaseStatus.Answered], CaseStatus.CciProcedure, CciReferred),
        // CJA R.421-1: the court after the prior claim.
        new("refer-court", "Recours au tribunal administratif", [CaseStatus.DeclaredToInsurer, CaseStatus.UnderInvestigation, CaseStatus.Answered, CaseStatus.CciProcedure], CaseStatus.Litigation, CourtReferred),
        // CJA R.421-5: an express decision states the remedies and time limits.
        new("notify-decision", "Notifier la décision", [CaseStatus.DeclaredToInsurer, CaseStatus.UnderInvestigation, CaseStatus.CciProcedure], CaseStatus.Answered, ExpressDecisionNotified),
        new("close", "Clore le dossier", [CaseStatus.Answered, CaseStatus.CciProcedure, CaseStatus.Litigation], CaseStatus.Closed, Closed)
            { Needs = StepNeeds.Text, TextLabel = "Issue du dossier" },
        new("abandon", "Classer sans suite", [CaseStatus.Received, CaseStatus.DeclaredToInsurer, CaseStatus.UnderInvestigation], CaseStatus.Abandoned, Abandoned)
            { Needs = StepNeeds.Text, TextLabel = "Motif du classement (désistement…)" },
    ];

    public override void ApplyFact(CaseFile file, string eventType, DateOnly? on)
    {
        var c = (IndemnityClaim)file;
        switch (eventType)
        {
            case InsurerDeclared: c.InsurerDeclaredOn = on; break;
            case CciReferred: c.CciReferredOn = on; break;
            case CciOpinion: c.CciOpinionOn = on; break;
            case InsurerOffer: c.OfferOn = on; break;
            case OfferAccepted: c.AcceptedOn = on; break;
            case CompensationPaid: c.PaidOn = on; break;
            case ExpressDecisionNotified: c.ExpressDecisionNotifiedOn = on; break;
            case Consolidation: c.ConsolidatedOn = on; break;
        }
    }

    /// <summary>The declaration gives the insurer's claim number (sinistre), which the insurer's letters quote.</summary>
    public override void ApplyStep(CaseFile file, CaseStep step, StepInput input)
    {
        if (step.EventType == InsurerDeclared && !string.IsNullOrWhiteSpace(input.Text))
            ((IndemnityClaim)file).InsurerClaimNumber = input.Text.Trim();
    }

    /// <summary>Before the CCI or the court, the next move is theirs, then the insurer's offer, the victim's acceptance, the payment.</summary>
    public override Waiting? WaitingOn(CaseFile file)
    {
        var c = (IndemnityClaim)file;
        if (c.Status == CaseStatus.Litigation)
            return new Waiting(Actor.Court, Since(c, CourtReferred));
        if (c.Status != CaseStatus.CciProcedure)
            return null;
        var referred = Latest(c, c.CciReferredOn, CciReferred) ?? c.ReceivedOn;
        if (Latest(c, c.CciOpinionOn, CciOpinion) is not { } opinion)
            return new Waiting(Actor.Cci, referred);
        // L.1142-14: after an opinion finding fault, the insurer offers, the victim accepts, the insurer pays.
        if (c.CciOpinionOutcome is not (CciOpinionOutcome.FaultInsurer or null))
            return null;
        if (Latest(c, c.OfferOn, InsurerOffer) is not { } offer)
            return new Waiting(Actor.Insurer, opinion);
        if (Latest(c, c.AcceptedOn, OfferAccepted) is not { } accepted)
            return new Waiting(Actor.Requester, offer);
        return Latest(c, c.PaidOn, CompensationPaid) is null ? new Waiting(Actor.Insurer, accepted) : null;
    }

    /// <summary>CJA R.421-2; CSP L.1142-7 to L.1142-28.</summary>
    public override IEnumerable<DeadlineDraft> Deadlines(CaseFile file, LegalClock clock)
    {
        var c = (IndemnityClaim)file;
        var cciFrom = Latest(c, c.CciReferredOn, CciReferred);
        var cciOpinion = cciFrom is { } f ? FirstFrom(c, f, c.CciOpinionOn, CciOpinion) : null;
        // L.1142-7: referral to the CCI suspends prescription and litigation time limits until the procedure ends;
        // the clock takes the CCI's opinion as that end (a manual suspension can extend it).
        IReadOnlyList<SuspendedPeriod> cci = cciFrom is { } from ? [new SuspendedPeriod(from, cciOpinion, "saisine de la CCI (CSP art. L.1142-7)")] : [];

        yield return new DeadlineDraft(clock.Setting(DelaySettings.ClaimImplicitRejection), c.ReceivedOn,
            FirstFrom(c, c.ReceivedOn, c.ExpressDecisionNotifiedOn, ExpressDecisionNotified))
            { AutoSuspensions = cci, StartLabel = "de la réception de la demande" };
        yield return new DeadlineDraft(clock.Setting(DelaySettings.ClaimInsurerDeclaration), c.ReceivedOn,
            FirstFrom(c, c.ReceivedOn, c.InsurerDeclaredOn, InsurerDeclared)) { StartLabel = "de la réception de la demande" };
        if (cciFrom is { } referred)
            yield return new DeadlineDraft(clock.Setting(DelaySettings.ClaimCciOpinion), referred, cciOpinion)
                { Actor = Actor.Cci, StartLabel = "de la saisine de la CCI" };
        // L.1142-14: the insurer offers within 4 months of the opinion, when the CCI found liability.
        var opinionOn = Latest(c, c.CciOpinionOn, CciOpinion);
        if (opinionOn is { } opinion && c.CciOpinionOutcome is null or CciOpinionOutcome.FaultInsurer)
            yield return new DeadlineDraft(clock.Setting(DelaySettings.ClaimInsurerOffer), opinion, FirstFrom(c, opinion, c.OfferOn, InsurerOffer))
                { Actor = Actor.Insurer, StartLabel = "de l'avis de la CCI" };
        // L.1142-14: payment within 1 month of receiving the acceptance.
        if (Latest(c, c.AcceptedOn, OfferAccepted) is { } accepted)
            yield return new DeadlineDraft(clock.Setting(DelaySettings.ClaimPayment), accepted, FirstFrom(c, accepted, c.PaidOn, CompensationPaid))
                { Actor = Actor.Insurer, StartLabel = "de l'acceptation de l'offre" };
        // L.1142-28: 10 years from consolidation, the victim's time to act; a court referral or the payment ends the watch.
        if (Latest(c, c.ConsolidatedOn, Consolidation) is { } consolidated)
        {
            var ended = Min(FirstFrom(c, consolidated, null, CourtReferred), FirstFrom(c, consolidated, c.PaidOn, CompensationPaid));
            yield return new DeadlineDraft(clock.Setting(DelaySettings.ClaimPrescription), consolidated, ended)
                { AutoSuspensions = cci, Actor = Actor.Requester, StartLabel = "de la consolidation" };
        }
    }
}
