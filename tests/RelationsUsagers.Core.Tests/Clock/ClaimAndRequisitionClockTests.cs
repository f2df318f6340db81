using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Clock;
using static RelationsUsagers.Core.Cases.CaseEventTypes;
using static RelationsUsagers.Core.Clock.DelaySettings;
using static RelationsUsagers.Core.Tests.Clock.ClockFixtures;

namespace RelationsUsagers.Core.Tests.Clock;

/// <summary>Indemnity claims (CJA R.421-2; CSP L.1142-7 to L.1142-28) and requisitions (the authority's date).</summary>
public class ClaimAndRequisitionClockTests
{
    [Fact]
    public void Implicit_rejection_two_months_after_31_January_is_31_March()
    {
        var deadlines = Compute(Claim(D(2026, 1, 31)), D(2026, 2, 1));
        var rejection = deadlines.Single(ClaimImplicitRejection);
        Assert.Equal((D(2026, 3, 31), DeadlineState.Upcoming), (rejection.DueOn, rejection.State));
        Assert.Equal("CRPA art. L.231-4 ; CJA art. R.421-2", rejection.Article);
        Assert.Equal(D(2026, 2, 15), deadlines.Single(ClaimInsurerDeclaration).DueOn);
    }

    [Fact]
    public void Express_decision_and_insurer_declaration_meet_their_deadlines()
    {
        var claim = Claim(D(2026, 1, 31), Event(InsurerDeclared, D(2026, 2, 16)));
        claim.ExpressDecisionNotifiedOn = D(2026, 3, 15);
        var deadlines = Compute(claim, D(2026, 3, 20));
        Assert.Equal(DeadlineState.Done, deadlines.Single(ClaimImplicitRejection).State);
        Assert.Equal((D(2026, 2, 16), DeadlineState.DoneLate),
            (deadlines.Single(ClaimInsurerDeclaration).DoneOn, deadlines.Single(ClaimInsurerDeclaration).State));
    }

    [Fact]
    public void CCI_opinion_six_months_after_31_August_is_28_February()
    {
        var claim = Claim(D(2026, 8, 3));
        claim.CciReferredOn = D(2026, 8, 31);
        claim.CciOpinionOn = D(2027, 2, 26);
        var opinion = Compute(claim, D(2027, 3, 1)).Single(ClaimCciOpinion);
        Assert.Equal((D(2027, 2, 28), DeadlineState.Done), (opinion.DueOn, opinion.State));
    }

    [Fact]
    public void Insurer_offer_four_months_after_an_opinion_of_31_October_is_28_February()
    {
        var claim = Claim(D(2026, 3, 2), Event(CciReferred, D(2026, 5, 4)), Event(CciOpinion, D(2026, 10, 31)));
        claim.CciOpinionOutcome = CciOpinionOutcome.FaultInsurer;
        var offer = Compute(claim, D(2026, 11, 2)).Single(ClaimInsurerOffer);
        Assert.Equal((D(2026, 10, 31), D(2027, 2, 28)), (offer.StartOn, offer.DueOn));
    }

    [Fact]
    public void No_insurer_offer_is_expected_after_a_rejection_by_the_CCI()
    {
        var claim = Claim(D(2026, 3, 2));
        claim.CciReferredOn = D(2026, 5, 4);
        claim.CciOpinionOn = D(2026, 10, 31);
        claim.CciOpinionOutcome = CciOpinionOutcome.Rejected;
        Assert.DoesNotContain(Compute(claim, D(2026, 11, 2)), d => d.Code == ClaimInsurerOffer);
    }

    [Fact]
    public void Payment_one_month_after_an_acceptance_of_31_January_2028_is_29_February()
    {
        var claim = Claim(D(2027, 6, 1), Event(OfferAccepted, D(2028, 1, 31)), Event(CompensationPaid, D(2028, 3, 1)));
        var payment = Compute(claim, D(2028, 3, 2)).Single(ClaimPayment);
        Assert.Equal((D(2028, 2, 29), D(2028, 3, 1), DeadlineState.DoneLate), (payment.DueOn, payment.DoneOn, payment.State));
    }

    [Fact]
    public void Prescription_ten_years_after_a_consolidation_on_29_February_is_28_February()
    {
        var claim = Claim(D(2028, 1, 10));
        claim.ConsolidatedOn = D(2028, 2, 29);
        var prescription = Compute(claim, D(2028, 3, 1)).Single(ClaimPrescription);
        Assert.Equal((D(2038, 2, 28), DeadlineState.Upcoming), (prescription.DueOn, prescription.State));
        Assert.Equal("Prescription de l'action (10 ans)", prescription.Label);
    }

