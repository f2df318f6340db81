using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Requisitions;

namespace RelationsUsagers.Core.Tests.Clock;

/// <summary>Small builders for the clock tests: cases with only the facts a test sets, and short date helpers.</summary>
internal static class ClockFixtures
{
    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static CaseEvent Event(string type, DateOnly on) => new() { Type = type, OccurredOn = on };

    public static AccessRequest Access(DateOnly receivedOn, params CaseEvent[] events) =>
        new() { ReceivedOn = receivedOn, Events = [.. events] };

    public static Complaint Complaint(DateOnly receivedOn, params CaseEvent[] events) =>
        new() { ReceivedOn = receivedOn, Events = [.. events] };

    public static IndemnityClaim Claim(DateOnly receivedOn, params CaseEvent[] events) =>
        new() { ReceivedOn = receivedOn, Events = [.. events] };

    public static Requisition Requisition(DateOnly receivedOn, DateOnly? dueOn, params CaseEvent[] events) =>
        new() { ReceivedOn = receivedOn, DueOn = dueOn, Events = [.. events] };

    public static ClockSuspension Suspension(DateOnly from, DateOnly? to, string? code = null) =>
        new() { ClockCode = code, Reason = "test", StartedOn = from, EndedOn = to, StartedBy = "test", EndedBy = to is null ? null : "test" };

    public static IReadOnlyList<Deadline> Compute(CaseFile file, DateOnly today, params ClockSuspension[] suspensions) =>
        LegalClock.Default.Compute(file, suspensions, today);

    /// <summary>The one deadline of that code (the legal one for record access).</summary>
    public static Deadline Single(this IReadOnlyList<Deadline> deadlines, string code) =>
        Assert.Single(deadlines, d => d.Code == code && !d.FromCompleteRequest);

    public static Deadline Operational(this IReadOnlyList<Deadline> deadlines, string code) =>
        Assert.Single(deadlines, d => d.Code == code && d.FromCompleteRequest);
}
