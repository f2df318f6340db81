using FluentValidation;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using static RelationsUsagers.Core.Cases.CaseEventTypes;
using static RelationsUsagers.Core.Clock.CaseFacts;

namespace RelationsUsagers.Core.AccessRequests;

/// <summary>Record-access requests (CSP L.1111-7, R.1111-1 to R.1111-8): proofs first, then the copy or a reasoned refusal.</summary>
public sealed class AccessRequestKind : CaseKindDefinition
{
    public override CaseKind Kind => CaseKind.AccessRequest;
    public override string Prefix => "DAD";
    public override string Label => "Accès au dossier patient";
    public override string ShortLabel => "Accès dossier";
    public override string PersonLabel => "Patient";
    public override (string Label, string Hint) RequesterCapacityLabel => (CaseFileFieldNames.RequesterCapacity, "Fille, époux, avocat…");
    public override IReadOnlyDictionary<string, string> OwnFieldNames => AccessRequestFieldNames.ByProperty;
    public override string? ValueLabel(object value) => AccessRequestFieldNames.ValueLabel(value);

    public override CaseFile New() => new AccessRequest();

    public override IValidator CreateValidator(TimeProvider clock, CopyFeeSchedule? copyFees) => new AccessRequestValidator(clock, copyFees);

    public override IReadOnlyList<CaseEventType> EventTypes { get; } =
    [
        new(ProofsRequested, "Pièces complémentaires demandées"),
        new(ProofsComplete, "Pièces complètes reçues"),
        new(MedicalValidation, "Validation médicale"),
        new(CdspReferred, "CDSP saisie"),
        new(CdspOpinion, "Avis de la CDSP reçu"),
        new(PaymentRequested, "Paiement demandé"),
        new(PaymentReceived, "Paiement reçu"),
        new(CopySent, "Copie envoyée"),
        new(OnSiteConsultation, "Consultation sur place"),
        new(DeliveryAcknowledged, "AR reçu"),
        new(RefusalSent, "Refus motivé envoyé"),
    ];

    public const string SendCopyStep = "send-copy";
    public const string OnSiteStep = "on-site";

    public override IReadOnlyList<CaseStep> Steps { get; } =
    [
        // R.1111-1: identity and capacity proven before anything leaves.
        new("request-proofs", "Demander des pièces", [CaseStatus.Received], CaseStatus.AwaitingProofs, ProofsRequested)
            { Needs = StepNeeds.OptionalText, TextLabel = "Pièces demandées" },
        new("complete", "Dossier complet", [CaseStatus.Received, CaseStatus.AwaitingProofs], CaseStatus.Complete, ProofsComplete),
        new("remind", "Relancer le demandeur", [CaseStatus.AwaitingProofs, CaseStatus.AwaitingPayment], null, Reminded)
            { Needs = StepNeeds.OptionalText, TextLabel = "Objet de la relance" },
        // R.1111-2: copies may be charged, at most their cost.
        new("request-payment", "Demander le paiement", [CaseStatus.Complete], CaseStatus.AwaitingPayment, PaymentRequested),
        new("payment-received", "Paiement reçu", [CaseStatus.AwaitingPayment], CaseStatus.Complete, PaymentReceived) { AlsoFact = true },
        // A request complete on receipt may be answered straight away (the release blockers still apply).
        new(SendCopyStep, "Envoyer la copie", [CaseStatus.Received, CaseStatus.Complete], CaseStatus.Sent, CopySent)
            { Needs = StepNeeds.RecordedDeliveryNumber, NotBeforeFloor = true },
        new(OnSiteStep, "Consultation sur place", [CaseStatus.Received, CaseStatus.Complete], CaseStatus.Sent, OnSiteConsultation) { NotBeforeFloor = true },
        // R.1111-7: any refusal is reasoned.
        new("refuse", "Refuser (refus motivé)", [CaseStatus.Received, CaseStatus.AwaitingProofs, CaseStatus.Complete], CaseStatus.Refused, RefusalSent)
            { Needs = StepNeeds.Text, TextLabel = "Motif du refus" },
        new("abandon", "Classer sans suite", [CaseStatus.Received, CaseStatus.AwaitingProofs, CaseStatus.AwaitingPayment], CaseStatus.Abandoned, Abandoned)
            { Needs = StepNeeds.Text, TextLabel = "Motif du classement" },
        new("close", "Clore le dossier", [CaseStatus.Sent], CaseStatus.Closed, Closed) { Needs = StepNeeds.Text, TextLabel = "Issue du dossier" },
    ];

