using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Queue;
using static RelationsUsagers.Core.Clock.DelaySettings;
using static RelationsUsagers.Core.Tests.Clock.ClockFixtures;

namespace RelationsUsagers.Core.Tests.Clock;

/// <summary>
/// The CADA route after a refused or unanswered record request (CRPA R.311-13: a month's silence is a refusal; L.342-1,
/// R.343-1: two months to seize the CADA, a compulsory step before the court; R.343-3: the CADA answers within a month).
/// The requester's and the CADA's time limits run on after the request is closed and never make it late in the queue.
/// </summary>
public class AccessRequestCadaClockTests
{
    private static AccessRequest Refused(DateOnly receivedOn, DateOnly refusedOn, params CaseEvent[] more)
    {
        var request = Access(receivedOn, [Event(CaseEventTypes.RefusalSent, refusedOn), .. more]);
        (request.Status, request.ClosedOn, request.RefusalReason) = (CaseStatus.Refused, refusedOn, "Dossier détruit à l'issue de sa conservation.");
        return request;
    }

    [Fact]
    public void An_express_refusal_gives_the_requester_two_months_to_seize_the_CADA_running_after_the_closing()
    {
        // Received 02/03/2026, reasoned refusal notified 31/03/2026 → CADA within 2 months: 31/05/2026 (R.343-1).
        var deadlines = Compute(Refused(D(2026, 3, 2), D(2026, 3, 31)), D(2026, 5, 30));

        var referral = deadlines.Single(AccessCadaReferral);
        Assert.Equal((D(2026, 3, 31), D(2026, 5, 31), (DateOnly?)null, DeadlineState.Near), (referral.StartOn, referral.DueOn, referral.DoneOn, referral.State));
        Assert.Equal((Actor.Requester, true), (referral.Actor, referral.NeverSuspended));
        Assert.Contains("Refus motivé notifié le 31/03/2026 : le demandeur peut saisir la CADA, préalable obligatoire au recours devant le tribunal administratif.",
            referral.Notes);
        Assert.Equal("du refus motivé", referral.StartLabel);
        // Not the office's deadline: a closed case never comes back into the queue for it.
        Assert.Equal((null, null, false), QueueColumns.OfficeNext(deadlines));
        // The office's own clocks stopped on the refusal.
        Assert.Equal((D(2026, 3, 31), DeadlineState.Done), (deadlines.Single(AccessImplicitRefusal).DoneOn, deadlines.Single(AccessImplicitRefusal).State));
    }

    [Fact]
    public void The_CADA_referral_meets_the_requesters_deadline_and_starts_the_CADAs_month()
    {
        // Refused 31/03/2026, CADA seized 30/04/2026 → opinion within a month: 30/05/2026 (R.343-3); opinion on 02/06 is late.
        var request = Refused(D(2026, 3, 2), D(2026, 3, 31), Event(CaseEventTypes.CadaReferred, D(2026, 4, 30)), Event(CaseEventTypes.CadaOpinion, D(2026, 6, 2)));
        var deadlines = Compute(request, D(2026, 6, 10));

        var referral = deadlines.Single(AccessCadaReferral);
        Assert.Equal((D(2026, 4, 30), DeadlineState.Done), (referral.DoneOn, referral.State));
        var opinion = deadlines.Single(AccessCadaOpinion);
        Assert.Equal((D(2026, 4, 30), D(2026, 5, 30), D(2026, 6, 2), DeadlineState.DoneLate), (opinion.StartOn, opinion.DueOn, opinion.DoneOn, opinion.State));
        Assert.Equal((Actor.Cada, "de la saisine de la CADA"), (opinion.Actor, opinion.StartLabel));
    }

    [Fact]
    public void The_CADA_dates_typed_in_the_form_count_as_the_timeline_does()
    {
        var request = Refused(D(2026, 3, 2), D(2026, 3, 9));
        (request.CadaReferredOn, request.CadaOpinionOn) = (D(2026, 4, 1), D(2026, 4, 20));
        var deadlines = Compute(request, D(2026, 4, 25));
        Assert.Equal(D(2026, 4, 1), deadlines.Single(AccessCadaReferral).DoneOn);
        Assert.Equal((D(2026, 5, 1), D(2026, 4, 20), DeadlineState.Done),
            (deadlines.Single(AccessCadaOpinion).DueOn, deadlines.Single(AccessCadaOpinion).DoneOn, deadlines.Single(AccessCadaOpinion).State));
    }

