using RelationsUsagers.Core.Clock;
using RelationsUsagers.Web.Cases;

namespace RelationsUsagers.Web.Tests.Cases;

/// <summary>The deadlines table says which of the two record-access delays is the law's and which the office's practice.</summary>
public sealed class DeadlinesPanelTests : PortalTestContext
{
    private static readonly DateOnly Received = new(2026, 3, 2), Complete = new(2026, 3, 4);

    [Fact]
    public void The_legal_and_the_practice_delay_are_named_and_a_lone_deadline_is_not()
    {
        IReadOnlyList<Deadline> deadlines =
        [
            new(DelaySettings.Access8Days, "Communication du dossier (8 jours)", Received, Received.AddDays(8), null, DeadlineState.Overdue,
                "CSP art. L.1111-7 al.2 ; R.1111-1 al.4"),
            new(DelaySettings.Access8Days, "Communication du dossier (8 jours) – dossier complet", Complete, Complete.AddDays(8), null,
                DeadlineState.Overdue, "CSP art. L.1111-7 al.2 ; R.1111-1 al.4") { FromCompleteRequest = true },
            new(DelaySettings.ComplaintAcknowledgement, "Accusé de réception", Received, Received.AddDays(8), null, DeadlineState.Upcoming,
                "CSP art. R.1112-92"),
            // The 48-hour floor also counts from the complete request, but it is the law's (L.1111-7), not a practice.
            new(DelaySettings.AccessReflection48h, "Délai de réflexion (48 heures)", Complete, Complete.AddDays(2), null, DeadlineState.Done,
                "CSP art. L.1111-7 al.2") { FromCompleteRequest = true, IsFloor = true },
        ];

        var panel = Render<DeadlinesPanel>(p => p.Add(c => c.Deadlines, deadlines));

        var rows = panel.FindAll("tbody tr");
        Assert.Equal("Délai légal : compté depuis la réception de la demande.", rows[0].QuerySelector(".deadline-basis")!.TextContent.Trim());
        Assert.Equal("Pratique du service : compté depuis le dossier complet.", rows[1].QuerySelector(".deadline-basis")!.TextContent.Trim());
        Assert.Null(rows[2].QuerySelector(".deadline-basis"));
        Assert.Null(rows[3].QuerySelector(".deadline-basis"));
    }
}
