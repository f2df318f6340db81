using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Clock;
using static RelationsUsagers.Core.Cases.CaseEventTypes;
using static RelationsUsagers.Core.Clock.DelaySettings;
using static RelationsUsagers.Core.Tests.Clock.ClockFixtures;

namespace RelationsUsagers.Core.Tests.Clock;

/// <summary>
/// The time limits of an indemnity claim worked out by hand: the court's (CJA R.421-1 to R.421-5, CRPA L.112-6), the
/// CCI's suspension (CSP L.1142-7), prescription (L.1142-28; C. civ. 2235, 2239, 2240; loi 68-1250), the insurer's (L.1142-14).
/// </summary>
public class ClaimClockTests
{
    /// <summary>Received 2 March 2026 with an acknowledgement carrying the R.112-5 mentions: implicit rejection on 2 May 2026.</summary>
    private static IndemnityClaim AcknowledgedClaim(params CaseEvent[] events)
    {
        var claim = Claim(D(2026, 3, 2), events);
        claim.AcknowledgementCarriedMentions = true;
        return claim;
    }

    [Fact]
    public void Implicit_rejection_turns_near_fifteen_days_before()
    {
        // Received 31 Jan → rejection 31 March; warned 15 days before (the setting): 16 March is near, 15 March is not.
        var claim = Claim(D(2026, 1, 31));
        Assert.Equal(DeadlineState.Upcoming, Compute(claim, D(2026, 3, 15)).Single(ClaimImplicitRejection).State);
        Assert.Equal(DeadlineState.Near, Compute(claim, D(2026, 3, 16)).Single(ClaimImplicitRejection).State);
        Assert.Equal(15, LegalClock.Default.Setting(ClaimImplicitRejection).WarningDays);
    }

    [Fact]
    public void Court_time_limit_runs_from_the_implicit_rejection_only_when_the_acknowledgement_carried_the_mentions()
    {
        // Implicit rejection 2 May 2026 + 2 months = 2 July 2026 (CJA R.421-2), the claimant's move.
        var court = Compute(AcknowledgedClaim(), D(2026, 5, 10)).Single(ClaimCourtTimeLimit);
        Assert.Equal((D(2026, 5, 2), D(2026, 7, 2), Actor.Requester), (court.StartOn, court.DueOn, court.Actor));
        Assert.Contains("décision implicite de rejet", court.Computation);
        // Without the mentions no time limit runs against the claimant (CRPA L.112-6).
        Assert.DoesNotContain(Compute(Claim(D(2026, 3, 2)), D(2026, 5, 10)), d => d.Code == ClaimCourtTimeLimit);
    }

    [Fact]
    public void Court_time_limit_runs_from_an_express_decision_that_states_the_remedies_and_the_CCI()
    {
        // Decision notified 20 April 2026 → 20 June 2026 (CJA R.421-1, R.421-5); without the mentions, none.
        var claim = AcknowledgedClaim(Event(ExpressDecisionNotified, D(2026, 4, 20)));
        Assert.DoesNotContain(Compute(claim, D(2026, 5, 1)), d => d.Code == ClaimCourtTimeLimit);
        claim.DecisionCarriedRemedies = true;
        var court = Compute(claim, D(2026, 5, 1)).Single(ClaimCourtTimeLimit);
        Assert.Equal((D(2026, 4, 20), D(2026, 6, 20), DeadlineState.Upcoming), (court.StartOn, court.DueOn, court.State));
    }

    [Fact]
    public void CCI_suspends_the_court_time_limit_until_the_decision_that_follows_its_opinion()
    {
        // Court time limit from the implicit rejection: 2 May → 2 July 2026. The CCI, seized 15 June (17 days left), suspends
        // it until the insurer's offer of 10 Feb 2027 that follows its opinion of 15 Dec 2026 — not until the opinion.
        // 15 June 2026 → 10 Feb 2027 = 240 days; 2 July 2026 + 240 days = 27 Feb 2027 (= 10 Feb + the 17 days left).
        var claim = AcknowledgedClaim(Event(CciReferred, D(2026, 6, 15)), Event(CciOpinion, D(2026, 12, 15)));
        claim.CciOpinionOutcome = CciOpinionOutcome.FaultInsurer;
        Assert.Equal(DeadlineState.Suspended, Compute(claim, D(2027, 1, 5)).Single(ClaimCourtTimeLimit).State);

        claim.Events.Add(Event(InsurerOffer, D(2027, 2, 10)));
        var court = Compute(claim, D(2027, 2, 15)).Single(ClaimCourtTimeLimit);
        // 12 days left, within the 15-day warning of the setting.
        Assert.Equal((D(2027, 2, 27), 240, DeadlineState.Near), (court.DueOn, court.SuspendedDays, court.State));
        var suspension = Assert.Single(court.Suspensions);
        Assert.Equal((D(2026, 6, 15), (DateOnly?)D(2027, 2, 10), 240), (suspension.From, suspension.To, suspension.Days));
        // The implicit rejection is not moved by the CCI.
        Assert.Equal(D(2026, 5, 2), Compute(claim, D(2027, 2, 15)).Single(ClaimImplicitRejection).DueOn);
    }