    [Fact]
    public void A_months_silence_from_31_January_is_a_refusal_on_28_February_and_the_CADA_is_due_by_28_April()
    {
        // Received 31/01/2026, nothing sent nor offered: 31 January + 1 month = 28 February (month end, R.311-13); the
        // requester then has until 28 April (28 February + 2 months).
        var request = Access(D(2026, 1, 31));

        // On 27 February the silence is no refusal yet: no CADA deadline.
        var before = Compute(request, D(2026, 2, 27));
        Assert.DoesNotContain(before, d => d.Code == AccessCadaReferral);
        var silence = before.Single(AccessImplicitRefusal);
        Assert.Equal((D(2026, 2, 28), DeadlineState.Near, Actor.Office), (silence.DueOn, silence.State, silence.Actor));

        var after = Compute(request, D(2026, 2, 28));
        var referral = after.Single(AccessCadaReferral);
        Assert.Equal((D(2026, 2, 28), D(2026, 4, 28), "du refus implicite"), (referral.StartOn, referral.DueOn, referral.StartLabel));
        Assert.Contains("Refus implicite né le 28/02/2026 : ni communication ni proposition de consultation depuis la réception de la demande (CRPA art. R.311-13).",
            referral.Notes);
        // The office is still late on its own legal delay (31/01 + 8 days = 08/02); the CADA deadline is not its own.
        Assert.Equal((D(2026, 2, 8), Access8Days, false), QueueColumns.OfficeNext(after));
    }

    [Theory]
    // Sent on the last day of the month (28/02): the silence never lasted more than a month, no refusal.
    [InlineData(CaseEventTypes.CopySent, "2026-02-28", false)]
    [InlineData(CaseEventTypes.OnSiteOffered, "2026-02-28", false)]
    // Sent on 01/03: the refusal was born on 28/02, but the request is answered: no CADA deadline unless the requester took that route.
    [InlineData(CaseEventTypes.CopySent, "2026-03-01", true)]
    public void A_record_communicated_or_offered_ends_the_silence(string type, string on, bool late)
    {
        var date = DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture);
        var deadlines = Compute(Access(D(2026, 1, 31), Event(type, date)), D(2026, 3, 10));
        Assert.DoesNotContain(deadlines, d => d.Code == AccessCadaReferral);
        var silence = deadlines.Single(AccessImplicitRefusal);
        Assert.Equal((date, late ? DeadlineState.DoneLate : DeadlineState.Done), (silence.DoneOn!.Value, silence.State));
    }

    [Fact]
    public void A_requester_who_seized_the_CADA_after_the_implicit_refusal_keeps_the_route_even_once_the_record_is_sent()
    {
        // Silence from 31/01 → refusal 28/02; CADA seized 05/03, record sent 10/03: the referral (met) and the CADA's month stay shown.
        var request = Access(D(2026, 1, 31), Event(CaseEventTypes.CadaReferred, D(2026, 3, 5)), Event(CaseEventTypes.CopySent, D(2026, 3, 10)));
        var deadlines = Compute(request, D(2026, 3, 12));
        Assert.Equal((D(2026, 2, 28), D(2026, 3, 5)), (deadlines.Single(AccessCadaReferral).StartOn, deadlines.Single(AccessCadaReferral).DoneOn));
        Assert.Equal(D(2026, 4, 5), deadlines.Single(AccessCadaOpinion).DueOn);
    }

    [Fact]
    public void For_information_over_five_years_old_the_silence_is_no_refusal_before_the_two_months()
    {
        // Received 10/03/2026, information of 2012: the office has 2 months (10/05/2026, L.1111-7 al.2); a month's silence
        // (10/04) is no refusal while that delay runs, so the implicit refusal is 10/05 and the CADA is due by 10/07/2026.
        var request = Access(D(2026, 3, 10));
        request.MostRecentInformationOn = D(2012, 9, 1);
        var silence = Compute(request, D(2026, 4, 11)).Single(AccessImplicitRefusal);
        Assert.Equal(D(2026, 5, 10), silence.DueOn);
        Assert.Contains("Pas de refus implicite avant la fin du délai de 2 mois de l'art. L.1111-7 (lecture du service).", silence.Notes);
        Assert.DoesNotContain(Compute(request, D(2026, 4, 11)), d => d.Code == AccessCadaReferral);

        var referral = Compute(request, D(2026, 5, 11)).Single(AccessCadaReferral);
        Assert.Equal((D(2026, 5, 10), D(2026, 7, 10)), (referral.StartOn, referral.DueOn));
    }

    [Fact]
    public void The_silence_is_no_refusal_once_the_request_was_withdrawn()
    {
        var request = Access(D(2026, 1, 31));
        (request.Status, request.ClosedOn) = (CaseStatus.Abandoned, D(2026, 2, 20));
        var deadlines = Compute(request, D(2026, 3, 10));
        Assert.DoesNotContain(deadlines, d => d.Code == AccessCadaReferral);
        Assert.Equal((D(2026, 2, 20), DeadlineState.Done), (deadlines.Single(AccessImplicitRefusal).DoneOn, deadlines.Single(AccessImplicitRefusal).State));
    }

    [Fact]
    public void The_offices_stop_the_clock_never_moves_the_CADA_route()
    {
        // Refused 31/03, every clock of the case suspended from 01/04: the requester's two months still end on 31/05.
        var deadlines = Compute(Refused(D(2026, 3, 2), D(2026, 3, 31)), D(2026, 4, 20), Suspension(D(2026, 4, 1), null));
        Assert.Equal((D(2026, 5, 31), 0), (deadlines.Single(AccessCadaReferral).DueOn, deadlines.Single(AccessCadaReferral).SuspendedDays));
    }
}
