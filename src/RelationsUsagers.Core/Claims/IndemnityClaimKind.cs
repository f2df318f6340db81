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
        new(FinalOffer, "Offre définitive de l'assureur"),
        new(ExpertiseOrdered, "Expertise ordonnée par le juge"),
        new(ExpertiseCompleted, "Expertise exécutée"),
        new(DebtAcknowledged, "Reconnaissance de la dette par l'établissement"),
        .. InsurerLegalCell.EventTypes,
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
        // A complex case: the insurer's legal cell is asked, and answers (the date of each on the timeline).
        .. InsurerLegalCell.Steps(CaseStatus.Received, CaseStatus.DeclaredToInsurer, CaseStatus.UnderInvestigation, CaseStatus.Answered,
            CaseStatus.CciProcedure, CaseStatus.Litigation),
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
            case FinalOffer: c.FinalOfferOn = on; break;
            case ExpertiseOrdered: c.ExpertiseOrderedOn = on; break;
            case ExpertiseCompleted: c.ExpertiseCompletedOn = on; break;
            case DebtAcknowledged: c.DebtAcknowledgedOn = on; break;
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

    /// <summary>CRPA L.231-4, L.112-6; CJA R.421-1 to R.421-5; CSP L.1142-7 to L.1142-28; C. civ. 2235, 2239, 2240; loi 68-1250.</summary>
    public override IEnumerable<DeadlineDraft> Deadlines(CaseFile file, LegalClock clock)
    {
        var c = (IndemnityClaim)file;
        var cciFrom = Latest(c, c.CciReferredOn, CciReferred);
        var cciOpinion = cciFrom is { } f ? FirstFrom(c, f, c.CciOpinionOn, CciOpinion) : null;
        IReadOnlyList<SuspendedPeriod> cci = cciFrom is { } from ? [new SuspendedPeriod(from, CciProcedureEnd(c, cciOpinion), CciReason)] : [];

        // CRPA L.231-4, CJA R.421-2: silence for 2 months from receipt is a rejection. The CCI does not move it (L.1142-7
        // suspends the court time limits and the prescription only); waiting for documents asked for may (L.114-5).
        yield return new DeadlineDraft(clock.Setting(DelaySettings.ClaimImplicitRejection), c.ReceivedOn,
            FirstFrom(c, c.ReceivedOn, c.ExpressDecisionNotifiedOn, ExpressDecisionNotified))
            { StartLabel = "de la réception de la demande" };
        yield return new DeadlineDraft(clock.Setting(DelaySettings.ClaimInsurerDeclaration), c.ReceivedOn,
            FirstFrom(c, c.ReceivedOn, c.InsurerDeclaredOn, InsurerDeclared)) { StartLabel = "de la réception de la demande" };
        if (CourtTimeLimit(c, clock, cci) is { } court)
            yield return court;
        if (cciFrom is { } referred)
            yield return new DeadlineDraft(clock.Setting(DelaySettings.ClaimCciOpinion), referred, cciOpinion)
                { Actor = Actor.Cci, StartLabel = "de la saisine de la CCI" };
        foreach (var insurer in InsurerDeadlines(c, clock))
            yield return insurer;
        var prescription = c.Damage == ClaimDamage.OutsideCare ? FourYearPrescription(c, clock) : Prescription(c, clock, cci);
        if (prescription is not null)
            yield return prescription;
    }

    private const string CciReason = "procédure devant la CCI, de sa saisine à la décision qui suit son avis (CSP art. L.1142-7)";

    /// <summary>
    /// L.1142-7: the CCI procedure ends with the decision that follows its opinion — the hospital's express decision or
    /// the insurer's offer — not with the opinion itself; open while neither is recorded. An opinion that rejects the
    /// claim or declines competence is followed by no offer: the procedure ends with it [M].
    /// </summary>
    internal static DateOnly? CciProcedureEnd(IndemnityClaim c, DateOnly? opinion)
    {
        if (opinion is not { } on)
            return null;
        if (c.CciOpinionOutcome is CciOpinionOutcome.Rejected or CciOpinionOutcome.NotCompetent)
            return on;
        return Min(FirstFrom(c, on, c.ExpressDecisionNotifiedOn, ExpressDecisionNotified), FirstFrom(c, on, c.OfferOn, InsurerOffer));
    }

    /// <summary>
    /// CJA R.421-1, R.421-2, R.421-5: the claimant has 2 months to go to court from the express decision when it stated
    /// the remedies, their time limits and the CCI's suspension (CE 17 June 2019, n°413097), or from the implicit rejection
    /// when the acknowledgement carried the mentions of CRPA R.112-5 — otherwise no time limit runs (CRPA L.112-6), and
    /// only the prescription bounds the claim. The CCI suspends it (L.1142-7). The claimant's time: it runs after closing.
    /// </summary>
    private static DeadlineDraft? CourtTimeLimit(IndemnityClaim c, LegalClock clock, IReadOnlyList<SuspendedPeriod> cci)
    {
        var setting = clock.Setting(DelaySettings.ClaimCourtTimeLimit);
        var decided = Latest(c, c.ExpressDecisionNotifiedOn, ExpressDecisionNotified);
        DateOnly start;
        string startLabel;
        if (decided is { } on)
        {
            if (!c.DecisionCarriedRemedies)
                return null;
            (start, startLabel) = (on, "de la notification de la décision expresse");
        }
        else
        {
            if (!c.AcknowledgementCarriedMentions)
                return null;
            (start, startLabel) = (clock.Setting(DelaySettings.ClaimImplicitRejection).DueFrom(c.ReceivedOn), "de la décision implicite de rejet");
        }
        return new DeadlineDraft(setting, start, FirstFrom(c, start, null, CourtReferred))
        {
            Actor = Actor.Requester, RunsAfterClosing = true, AutoSuspensions = cci, StartLabel = startLabel,
            Notes = decided is null
                ? ["L'accusé de réception portait les mentions de l'art. R.112-5 du CRPA : le délai court dès la décision implicite de rejet"]
                : ["La décision notifiée mentionnait les voies et délais de recours et l'effet suspensif de la saisine de la CCI"],
        };
    }

    /// <summary>
    /// L.1142-14: the insurer offers within 4 months of receiving the CCI's opinion (when it found fault), makes its final
    /// offer within 2 months of learning of the consolidation when the first was provisional, and pays within a month of
    /// receiving the acceptance. Its own receipt starts each count; while unknown, the date of the opinion or acceptance does.
    /// </summary>
    private static IEnumerable<DeadlineDraft> InsurerDeadlines(IndemnityClaim c, LegalClock clock)
    {
        var opinionOn = Latest(c, c.CciOpinionOn, CciOpinion);
        if (opinionOn is { } opinion && c.CciOpinionOutcome is null or CciOpinionOutcome.FaultInsurer)
        {
            var (start, note) = InsurerReceipt(c.InsurerOpinionReceivedOn, opinion, "l'avis de la CCI");
            yield return new DeadlineDraft(clock.Setting(DelaySettings.ClaimInsurerOffer), start, FirstFrom(c, opinion, c.OfferOn, InsurerOffer))
                { Actor = Actor.Insurer, StartLabel = "de la réception de l'avis de la CCI par l'assureur", Notes = note };
        }
        var offered = Latest(c, c.OfferOn, InsurerOffer);
        if (c.OfferIsProvisional && offered is { } offer && Latest(c, c.ConsolidatedOn, Consolidation) is { } consolidated)
        {
            var start = consolidated > offer ? consolidated : offer;
            yield return new DeadlineDraft(clock.Setting(DelaySettings.ClaimFinalOffer), start, FirstFrom(c, start, c.FinalOfferOn, FinalOffer))
            {
                Actor = Actor.Insurer, StartLabel = "de la consolidation portée à la connaissance de l'assureur",
                Notes = ["L'offre du " + $"{offer:dd/MM/yyyy} était provisionnelle : l'offre définitive suit la consolidation"],
            };
        }
        if (Latest(c, c.AcceptedOn, OfferAccepted) is { } accepted)
        {
            var (start, note) = InsurerReceipt(c.InsurerAcceptanceReceivedOn, accepted, "l'acceptation");
            yield return new DeadlineDraft(clock.Setting(DelaySettings.ClaimPayment), start, FirstFrom(c, accepted, c.PaidOn, CompensationPaid))
                { Actor = Actor.Insurer, StartLabel = "de la réception de l'acceptation par l'assureur", Notes = note };
        }
    }

    private static (DateOnly Start, IReadOnlyList<string> Note) InsurerReceipt(DateOnly? receivedOn, DateOnly fact, string what) =>
        receivedOn is { } r && r >= fact
            ? (r, [])
            : (fact, [$"Date de réception par l'assureur non renseignée : compté de la date de {what} ({fact:dd/MM/yyyy})"]);

    /// <summary>
    /// L.1142-28: ten years from consolidation, the claimant's time to act; a court referral or the payment ends the watch.
    /// Not against a minor: from the 18th birthday if later (C. civ. 2235). Interrupted by the hospital's acknowledgement
    /// of the debt, which starts a new ten years (C. civ. 2231, 2240). Suspended by the CCI procedure (L.1142-7) and by a
    /// court-ordered expertise until it is carried out, after which at least six months remain (C. civ. 2239).
    /// </summary>
    private static DeadlineDraft? Prescription(IndemnityClaim c, LegalClock clock, IReadOnlyList<SuspendedPeriod> cci)
    {
        if (Latest(c, c.ConsolidatedOn, Consolidation) is not { } consolidated)
            return null;
        var (start, startLabel) = (consolidated, "de la consolidation");
        var notes = new List<string>();
        if (c.Patient.BirthDate is { } born && born.AddYears(18) > consolidated)
        {
            (start, startLabel) = (born.AddYears(18), "de la majorité du patient");
            notes.Add($"Patient mineur à la consolidation du {consolidated:dd/MM/yyyy} : la prescription court de sa majorité (C. civ. art. 2235)");
        }
        if (Latest(c, c.DebtAcknowledgedOn, DebtAcknowledged) is { } acknowledged && acknowledged > start)
        {
            (start, startLabel) = (acknowledged, "de la reconnaissance de la dette par l'établissement");
            notes.Add($"Interrompue le {acknowledged:dd/MM/yyyy} par la reconnaissance de la dette : un nouveau délai de dix ans court (C. civ. art. 2231, 2240)");
        }
        var periods = cci.ToList();
        DateOnly? minimum = null;
        if (Latest(c, c.ExpertiseOrderedOn, ExpertiseOrdered) is { } ordered)
        {
            var carriedOut = FirstFrom(c, ordered, c.ExpertiseCompletedOn, ExpertiseCompleted);
            periods.Add(new SuspendedPeriod(ordered, carriedOut, "expertise ordonnée par le juge, jusqu'à son exécution (C. civ. art. 2239)"));
            minimum = carriedOut?.AddMonths(6);
        }
        var ended = Min(FirstFrom(c, start, null, CourtReferred), FirstFrom(c, start, c.PaidOn, CompensationPaid));
        return new DeadlineDraft(clock.Setting(DelaySettings.ClaimPrescription), start, ended)
        {
            AutoSuspensions = periods, Actor = Actor.Requester, RunsAfterClosing = true, StartLabel = startLabel, Notes = notes,
            MinimumDue = minimum,
            MinimumDueNote = minimum is { } m ? $"Au moins six mois après l'exécution de l'expertise : reportée au {m:dd/MM/yyyy} (C. civ. art. 2239 al.2)" : null,
        };
    }

    /// <summary>
    /// Loi 68-1250 art. 1 and 2: outside care (belongings lost or stolen), the claim is barred four years from the 1 January
    /// after the facts; any written claim interrupts it and a new four years run from the next 1 January. The claim itself is
    /// such a written claim, received after the facts: the count runs from the 1 January after its receipt.
    /// </summary>
    private static DeadlineDraft FourYearPrescription(IndemnityClaim c, LegalClock clock)
    {
        var setting = clock.Setting(DelaySettings.ClaimFourYearPrescription);
        var start = new DateOnly(c.ReceivedOn.Year + 1, 1, 1);
        // "Dans un délai de quatre ans à partir du premier jour de l'année suivante": barred on the 1 January four years
        // later, so the last day to act is the 31 December before it.
        var due = setting.DueFrom(start).AddDays(-1);
        List<string> notes =
        [
            $"{(c.FactsOn is { } on ? $"Faits du {on:dd/MM/yyyy}, p" : "P")}rescription interrompue par la réclamation écrite reçue le " +
            $"{c.ReceivedOn:dd/MM/yyyy} (loi 68-1250, art. 2)",
            $"{setting.DurationLabel()} à compter du {start:dd/MM/yyyy} : dernier jour le {due:dd/MM/yyyy}",
        ];
        var ended = Min(FirstFrom(c, c.ReceivedOn, null, CourtReferred), FirstFrom(c, c.ReceivedOn, c.PaidOn, CompensationPaid));
        return new DeadlineDraft(setting, start, ended)
        {
            FixedDue = due, Actor = Actor.Requester, RunsAfterClosing = true, StartLabel = "du 1er janvier suivant la dernière réclamation écrite",
            Notes = notes,
        };
    }
}
