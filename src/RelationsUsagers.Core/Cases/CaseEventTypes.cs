namespace RelationsUsagers.Core.Cases;

/// <summary>A kind of fact that can be recorded on a case's timeline.</summary>
public sealed record CaseEventType(string Code, string Label);

/// <summary>Each kind's list of timeline events; the codes are stored, the labels shown.</summary>
public static class CaseEventTypes
{
    public const string Received = "received";
    public const string Note = "note";
    // Access requests (R.1111-1 to R.1111-8)
    public const string ProofsRequested = "proofs-requested";
    public const string ProofsComplete = "proofs-complete";
    public const string MedicalValidation = "medical-validation";
    public const string CdspReferred = "cdsp-referred";
    public const string CdspOpinion = "cdsp-opinion";
    public const string PaymentReceived = "payment-received";
    public const string CopySent = "copy-sent";
    public const string OnSiteConsultation = "on-site-consultation";
    public const string DeliveryAcknowledged = "delivery-acknowledged";
    // Complaints (R.1112-91 to R.1112-94)
    public const string AcknowledgementSent = "acknowledgement-sent";
    public const string SentToService = "sent-to-service";
    public const string ServiceReplied = "service-replied";
    public const string MediatorReferred = "mediator-referred";
    public const string MediationMeeting = "mediation-meeting";
    public const string MediationReportSent = "mediation-report-sent";
    public const string CduExamined = "cdu-examined";
    public const string AnswerSent = "answer-sent";
    // Indemnity claims (CJA R.421-1 to R.421-5, CSP L.1142-7 to L.1142-28)
    public const string InsurerDeclared = "insurer-declared";
    public const string CciReferred = "cci-referred";
    public const string CciOpinion = "cci-opinion";
    public const string InsurerOffer = "insurer-offer";
    public const string OfferAccepted = "offer-accepted";
    public const string CompensationPaid = "compensation-paid";
    public const string ExpressDecisionNotified = "express-decision-notified";
    public const string CourtReferred = "court-referred";
    public const string Consolidation = "consolidation";
    // Requisitions (CPP 56-3, 60-1, 77-1-1, 99-3)
    public const string SecrecyReviewed = "secrecy-reviewed";
    public const string ItemsSent = "items-sent";
    public const string RefusalSent = "refusal-sent";
    public const string RecordSeized = "record-seized";

    private static readonly CaseEventType[] Common =
    [
        new(Received, "Demande reçue"),
        new(Note, "Note"),
    ];

    private static readonly Dictionary<CaseKind, CaseEventType[]> ByKind = new()
    {
        [CaseKind.AccessRequest] =
        [
            new(ProofsRequested, "Pièces complémentaires demandées"),
            new(ProofsComplete, "Pièces complètes reçues"),
            new(MedicalValidation, "Validation médicale"),
            new(CdspReferred, "CDSP saisie"),
            new(CdspOpinion, "Avis de la CDSP reçu"),
            new(PaymentReceived, "Paiement reçu"),
            new(CopySent, "Copie envoyée"),
            new(OnSiteConsultation, "Consultation sur place"),
            new(DeliveryAcknowledged, "AR reçu"),
        ],
        [CaseKind.Complaint] =
        [
            new(AcknowledgementSent, "Accusé de réception envoyé"),
            new(SentToService, "Envoyé au service"),
            new(ServiceReplied, "Réponse du service reçue"),
            new(MediatorReferred, "Médiateur saisi"),
            new(MediationMeeting, "Rencontre de médiation"),
            new(MediationReportSent, "Compte rendu transmis au président de la CDU"),
            new(CduExamined, "Examiné en CDU"),
            new(AnswerSent, "Réponse envoyée"),
        ],
        [CaseKind.IndemnityClaim] =
        [
            new(AcknowledgementSent, "Accusé de réception envoyé"),
            new(InsurerDeclared, "Déclaré à l'assureur"),
            new(CciReferred, "CCI saisie"),
            new(CciOpinion, "Avis de la CCI reçu"),
            new(InsurerOffer, "Offre de l'assureur"),
            new(OfferAccepted, "Offre acceptée"),
            new(CompensationPaid, "Indemnité versée"),
            new(ExpressDecisionNotified, "Décision expresse notifiée"),
            new(CourtReferred, "Tribunal administratif saisi"),
            new(Consolidation, "Consolidation de l'état de santé"),
        ],
        [CaseKind.Requisition] =
        [
            new(SecrecyReviewed, "Examen du secret médical"),
            new(ItemsSent, "Pièces transmises"),
            new(RefusalSent, "Refus motivé envoyé"),
            new(RecordSeized, "Saisie du dossier (art. 56-3 CPP)"),
        ],
    };

    public static IReadOnlyList<CaseEventType> For(CaseKind kind) => [.. Common, .. ByKind[kind]];

    public static string LabelOf(string code) =>
        Common.Concat(ByKind.Values.SelectMany(v => v)).FirstOrDefault(t => t.Code == code)?.Label ?? code;
}
