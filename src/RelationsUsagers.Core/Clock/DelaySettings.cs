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
    public const string RequisitionDueDate = "requisition.due-date";
    public const string WaitingReminder = "waiting.reminder";

    /// <summary>The default rows (new instances on each call, so that no caller can change the defaults of another).</summary>
    public static IReadOnlyList<DelaySetting> Defaults =>
    [
        // L.1111-7 al.2: communication no earlier than 48 h after the request (counted from the complete request).
        New(AccessReflection48h, 48, DelayUnit.Hours, CaseEventTypes.ProofsComplete, "CSP art. L.1111-7 al.2", "Délai de réflexion"),
        // L.1111-7 al.2; R.1111-1 al.4: 8 days from receipt of the request.
        New(Access8Days, 8, DelayUnit.Days, CaseEventTypes.Received, "CSP art. L.1111-7 al.2 ; R.1111-1 al.4", "Communication du dossier"),
        // L.1111-7 al.2: 2 months for information over five years old or when the CDSP is referred to (R.1111-5).
        New(Access2Months, 2, DelayUnit.Months, CaseEventTypes.Received, "CSP art. L.1111-7 al.2 ; R.1111-5", "Communication du dossier"),
        // R.1112-92 says "dans les meilleurs délais": 8 days is the office's target [M].
        New(ComplaintAcknowledgement, 8, DelayUnit.Days, CaseEventTypes.Received, "CSP art. R.1112-92 (cible interne)", "Accusé de réception"),
        New(ComplaintMediationMeeting, 8, DelayUnit.Days, CaseEventTypes.MediatorReferred, "CSP art. R.1112-93", "Rencontre avec le médiateur"),
        New(ComplaintMediationReport, 8, DelayUnit.Days, CaseEventTypes.MediationMeeting, "CSP art. R.1112-94 al.1", "Compte rendu de médiation au président de la CDU"),
        New(ComplaintAnswerAfterCdu, 8, DelayUnit.Days, CaseEventTypes.CduExamined, "CSP art. R.1112-94 al.3", "Réponse au plaignant après la CDU"),
        // R.1112-92: no figure; one month is the usual internal target [M].
        New(ComplaintAnswerTarget, 1, DelayUnit.Months, CaseEventTypes.Received, "CSP art. R.1112-92 (cible interne)", "Réponse au plaignant"),
        New(ClaimImplicitRejection, 2, DelayUnit.Months, CaseEventTypes.Received, "CJA art. R.421-2 ; suspension CSP L.1142-7", "Décision implicite de rejet"),
        // L.1142-2: the hospital must be insured; 15 days to declare is the office's target [M].
        New(ClaimInsurerDeclaration, 15, DelayUnit.Days, CaseEventTypes.Received, "CSP art. L.1142-2 (cible interne)", "Déclaration à l'assureur"),
        // L.1142-8 not checked against the text [M].
        New(ClaimCciOpinion, 6, DelayUnit.Months, CaseEventTypes.CciReferred, "CSP art. L.1142-8", "Avis de la CCI"),
        New(ClaimInsurerOffer, 4, DelayUnit.Months, CaseEventTypes.CciOpinion, "CSP art. L.1142-14", "Offre de l'assureur"),
        New(ClaimPayment, 1, DelayUnit.Months, CaseEventTypes.OfferAccepted, "CSP art. L.1142-14", "Paiement de l'indemnité"),
        New(ClaimPrescription, 10, DelayUnit.Years, CaseEventTypes.Consolidation, "CSP art. L.1142-28 ; suspension L.1142-7", "Prescription de l'action"),
        // No legal delay: the authority sets the date (CPP 60-1, 77-1-1, 99-3); the duration is unused.
        New(RequisitionDueDate, 0, DelayUnit.Days, "DueOn (date fixée par l'autorité)", "CPP art. 60-1, 77-1-1, 99-3", "Réponse à la réquisition"),
        // No text: when a case waits on the requester, the CCI, the insurer..., the queue proposes a reminder after this [M].
        New(WaitingReminder, 15, DelayUnit.Days, "Mise en attente ou dernière relance", "Pratique du service", "Relance de la partie attendue"),
    ];

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

    private static DelaySetting New(string code, int duration, DelayUnit unit, string start, string article, string label) =>
        new() { Code = code, Duration = duration, Unit = unit, StartEvent = start, Article = article, Label = label };
}