    [Fact]
    public void A_rejecting_opinion_ends_the_CCI_suspension_on_its_date()
    {
        // No offer follows a rejection: suspended 15 June → 15 Dec 2026 = 183 days; 2 July 2026 + 183 = 1 Jan 2027.
        var claim = AcknowledgedClaim(Event(CciReferred, D(2026, 6, 15)), Event(CciOpinion, D(2026, 12, 15)));
        claim.CciOpinionOutcome = CciOpinionOutcome.Rejected;
        var court = Compute(claim, D(2026, 12, 20)).Single(ClaimCourtTimeLimit);
        Assert.Equal((D(2027, 1, 1), 183), (court.DueOn, court.SuspendedDays));
    }

    [Fact]
    public void Court_time_limit_keeps_running_after_the_office_closes_the_case()
    {
        var claim = AcknowledgedClaim(Event(ExpressDecisionNotified, D(2026, 4, 20)));
        claim.DecisionCarriedRemedies = true;
        claim.Status = CaseStatus.Closed;
        claim.ClosedOn = D(2026, 4, 25);
        var court = Compute(claim, D(2026, 5, 1)).Single(ClaimCourtTimeLimit);
        Assert.Equal((null, DeadlineState.Upcoming), (court.DoneOn, court.State));
        // A court referral meets it.
        claim.Events.Add(Event(CourtReferred, D(2026, 6, 1)));
        Assert.Equal(DeadlineState.Done, Compute(claim, D(2026, 6, 2)).Single(ClaimCourtTimeLimit).State);
    }

    [Fact]
    public void Prescription_does_not_run_against_a_minor_until_majority()
    {
        // Born 10 May 2010, consolidated 1 Feb 2020 at nine: from majority, 10 May 2028, ten years → 10 May 2038 (C. civ. 2235).
        var claim = Claim(D(2026, 3, 2));
        claim.Patient.BirthDate = D(2010, 5, 10);
        claim.ConsolidatedOn = D(2020, 2, 1);
        var prescription = Compute(claim, D(2026, 3, 15)).Single(ClaimPrescription);
        Assert.Equal((D(2028, 5, 10), D(2038, 5, 10)), (prescription.StartOn, prescription.DueOn));
        Assert.Contains("2235", prescription.Computation);
        // An adult at consolidation: ten years from it.
        claim.Patient.BirthDate = D(1980, 1, 1);
        Assert.Equal(D(2030, 2, 1), Compute(claim, D(2026, 3, 15)).Single(ClaimPrescription).DueOn);
    }

    [Fact]
    public void Acknowledging_the_debt_starts_a_new_ten_years()
    {
        // Consolidated 15 March 2016 (barred 15 March 2026); the hospital acknowledged the debt on 1 Feb 2024: 1 Feb 2034 (C. civ. 2240).
        var claim = Claim(D(2023, 9, 1), Event(DebtAcknowledged, D(2024, 2, 1)));
        claim.ConsolidatedOn = D(2016, 3, 15);
        var prescription = Compute(claim, D(2026, 3, 15)).Single(ClaimPrescription);
        Assert.Equal((D(2024, 2, 1), D(2034, 2, 1)), (prescription.StartOn, prescription.DueOn));
        Assert.Contains("2240", prescription.Computation);
    }

    [Fact]
    public void Court_ordered_expertise_suspends_the_prescription_and_leaves_at_least_six_months()
    {
        // Consolidated 15 March 2016 → 15 March 2026. Expertise ordered 1 Feb 2026 (42 days left), carried out 1 March 2026:
        // 28 days suspended → 12 April 2026; but at least six months remain after it is carried out: 1 Sept 2026 (C. civ. 2239).
        var claim = Claim(D(2025, 12, 1), Event(ExpertiseOrdered, D(2026, 2, 1)), Event(ExpertiseCompleted, D(2026, 3, 1)));
        claim.ConsolidatedOn = D(2016, 3, 15);
        var prescription = Compute(claim, D(2026, 3, 15)).Single(ClaimPrescription);
        Assert.Equal((D(2026, 9, 1), 28), (prescription.DueOn, prescription.SuspendedDays));
        Assert.Contains("2239", prescription.Computation);

        // Ordered 1 March 2025, carried out 1 Dec 2025: 275 days → 15 Dec 2026, later than 1 June 2026: no floor.
        var earlier = Claim(D(2025, 1, 10), Event(ExpertiseOrdered, D(2025, 3, 1)), Event(ExpertiseCompleted, D(2025, 12, 1)));
        earlier.ConsolidatedOn = D(2016, 3, 15);
        var moved = Compute(earlier, D(2026, 3, 15)).Single(ClaimPrescription);
        Assert.Equal((D(2026, 12, 15), 275), (moved.DueOn, moved.SuspendedDays));
        Assert.DoesNotContain("six mois", moved.Computation);
    }

