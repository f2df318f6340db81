using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Data.DemoSeed;
using RelationsUsagers.Core.Requisitions;

namespace RelationsUsagers.Core.Tests.Requisitions;

/// <summary>
/// The demo's requisitions give real work to see: every medical decision by a named reviewer, dated and reasoned; every
/// seized requisition with a complete CPP 56-3 record; hearings and the insurer's legal cell on the timeline; nothing a
/// step would refuse, no status its facts contradict.
/// </summary>
public sealed class RequisitionDemoDataTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<CaseFile> Generate(int count) => new DemoCaseGenerator(Now).Generate(count).Cases;

    [Fact]
    public void The_300_demo_cases_hold_reviewed_items_complete_seizures_hearings_and_the_legal_cell()
    {
        var cases = Generate(DemoCaseSeeder.DefaultCount);
        var requisitions = cases.OfType<Requisition>().ToList();

        var decided = requisitions.SelectMany(r => r.Items).Where(i => i.Nature == RequisitionItemNature.Medical && i.Secrecy is not null).ToList();
        Assert.NotEmpty(decided);
        Assert.All(requisitions, r => Assert.Empty(RequisitionChecks.IncompleteDecisions(r)));
        var seized = requisitions.Where(r => r.SeizureOn is not null).ToList();
        Assert.NotEmpty(seized);
        Assert.All(seized, r => Assert.Empty(RequisitionChecks.MissingFromSeizure(r)));
        Assert.All(seized, r => Assert.All(r.ServicesTold, s => Assert.InRange(s.ToldOn!.Value, r.ReceivedOn, r.SeizureOn!.Value)));

        var hearings = requisitions.SelectMany(r => r.Events.Where(e => e.Type == CaseEventTypes.Hearing).Select(e => (r, e))).ToList();
        Assert.Equal(2, hearings.Count);
        Assert.All(hearings, h => Assert.InRange(h.e.OccurredOn, h.r.ReceivedOn, h.r.ClosedOn ?? new DateOnly(2026, 11, 25)));
        var claim = Assert.Single(cases.OfType<IndemnityClaim>(), c => c.Events.Any(e => e.Type == CaseEventTypes.LegalCellReferred));
        Assert.True(claim.Events.Single(e => e.Type == CaseEventTypes.LegalCellAnswered).OccurredOn
                    > claim.Events.Single(e => e.Type == CaseEventTypes.LegalCellReferred).OccurredOn);
        Assert.Single(requisitions, r => r.Events.Any(e => e.Type == CaseEventTypes.LegalCellAnswered));
        Assert.All(cases, c => Assert.Empty(CaseSteps.Replay(c).Problems));
    }

    [Fact]
    public void The_additions_are_deterministic()
    {
        static IEnumerable<(string, string, DateOnly, string?)> Added(IReadOnlyList<CaseFile> cases) =>
            cases.SelectMany(c => c.Events.Where(e => e.Type is CaseEventTypes.Hearing or CaseEventTypes.LegalCellReferred or CaseEventTypes.LegalCellAnswered)
                .Select(e => (c.Reference, e.Id.ToString(), e.OccurredOn, e.Note)));

        Assert.Equal(Added(Generate(120)), Added(Generate(120)));
    }
}
