namespace RelationsUsagers.Core.Cases;

/// <summary>A kind of fact that can be recorded on a case's timeline.</summary>
public sealed record CaseEventType(string Code, string Label);

/// <summary>The codes of the timeline events (stored) and the events every kind shares; each kind lists its own in its definition.</summary>
public static class CaseEventTypes
{
    public const string Received = "received";
    public const string Note = "note";
    // Closing steps, shared by every kind: each records why the case ended.
    public const string Closed = "closed";
    public const string Abandoned = "abandoned";
    /// <summary>A reminder to whoever the case waits on (the requester's proofs or payment...).</summary>
    public const string Reminded = "reminded";
    /// <summary>A closed case reopened by a manager: written by the reopening only, never chosen in the timeline's list.</summary>
    public const string Reopened = "reopened";
    // Access requests (R.1111-1 to R.1111-8)
    public const string ProofsRequested = "proofs-requested";
    public const string ProofsComplete = "proofs-complete";
    public const string MedicalValidation = "medical-validation";
    public const string CdspReferred = "cdsp-referred";
    public const string CdspOpinion = "cdsp-opinion";
    public const string PaymentRequested = "payment-requested";
    public const string PaymentReceived = "payment-received";
    public const string CopySent = "copy-sent";
    public const string OnSiteConsultation = "on-site-consultation";
    public const string DeliveryAcknowledged = "delivery-acknowledged";
    public const string OnSiteOffered = "on-site-offered";
    public const string CadaReferred = "cada-referred";
    public const string CadaOpinion = "cada-opinion";
    // Complaints (R.1112-91 to R.1112-94)
    public const string AcknowledgementSent = "acknowledgement-sent";
    public const string SentToService = "sent-to-service";
    public const string ServiceReplied = "service-replied";
    public const string MediatorReferred = "mediator-referred";
    public const string MediationMeeting = "mediation-meeting";
    public const string MediationReportSent = "mediation-report-sent";
    public const string CduReferred = "cdu-referred";
    public const string CduExamined = "cdu-examined";
    public const string AnswerSent = "answer-sent";
    public const string OralCopyHanded = "oral-copy-handed";
    /// <summary>A mixed mediation (R.1112-92 al.2) meets each mediator: these say which one met the complainant.</summary>
    public const string MedicalMediationMeeting = "mediation-meeting-medical";
    public const string NonMedicalMediationMeeting = "mediation-meeting-non-medical";
    public const string MediationReportForwarded = "mediation-report-forwarded";
    public const string DamageInformationInterview = "damage-information-interview";
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
    public const string ExpertiseOrdered = "expertise-ordered";
    public const string ExpertiseCompleted = "expertise-completed";
    public const string DebtAcknowledged = "debt-acknowledged";
    public const string FinalOffer = "final-offer";
    // Requisitions (CPP 56-3, 60-1, 77-1-1, 99-3)
    public const string SecrecyReviewed = "secrecy-reviewed";
    public const string ItemsSent = "items-sent";
    public const string RefusalSent = "refusal-sent";
    public const string RecordSeized = "record-seized";
    public const string DueDateExtended = "due-date-extended";
    /// <summary>A patient or a staff member heard by the investigators.</summary>
    public const string Hearing = "hearing";
    // The insurer's legal cell, asked on a complex case (claims and requisitions; see InsurerLegalCell)
    public const string LegalCellReferred = "legal-cell-referred";
    public const string LegalCellAnswered = "legal-cell-answered";

    public static readonly IReadOnlyList<CaseEventType> Common =
    [
        new(Received, "Demande reçue"),
        new(Note, "Note"),
        new(Reminded, "Relance envoyée"),
        new(Closed, "Dossier clos"),
        new(Abandoned, "Classé sans suite"),
    ];

    /// <summary>Events that only an action of the portal records: no kind offers them, they are shown with their label.</summary>
    private static readonly CaseEventType[] RecordedByActions = [new(Reopened, "Dossier rouvert")];

    public static IReadOnlyList<CaseEventType> For(CaseKind kind) => CaseKinds.Of(kind).AllEventTypes;

    // Built on first use: the kinds' definitions themselves read Common.
    private static Dictionary<string, string>? labels;

    public static string LabelOf(string code) =>
        (labels ??= CaseKinds.All.SelectMany(d => d.AllEventTypes).Concat(RecordedByActions).DistinctBy(t => t.Code).ToDictionary(t => t.Code, t => t.Label))
        .GetValueOrDefault(code, code);
}
