using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Requisitions;

namespace RelationsUsagers.Core.Cases;

/// <summary>
/// Recording a timeline event is how a fact enters a case: the event also fills the fact's column, so that
/// deadlines, the queue and the exports read the same date.
/// </summary>
public static class CaseEventFacts
{
    public static void Apply(CaseFile file, string type, DateOnly on)
    {
        switch (file, type)
        {
            case (AccessRequest r, CaseEventTypes.ProofsComplete): r.CompletedOn = on; break;
            case (AccessRequest r, CaseEventTypes.CopySent or CaseEventTypes.OnSiteConsultation): r.SentOn = on; break;
            case (AccessRequest r, CaseEventTypes.DeliveryAcknowledged): r.DeliveryAcknowledgedOn = on; break;
            case (AccessRequest r, CaseEventTypes.PaymentReceived): r.PaidOn = on; break;
            case (AccessRequest r, CaseEventTypes.CdspReferred): r.CdspReferredOn = on; break;
            case (Complaint c, CaseEventTypes.CduExamined): c.CduMeetingOn = on; break;
            case (Complaint c, CaseEventTypes.AnswerSent): c.AnswerSentOn = on; break;
            case (IndemnityClaim c, CaseEventTypes.InsurerDeclared): c.InsurerDeclaredOn = on; break;
            case (IndemnityClaim c, CaseEventTypes.CciReferred): c.CciReferredOn = on; break;
            case (IndemnityClaim c, CaseEventTypes.CciOpinion): c.CciOpinionOn = on; break;
            case (IndemnityClaim c, CaseEventTypes.InsurerOffer): c.OfferOn = on; break;
            case (IndemnityClaim c, CaseEventTypes.OfferAccepted): c.AcceptedOn = on; break;
            case (IndemnityClaim c, CaseEventTypes.CompensationPaid): c.PaidOn = on; break;
            case (IndemnityClaim c, CaseEventTypes.ExpressDecisionNotified): c.ExpressDecisionNotifiedOn = on; break;
            case (IndemnityClaim c, CaseEventTypes.Consolidation): c.ConsolidatedOn = on; break;
            case (Requisition r, CaseEventTypes.SecrecyReviewed): r.SecrecyReviewOn = on; break;
            case (Requisition r, CaseEventTypes.ItemsSent or CaseEventTypes.RefusalSent): r.ResponseSentOn = on; break;
            case (Requisition r, CaseEventTypes.RecordSeized): r.SeizureOn = on; break;
        }
    }

    /// <summary>
    /// The status a fact usually moves the case to ("copie envoyée" → communiqué); applied only when the kind's
    /// workflow allows that move from the current status, so an unusual path is never forced.
    /// </summary>
    public static CaseStatus? StatusAfter(CaseKind kind, string type) => (kind, type) switch
    {
        (CaseKind.AccessRequest, CaseEventTypes.ProofsRequested) => CaseStatus.AwaitingProofs,
        (CaseKind.AccessRequest, CaseEventTypes.ProofsComplete) => CaseStatus.Complete,
        (CaseKind.AccessRequest, CaseEventTypes.CopySent or CaseEventTypes.OnSiteConsultation) => CaseStatus.Sent,
        (CaseKind.Complaint, CaseEventTypes.AcknowledgementSent) => CaseStatus.Acknowledged,
        (CaseKind.Complaint, CaseEventTypes.SentToService) => CaseStatus.UnderInvestigation,
        (CaseKind.Complaint, CaseEventTypes.MediatorReferred) => CaseStatus.InMediation,
        (CaseKind.Complaint, CaseEventTypes.MediationReportSent) => CaseStatus.AwaitingCdu,
        (CaseKind.Complaint, CaseEventTypes.AnswerSent) => CaseStatus.Answered,
        (CaseKind.IndemnityClaim, CaseEventTypes.InsurerDeclared) => CaseStatus.DeclaredToInsurer,
        (CaseKind.IndemnityClaim, CaseEventTypes.CciReferred) => CaseStatus.CciProcedure,
        (CaseKind.IndemnityClaim, CaseEventTypes.CourtReferred) => CaseStatus.Litigation,
        (CaseKind.IndemnityClaim, CaseEventTypes.ExpressDecisionNotified) => CaseStatus.Answered,
        (CaseKind.Requisition, CaseEventTypes.SecrecyReviewed) => CaseStatus.SecrecyReview,
        (CaseKind.Requisition, CaseEventTypes.ItemsSent) => CaseStatus.Answered,
        _ => null,
    };

    /// <summary>
    /// The events that record a step whose date is a fact the clocks and exports read (the complete request, the copy sent,
    /// the answer...): a move to that status goes through one of them, with its date, never as a bare status change, so a
    /// request is never "communiqué" without the day it was. Empty for the other statuses.
    /// </summary>
    public static IReadOnlyList<string> EventsInto(CaseKind kind, CaseStatus status) => (kind, status) switch
    {
        (CaseKind.AccessRequest, CaseStatus.Complete) => [CaseEventTypes.ProofsComplete],
        (CaseKind.AccessRequest, CaseStatus.Sent) => [CaseEventTypes.CopySent, CaseEventTypes.OnSiteConsultation],
        (CaseKind.Complaint, CaseStatus.Answered) => [CaseEventTypes.AnswerSent],
        (CaseKind.IndemnityClaim, CaseStatus.DeclaredToInsurer) => [CaseEventTypes.InsurerDeclared],
        (CaseKind.IndemnityClaim, CaseStatus.CciProcedure) => [CaseEventTypes.CciReferred],
        (CaseKind.Requisition, CaseStatus.SecrecyReview) => [CaseEventTypes.SecrecyReviewed],
        (CaseKind.Requisition, CaseStatus.Answered) => [CaseEventTypes.ItemsSent],
        _ => [],
    };
}
