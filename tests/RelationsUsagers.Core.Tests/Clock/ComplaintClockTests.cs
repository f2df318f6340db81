using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Complaints;
using static RelationsUsagers.Core.Cases.CaseEventTypes;
using static RelationsUsagers.Core.Clock.DelaySettings;
using static RelationsUsagers.Core.Tests.Clock.ClockFixtures;

namespace RelationsUsagers.Core.Tests.Clock;

/// <summary>Complaints (CSP R.1112-91 to R.1112-94, L.1142-4) and the office's targets.</summary>
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

    // ------------------------------------------------------------ R.1112-92: the answer acknowledges too

    [Fact]
    public void An_answer_sent_before_any_acknowledgement_meets_the_acknowledgement_target()
    {
        // Received 03/03/2026, target 8 days → 11/03; answered 09/03 with no acknowledgement: the answer acknowledged it.
        var complaint = Complaint(D(2026, 3, 3), Event(AnswerSent, D(2026, 3, 9)));
        var ack = Compute(complaint, D(2026, 3, 20)).Single(ComplaintAcknowledgement);
        Assert.Equal((D(2026, 3, 11), D(2026, 3, 9), DeadlineState.Done), (ack.DueOn, ack.DoneOn, ack.State));
        Assert.Equal(["Réponse envoyée le 09/03/2026 avant tout accusé de réception\u00A0: elle en tient lieu."], ack.Notes);
    }

    [Fact]
    public void An_answer_column_on_the_eighth_day_meets_the_acknowledgement_exactly_on_time()
    {
        // Received 03/03/2026 → 11/03; the answer's date typed in the form, 11/03, is the last day of the target.
        var complaint = Complaint(D(2026, 3, 3));
        complaint.AnswerSentOn = D(2026, 3, 11);
        var ack = Compute(complaint, D(2026, 3, 20)).Single(ComplaintAcknowledgement);
        Assert.Equal((D(2026, 3, 11), DeadlineState.Done), (ack.DoneOn, ack.State));
        Assert.Single(ack.Notes);
    }

    [Fact]
    public void An_answer_on_the_ninth_day_without_acknowledgement_meets_it_late()
    {
        // Received 03/03/2026 → 11/03; nothing before the answer of 12/03: done late, by the answer.
        var ack = Compute(Complaint(D(2026, 3, 3), Event(AnswerSent, D(2026, 3, 12))), D(2026, 3, 20)).Single(ComplaintAcknowledgement);
        Assert.Equal((D(2026, 3, 12), DeadlineState.DoneLate), (ack.DoneOn, ack.State));
    }

    [Fact]
    public void An_acknowledgement_before_the_answer_is_the_one_that_meets_it_and_needs_no_note()
    {
        var complaint = Complaint(D(2026, 3, 3), Event(AcknowledgementSent, D(2026, 3, 5)), Event(AnswerSent, D(2026, 3, 9)));
        var ack = Compute(complaint, D(2026, 3, 20)).Single(ComplaintAcknowledgement);
        Assert.Equal((D(2026, 3, 5), DeadlineState.Done), (ack.DoneOn, ack.State));
        Assert.Empty(ack.Notes);
    }

    // ------------------------------------------------------------ R.1112-93: before the hospitalised patient's discharge

    private static Complaint Hospitalised(DateOnly referredOn, DateOnly dischargeOn, bool hospitalised = true)
    {
        var complaint = Complaint(referredOn.AddDays(-2), Event(MediatorReferred, referredOn));
        complaint.PatientHospitalised = hospitalised;
        complaint.PlannedDischargeOn = dischargeOn;
        return complaint;
    }

    [Fact]
    public void Planned_discharge_inside_the_8_days_brings_the_meeting_forward()
    {
        // Referred 05/03/2026 → 13/03; the patient leaves on 09/03: the meeting is due before he goes, on 09/03.
        var meeting = Compute(Hospitalised(D(2026, 3, 5), D(2026, 3, 9)), D(2026, 3, 6)).Single(ComplaintMediationMeeting);
        Assert.Equal((D(2026, 3, 5), D(2026, 3, 9), DeadlineState.Upcoming), (meeting.StartOn, meeting.DueOn, meeting.State));
        Assert.Null(meeting.Duration);
        Assert.Equal(["Avancée à la sortie prévue du patient le 09/03/2026 (au lieu du 13/03/2026, 8 jours après la saisine)."], meeting.Notes);
    }

    [Fact]
    public void Discharge_on_29_February_of_a_leap_year_comes_before_4_March()
    {
        // Referred 25/02/2028 → 8 days → 04/03/2028 (February 2028 has 29 days); discharge 29/02 → due 29/02.
        var meeting = Compute(Hospitalised(D(2028, 2, 25), D(2028, 2, 29)), D(2028, 2, 26)).Single(ComplaintMediationMeeting);
        Assert.Equal(D(2028, 2, 29), meeting.DueOn);
    }

    [Theory]
    // Referred 26/02/2026 → 8 days → 06/03/2026 (February 2026 has 28 days).
    [InlineData(2026, 2, 20)] // discharged before the referral: does not shorten the 8 days
    [InlineData(2026, 2, 26)] // on the referral day itself: no day to meet before, the 8 days stay
    [InlineData(2026, 3, 6)]  // exactly on the eighth day: nothing earlier
    [InlineData(2026, 3, 20)] // after the 8 days
    public void Discharge_outside_the_8_days_leaves_the_meeting_on_6_March(int year, int month, int day)
    {
        var meeting = Compute(Hospitalised(D(2026, 2, 26), D(year, month, day)), D(2026, 2, 27)).Single(ComplaintMediationMeeting);
        Assert.Equal((D(2026, 3, 6), "8 jours"), (meeting.DueOn, meeting.Duration));
        Assert.Empty(meeting.Notes);
    }

    [Fact]
    public void Discharge_date_of_a_patient_no_longer_hospitalised_is_ignored()
    {
        var meeting = Compute(Hospitalised(D(2026, 3, 5), D(2026, 3, 9), hospitalised: false), D(2026, 3, 6)).Single(ComplaintMediationMeeting);
        Assert.Equal(D(2026, 3, 13), meeting.DueOn);
    }

    [Fact]
    public void Discharge_on_1_March_comes_before_the_6_March_of_a_referral_on_26_February()
    {
        // Referred 26/02/2026 → 06/03; discharge 01/03 (the day after the month's end): due 01/03, overdue on 02/03.
        var meeting = Compute(Hospitalised(D(2026, 2, 26), D(2026, 3, 1)), D(2026, 3, 2)).Single(ComplaintMediationMeeting);
        Assert.Equal((D(2026, 3, 1), DeadlineState.Overdue), (meeting.DueOn, meeting.State));
    }

    // ------------------------------------------------------------ R.1112-92 al.2: mixed mediation, one meeting per mediator

    private static Complaint Mixed(params CaseEvent[] events)
    {
        var complaint = Complaint(D(2026, 3, 3), [Event(MediatorReferred, D(2026, 3, 5)), .. events]);
        complaint.MediationType = MediationType.Mixed;
        return complaint;
    }

    [Fact]
    public void Mixed_mediation_runs_one_meeting_deadline_per_mediator()
    {
        // Referred 05/03/2026 → both meetings due 13/03; the physician met on 10/03, the other mediator on 14/03 (late).
        var deadlines = Compute(Mixed(Event(MedicalMediationMeeting, D(2026, 3, 10)), Event(NonMedicalMediationMeeting, D(2026, 3, 14))),
            D(2026, 3, 16));
        var meetings = deadlines.Where(d => d.Code == ComplaintMediationMeeting).ToList();
        Assert.Equal(["Rencontre avec le médiateur médecin (8 jours)", "Rencontre avec le médiateur non médecin (8 jours)"],
            meetings.Select(m => m.Label));
        Assert.Equal([(D(2026, 3, 13), D(2026, 3, 10), DeadlineState.Done), (D(2026, 3, 13), D(2026, 3, 14), DeadlineState.DoneLate)],
            meetings.Select(m => (m.DueOn, m.DoneOn, m.State)));
        // R.1112-94 al.1: the report counts from the last meeting needed, 14/03 → 22/03.
        var report = deadlines.Single(ComplaintMediationReport);
        Assert.Equal((D(2026, 3, 14), D(2026, 3, 22)), (report.StartOn, report.DueOn));
        Assert.Single(report.Notes);
    }

    [Fact]
    public void Mixed_mediation_has_no_report_deadline_until_both_mediators_met()
    {
        // Only the non-medical mediator met (07/03): the physician's meeting is overdue on 14/03, the report waits.
        var deadlines = Compute(Mixed(Event(NonMedicalMediationMeeting, D(2026, 3, 7))), D(2026, 3, 14));
        var meetings = deadlines.Where(d => d.Code == ComplaintMediationMeeting).ToList();
        Assert.Equal([DeadlineState.Overdue, DeadlineState.Done], meetings.Select(m => m.State));
        Assert.DoesNotContain(deadlines, d => d.Code == ComplaintMediationReport);
    }

    [Fact]
    public void A_meeting_that_does_not_say_which_mediator_meets_neither_of_a_mixed_mediation()
    {
        var deadlines = Compute(Mixed(Event(MediationMeeting, D(2026, 3, 7))), D(2026, 3, 10));
        Assert.All(deadlines.Where(d => d.Code == ComplaintMediationMeeting), m => Assert.Null(m.DoneOn));
    }

    [Fact]
    public void A_single_mediation_keeps_one_meeting_deadline_met_by_the_meeting()
    {
        var complaint = Complaint(D(2026, 3, 3), Event(MediatorReferred, D(2026, 3, 5)), Event(MediationMeeting, D(2026, 3, 13)));
        complaint.MediationType = MediationType.Medical;
        var meeting = Compute(complaint, D(2026, 3, 14)).Single(ComplaintMediationMeeting);
        Assert.Equal(("Rencontre avec le médiateur (8 jours)", DeadlineState.Done), (meeting.Label, meeting.State));
    }

    [Fact]
    public void Mixed_mediation_of_a_hospitalised_patient_brings_both_meetings_forward()
    {
        var complaint = Mixed();
        complaint.PatientHospitalised = true;
        complaint.PlannedDischargeOn = D(2026, 3, 10);
        Assert.All(Compute(complaint, D(2026, 3, 6)).Where(d => d.Code == ComplaintMediationMeeting), m => Assert.Equal(D(2026, 3, 10), m.DueOn));
    }

    // ------------------------------------------------------------ L.1142-4: information on a damage associated with care

    [Fact]
    public void Damage_discovered_on_20_February_is_explained_by_7_March()
    {
        // Discovered 20/02/2026 + 15 days = 07/03/2026 (February 2026 has 28 days); interview held 06/03.
        var complaint = Complaint(D(2026, 3, 3), Event(DamageInformationInterview, D(2026, 3, 6)));
        complaint.CareRelatedDamage = true;
        complaint.DamageDiscoveredOn = D(2026, 2, 20);
        var info = Compute(complaint, D(2026, 3, 10)).Single(ComplaintDamageInformation);
        Assert.Equal((D(2026, 2, 20), D(2026, 3, 7), D(2026, 3, 6), DeadlineState.Done), (info.StartOn, info.DueOn, info.DoneOn, info.State));
        Assert.Equal(("de la découverte du dommage", "CSP art. L.1142-4", Actor.Office), (info.StartLabel, info.Article, info.Actor));
    }

    [Fact]
    public void Damage_discovered_on_15_February_of_a_leap_year_is_due_on_1_March()
    {
        // 15/02/2028 + 15 days: 29 February counts → 01/03/2028 (02/03 in 2026).
        var complaint = Complaint(D(2028, 2, 20));
        complaint.CareRelatedDamage = true;
        complaint.DamageDiscoveredOn = D(2028, 2, 15);
        Assert.Equal(D(2028, 3, 1), Compute(complaint, D(2028, 2, 21)).Single(ComplaintDamageInformation).DueOn);
    }

    [Fact]
    public void Without_a_discovery_date_the_complaint_is_the_express_request_and_starts_the_15_days()
    {
        // Received 03/03/2026 + 15 days = 18/03: due that day, overdue on 19/03.
        var complaint = Complaint(D(2026, 3, 3));
        complaint.CareRelatedDamage = true;
        var due = Compute(complaint, D(2026, 3, 18)).Single(ComplaintDamageInformation);
        Assert.Equal((D(2026, 3, 18), DeadlineState.Near, "de la réception de la plainte (demande expresse)"), (due.DueOn, due.State, due.StartLabel));
        Assert.Equal(DeadlineState.Overdue, Compute(complaint, D(2026, 3, 19)).Single(ComplaintDamageInformation).State);
    }

    [Fact]
    public void A_complaint_not_flagged_as_care_related_damage_has_no_information_interview()
    {
        var complaint = Complaint(D(2026, 3, 3));
        complaint.DamageDiscoveredOn = D(2026, 3, 1);
        Assert.DoesNotContain(Compute(complaint, D(2026, 3, 4)), d => d.Code == ComplaintDamageInformation);
    }

    // ------------------------------------------------------------ « sans délai »: R.1112-94 al.1 and R.1112-91

    private static Complaint ReportSent(params CaseEvent[] events) => Complaint(D(2026, 3, 3),
        [Event(MediatorReferred, D(2026, 3, 5)), Event(MediationMeeting, D(2026, 3, 10)), Event(MediationReportSent, D(2026, 3, 17)), .. events]);

    [Fact]
    public void Report_forwarded_two_days_after_the_president_received_it_is_on_time()
    {
        // Report sent to the president 17/03/2026; « sans délai » flagged after 2 days → 19/03; forwarded 19/03.
        var forwarding = Compute(ReportSent(Event(MediationReportForwarded, D(2026, 3, 19))), D(2026, 3, 20)).Single(ComplaintReportForwarding);
        Assert.Equal((D(2026, 3, 17), D(2026, 3, 19), DeadlineState.Done), (forwarding.StartOn, forwarding.DueOn, forwarding.State));
        Assert.Equal("CSP art. R.1112-94 al.1", forwarding.Article);
        Assert.Equal(["Le texte dit «\u00A0sans délai\u00A0»\u00A0: signalé au-delà de 2 jours (réglage du service)."], forwarding.Notes);
    }

    [Fact]
    public void Report_forwarded_on_the_third_day_is_flagged_late()
    {
        var forwarding = Compute(ReportSent(Event(MediationReportForwarded, D(2026, 3, 20))), D(2026, 3, 21)).Single(ComplaintReportForwarding);
        Assert.Equal(DeadlineState.DoneLate, forwarding.State);
    }

    [Fact]
    public void Report_not_yet_sent_to_the_president_has_nothing_to_forward() =>
        Assert.DoesNotContain(Compute(Complaint(D(2026, 3, 3), Event(MediationMeeting, D(2026, 3, 10))), D(2026, 3, 12)),
            d => d.Code == ComplaintReportForwarding);

    [Fact]
    public void Copy_of_an_oral_complaint_written_down_is_due_two_days_after_receipt()
    {
        // Written down 30/03/2026 (oral complaint): copy flagged after 2 days → 01/04; still not handed on 02/04.
        var oral = Complaint(D(2026, 3, 30));
        oral.Channel = Channel.OralRecorded;
        var copy = Compute(oral, D(2026, 4, 2)).Single(ComplaintOralCopy);
        Assert.Equal((D(2026, 4, 1), DeadlineState.Overdue, Actor.Office), (copy.DueOn, copy.State, copy.Actor));
        Assert.Equal("CSP art. R.1112-91", copy.Article);

        oral.Events.Add(Event(OralCopyHanded, D(2026, 3, 30)));
        Assert.Equal(DeadlineState.Done, Compute(oral, D(2026, 4, 2)).Single(ComplaintOralCopy).State);
    }

    [Fact]
    public void A_written_complaint_has_no_copy_to_hand()
    {
        var written = Complaint(D(2026, 3, 30));
        written.Channel = Channel.Mail;
        Assert.DoesNotContain(Compute(written, D(2026, 4, 2)), d => d.Code == ComplaintOralCopy);
    }
}