    [Fact]
    public void Claims_outside_care_follow_the_four_year_prescription()
    {
        // Belongings lost on 10 May 2024, written claim received 2 March 2026: it interrupts the count, which starts again on
        // 1 Jan 2027 for four years — barred on 1 Jan 2031, last day 31 Dec 2030 (loi 68-1250, art. 1 and 2).
        var claim = Claim(D(2026, 3, 2));
        claim.Damage = ClaimDamage.OutsideCare;
        claim.FactsOn = D(2024, 5, 10);
        claim.ConsolidatedOn = D(2024, 6, 1);
        var deadlines = Compute(claim, D(2026, 3, 15));
        var prescription = deadlines.Single(ClaimFourYearPrescription);
        Assert.Equal((D(2027, 1, 1), D(2030, 12, 31), Actor.Requester), (prescription.StartOn, prescription.DueOn, prescription.Actor));
        Assert.DoesNotContain(deadlines, d => d.Code == ClaimPrescription);
        // Received on 31 December 2025: from 1 Jan 2026, last day 31 Dec 2029.
        var lastDay = Claim(D(2025, 12, 31));
        lastDay.Damage = ClaimDamage.OutsideCare;
        Assert.Equal(D(2029, 12, 31), Compute(lastDay, D(2026, 3, 15)).Single(ClaimFourYearPrescription).DueOn);
    }

    [Fact]
    public void Insurer_offer_and_payment_run_from_the_insurer_s_own_receipt()
    {
        // Opinion 31 Oct 2026, received by the insurer 5 Nov → offer by 5 March 2027; acceptance 10 Jan 2027 received
        // 15 Jan → payment by 15 Feb 2027 (L.1142-14).
        var claim = Claim(D(2026, 3, 2), Event(CciReferred, D(2026, 5, 4)), Event(CciOpinion, D(2026, 10, 31)),
            Event(InsurerOffer, D(2026, 12, 1)), Event(OfferAccepted, D(2027, 1, 10)));
        claim.CciOpinionOutcome = CciOpinionOutcome.FaultInsurer;
        claim.InsurerOpinionReceivedOn = D(2026, 11, 5);
        claim.InsurerAcceptanceReceivedOn = D(2027, 1, 15);
        var deadlines = Compute(claim, D(2027, 1, 20));
        Assert.Equal((D(2026, 11, 5), D(2027, 3, 5)), (deadlines.Single(ClaimInsurerOffer).StartOn, deadlines.Single(ClaimInsurerOffer).DueOn));
        Assert.Equal((D(2027, 1, 15), D(2027, 2, 15)), (deadlines.Single(ClaimPayment).StartOn, deadlines.Single(ClaimPayment).DueOn));

        // Receipt unknown: counted from the opinion (31 Oct → 28 Feb 2027), and the explanation says so.
        claim.InsurerOpinionReceivedOn = null;
        var offer = Compute(claim, D(2027, 1, 20)).Single(ClaimInsurerOffer);
        Assert.Equal(D(2027, 2, 28), offer.DueOn);
        Assert.Contains("non renseignée", offer.Computation);
    }

    [Fact]
    public void A_provisional_offer_calls_for_the_final_one_within_two_months_of_consolidation()
    {
        // Provisional offer 1 March 2027, consolidation 10 June 2027 → final offer by 10 Aug 2027 (L.1142-14 al.4), met on 1 Aug.
        var claim = Claim(D(2026, 3, 2), Event(CciReferred, D(2026, 5, 4)), Event(CciOpinion, D(2026, 10, 31)),
            Event(InsurerOffer, D(2027, 3, 1)), Event(Consolidation, D(2027, 6, 10)));
        claim.CciOpinionOutcome = CciOpinionOutcome.FaultInsurer;
        Assert.DoesNotContain(Compute(claim, D(2027, 6, 15)), d => d.Code == ClaimFinalOffer);
        claim.OfferIsProvisional = true;
        var final = Compute(claim, D(2027, 6, 15)).Single(ClaimFinalOffer);
        Assert.Equal((D(2027, 6, 10), D(2027, 8, 10), Actor.Insurer), (final.StartOn, final.DueOn, final.Actor));
        claim.Events.Add(Event(FinalOffer, D(2027, 8, 1)));
        Assert.Equal(DeadlineState.Done, Compute(claim, D(2027, 8, 2)).Single(ClaimFinalOffer).State);
    }
}
