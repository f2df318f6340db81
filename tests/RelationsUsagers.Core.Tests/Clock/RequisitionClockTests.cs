using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Queue;
using static RelationsUsagers.Core.Clock.DelaySettings;
using static RelationsUsagers.Core.Tests.Clock.ClockFixtures;

namespace RelationsUsagers.Core.Tests.Clock;

/// <summary>
/// The date the authority sets for a requisition (CPP 60-1, 77-1-1, 99-3 set no delay): the hospital's own stop-the-clock
/// never moves it; only an extension the authority grants does.
/// </summary>
public class RequisitionClockTests
{
    [Fact]
    public void The_hospitals_suspension_never_moves_the_authoritys_date()
    {
        // Received 02/03/2026, due 20/03; the office suspends every clock from 05/03 to 10/03: still due 20/03.
        var deadlines = Compute(Requisition(D(2026, 3, 2), D(2026, 3, 20)), D(2026, 3, 12), Suspension(D(2026, 3, 5), D(2026, 3, 11)));
        var due = deadlines.Single(RequisitionDueDate);
        Assert.Equal((D(2026, 3, 20), 0, DeadlineState.Upcoming, true), (due.DueOn, due.SuspendedDays, due.State, due.NeverSuspended));
        Assert.Contains("Les suspensions du service ne le déplacent pas : aucun texte ne suspend ce délai.", due.Notes);
        Assert.Equal((D(2026, 3, 20), RequisitionDueDate, false), QueueColumns.OfficeNext(deadlines));
    }

    [Fact]
    public void An_open_suspension_leaves_the_requisition_running_and_late_in_the_queue()
    {
        // Due 10/03, suspended since 05/03, today 15/03: still overdue, never « suspendu ».
        var deadlines = Compute(Requisition(D(2026, 3, 2), D(2026, 3, 10)), D(2026, 3, 15), Suspension(D(2026, 3, 5), null, RequisitionDueDate));
        Assert.Equal(DeadlineState.Overdue, deadlines.Single(RequisitionDueDate).State);
        Assert.Equal((D(2026, 3, 10), RequisitionDueDate, false), QueueColumns.OfficeNext(deadlines));
    }

    [Fact]
    public void An_extension_granted_by_the_authority_is_the_new_date_and_the_explanation_keeps_the_first_one()
    {
        // Due 20/03; on 18/03 the authority grants until 03/04: answered 02/04 → on time.
        var requisition = Requisition(D(2026, 3, 2), D(2026, 4, 3), Event(CaseEventTypes.DueDateExtended, D(2026, 3, 18)),
            Event(CaseEventTypes.ItemsSent, D(2026, 4, 2)));
        requisition.InitialDueOn = D(2026, 3, 20);
        var due = Compute(requisition, D(2026, 4, 5)).Single(RequisitionDueDate);
        Assert.Equal((D(2026, 4, 3), D(2026, 4, 2), DeadlineState.Done), (due.DueOn, due.DoneOn, due.State));
        Assert.Equal(["Date prolongée par l'autorité le 18/03/2026 (date initiale : 20/03/2026)."], due.Notes);
        Assert.Null(due.Duration);
    }

    [Fact]
    public void An_extension_cancelled_on_the_timeline_brings_the_authoritys_previous_date_back()
    {
        var definition = CaseKinds.Of(CaseKind.Requisition);
        var first = Event(CaseEventTypes.DueDateExtended, D(2026, 3, 18));
        first.Note = RelationsUsagers.Core.Requisitions.RequisitionKind.ExtensionNote(D(2026, 3, 20), D(2026, 4, 3), null);
        var second = Event(CaseEventTypes.DueDateExtended, D(2026, 4, 1));
        second.Note = RelationsUsagers.Core.Requisitions.RequisitionKind.ExtensionNote(D(2026, 4, 3), D(2026, 4, 17), D(2026, 3, 20));
        Assert.Equal("Date limite prolongée du 03/04/2026 au 17/04/2026 (date initiale : 20/03/2026)", second.Note);
        var requisition = Requisition(D(2026, 3, 2), D(2026, 4, 17), first, second);
        requisition.InitialDueOn = D(2026, 3, 20);

        // The second one cancelled: back to the date the first granted.
        second.IsCancelled = true;
        definition.RefreshDerivedFields(requisition);
        Assert.Equal((D(2026, 4, 3), D(2026, 3, 20)), (requisition.DueOn, requisition.InitialDueOn));

        // Both cancelled: the authority's first date, and no extension left.
        first.IsCancelled = true;
        definition.RefreshDerivedFields(requisition);
        Assert.Equal((D(2026, 3, 20), (DateOnly?)null), (requisition.DueOn, requisition.InitialDueOn));
        Assert.Empty(Compute(requisition, D(2026, 3, 15)).Single(RequisitionDueDate).Notes);
    }
}
