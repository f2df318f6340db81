using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using static RelationsUsagers.Core.Clock.DelaySettings;
using static RelationsUsagers.Core.Tests.Clock.ClockFixtures;

namespace RelationsUsagers.Core.Tests.Clock;

/// <summary>Record access (CSP L.1111-7 al.2, R.1111-1 al.4, R.1111-5): both deadlines and the 48 h floor.</summary>
public class AccessRequestClockTests
{
    [Fact]
    public void Legal_deadline_runs_from_receipt_and_operational_from_the_complete_request()
    {
        var request = Access(D(2026, 3, 3));
        request.CompletedOn = D(2026, 3, 10);
        var deadlines = Compute(request, D(2026, 3, 12));

        var legal = deadlines.Single(Access8Days);
        Assert.Equal((D(2026, 3, 3), D(2026, 3, 11), DeadlineState.Overdue), (legal.StartOn, legal.DueOn, legal.State));
        Assert.Equal("Communication du dossier (8 jours)", legal.Label);
        Assert.Equal("CSP art. L.1111-7 al.2 ; R.1111-1 al.4", legal.Article);

        var operational = deadlines.Operational(Access8Days);
        Assert.Equal((D(2026, 3, 10), D(2026, 3, 18), DeadlineState.Upcoming), (operational.StartOn, operational.DueOn, operational.State));
        Assert.Equal("Communication du dossier (8 jours) – dossier complet", operational.Label);
    }

    [Fact]
    public void Complete_request_recorded_on_the_timeline_starts_the_operational_deadline()
    {
        var request = Access(D(2026, 3, 3), Event(CaseEventTypes.ProofsComplete, D(2026, 3, 6)));
        Assert.Equal(D(2026, 3, 14), Compute(request, D(2026, 3, 6)).Operational(Access8Days).DueOn);
    }

    [Fact]
    public void Incomplete_request_has_only_the_legal_deadline()
    {
        var deadlines = Compute(Access(D(2026, 3, 3)), D(2026, 3, 4));
        Assert.Single(deadlines, d => d.Code == Access8Days);
        Assert.DoesNotContain(deadlines, d => d.FromCompleteRequest && !d.IsFloor);
    }

    [Fact]
    public void Copy_sent_on_11_March_is_on_time()
    {
        var request = Access(D(2026, 3, 3));
        request.SentOn = D(2026, 3, 11);
        var legal = Compute(request, D(2026, 3, 20)).Single(Access8Days);
        Assert.Equal((D(2026, 3, 11), DeadlineState.Done), (legal.DoneOn, legal.State));
    }

    [Fact]
    public void Copy_sent_on_12_March_is_late()
    {
        var request = Access(D(2026, 3, 3));
        request.SentOn = D(2026, 3, 12);
        Assert.Equal(DeadlineState.DoneLate, Compute(request, D(2026, 3, 20)).Single(Access8Days).State);
    }

    [Theory]
    [InlineData(CaseEventTypes.CopySent)]
    [InlineData(CaseEventTypes.OnSiteConsultation)]
    public void Copy_sent_or_consulted_on_the_timeline_meets_the_deadline(string type)
    {
        var request = Access(D(2026, 3, 3), Event(type, D(2026, 3, 10)));
        var legal = Compute(request, D(2026, 3, 20)).Single(Access8Days);
        Assert.Equal((D(2026, 3, 10), DeadlineState.Done), (legal.DoneOn, legal.State));
    }

    [Fact]
    public void Information_over_five_years_old_gets_two_months_from_31_January_to_31_March()
    {
        var request = Access(D(2026, 1, 31));
        request.InformationOlderThanFiveYears = true;
        var deadlines = Compute(request, D(2026, 2, 1));
        Assert.DoesNotContain(deadlines, d => d.Code == Access8Days);
        var legal = deadlines.Single(Access2Months);
        Assert.Equal(D(2026, 3, 31), legal.DueOn);
        Assert.Equal("Communication du dossier (2 mois)", legal.Label);
    }

    [Fact]
    public void Cdsp_referral_gives_two_months_from_receipt_only_29_February_in_a_leap_year()
    {
        // R.1111-5: the CDSP's 2 months run from receipt of the initial request, so no "complete request" variant.
        var request = Access(D(2027, 12, 30), Event(CaseEventTypes.CdspReferred, D(2028, 1, 10)));
        request.CompletedOn = D(2028, 1, 5);
        request.PsychiatricDoctorRequired = true;
        var deadlines = Compute(request, D(2028, 1, 11));
        Assert.Equal(D(2028, 2, 29), deadlines.Single(Access2Months).DueOn);
        Assert.DoesNotContain(deadlines, d => d.Code == Access2Months && d.FromCompleteRequest);
    }

