using RelationsUsagers.Core.Clock;
using static RelationsUsagers.Core.Tests.Clock.ClockFixtures;

namespace RelationsUsagers.Core.Tests.Clock;

/// <summary>Calendar arithmetic of the settings, pinned on dates worked out by hand (the texts count calendar days and months).</summary>
public class DelayArithmeticTests
{
    private static DateOnly Due(string code, DateOnly start) => LegalClock.Default.Setting(code).DueFrom(start);

    [Fact]
    public void Eight_days_from_3_March_is_11_March() =>
        Assert.Equal(D(2026, 3, 11), Due(DelaySettings.Access8Days, D(2026, 3, 3)));

    [Fact]
    public void Two_months_from_31_January_is_31_March() =>
        Assert.Equal(D(2026, 3, 31), Due(DelaySettings.Access2Months, D(2026, 1, 31)));

    [Fact]
    public void Two_months_from_30_December_is_28_February() =>
        Assert.Equal(D(2026, 2, 28), Due(DelaySettings.Access2Months, D(2025, 12, 30)));

    [Fact]
    public void Two_months_from_30_December_before_a_leap_year_is_29_February() =>
        Assert.Equal(D(2028, 2, 29), Due(DelaySettings.ClaimImplicitRejection, D(2027, 12, 30)));

    [Fact]
    public void Eight_days_from_24_February_cross_29_February_in_a_leap_year() =>
        Assert.Equal(D(2028, 3, 3), Due(DelaySettings.Access8Days, D(2028, 2, 24)));

    [Fact]
    public void Eight_days_from_24_February_is_4_March_in_a_common_year() =>
        Assert.Equal(D(2026, 3, 4), Due(DelaySettings.Access8Days, D(2026, 2, 24)));

    [Fact]
    public void One_month_from_31_March_is_30_April() =>
        Assert.Equal(D(2026, 4, 30), Due(DelaySettings.ComplaintAnswerTarget, D(2026, 3, 31)));

    [Fact]
    public void Six_months_from_31_August_is_28_February() =>
        Assert.Equal(D(2027, 2, 28), Due(DelaySettings.ClaimCciOpinion, D(2026, 8, 31)));

    [Fact]
    public void Ten_years_from_29_February_is_28_February() =>
        Assert.Equal(D(2038, 2, 28), Due(DelaySettings.ClaimPrescription, D(2028, 2, 29)));

    [Fact]
    public void Forty_eight_hours_on_dates_are_two_calendar_days() =>
        Assert.Equal(D(2026, 3, 5), Due(DelaySettings.AccessReflection48h, D(2026, 3, 3)));

    [Fact]
    public void A_due_date_on_a_Sunday_stays_on_the_Sunday()
    {
        // 7 March 2026 is a Saturday: 8 days later is Sunday 15 March, not Monday 16.
        var due = Due(DelaySettings.Access8Days, D(2026, 3, 7));
        Assert.Equal(D(2026, 3, 15), due);
        Assert.Equal(DayOfWeek.Sunday, due.DayOfWeek);
    }

    [Fact]
    public void Defaults_hold_every_code_once_with_an_article()
    {
        string[] codes =
        [
            "access.reflection-48h", "access.8-days", "access.2-months", "access.implicit-refusal", "access.cada-referral",
            "access.cada-opinion",
            "complaint.acknowledgement", "complaint.mediation-meeting", "complaint.mediation-report",
            "complaint.answer-after-cdu", "complaint.answer-target", "complaint.report-forwarding", "complaint.oral-copy",
            "complaint.damage-information",
            "claim.implicit-rejection", "claim.insurer-declaration", "claim.cci-opinion", "claim.insurer-offer",
            "claim.payment", "claim.prescription", "claim.court-time-limit", "claim.final-offer", "claim.prescription-four-years",
            "requisition.due-date", "protection.implicit-rejection", "protection.reasons", "waiting.reminder",
        ];
        Assert.Equal(codes.Order(), DelaySettings.Defaults.Select(s => s.Code).Order());
        Assert.All(DelaySettings.Defaults, s => Assert.False(string.IsNullOrWhiteSpace(s.Article)));
        Assert.All(DelaySettings.Defaults, s => Assert.False(string.IsNullOrWhiteSpace(s.StartEvent)));
    }

    [Theory]
    [InlineData("access.8-days", "Communication du dossier (8 jours)")]
    [InlineData("access.2-months", "Communication du dossier (2 mois)")]
    [InlineData("access.reflection-48h", "Délai de réflexion (48 heures)")]
    [InlineData("complaint.answer-target", "Réponse au plaignant (1 mois)")]
    [InlineData("claim.prescription", "Prescription de l'action (10 ans)")]
    [InlineData("requisition.due-date", "Réponse à la réquisition (date fixée par l'autorité)")]
    public void Labels_show_the_current_duration_in_French(string code, string label) =>
        Assert.Equal(label, LegalClock.Default.Setting(code).DisplayLabel());

    [Theory]
    [InlineData(DeadlineState.Upcoming, "à venir")]
    [InlineData(DeadlineState.Near, "proche")]
    [InlineData(DeadlineState.Overdue, "dépassé")]
    [InlineData(DeadlineState.Suspended, "suspendu")]
    [InlineData(DeadlineState.Done, "respecté")]
    [InlineData(DeadlineState.DoneLate, "hors délai")]
    public void States_have_French_labels(DeadlineState state, string label) => Assert.Equal(label, state.Label());

    [Fact]
    public void A_changed_setting_changes_the_due_date_and_the_label()
    {
        var clock = new LegalClock([new DelaySetting
        {
            Code = DelaySettings.ComplaintAcknowledgement, Duration = 5, Unit = DelayUnit.Days,
            StartEvent = "received", Article = "CSP art. R.1112-92 (cible interne)", Label = "Accusé de réception",
        }]);
        var ack = clock.Compute(Complaint(D(2026, 3, 3)), [], D(2026, 3, 4)).Single(DelaySettings.ComplaintAcknowledgement);
        Assert.Equal(D(2026, 3, 8), ack.DueOn);
        Assert.Equal("Accusé de réception (5 jours)", ack.Label);
        // Codes absent from the given settings keep their defaults.
        Assert.Equal(8, clock.Setting(DelaySettings.Access8Days).Duration);
    }
}
