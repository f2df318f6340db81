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
        // Information of 15/01/2020: more than five years old on 31/01/2026 → 2 months, 31 January + 2 months = 31 March.
        var request = Access(D(2026, 1, 31));
        request.MostRecentInformationOn = D(2020, 1, 15);
        var deadlines = Compute(request, D(2026, 2, 1));
        Assert.DoesNotContain(deadlines, d => d.Code == Access8Days);
        var legal = deadlines.Single(Access2Months);
        Assert.Equal(D(2026, 3, 31), legal.DueOn);
        Assert.Equal("Communication du dossier (2 mois)", legal.Label);
    }

    [Theory]
    // received 10/03/2026, information of 10/03/2021: exactly five years → 8 days, due 18/03/2026 (R.1111-1 al.4)
    [InlineData("2021-03-10", "2026-03-10", Access8Days, "2026-03-18")]
    // received 11/03/2026, information of 10/03/2021: five years and a day → 2 months, due 11/05/2026
    [InlineData("2021-03-10", "2026-03-11", Access2Months, "2026-05-11")]
    // information of 29/02/2020: five years end on 28/02/2025 (no 29 February in 2025) → received 28/02/2025: exactly five years, 8 days → 08/03/2025
    [InlineData("2020-02-29", "2025-02-28", Access8Days, "2025-03-08")]
    // … received 01/03/2025: more than five years → 2 months → 01/05/2025
    [InlineData("2020-02-29", "2025-03-01", Access2Months, "2025-05-01")]
    // information of 28/02/2019: five years end on 28/02/2024 → received 29/02/2024 (leap day): more → 2 months → 29/04/2024
    [InlineData("2019-02-28", "2024-02-29", Access2Months, "2024-04-29")]
    // information of 31/12/2020, received 31/12/2025: exactly five years → 8 days → 08/01/2026 (across the year end)
    [InlineData("2020-12-31", "2025-12-31", Access8Days, "2026-01-08")]
    public void The_five_year_rule_is_computed_from_the_most_recent_information_at_the_date_of_receipt(string informationOn, string receivedOn,
        string code, string dueOn)
    {
        var request = Access(DateOnly.Parse(receivedOn, System.Globalization.CultureInfo.InvariantCulture));
        request.MostRecentInformationOn = DateOnly.Parse(informationOn, System.Globalization.CultureInfo.InvariantCulture);
        var legal = Compute(request, request.ReceivedOn).Single(code);
        Assert.Equal(DateOnly.Parse(dueOn, System.Globalization.CultureInfo.InvariantCulture), legal.DueOn);
    }

    [Fact]
    public void The_explanation_says_which_reading_of_the_five_year_rule_gave_the_delay()
    {
        var older = Access(D(2026, 3, 11));
        older.MostRecentInformationOn = D(2021, 3, 10);
        Assert.Contains("Informations du 10/03/2021 : plus de cinq ans à la réception de la demande, délai de 2 mois (CSP art. R.1111-1 al.4).",
            Compute(older, D(2026, 3, 11)).Single(Access2Months).Notes);

        var exactly = Access(D(2026, 3, 10));
        exactly.MostRecentInformationOn = D(2021, 3, 10);
        Assert.Contains("Informations du 10/03/2021 : cinq ans au plus à la réception de la demande, délai de 8 jours (CSP art. R.1111-1 al.4).",
            Compute(exactly, D(2026, 3, 10)).Single(Access8Days).Notes);

        Assert.Contains("Date de l'information la plus récente demandée non renseignée : délai de 8 jours.",
            Compute(Access(D(2026, 3, 10)), D(2026, 3, 10)).Single(Access8Days).Notes);
    }

    [Fact]
    public void The_officers_reading_overrides_the_computed_one_and_the_explanation_gives_its_reason()
    {
        // Information of 2018 (computed: more than five years), but a stay of 2025 is asked for too: the office reads 8 days.
        var mixed = Access(D(2026, 3, 10));
        (mixed.MostRecentInformationOn, mixed.InformationAgeOverride, mixed.InformationAgeOverrideReason) =
            (D(2018, 6, 1), false, "Séjour de 2025 demandé avec celui de 2018.");
        var legal = Compute(mixed, D(2026, 3, 10)).Single(Access8Days);
        Assert.Equal(D(2026, 3, 18), legal.DueOn);
        Assert.Contains("Ancienneté retenue par le service : cinq ans au plus, délai de 8 jours (le calcul donnait plus de cinq ans) ; " +
                        "motif : Séjour de 2025 demandé avec celui de 2018.", legal.Notes);

        // A ticked box carried over by the migration: the office's reading without a date.
        var ticked = Access(D(2026, 1, 31));
        (ticked.InformationAgeOverride, ticked.InformationAgeOverrideReason) = (true, "Case cochée avant le calcul.");
        var twoMonths = Compute(ticked, D(2026, 2, 1)).Single(Access2Months);
        Assert.Equal(D(2026, 3, 31), twoMonths.DueOn);
        Assert.Contains("Ancienneté retenue par le service : plus de cinq ans, délai de 2 mois (date des informations non renseignée) ; motif : Case cochée avant le calcul.",
            twoMonths.Notes);
    }

    [Fact]
    public void The_stored_reading_is_written_from_the_rule()
    {
        var definition = CaseKinds.Of(CaseKind.AccessRequest);
        var request = Access(D(2026, 3, 11));
        request.MostRecentInformationOn = D(2021, 3, 10);
        definition.RefreshDerivedFields(request);
        Assert.True(request.InformationOlderThanFiveYears);

        request.ReceivedOn = D(2026, 3, 10);
        definition.RefreshDerivedFields(request);
        Assert.False(request.InformationOlderThanFiveYears);

        (request.InformationAgeOverride, request.InformationAgeOverrideReason) = (true, "Périodes mixtes.");
        definition.RefreshDerivedFields(request);
        Assert.True(request.InformationOlderThanFiveYears);
    }

    [Fact]
    public void An_on_site_consultation_offered_within_the_delay_meets_it_even_when_the_requester_comes_later()
    {
        // Received 03/03/2026, complete 04/03: legal due 11/03, operational due 12/03. Consultation offered on 10/03, the
        // requester comes on 20/03: both deadlines met on 10/03 (R.1111-2); the 48 h floor reads the consultation itself.
        var request = Access(D(2026, 3, 3), Event(CaseEventTypes.OnSiteOffered, D(2026, 3, 10)), Event(CaseEventTypes.OnSiteConsultation, D(2026, 3, 20)));
        request.CompletedOn = D(2026, 3, 4);
        var deadlines = Compute(request, D(2026, 3, 25));

        var legal = deadlines.Single(Access8Days);
        Assert.Equal((D(2026, 3, 11), D(2026, 3, 10), DeadlineState.Done), (legal.DueOn, legal.DoneOn, legal.State));
        Assert.Contains("Consultation sur place proposée le 10/03/2026 : le délai est tenu à cette date, même si le demandeur consulte plus tard (CSP art. R.1111-2).",
            legal.Notes);
        var operational = deadlines.Operational(Access8Days);
        Assert.Equal((D(2026, 3, 12), D(2026, 3, 10), DeadlineState.Done), (operational.DueOn, operational.DoneOn, operational.State));
        Assert.Equal(D(2026, 3, 20), deadlines.Single(AccessReflection48h).DoneOn);
    }

    [Fact]
    public void An_on_site_consultation_offered_after_the_delay_is_late()
    {
        // Received 03/03/2026 → due 11/03; offered 12/03 → hors délai; the offer column counts as the timeline does.
        var request = Access(D(2026, 3, 3));
        request.OnSiteOfferedOn = D(2026, 3, 12);
        var legal = Compute(request, D(2026, 3, 13)).Single(Access8Days);
        Assert.Equal((D(2026, 3, 12), DeadlineState.DoneLate), (legal.DoneOn, legal.State));
    }

    [Fact]
    public void A_copy_sent_before_the_offer_is_the_done_date_without_an_offer_note()
    {
        var request = Access(D(2026, 3, 3), Event(CaseEventTypes.CopySent, D(2026, 3, 6)), Event(CaseEventTypes.OnSiteOffered, D(2026, 3, 9)));
        var legal = Compute(request, D(2026, 3, 13)).Single(Access8Days);
        Assert.Equal(D(2026, 3, 6), legal.DoneOn);
        Assert.DoesNotContain(legal.Notes, n => n.StartsWith("Consultation sur place proposée", StringComparison.Ordinal));
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
