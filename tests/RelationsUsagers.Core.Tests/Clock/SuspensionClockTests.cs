using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using static RelationsUsagers.Core.Clock.DelaySettings;
using static RelationsUsagers.Core.Tests.Clock.ClockFixtures;

namespace RelationsUsagers.Core.Tests.Clock;

/// <summary>Suspended calendar days move the due date later by as many days (L.1142-7 for the CCI; manual suspensions).</summary>
public class SuspensionClockTests
{
    /// <summary>
    /// A record-access request complete on the day it was received: its operational deadline (the office's, from the complete
    /// request) is the one suspensions move — no text suspends the legal one (L.1111-7, R.1111-1 al.4).
    /// </summary>
    private static RelationsUsagers.Core.AccessRequests.AccessRequest CompleteOnReceipt(DateOnly receivedOn)
    {
        var request = Access(receivedOn);
        request.CompletedOn = receivedOn;
        return request;
    }

    // Record access received and complete on 3 March 2026: 8 days → 11 March without suspension.
    private static Deadline Office(DateOnly today, params ClockSuspension[] suspensions) =>
        Compute(CompleteOnReceipt(D(2026, 3, 3)), today, suspensions).Operational(Access8Days);

    [Fact]
    public void Suspension_spanning_the_end_of_January_moves_2_February_to_8_February()
    {
        // Received 25 Jan → 2 Feb; suspended 28, 29, 30, 31 Jan, 1, 2 Feb (resumed on 3 Feb) = 6 days.
        var operational = Compute(CompleteOnReceipt(D(2026, 1, 25)), D(2026, 2, 4), Suspension(D(2026, 1, 28), D(2026, 2, 3))).Operational(Access8Days);
        Assert.Equal((D(2026, 2, 8), 6, DeadlineState.Upcoming), (operational.DueOn, operational.SuspendedDays, operational.State));
    }

    [Fact]
    public void Suspension_spanning_the_end_of_March_moves_a_two_month_deadline_from_31_March_to_3_April()
    {
        // Information of 2015: more than five years old on 31 January 2026 → 2 months (R.1111-1 al.4).
        var request = CompleteOnReceipt(D(2026, 1, 31));
        request.MostRecentInformationOn = D(2015, 6, 30);
        var operational = Compute(request, D(2026, 4, 2), Suspension(D(2026, 3, 30), D(2026, 4, 2))).Operational(Access2Months);
        Assert.Equal((D(2026, 4, 3), 3, DeadlineState.Near), (operational.DueOn, operational.SuspendedDays, operational.State));
    }

    [Fact]
    public void The_day_of_receipt_is_not_a_day_of_the_delay() =>
        Assert.Equal(D(2026, 3, 12), Office(D(2026, 3, 6), Suspension(D(2026, 3, 3), D(2026, 3, 5))).DueOn);

    [Fact]
    public void Suspension_after_the_due_date_changes_nothing()
    {
        var office = Office(D(2026, 3, 15), Suspension(D(2026, 3, 12), D(2026, 3, 14)));
        Assert.Equal((D(2026, 3, 11), 0, DeadlineState.Overdue), (office.DueOn, office.SuspendedDays, office.State));
    }

    [Fact]
    public void Suspension_opened_after_the_due_date_leaves_it_overdue()
    {
        var office = Office(D(2026, 3, 15), Suspension(D(2026, 3, 12), null));
        Assert.Equal((D(2026, 3, 11), DeadlineState.Overdue), (office.DueOn, office.State));
        Assert.Equal(D(2026, 3, 11), RelationsUsagers.Core.Queue.QueueColumns.OfficeNext([office]).DueOn);
    }

    [Fact]
    public void Suspension_from_the_due_day_moves_it() =>
        Assert.Equal(D(2026, 3, 13), Office(D(2026, 3, 14), Suspension(D(2026, 3, 11), D(2026, 3, 13))).DueOn);

    [Fact]
    public void Suspension_longer_than_the_rest_of_the_delay_pushes_past_its_end()
    {
        // 6 days run (4–9 March), 10–19 March suspended, the last 2 days are 20 and 21 March.
        Assert.Equal(D(2026, 3, 21), Office(D(2026, 3, 20), Suspension(D(2026, 3, 10), D(2026, 3, 20))).DueOn);
    }