    [Fact]
    public void CCI_referral_does_not_move_the_implicit_rejection()
    {
        // Received 2 March → rejected on 2 May (CRPA L.231-4); the CCI seized on 10 March suspends the court time limits
        // and the prescription only (L.1142-7): the rejection stays on 2 May.
        var claim = Claim(D(2026, 3, 2));
        claim.CciReferredOn = D(2026, 3, 10);
        var rejection = Compute(claim, D(2026, 3, 15)).Single(ClaimImplicitRejection);
        Assert.Equal((D(2026, 5, 2), 0, DeadlineState.Upcoming), (rejection.DueOn, rejection.SuspendedDays, rejection.State));
    }

    [Fact]
    public void CCI_procedure_moves_the_prescription_until_the_decision_after_its_opinion()
    {
        // Consolidated 1 June 2026 → 1 June 2036. The CCI procedure runs from 1 Sept 2026 to the insurer's offer of 1 March
        // 2027 that follows its opinion (1 Feb 2027): Sept 30 + Oct 31 + Nov 30 + Dec 31 + Jan 31 + Feb 28 = 181 days
        // → 1 June 2036 + 181 days = 29 Nov 2036.
        var claim = Claim(D(2026, 3, 2), Event(Consolidation, D(2026, 6, 1)), Event(CciReferred, D(2026, 9, 1)),
            Event(CciOpinion, D(2027, 2, 1)), Event(InsurerOffer, D(2027, 3, 1)));
        claim.CciOpinionOutcome = CciOpinionOutcome.FaultInsurer;
        var deadlines = Compute(claim, D(2027, 3, 2));
        var prescription = deadlines.Single(ClaimPrescription);
        Assert.Equal((D(2036, 11, 29), 181, DeadlineState.Upcoming), (prescription.DueOn, prescription.SuspendedDays, prescription.State));
        var suspension = Assert.Single(prescription.Suspensions);
        Assert.Equal((D(2026, 9, 1), (DateOnly?)D(2027, 3, 1), 181), (suspension.From, suspension.To, suspension.Days));
        Assert.Contains("L.1142-7", suspension.Reason);
        Assert.Equal((D(2026, 5, 2), DeadlineState.Overdue),
            (deadlines.Single(ClaimImplicitRejection).DueOn, deadlines.Single(ClaimImplicitRejection).State));
    }

    [Fact]
    public void Court_referral_ends_the_prescription_watch()
    {
        var claim = Claim(D(2026, 3, 2), Event(CourtReferred, D(2027, 1, 4)));
        claim.ConsolidatedOn = D(2026, 6, 1);
        Assert.Equal(DeadlineState.Done, Compute(claim, D(2027, 2, 1)).Single(ClaimPrescription).State);
    }

    [Fact]
    public void Requisition_is_due_on_the_date_the_authority_set()
    {
        var requisition = Requisition(D(2026, 3, 2), D(2026, 3, 20));
        var due = Compute(requisition, D(2026, 3, 18)).Single(RequisitionDueDate);
        Assert.Equal((D(2026, 3, 2), D(2026, 3, 20), DeadlineState.Near), (due.StartOn, due.DueOn, due.State));
        Assert.Equal("CPP art. 60-1, 77-1-1, 99-3", due.Article);
    }

    [Fact]
    public void Requisition_answered_the_day_after_its_date_is_late()
    {
        var requisition = Requisition(D(2026, 3, 2), D(2026, 3, 20), Event(ItemsSent, D(2026, 3, 21)));
        Assert.Equal(DeadlineState.DoneLate, Compute(requisition, D(2026, 3, 25)).Single(RequisitionDueDate).State);
    }

    [Fact]
    public void Requisition_refused_on_its_date_is_on_time()
    {
        var requisition = Requisition(D(2026, 3, 2), D(2026, 3, 20), Event(RefusalSent, D(2026, 3, 20)));
        Assert.Equal(DeadlineState.Done, Compute(requisition, D(2026, 3, 25)).Single(RequisitionDueDate).State);
        var answered = Requisition(D(2026, 3, 2), D(2026, 3, 20));
        answered.ResponseSentOn = D(2026, 3, 19);
        Assert.Equal(D(2026, 3, 19), Compute(answered, D(2026, 3, 25)).Single(RequisitionDueDate).DoneOn);
    }

    [Fact]
    public void Requisition_without_a_date_has_no_deadline() =>
        Assert.Empty(Compute(Requisition(D(2026, 3, 2), null), D(2026, 3, 25)));
}
