using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Complaints;
using static RelationsUsagers.Core.Cases.CaseEventTypes;
using static RelationsUsagers.Core.Clock.DelaySettings;
using static RelationsUsagers.Core.Tests.Clock.ClockFixtures;

namespace RelationsUsagers.Core.Tests.Clock;

/// <summary>Complaints (CSP R.1112-92 to R.1112-94) and the office's targets.</summary>
public class ComplaintClockTests
{
    [Fact]
    public void New_complaint_has_the_acknowledgement_and_answer_targets_only()
    {
        var deadlines = Compute(Complaint(D(2026, 3, 3)), D(2026, 3, 4));
        Assert.Equal([ComplaintAcknowledgement, ComplaintAnswerTarget], deadlines.Select(d => d.Code));
        Assert.Equal(D(2026, 3, 11), deadlines.Single(ComplaintAcknowledgement).DueOn);
        Assert.Equal(D(2026, 4, 3), deadlines.Single(ComplaintAnswerTarget).DueOn);
        Assert.Equal("CSP art. R.1112-92 (cible interne)", deadlines.Single(ComplaintAcknowledgement).Article);
    }

    [Fact]
    public void Acknowledgement_sent_on_the_eighth_day_is_on_time()
    {
        var complaint = Complaint(D(2026, 3, 3), Event(AcknowledgementSent, D(2026, 3, 11)));
        Assert.Equal(DeadlineState.Done, Compute(complaint, D(2026, 3, 12)).Single(ComplaintAcknowledgement).State);
    }

    [Fact]
    public void Mediator_meets_the_complainant_within_8_days_of_the_referral()
    {
        var complaint = Complaint(D(2026, 3, 3), Event(MediatorReferred, D(2026, 3, 5)), Event(MediationMeeting, D(2026, 3, 12)));
        var meeting = Compute(complaint, D(2026, 3, 14)).Single(ComplaintMediationMeeting);
        Assert.Equal((D(2026, 3, 5), D(2026, 3, 13), D(2026, 3, 12), DeadlineState.Done),
            (meeting.StartOn, meeting.DueOn, meeting.DoneOn, meeting.State));
        Assert.Equal("CSP art. R.1112-93", meeting.Article);
    }

    [Fact]
    public void Mediation_report_sent_9_days_after_the_meeting_is_late()
    {
        var complaint = Complaint(D(2026, 3, 3), Event(MediatorReferred, D(2026, 3, 5)), Event(MediationMeeting, D(2026, 3, 12)),
            Event(MediationReportSent, D(2026, 3, 21)));
        var report = Compute(complaint, D(2026, 3, 25)).Single(ComplaintMediationReport);
        Assert.Equal((D(2026, 3, 20), DeadlineState.DoneLate), (report.DueOn, report.State));
        Assert.Equal("CSP art. R.1112-94 al.1", report.Article);
    }

    [Fact]
    public void Answer_after_the_CDU_ignores_an_answer_sent_before_the_meeting()
    {
        var complaint = Complaint(D(2026, 3, 3), Event(AnswerSent, D(2026, 3, 25)));
        complaint.CduMeetingOn = D(2026, 4, 2);
        var deadlines = Compute(complaint, D(2026, 4, 9));
        var afterCdu = deadlines.Single(ComplaintAnswerAfterCdu);
        Assert.Equal((D(2026, 4, 10), null, DeadlineState.Near), (afterCdu.DueOn, afterCdu.DoneOn, afterCdu.State));
        Assert.Equal("CSP art. R.1112-94 al.3", afterCdu.Article);
        // The first answer met the one-month target (3 April).
        var target = deadlines.Single(ComplaintAnswerTarget);
        Assert.Equal((D(2026, 3, 25), DeadlineState.Done), (target.DoneOn, target.State));
    }

    [Fact]
    public void CDU_meeting_and_answer_recorded_on_the_timeline_give_the_same_clock()
    {
        var complaint = Complaint(D(2026, 3, 3), Event(CduExamined, D(2026, 4, 2)), Event(AnswerSent, D(2026, 4, 10)));
        var afterCdu = Compute(complaint, D(2026, 4, 20)).Single(ComplaintAnswerAfterCdu);
        Assert.Equal((D(2026, 4, 2), D(2026, 4, 10), D(2026, 4, 10), DeadlineState.Done),
            (afterCdu.StartOn, afterCdu.DueOn, afterCdu.DoneOn, afterCdu.State));
    }

    [Fact]
    public void Answer_column_sent_11_April_misses_the_CDU_deadline()
    {
        var complaint = Complaint(D(2026, 3, 3));
        complaint.CduMeetingOn = D(2026, 4, 2);
        complaint.AnswerSentOn = D(2026, 4, 11);
        var deadlines = Compute(complaint, D(2026, 4, 20));
        Assert.Equal(DeadlineState.DoneLate, deadlines.Single(ComplaintAnswerAfterCdu).State);
        Assert.Equal(DeadlineState.DoneLate, deadlines.Single(ComplaintAnswerTarget).State);
    }

    [Fact]
    public void Praise_has_no_deadline()
    {
        var praise = Complaint(D(2026, 3, 3));
        praise.Nature = ComplaintNature.Praise;
        Assert.Empty(Compute(praise, D(2026, 4, 20)));
    }

    [Theory]
    [InlineData(8, DeadlineState.Upcoming)]
    [InlineData(9, DeadlineState.Near)]
    [InlineData(11, DeadlineState.Near)]
    [InlineData(12, DeadlineState.Overdue)]
    public void Acknowledgement_due_11_March_is_near_two_days_before_and_overdue_the_day_after(int day, DeadlineState state) =>
        Assert.Equal(state, Compute(Complaint(D(2026, 3, 3)), D(2026, 3, day)).Single(ComplaintAcknowledgement).State);

    [Fact]
    public void Next_due_date_is_the_earliest_running_deadline()
    {
        var complaint = Complaint(D(2026, 3, 3), Event(AcknowledgementSent, D(2026, 3, 4)), Event(MediatorReferred, D(2026, 3, 5)));
        Assert.Equal(D(2026, 3, 13), RelationsUsagers.Core.Queue.QueueColumns.OfficeNext(Compute(complaint, D(2026, 3, 6))).DueOn);
        // Suspending the mediation clock leaves the one-month answer target (3 April) first.
        var suspended = Compute(complaint, D(2026, 3, 6), Suspension(D(2026, 3, 6), null, ComplaintMediationMeeting));
        Assert.Equal(DeadlineState.Suspended, suspended.Single(ComplaintMediationMeeting).State);
        Assert.Equal(D(2026, 4, 3), RelationsUsagers.Core.Queue.QueueColumns.OfficeNext(suspended).DueOn);
    }
}
