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
        new(OnSiteOffered, "Consultation sur place proposée"),
        // CRPA L.342-1, R.343-1, R.343-3: the requester's and the CADA's moves, recorded even on a refused (closed) request.
        new(CadaReferred, "CADA saisie par le demandeur"),
        new(CadaOpinion, "Avis de la CADA reçu"),
    ];

    public const string SendCopyStep = "send-copy";
    public const string OnSiteStep = "on-site";
    public const string OfferOnSiteStep = "offer-on-site";

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
        // R.1111-2: an on-site consultation offered within the delay meets it, whatever later date the requester picks; the
        // request then waits on the requester, and the consultation itself (the step below) communicates the record.
        new(OfferOnSiteStep, "Proposer une consultation sur place", [CaseStatus.Received, CaseStatus.Complete], null, OnSiteOffered)
            { Needs = StepNeeds.OptionalText, TextLabel = "Rendez-vous proposé" },
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
            case OnSiteOffered: r.OnSiteOfferedOn = on; break;
            case CadaReferred: r.CadaReferredOn = on; break;
            case CadaOpinion: r.CadaOpinionOn = on; break;
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

    public override void RefreshDerivedFields(CaseFile file)
    {
        var r = (AccessRequest)file;
        // R.1111-1 al.4: the stored reading follows the dates and the officer's override; exports, imports and figures read it.
        r.InformationOlderThanFiveYears = AccessRequestRules.InformationAge(r).OlderThanFiveYears;
    }

    public override Waiting? WaitingOn(CaseFile file) => file.Status switch
    {
        CaseStatus.AwaitingProofs => new Waiting(Actor.Requester, Since(file, ProofsRequested)),
        CaseStatus.AwaitingPayment => new Waiting(Actor.Requester, Since(file, PaymentRequested)),
        // An on-site consultation was offered (R.1111-2): the requester is to come.
        CaseStatus.Received or CaseStatus.Complete when Latest(file, ((AccessRequest)file).OnSiteOfferedOn, OnSiteOffered) is { } offered =>
            new Waiting(Actor.Requester, offered),
        _ => null,
    };

    public override IEnumerable<string> Guards(CaseFile file, CaseStep step, StepInput input, LegalClock clock)
    {
        var r = (AccessRequest)file;
        if (step.EventType == ProofsComplete)
            return AccessRequestRules.StepBlockers(r, sending: false);
        // An offer to consult is a communication made available: the same blockers, not the 48 h (the consultation comes later).
        if (step.EventType == OnSiteOffered)
            return AccessRequestRules.ReleaseBlockers(r);
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

    /// <summary>CSP L.1111-7 al.2, R.1111-1 al.4, R.1111-2, R.1111-5; CRPA R.311-13, L.342-1, R.343-1, R.343-3.</summary>
    public override IEnumerable<DeadlineDraft> Deadlines(CaseFile file, LegalClock clock)
    {
        var r = (AccessRequest)file;
        var sent = FirstFrom(r, r.ReceivedOn, r.SentOn, CopySent, OnSiteConsultation);
        var offered = FirstFrom(r, r.ReceivedOn, r.OnSiteOfferedOn, OnSiteOffered);
        // R.1111-2: an on-site consultation offered meets the delay on the day it was offered, even if the requester comes later.
        var met = Min(sent, offered);
        var offerNotes = offered is { } o && o == met && sent != o
            ? new[] { $"Consultation sur place proposée le {o:dd/MM/yyyy} : le délai est tenu à cette date, même si le demandeur consulte plus tard (CSP art. R.1111-2)." }
            : [];
        var completed = Latest(r, r.CompletedOn, ProofsComplete);
        var cdsp = Latest(r, r.CdspReferredOn, CdspReferred);
        var age = AccessRequestRules.InformationAge(r);
        // L.1111-7 al.2: 2 months for information over five years old or when the CDSP is referred to.
        var setting = clock.Setting(age.OlderThanFiveYears || cdsp is not null ? DelaySettings.Access2Months : DelaySettings.Access8Days);
        var floor = clock.Setting(DelaySettings.AccessReflection48h);
        // The 48 h (L.1111-7 al.2) run from the complete request, from receipt while it is not complete.
        yield return new DeadlineDraft(floor, completed ?? r.ReceivedOn, sent)
        {
            IsFloor = true,
            FromCompleteRequest = completed is not null,
            StartLabel = completed is null ? "de la réception de la demande" : "du dossier complet",
        };
        string[] delayNotes = [DelayNote(r, age, cdsp, setting), .. offerNotes];
        // R.1111-1 al.4: the legal delay runs from receipt of the request; no text suspends it, so the office's stop-the-clock
        // (waiting for proofs, for the requester's choice) leaves it where it is — it is the one reported to the CDU and the ARS.
        yield return new DeadlineDraft(setting, r.ReceivedOn, met) { StartLabel = "de la réception de la demande", NeverSuspended = true, Notes = delayNotes };
        // Office practice: also from the complete request (the start the law sets is receipt, R.1111-1 al.4); the office's
        // suspensions move this one. Not with a CDSP referral: R.1111-5 fixes its 2 months from receipt of the initial request.
        if (completed is { } from && cdsp is null)
        {
            yield return new DeadlineDraft(setting, from, met)
            {
                FromCompleteRequest = true,
                Label = $"{setting.DisplayLabel()} – dossier complet",
                StartLabel = "du dossier complet",
                Notes = delayNotes,
            };
        }
        foreach (var draft in CadaRoute(r, clock, setting, met))
            yield return draft;
    }

    /// <summary>Which reading of the five-year rule gave the delay, and why (R.1111-1 al.4, R.1111-5).</summary>
    private static string DelayNote(AccessRequest r, InformationAgeReading age, DateOnly? cdsp, DelaySetting setting)
    {
        if (cdsp is { } referred)
            return $"CDSP saisie le {referred:dd/MM/yyyy} : {setting.DurationLabel()} à compter de la réception de la demande (CSP art. R.1111-5).";
        var reading = age.OlderThanFiveYears ? "plus de cinq ans" : "cinq ans au plus";
        if (age.Overridden)
        {
            var computed = age.Computed switch
            {
                true => "le calcul donnait plus de cinq ans",
                false => "le calcul donnait cinq ans au plus",
                null => "date des informations non renseignée",
            };
            return $"Ancienneté retenue par le service : {reading}, délai de {setting.DurationLabel()} ({computed}) ; motif : {r.InformationAgeOverrideReason?.Trim().TrimEnd('.')}.";
        }
        return r.MostRecentInformationOn is { } created
            ? $"Informations du {created:dd/MM/yyyy} : {reading} à la réception de la demande, délai de {setting.DurationLabel()} (CSP art. R.1111-1 al.4)."
            : $"Date de l'information la plus récente demandée non renseignée : délai de {setting.DurationLabel()}.";
    }

    /// <summary>
    /// CRPA R.311-13, L.342-1, R.343-1, R.343-3: after an express refusal, or a month's silence, the requester has 2 months to
    /// seize the CADA (a compulsory step before the administrative court), and the CADA gives its opinion within a month. These
    /// are the requester's and the CADA's time limits: they run on after the request is closed and never make it late.
    /// </summary>
    private static IEnumerable<DeadlineDraft> CadaRoute(AccessRequest r, LegalClock clock, DelaySetting delay, DateOnly? met)
    {
        var silence = clock.Setting(DelaySettings.AccessImplicitRefusal);
        // The silence is no refusal while L.1111-7 still gives the office time (the 2 months for older information): the
        // implicit refusal is born at the later of the month of R.311-13 and the legal delay (the office's reading).
        var month = silence.DueFrom(r.ReceivedOn);
        var legalDue = delay.DueFrom(r.ReceivedOn);
        var refused = Latest(r, null, RefusalSent) ?? (r.Status == CaseStatus.Refused ? r.ClosedOn : null);
        var abandoned = r.Status == CaseStatus.Abandoned ? r.ClosedOn : null;
        // An answer (the record communicated or offered, a refusal) or the request withdrawn ends the silence.
        var answered = Min(Min(met, refused), abandoned);
        yield return new DeadlineDraft(silence, r.ReceivedOn, answered)
        {
            Label = $"Refus implicite ({silence.DurationLabel()} de silence)",
            StartLabel = "de la réception de la demande",
            NeverSuspended = true,
            MinimumDue = legalDue,
            MinimumDueNote = $"Pas de refus implicite avant la fin du délai de {delay.DurationLabel()} de l'art. L.1111-7 (lecture du service).",
        };

        var implicitOn = legalDue > month ? legalDue : month;
        var referred = Latest(r, r.CadaReferredOn, CadaReferred);
        DeadlineDraft? referral = null;
        if (refused is { } express)
        {
            referral = new DeadlineDraft(clock.Setting(DelaySettings.AccessCadaReferral), express, referred)
            {
                StartLabel = "du refus motivé",
                Notes = [$"Refus motivé notifié le {express:dd/MM/yyyy} : le demandeur peut saisir la CADA, préalable obligatoire au recours devant le tribunal administratif."],
            };
        }
        else if (answered is null || answered > implicitOn)
        {
            // Silence until the implicit refusal. A record communicated later answers the request: the route stays shown only
            // once the requester took it.
            if (answered is null || referred is not null)
            {
                referral = new DeadlineDraft(clock.Setting(DelaySettings.AccessCadaReferral), implicitOn, referred)
                {
                    StartLabel = "du refus implicite",
                    Notes = [$"Refus implicite né le {implicitOn:dd/MM/yyyy} : ni communication ni proposition de consultation depuis la réception de la demande (CRPA art. R.311-13)."],
                };
            }
        }
        if (referral is not null)
            yield return referral with { Actor = Actor.Requester, RunsAfterClosing = true, NeverSuspended = true, ArisesOn = referral.StartOn };
        if (referred is { } on)
        {
            yield return new DeadlineDraft(clock.Setting(DelaySettings.AccessCadaOpinion), on, Latest(r, r.CadaOpinionOn, CadaOpinion))
            {
                StartLabel = "de la saisine de la CADA",
                Actor = Actor.Cada,
                RunsAfterClosing = true,
                NeverSuspended = true,
            };
        }
    }
}
