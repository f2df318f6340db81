using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;

namespace RelationsUsagers.Core.Tests.Cases;

/// <summary>The registry of kinds: every kind defined once, and each definition whole and coherent.</summary>
public sealed class CaseKindsTests
{
    public static TheoryData<CaseKind> Kinds() => [.. Enum.GetValues<CaseKind>()];

    [Fact]
    public void Every_kind_has_exactly_one_definition_with_its_own_prefix()
    {
        Assert.Equal(Enum.GetValues<CaseKind>().Order(), CaseKinds.All.Select(d => d.Kind).Order());
        Assert.Equal(CaseKinds.All.Count, CaseKinds.All.Select(d => d.Prefix).Distinct().Count());
        Assert.All(CaseKinds.All, d => Assert.Equal(d.Kind, d.New().Kind));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_step_records_an_event_of_its_kind_and_codes_are_unique(CaseKind kind)
    {
        var definition = CaseKinds.Of(kind);
        var events = definition.AllEventTypes.Select(t => t.Code).ToList();
        Assert.Equal(events.Count, events.Distinct().Count());
        Assert.All(definition.Steps, s => Assert.Contains(s.EventType, events));
        Assert.Equal(definition.Steps.Count, definition.Steps.Select(s => s.Code).Distinct().Count());
        Assert.All(definition.Steps, s => Assert.NotEmpty(s.From));
        Assert.DoesNotContain(definition.Steps, s => s.From.Any(f => f.IsFinal()));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_status_is_reached_from_received_and_every_open_status_can_end(CaseKind kind)
    {
        var definition = CaseKinds.Of(kind);
        var reached = new HashSet<CaseStatus> { CaseStatus.Received };
        for (var grew = true; grew;)
            grew = definition.Steps.Where(s => s.From.Any(reached.Contains) && s.To is { } to && !reached.Contains(to)).Select(s => reached.Add(s.To!.Value)).ToList().Count > 0;
        Assert.Equal(definition.Statuses.Order(), reached.Order());
        // From every open status some path leads to a final status: no case is stuck.
        foreach (var open in reached.Where(s => !s.IsFinal()))
        {
            var seen = new HashSet<CaseStatus> { open };
            var frontier = new Queue<CaseStatus>([open]);
            var ends = false;
            while (frontier.Count > 0 && !ends)
                foreach (var to in definition.StepsFrom(frontier.Dequeue()).Select(s => s.To).OfType<CaseStatus>())
                {
                    ends |= to.IsFinal();
                    if (seen.Add(to))
                        frontier.Enqueue(to);
                }
            Assert.True(ends, $"{kind}: « {open.Label()} » cannot reach a final status.");
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_closing_step_asks_for_the_outcome_or_the_reason(CaseKind kind) =>
        Assert.All(CaseKinds.Of(kind).Steps.Where(s => s.Closes), s => Assert.True(s.TextRequired && s.TextLabel is not null, s.Code));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_deadline_of_a_kind_is_a_known_setting_with_its_article(CaseKind kind)
    {
        var deadlines = LegalClock.Default.Compute(TestCases.Of(kind), [], TestDatabase.Today);
        Assert.NotEmpty(deadlines);
        Assert.All(deadlines, d => Assert.True(LegalClock.Default.IsKnown(d.Code) && d.Article.Length > 0 && d.StartLabel is not null, d.Code));
    }

    [Fact]
    public void The_dates_steps_write_are_known_by_kind()
    {
        Assert.Equal(["AnswerSentOn"], CaseKinds.Of(CaseKind.Complaint).StepFacts.Keys.Order());
        Assert.Equal(["CompletedOn", "OnSiteOfferedOn", "PaidOn", "SentOn"], CaseKinds.Of(CaseKind.AccessRequest).StepFacts.Keys.Order());
        Assert.Equal(["CciReferredOn", "ExpressDecisionNotifiedOn", "InsurerDeclaredOn"], CaseKinds.Of(CaseKind.IndemnityClaim).StepFacts.Keys.Order());
        Assert.Equal(["ResponseSentOn", "SecrecyReviewOn", "SeizureOn"], CaseKinds.Of(CaseKind.Requisition).StepFacts.Keys.Order());
    }
}