    [Fact]
    public void Cdsp_referral_column_switches_to_two_months()
    {
        var request = Access(D(2026, 3, 3));
        request.CdspReferredOn = D(2026, 3, 5);
        Assert.Equal(D(2026, 5, 3), Compute(request, D(2026, 3, 6)).Single(Access2Months).DueOn);
    }

    [Fact]
    public void Copy_sent_the_day_after_the_complete_request_is_flagged_too_early()
    {
        var request = Access(D(2026, 3, 2));
        request.CompletedOn = D(2026, 3, 3);
        request.SentOn = D(2026, 3, 4);
        var floor = Compute(request, D(2026, 3, 10)).Single(AccessReflection48h);
        Assert.True(floor.IsFloor);
        Assert.Equal((D(2026, 3, 5), DeadlineState.DoneLate), (floor.DueOn, floor.State));
        Assert.Equal("Copie communiquée le 04/03/2026, moins de 48 heures après la demande complète du 03/03/2026 " +
                     "(délai de réflexion, CSP art. L.1111-7 al.2).", floor.Warning);
        // Flagged, not blocked: the 8 days are met.
        Assert.Equal(DeadlineState.Done, Compute(request, D(2026, 3, 10)).Single(Access8Days).State);
    }

    [Fact]
    public void Copy_sent_two_days_after_the_complete_request_is_not_flagged()
    {
        var request = Access(D(2026, 3, 3), Event(CaseEventTypes.ProofsComplete, D(2026, 3, 3)), Event(CaseEventTypes.CopySent, D(2026, 3, 5)));
        var floor = Compute(request, D(2026, 3, 10)).Single(AccessReflection48h);
        Assert.Equal(DeadlineState.Done, floor.State);
        Assert.Null(floor.Warning);
    }

    [Fact]
    public void Reflection_floor_is_upcoming_until_it_has_elapsed_and_never_sorts_the_queue()
    {
        var request = Access(D(2026, 3, 3));
        var deadlines = Compute(request, D(2026, 3, 4));
        Assert.Equal(DeadlineState.Upcoming, deadlines.Single(AccessReflection48h).State);
        Assert.Equal(D(2026, 3, 11), RelationsUsagers.Core.Queue.QueueColumns.OfficeNext(deadlines).DueOn);
        Assert.Equal(DeadlineState.Done, Compute(request, D(2026, 3, 5)).Single(AccessReflection48h).State);
    }

    [Fact]
    public void Forty_eight_hours_after_23_30_on_the_eve_of_summer_time_is_00_30_on_the_Tuesday()
    {
        // Clocks go from 02:00 to 03:00 on Sunday 29 March 2026: 48 elapsed hours end one wall-clock hour later.
        var complete = LegalClock.ParisInstant(D(2026, 3, 28), new TimeOnly(23, 30));
        Assert.Equal(TimeSpan.FromHours(1), complete.Offset);
        var earliest = LegalClock.Default.EarliestCommunicationAt(complete);
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 0, 30, 0, TimeSpan.FromHours(2)), earliest);
        Assert.Equal(TimeSpan.FromHours(2), earliest.Offset);
        Assert.Equal(TimeSpan.FromHours(48), earliest - complete);
    }

    [Fact]
    public void Forty_eight_hours_after_23_30_on_the_eve_of_winter_time_is_22_30_on_the_Monday()
    {
        // Clocks go from 03:00 back to 02:00 on Sunday 25 October 2026.
        var earliest = LegalClock.Default.EarliestCommunicationAt(LegalClock.ParisInstant(D(2026, 10, 24), new TimeOnly(23, 30)));
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 22, 30, 0, TimeSpan.FromHours(1)), earliest);
    }

    [Fact]
    public void Forty_eight_hours_on_an_ordinary_day_keep_the_hour()
    {
        var earliest = LegalClock.Default.EarliestCommunicationAt(new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.FromHours(1)), earliest);
    }

    [Fact]
    public void Closed_request_stops_its_clocks_on_the_closing_day()
    {
        var request = Access(D(2026, 3, 3));
        request.Status = CaseStatus.Refused;
        request.ClosedOn = D(2026, 3, 9);
        var deadlines = Compute(request, D(2026, 4, 1));
        Assert.Equal((D(2026, 3, 9), DeadlineState.Done), (deadlines.Single(Access8Days).DoneOn, deadlines.Single(Access8Days).State));
        Assert.Null(RelationsUsagers.Core.Queue.QueueColumns.OfficeNext(deadlines).DueOn);
        // A refusal is not a copy: no early-communication flag.
        Assert.Null(deadlines.Single(AccessReflection48h).Warning);
    }
}
