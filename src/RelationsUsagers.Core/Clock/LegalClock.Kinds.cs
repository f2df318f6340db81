using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Requisitions;
using static RelationsUsagers.Core.Cases.CaseEventTypes;
using static RelationsUsagers.Core.Clock.CaseFacts;

namespace RelationsUsagers.Core.Clock;

/// <summary>Which deadlines each kind of case has, and which facts start and meet them.</summary>
public sealed partial class LegalClock
{
    /// <summary>Record access: RULES.md §1.2 and §1.4.</summary>
    private IEnumerable<Draft> Access(AccessRequest r)
    {
        var sent = FirstFrom(r, r.ReceivedOn, r.SentOn, CopySent, OnSiteConsultation);
        var completed = Latest(r, r.CompletedOn, ProofsComplete);
        var cdsp = Latest(r, r.CdspReferredOn, CdspReferred);
        // L.1111-7 al.2: 2 months for information over five years old or when the CDSP is referred to.
        var setting = Setting(r.InformationOlderThanFiveYears || cdsp is not null ? DelaySettings.Access2Months : DelaySettings.Access8Days);
        var floor = Setting(DelaySettings.AccessReflection48h);
        // The 48 h run from the complete request (README), from receipt while it is not complete.
        yield return new Draft(floor, completed ?? r.ReceivedOn, sent) { IsFloor = true, FromCompleteRequest = completed is not null };
        // R.1111-1 al.4: the legal delay runs from receipt of the request.
        yield return new Draft(setting, r.ReceivedOn, sent);
        // Office practice: also from the complete request (RULES.md §1.2, not settled). Not with a CDSP referral:
        // R.1111-5 fixes its 2 months from receipt of the initial request.
        if (completed is { } from && cdsp is null)
        {
            yield return new Draft(setting, from, sent)
            {
                FromCompleteRequest = true,
                Label = $"{setting.DisplayLabel()} – dossier complet",
            };
        }
    }

    /// <summary>Complaints: RULES.md §2 (R.1112-92 to R.1112-94).</summary>
    private IEnumerable<Draft> ComplaintDeadlines(Complaint c)
    {
        // R.1112-92 covers complaints and grievances; praise has no deadline.
        if (c.Nature == ComplaintNature.Praise)
            yield break;
        yield return new Draft(Setting(DelaySettings.ComplaintAcknowledgement), c.ReceivedOn,
            FirstFrom(c, c.ReceivedOn, null, AcknowledgementSent));
        // R.1112-93: the mediator meets the complainant within 8 days of being referred to.
        if (Latest(c, null, MediatorReferred) is { } referred)
            yield return new Draft(Setting(DelaySettings.ComplaintMediationMeeting), referred, FirstFrom(c, referred, null, MediationMeeting));
        // R.1112-94 al.1: the report reaches the CDU president within 8 days of the meeting.
        if (Latest(c, null, MediationMeeting) is { } met)
            yield return new Draft(Setting(DelaySettings.ComplaintMediationReport), met, FirstFrom(c, met, null, MediationReportSent));
        // R.1112-94 al.3: the director answers within 8 days of the CDU meeting; an earlier answer does not count.
        if (Latest(c, c.CduMeetingOn, CduExamined) is { } cdu)
            yield return new Draft(Setting(DelaySettings.ComplaintAnswerAfterCdu), cdu, FirstFrom(c, cdu, c.AnswerSentOn, AnswerSent));
        yield return new Draft(Setting(DelaySettings.ComplaintAnswerTarget), c.ReceivedOn,
            FirstFrom(c, c.ReceivedOn, c.AnswerSentOn, AnswerSent));
    }

    /// <summary>Indemnity claims: RULES.md §4 (CJA R.421-2; CSP L.1142-7 to L.1142-28).</summary>
    private IEnumerable<Draft> Claim(IndemnityClaim c)
    {
        var cciFrom = Latest(c, c.CciReferredOn, CciReferred);
        var cciOpinion = cciFrom is { } f ? FirstFrom(c, f, c.CciOpinionOn, CciOpinion) : null;
        // L.1142-7: referral to the CCI suspends prescription and litigation time limits until the procedure ends;
        // the clock takes the CCI's opinion as that end (a manual suspension can extend it).
        IReadOnlyList<SuspendedPeriod> cci = cciFrom is { } from ? [new SuspendedPeriod(from, cciOpinion)] : [];

        yield return new Draft(Setting(DelaySettings.ClaimImplicitRejection), c.ReceivedOn,
            FirstFrom(c, c.ReceivedOn, c.ExpressDecisionNotifiedOn, ExpressDecisionNotified)) { AutoSuspensions = cci };
        yield return new Draft(Setting(DelaySettings.ClaimInsurerDeclaration), c.ReceivedOn,
            FirstFrom(c, c.ReceivedOn, c.InsurerDeclaredOn, InsurerDeclared));
        if (cciFrom is { } referred)
            yield return new Draft(Setting(DelaySettings.ClaimCciOpinion), referred, cciOpinion);
        // L.1142-14: the insurer offers within 4 months of the opinion, when the CCI found liability.
        var opinionOn = Latest(c, c.CciOpinionOn, CciOpinion);
        if (opinionOn is { } opinion && c.CciOpinionOutcome is null or CciOpinionOutcome.FaultInsurer)
            yield return new Draft(Setting(DelaySettings.ClaimInsurerOffer), opinion, FirstFrom(c, opinion, c.OfferOn, InsurerOffer));
        // L.1142-14: payment within 1 month of receiving the acceptance.
        if (Latest(c, c.AcceptedOn, OfferAccepted) is { } accepted)
            yield return new Draft(Setting(DelaySettings.ClaimPayment), accepted, FirstFrom(c, accepted, c.PaidOn, CompensationPaid));
        // L.1142-28: 10 years from consolidation; a court referral or the payment ends the watch.
        if (Latest(c, c.ConsolidatedOn, Consolidation) is { } consolidated)
        {
            var ended = Min(FirstFrom(c, consolidated, null, CourtReferred), FirstFrom(c, consolidated, c.PaidOn, CompensationPaid));
            yield return new Draft(Setting(DelaySettings.ClaimPrescription), consolidated, ended) { AutoSuspensions = cci };
        }
    }

    /// <summary>Requisitions: the date the authority set (RULES.md §5, no legal delay).</summary>
    private IEnumerable<Draft> RequisitionDeadlines(Requisition r)
    {
        if (r.DueOn is { } due)
        {
            yield return new Draft(Setting(DelaySettings.RequisitionDueDate), r.ReceivedOn,
                FirstFrom(r, r.ReceivedOn, r.ResponseSentOn, ItemsSent, RefusalSent)) { FixedDue = due };
        }
    }

    private static DateOnly? Min(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
