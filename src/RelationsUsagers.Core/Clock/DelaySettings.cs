using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.Clock;

/// <summary>
/// The codes of every deadline and their default settings (CSP L.1111-7, R.1111-1, R.1112-92 to R.1112-94, L.1142-7 to L.1142-28; CJA R.421-2; CPP 60-1). [M] values are the office's
/// usual targets, not law: they are settings with a default, never hard-coded certainties.
/// </summary>
public static class DelaySettings
{
    public const string AccessReflection48h = "access.reflection-48h";
    public const string Access8Days = "access.8-days";
    public const string Access2Months = "access.2-months";
    public const string ComplaintAcknowledgement = "complaint.acknowledgement";
    public const string ComplaintMediationMeeting = "complaint.mediation-meeting";
    public const string ComplaintMediationReport = "complaint.mediation-report";
    public const string ComplaintAnswerAfterCdu = "complaint.answer-after-cdu";
    public const string ComplaintAnswerTarget = "complaint.answer-target";
    public const string ClaimImplicitRejection = "claim.implicit-rejection";
    public const string ClaimInsurerDeclaration = "claim.insurer-declaration";
    public const string ClaimCciOpinion = "claim.cci-opinion";
    public const string ClaimInsurerOffer = "claim.insurer-offer";
    public const string ClaimPayment = "claim.payment";
    public const string ClaimPrescription = "claim.prescription";
    public const string ClaimCourtTimeLimit = "claim.court-time-limit";
    public const string ClaimFinalOffer = "claim.final-offer";
    public const string ClaimFourYearPrescription = "claim.prescription-four-years";
    public const string AccessImplicitRefusal = "access.implicit-refusal";
    public const string AccessCadaReferral = "access.cada-referral";
    public const string AccessCadaOpinion = "access.cada-opinion";
    public const string ComplaintReportForwarding = "complaint.report-forwarding";
    public const string ComplaintOralCopy = "complaint.oral-copy";
    public const string ComplaintDamageInformation = "complaint.damage-information";
    public const string RequisitionDueDate = "requisition.due-date";
    public const string WaitingReminder = "waiting.reminder";
    public const string ProtectionImplicitRejection = "protection.implicit-rejection";
    public const string ProtectionReasons = "protection.reasons";

