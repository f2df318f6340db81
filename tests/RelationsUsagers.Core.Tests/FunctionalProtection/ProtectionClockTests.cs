using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.FunctionalProtection;
using static RelationsUsagers.Core.Clock.DelaySettings;
using static RelationsUsagers.Core.FunctionalProtection.ProtectionKind;
using static RelationsUsagers.Core.Tests.Clock.ClockFixtures;

namespace RelationsUsagers.Core.Tests.FunctionalProtection;

/// <summary>
/// Protection fonctionnelle's delays, worked out by hand: 2 months' silence from receipt of the request is an implicit
/// rejection (CRPA L.231-4), counted as the legal clock counts months (same day number, the month's last day when it has
/// none); its reasons are due 1 month after the agent asks for them (CRPA L.232-4).
/// </summary>
public class ProtectionClockTests
{
    internal static ProtectionCase Protection(DateOnly receivedOn, params CaseEvent[] events) => new() { ReceivedOn = receivedOn, Events = [.. events] };

    [Fact]
    public void A_request_received_on_31_January_is_implicitly_rejected_on_31_March()
    {
        // 31/01/2026 + 2 months = 31/03/2026 (March has a 31st); on 16/03, 15 days before, it turns « proche »: the office's to decide.
        var rejection = Compute(Protection(D(2026, 1, 31)), D(2026, 3, 16)).Single(ProtectionImplicitRejection);
        Assert.Equal((D(2026, 3, 31), DeadlineState.Near, Actor.Office), (rejection.DueOn, rejection.State, rejection.Actor));
        Assert.Equal("CRPA art. L.231-4 ; CGFP art. L.134-1", rejection.Article);
        Assert.Equal(D(2026, 3, 31), ImplicitRejectionOn(Protection(D(2026, 1, 31)), LegalClock.Default));
    }

    [Fact]
    public void Two_months_from_a_31_December_end_on_the_last_day_of_February_leap_years_included()
    {
        // 31/12/2025 + 2 months: February 2026 has no 31st → 28/02/2026; 31/12/2027 → 29/02/2028 (leap year).
        Assert.Equal(D(2026, 2, 28), Compute(Protection(D(2025, 12, 31)), D(2026, 1, 5)).Single(ProtectionImplicitRejection).DueOn);
        Assert.Equal(D(2028, 2, 29), Compute(Protection(D(2027, 12, 31)), D(2028, 1, 5)).Single(ProtectionImplicitRejection).DueOn);
    }

    [Fact]
    public void An_express_decision_meets_the_implicit_rejection_and_no_reasons_are_due()
    {
        // Received 31/01, granted on 20/03: done before 31/03.
        var deadlines = Compute(Protection(D(2026, 1, 31), Event(Granted, D(2026, 3, 20))), D(2026, 4, 10));
        var rejection = deadlines.Single(ProtectionImplicitRejection);
        Assert.Equal((D(2026, 3, 20), DeadlineState.Done), (rejection.DoneOn, rejection.State));
        Assert.DoesNotContain(deadlines, d => d.Code == ProtectionReasons);
    }

    [Fact]
    public void Silence_past_two_months_leaves_the_rejection_overdue_and_reasons_asked_are_due_a_month_later()
    {
        // Received 31/01, nothing decided; the agent asks for the reasons on 15/04 → due 15/05; today 20/05: overdue.
        var deadlines = Compute(Protection(D(2026, 1, 31), Event(ReasonsRequested, D(2026, 4, 15))), D(2026, 5, 20));
        Assert.Equal(DeadlineState.Overdue, deadlines.Single(ProtectionImplicitRejection).State);
        var reasons = deadlines.Single(ProtectionReasons);
        Assert.Equal((D(2026, 4, 15), D(2026, 5, 15), DeadlineState.Overdue, "CRPA art. L.232-4"), (reasons.StartOn, reasons.DueOn, reasons.State, reasons.Article));
    }

    [Fact]
    public void Reasons_asked_on_31_May_are_due_on_30_June_and_sending_them_meets_both_deadlines()
    {
        var deadlines = Compute(Protection(D(2026, 3, 16), Event(ReasonsRequested, D(2026, 5, 31)), Event(ReasonsSent, D(2026, 6, 10))), D(2026, 6, 12));
        var reasons = deadlines.Single(ProtectionReasons);
        Assert.Equal((D(2026, 6, 30), D(2026, 6, 10), DeadlineState.Done), (reasons.DueOn, reasons.DoneOn, reasons.State));
        // 16/03 + 2 months = 16/05: the reasons sent on 10/06 confirm a rejection born on 16/05, late for an express answer.
        var rejection = deadlines.Single(ProtectionImplicitRejection);
        Assert.Equal((D(2026, 5, 16), DeadlineState.DoneLate), (rejection.DueOn, rejection.State));
    }
}