    public override void ApplyFact(CaseFile file, string eventType, DateOnly? on)
    {
        var r = (AccessRequest)file;
        switch (eventType)
        {
            case ProofsComplete: r.CompletedOn = on; break;
            case CopySent or OnSiteConsultation: r.SentOn = on; break;
            case DeliveryAcknowledged: r.DeliveryAcknowledgedOn = on; break;
            case PaymentReceived: r.PaidOn = on; break;
            case CdspReferred: r.CdspReferredOn = on; break;
        }
    }

    public override void ApplyStep(CaseFile file, CaseStep step, StepInput input)
    {
        var r = (AccessRequest)file;
        if (step.EventType == RefusalSent)
            r.RefusalReason = input.Text;
        if (step.Needs.HasFlag(StepNeeds.RecordedDeliveryNumber) && !string.IsNullOrWhiteSpace(input.RecordedDeliveryNumber))
            r.RecordedDeliveryNumber = input.RecordedDeliveryNumber.Trim();
    }

    public override Waiting? WaitingOn(CaseFile file) => file.Status switch
    {
        CaseStatus.AwaitingProofs => new Waiting(Actor.Requester, Since(file, ProofsRequested)),
        CaseStatus.AwaitingPayment => new Waiting(Actor.Requester, Since(file, PaymentRequested)),
        _ => null,
    };

    public override IEnumerable<string> Guards(CaseFile file, CaseStep step, StepInput input, LegalClock clock)
    {
        var r = (AccessRequest)file;
        if (step.EventType == ProofsComplete)
            return AccessRequestRules.StepBlockers(r, sending: false);
        if (!step.NotBeforeFloor)
            return [];
        var blockers = AccessRequestRules.ReleaseBlockers(r).ToList();
        // L.1111-7 al.2: not before 48 hours. Only dates are stored, so a day before the floor's date is certainly early.
        if (EarliestCommunicationOn(r, clock) is var earliest && input.On < earliest && string.IsNullOrWhiteSpace(input.EarlyReason))
            blockers.Add($"Communication pas avant le {earliest:dd/MM/yyyy} (délai de réflexion de 48 heures, CSP art. L.1111-7 al.2) : " +
                         "confirmez la communication anticipée et indiquez-en le motif.");
        return blockers;
    }

    /// <summary>The first day the record may be communicated: 48 h after the complete request, or after receipt while incomplete.</summary>
    public static DateOnly EarliestCommunicationOn(AccessRequest r, LegalClock clock) =>
        clock.Setting(DelaySettings.AccessReflection48h).DueFrom(Latest(r, r.CompletedOn, ProofsComplete) ?? r.ReceivedOn);

    /// <summary>CSP L.1111-7 al.2, R.1111-1 al.4, R.1111-5.</summary>
    public override IEnumerable<DeadlineDraft> Deadlines(CaseFile file, LegalClock clock)
    {
        var r = (AccessRequest)file;
        var sent = FirstFrom(r, r.ReceivedOn, r.SentOn, CopySent, OnSiteConsultation);
        var completed = Latest(r, r.CompletedOn, ProofsComplete);
        var cdsp = Latest(r, r.CdspReferredOn, CdspReferred);
        // L.1111-7 al.2: 2 months for information over five years old or when the CDSP is referred to.
        var setting = clock.Setting(r.InformationOlderThanFiveYears || cdsp is not null ? DelaySettings.Access2Months : DelaySettings.Access8Days);
        var floor = clock.Setting(DelaySettings.AccessReflection48h);
        // The 48 h (L.1111-7 al.2) run from the complete request, from receipt while it is not complete.
        yield return new DeadlineDraft(floor, completed ?? r.ReceivedOn, sent)
        {
            IsFloor = true,
            FromCompleteRequest = completed is not null,
            StartLabel = completed is null ? "de la réception de la demande" : "du dossier complet",
        };
        // R.1111-1 al.4: the legal delay runs from receipt of the request.
        yield return new DeadlineDraft(setting, r.ReceivedOn, sent) { StartLabel = "de la réception de la demande" };
        // Office practice: also from the complete request (the start the law sets is receipt, R.1111-1 al.4). Not with a CDSP referral:
        // R.1111-5 fixes its 2 months from receipt of the initial request.
        if (completed is { } from && cdsp is null)
        {
            yield return new DeadlineDraft(setting, from, sent)
            {
                FromCompleteRequest = true,
                Label = $"{setting.DisplayLabel()} – dossier complet",
                StartLabel = "du dossier complet",
            };
        }
    }
}