    [Fact]
    public void A_second_suspension_counts_once_the_first_has_moved_the_due_date()
    {
        // 5–7 March → due 14 March; 12–13 March now fall before it → 16 March.
        var office = Office(D(2026, 3, 15), Suspension(D(2026, 3, 5), D(2026, 3, 8)), Suspension(D(2026, 3, 12), D(2026, 3, 14)));
        Assert.Equal((D(2026, 3, 16), 5), (office.DueOn, office.SuspendedDays));
    }

    [Fact]
    public void Overlapping_suspensions_count_each_day_once()
    {
        // All clocks 5–7 March and this clock 6–9 March: 5 to 9 March = 5 days.
        var office = Office(D(2026, 3, 12), Suspension(D(2026, 3, 5), D(2026, 3, 8)), Suspension(D(2026, 3, 6), D(2026, 3, 10), Access8Days));
        Assert.Equal(D(2026, 3, 16), office.DueOn);
    }

    [Fact]
    public void Open_suspension_counts_every_day_up_to_today_and_shows_suspended()
    {
        var office = Office(D(2026, 3, 9), Suspension(D(2026, 3, 6), null));
        Assert.Equal((D(2026, 3, 15), 4, DeadlineState.Suspended), (office.DueOn, office.SuspendedDays, office.State));
    }

    [Fact]
    public void Resumed_clock_runs_again_from_the_resumption_day()
    {
        var office = Office(D(2026, 3, 10), Suspension(D(2026, 3, 6), D(2026, 3, 9)));
        Assert.Equal((D(2026, 3, 14), DeadlineState.Upcoming), (office.DueOn, office.State));
    }

    [Fact]
    public void Suspension_of_one_clock_leaves_the_others_running()
    {
        var deadlines = Compute(Complaint(D(2026, 3, 3)), D(2026, 3, 10), Suspension(D(2026, 3, 5), null, ComplaintAcknowledgement));
        Assert.Equal((D(2026, 3, 17), DeadlineState.Suspended),
            (deadlines.Single(ComplaintAcknowledgement).DueOn, deadlines.Single(ComplaintAcknowledgement).State));
        Assert.Equal((D(2026, 4, 3), DeadlineState.Upcoming),
            (deadlines.Single(ComplaintAnswerTarget).DueOn, deadlines.Single(ComplaintAnswerTarget).State));
    }

    [Fact]
    public void Deadline_met_during_an_open_suspension_is_done_and_stops_counting()
    {
        var request = CompleteOnReceipt(D(2026, 3, 3));
        request.SentOn = D(2026, 3, 9);
        var operational = Compute(request, D(2026, 3, 20), Suspension(D(2026, 3, 5), null)).Operational(Access8Days);
        Assert.Equal((D(2026, 3, 16), D(2026, 3, 9), DeadlineState.Done), (operational.DueOn, operational.DoneOn, operational.State));
    }

    [Fact]
    public void Suspension_moves_the_operational_record_access_deadline_only_never_the_legal_one_nor_the_reflection_floor()
    {
        // Received 3 March, complete 4 March; suspended 5 and 6 March (resumed on the 7th).
        var request = Access(D(2026, 3, 3));
        request.CompletedOn = D(2026, 3, 4);
        var deadlines = Compute(request, D(2026, 3, 10), Suspension(D(2026, 3, 5), D(2026, 3, 7)));
        // L.1111-7, R.1111-1 al.4: no text suspends the legal delay, 3 March + 8 days = 11 March, whatever the office's stop-the-clock.
        var legal = deadlines.Single(Access8Days);
        Assert.Equal((D(2026, 3, 11), 0, true), (legal.DueOn, legal.SuspendedDays, legal.NeverSuspended));
        Assert.Contains("Les suspensions du service ne le déplacent pas : aucun texte ne suspend ce délai.", legal.Notes);
        // The office's practice: 4 March + 8 days = 12 March, + 2 suspended days = 14 March.
        Assert.Equal((D(2026, 3, 14), 2), (deadlines.Operational(Access8Days).DueOn, deadlines.Operational(Access8Days).SuspendedDays));
        Assert.Equal(D(2026, 3, 6), deadlines.Single(AccessReflection48h).DueOn);
    }