    /// <summary>The default rows (new instances on each call, so that no caller can change the defaults of another).</summary>
    public static IReadOnlyList<DelaySetting> Defaults =>
    [
        // L.1111-7 al.2: communication no earlier than 48 h after the request (counted from the complete request).
        New(AccessReflection48h, 48, DelayUnit.Hours, CaseEventTypes.ProofsComplete, "CSP art. L.1111-7 al.2", "Délai de réflexion"),
        // L.1111-7 al.2; R.1111-1 al.4: 8 days from receipt of the request.
        New(Access8Days, 8, DelayUnit.Days, CaseEventTypes.Received, "CSP art. L.1111-7 al.2 ; R.1111-1 al.4", "Communication du dossier"),
        // L.1111-7 al.2: 2 months for information over five years old or when the CDSP is referred to (R.1111-5).
        New(Access2Months, 2, DelayUnit.Months, CaseEventTypes.Received, "CSP art. L.1111-7 al.2 ; R.1111-5", "Communication du dossier"),
        // CRPA R.311-13: a month's silence on a request for a document is a refusal; the CADA is then seized within 2 months
        // (L.342-1, R.343-1), before any court case, and gives its opinion within a month (R.343-3).
        New(AccessImplicitRefusal, 1, DelayUnit.Months, CaseEventTypes.Received, "CRPA art. R.311-13", "Refus implicite (silence d'un mois)"),
        New(AccessCadaReferral, 2, DelayUnit.Months, "Refus exprès ou implicite", "CRPA art. L.342-1, R.343-1", "Saisine de la CADA par le demandeur"),
        New(AccessCadaOpinion, 1, DelayUnit.Months, CaseEventTypes.CadaReferred, "CRPA art. R.343-3", "Avis de la CADA"),
        // R.1112-92 says "dans les meilleurs délais": 8 days is the office's target [M].
        New(ComplaintAcknowledgement, 8, DelayUnit.Days, CaseEventTypes.Received, "CSP art. R.1112-92 (cible interne)", "Accusé de réception"),
        New(ComplaintMediationMeeting, 8, DelayUnit.Days, CaseEventTypes.MediatorReferred, "CSP art. R.1112-93", "Rencontre avec le médiateur"),
        New(ComplaintMediationReport, 8, DelayUnit.Days, CaseEventTypes.MediationMeeting, "CSP art. R.1112-94 al.1", "Compte rendu de médiation au président de la CDU"),
        // R.1112-94 al.1 and R.1112-91 say "sans délai": flagged after two days [M].
        New(ComplaintReportForwarding, 2, DelayUnit.Days, CaseEventTypes.MediationReportSent, "CSP art. R.1112-94 al.1", "Envoi du compte rendu aux membres de la CDU et au plaignant"),
        New(ComplaintOralCopy, 2, DelayUnit.Days, CaseEventTypes.Received, "CSP art. R.1112-91", "Copie de la plainte orale consignée"),
        New(ComplaintDamageInformation, 15, DelayUnit.Days, "Découverte du dommage ou demande expresse", "CSP art. L.1142-4", "Entretien d'information sur le dommage"),
        New(ComplaintAnswerAfterCdu, 8, DelayUnit.Days, CaseEventTypes.CduExamined, "CSP art. R.1112-94 al.3", "Réponse au plaignant après la CDU"),
        // R.1112-92: no figure; one month is the usual internal target [M].
        New(ComplaintAnswerTarget, 1, DelayUnit.Months, CaseEventTypes.Received, "CSP art. R.1112-92 (cible interne)", "Réponse au plaignant"),
        // CRPA L.231-4, CJA R.421-2: silence for 2 months is a rejection; the CCI does not move it (L.1142-7 suspends the
        // court time limits and the prescription only). Warned 15 days before, so the office can still decide.
        New(ClaimImplicitRejection, 2, DelayUnit.Months, CaseEventTypes.Received, "CRPA art. L.231-4 ; CJA art. R.421-2", "Décision implicite de rejet", 15),
        // L.1142-2: the hospital must be insured; 15 days to declare is the office's target [M].
        New(ClaimInsurerDeclaration, 15, DelayUnit.Days, CaseEventTypes.Received, "CSP art. L.1142-2 (cible interne)", "Déclaration à l'assureur"),
        // L.1142-8 not checked against the text [M].
        New(ClaimCciOpinion, 6, DelayUnit.Months, CaseEventTypes.CciReferred, "CSP art. L.1142-8", "Avis de la CCI"),
        New(ClaimInsurerOffer, 4, DelayUnit.Months, CaseEventTypes.CciOpinion, "CSP art. L.1142-14", "Offre de l'assureur"),
        New(ClaimPayment, 1, DelayUnit.Months, CaseEventTypes.OfferAccepted, "CSP art. L.1142-14", "Paiement de l'indemnité"),
        New(ClaimPrescription, 10, DelayUnit.Years, CaseEventTypes.Consolidation, "CSP art. L.1142-28 ; L.1142-7 ; C. civ. art. 2235, 2239, 2240", "Prescription de l'action", 90),
        // CJA R.421-1, R.421-2, R.421-5; CRPA L.112-6: the claimant's 2 months to go to court, suspended by the CCI (L.1142-7).
        New(ClaimCourtTimeLimit, 2, DelayUnit.Months, "Décision expresse notifiée ou décision implicite de rejet", "CJA art. R.421-1, R.421-2, R.421-5 ; CRPA L.112-6 ; CSP L.1142-7", "Recours devant le tribunal administratif", 15),
        New(ClaimFinalOffer, 2, DelayUnit.Months, CaseEventTypes.Consolidation, "CSP art. L.1142-14 al.4", "Offre définitive de l'assureur"),
        // Loi 68-1250 art. 1 and 2: claims outside care (belongings), 4 years from the 1 January after the facts or the last written claim.
        New(ClaimFourYearPrescription, 4, DelayUnit.Years, "1er janvier suivant les faits ou la dernière réclamation écrite", "Loi n° 68-1250 du 31 décembre 1968, art. 1 et 2", "Prescription quadriennale", 90),
        // No legal delay: the authority sets the date (CPP 60-1, 77-1-1, 99-3); the duration is unused.
        New(RequisitionDueDate, 0, DelayUnit.Days, "DueOn (date fixée par l'autorité)", "CPP art. 60-1, 77-1-1, 99-3", "Réponse à la réquisition"),
        // Protection fonctionnelle: 2 months' silence on the agent's request is a rejection (CRPA L.231-4 5°, relations with
        // agents [M]); warned 15 days before, so the authority can still decide. Its reasons, when the agent asks for them,
        // within 1 month (CRPA L.232-4).
        New(ProtectionImplicitRejection, 2, DelayUnit.Months, CaseEventTypes.Received, "CRPA art. L.231-4 ; CGFP art. L.134-1", "Décision implicite de rejet (protection fonctionnelle)", 15),
        New(ProtectionReasons, 1, DelayUnit.Months, "Demande des motifs du rejet implicite", "CRPA art. L.232-4", "Communication des motifs du rejet implicite"),
        // No text: when a case waits on the requester, the CCI, the insurer..., the queue proposes a reminder after this [M].
        New(WaitingReminder, 15, DelayUnit.Days, "Mise en attente ou dernière relance", "Pratique du service", "Relance de la partie attendue"),
    ];

    /// <summary>"8 jours", "2 mois", "1 an".</summary>
    public static string DurationLabel(this DelaySetting setting) => $"{setting.Duration} {UnitLabel(setting)}";

    /// <summary>"Communication du dossier (8 jours)": the label with the current duration, so a new duration shows at once.</summary>
    public static string DisplayLabel(this DelaySetting setting) => setting.Code == RequisitionDueDate
        ? $"{setting.Label} (date fixée par l'autorité)"
        : $"{setting.Label} ({setting.Duration} {UnitLabel(setting)})";

    private static string UnitLabel(DelaySetting s) => s.Unit switch
    {
        DelayUnit.Days when s.Duration == 1 => "jour",
        DelayUnit.Hours when s.Duration == 1 => "heure",
        DelayUnit.Years when s.Duration == 1 => "an",
        _ => s.Unit.Label(),
    };

    private static DelaySetting New(string code, int duration, DelayUnit unit, string start, string article, string label,
        int warningDays = DelaySetting.DefaultWarningDays) =>
        new() { Code = code, Duration = duration, Unit = unit, StartEvent = start, Article = article, Label = label, WarningDays = warningDays };
}