    [Fact]
    public void A_whole_case_suspension_of_a_record_request_leaves_its_legal_date_running_in_the_queue()
    {
        // Received 3 March, complete 4 March, every clock suspended from 5 March: the operational deadline is suspended,
        // the legal one (11 March) still runs and is the office's next deadline.
        var request = Access(D(2026, 3, 3));
        request.CompletedOn = D(2026, 3, 4);
        var deadlines = Compute(request, D(2026, 3, 9), Suspension(D(2026, 3, 5), null));
        Assert.Equal(DeadlineState.Suspended, deadlines.Operational(Access8Days).State);
        Assert.Equal((D(2026, 3, 11), DeadlineState.Near), (deadlines.Single(Access8Days).DueOn, deadlines.Single(Access8Days).State));
        Assert.Equal((D(2026, 3, 11), Access8Days, false), RelationsUsagers.Core.Queue.QueueColumns.OfficeNext(deadlines));
    }

    [Fact]
    public void Every_code_is_produced_by_some_kind_of_case()
    {
        var codes = new[] { AccessSamples(), ComplaintSamples(), ClaimSamples(), RequisitionSamples(), ProtectionSamples() }
            .SelectMany(files => files).SelectMany(f => Compute(f, D(2026, 3, 10))).Select(d => d.Code).ToHashSet();
        // The reminder delay is the queue's, not a deadline of the case (QueueColumns).
        Assert.Equal(Defaults.Select(s => s.Code).Where(c => c != DelaySettings.WaitingReminder).Order(), codes.Order());
    }

    // One sample list per kind, so that each kind's rules grow their own samples.
    private static IEnumerable<CaseFile> AccessSamples()
    {
        var access = Access(D(2026, 3, 3));
        access.CompletedOn = D(2026, 3, 4);
        var oldAccess = Access(D(2026, 3, 3));
        oldAccess.MostRecentInformationOn = D(2019, 5, 6);
        // Refused on 20 January, the CADA seized on 10 February: the implicit-refusal deadline, the referral and the opinion.
        var refused = Access(D(2026, 1, 5), Event(CaseEventTypes.RefusalSent, D(2026, 1, 20)), Event(CaseEventTypes.CadaReferred, D(2026, 2, 10)));
        (refused.Status, refused.ClosedOn, refused.RefusalReason) = (CaseStatus.Refused, D(2026, 1, 20), "Dossier détruit.");
        return [access, oldAccess, refused];
    }

    private static IEnumerable<CaseFile> ComplaintSamples()
    {
        // An oral complaint written down, with a damage associated with care, mediated, reported and examined by the CDU.
        var complaint = Complaint(D(2026, 3, 3), Event(CaseEventTypes.MediatorReferred, D(2026, 3, 4)),
            Event(CaseEventTypes.MediationMeeting, D(2026, 3, 6)), Event(CaseEventTypes.MediationReportSent, D(2026, 3, 7)),
            Event(CaseEventTypes.CduExamined, D(2026, 3, 9)));
        complaint.Channel = Channel.OralRecorded;
        complaint.CareRelatedDamage = true;
        return [complaint];
    }

    private static IEnumerable<CaseFile> ClaimSamples()
    {
        var claim = Claim(D(2026, 3, 3), Event(CaseEventTypes.CciReferred, D(2026, 3, 4)), Event(CaseEventTypes.CciOpinion, D(2026, 3, 5)),
            Event(CaseEventTypes.InsurerOffer, D(2026, 3, 5)), Event(CaseEventTypes.OfferAccepted, D(2026, 3, 6)),
            Event(CaseEventTypes.Consolidation, D(2026, 3, 7)));
        claim.AcknowledgementCarriedMentions = true;
        claim.OfferIsProvisional = true;
        var belongings = Claim(D(2026, 3, 3));
        belongings.Damage = Claims.ClaimDamage.OutsideCare;
        return [claim, belongings];
    }

    private static IEnumerable<CaseFile> ProtectionSamples()
    {
        // Received 05/01, silent for 2 months: the agent asks for the reasons on 06/03.
        var silent = new RelationsUsagers.Core.FunctionalProtection.ProtectionCase
            { ReceivedOn = D(2026, 1, 5), Events = [Event(RelationsUsagers.Core.FunctionalProtection.ProtectionKind.ReasonsRequested, D(2026, 3, 6))] };
        return [silent];
    }

    private static IEnumerable<CaseFile> RequisitionSamples()
    {
        // Due 20 March, extended by the authority on 9 March to 3 April.
        var extended = Requisition(D(2026, 3, 3), D(2026, 4, 3), Event(CaseEventTypes.DueDateExtended, D(2026, 3, 9)));
        extended.InitialDueOn = D(2026, 3, 20);
        return [Requisition(D(2026, 3, 3), D(2026, 3, 20)), extended];
    }
}
