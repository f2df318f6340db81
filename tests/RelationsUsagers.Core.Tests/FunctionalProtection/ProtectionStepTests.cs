using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.FunctionalProtection;
using static RelationsUsagers.Core.Tests.Clock.ClockFixtures;

namespace RelationsUsagers.Core.Tests.FunctionalProtection;

/// <summary>The kind's steps and guards (CRPA L.231-4, L.232-4; impartiality), and the costs summed to the cent.</summary>
public class ProtectionStepTests
{
    private static readonly CaseKindDefinition Kind = CaseKinds.Of(CaseKind.FunctionalProtection);

    private static IReadOnlyList<string> Refusals(ProtectionCase file, string step, DateOnly on, string? text = null) =>
        CaseSteps.Refusals(file, Kind.Step(step)!, new StepInput(on, text), on, isManager: true, LegalClock.Default);

    [Fact]
    public void The_reasons_of_an_implicit_rejection_cannot_be_asked_before_it_is_born()
    {
        var file = ProtectionClockTests.Protection(D(2026, 1, 31));
        Assert.Equal(["Pas de rejet implicite avant le 31/03/2026 (silence de 2 mois après la réception de la demande, CRPA art. L.231-4) : " +
                      "les motifs ne peuvent pas encore être demandés."], Refusals(file, "reasons-requested", D(2026, 3, 30)));
        Assert.Empty(Refusals(file, "reasons-requested", D(2026, 3, 31)));
    }

    [Fact]
    public void Reasons_are_sent_only_once_asked_and_then_close_the_case_as_refused()
    {
        var file = ProtectionClockTests.Protection(D(2026, 1, 31));
        Assert.Contains(Refusals(file, "send-reasons", D(2026, 4, 20), "Faits non établis"), r => r.StartsWith("Enregistrez d'abord la demande des motifs", StringComparison.Ordinal));

        CaseSteps.Apply(file, Kind.Step("reasons-requested")!, new StepInput(D(2026, 4, 15)));
        Assert.Equal((CaseStatus.Received, D(2026, 4, 15)), (file.Status, file.ReasonsRequestedOn));
        Assert.Empty(Refusals(file, "send-reasons", D(2026, 4, 20), "Faits non établis"));
        CaseSteps.Apply(file, Kind.Step("send-reasons")!, new StepInput(D(2026, 4, 20), "Faits non établis"));
        Assert.Equal((CaseStatus.Refused, ProtectionDecision.Refused, "Faits non établis", D(2026, 4, 20)),
            (file.Status, file.Decision, file.DecisionReasons, file.ReasonsSentOn));
        Assert.Equal([ProtectionKind.ReasonsRequested, ProtectionKind.ReasonsSent], file.Events.Select(e => e.Type));
    }

    [Fact]
    public void When_the_director_is_involved_another_named_authority_must_decide()
    {
        var file = ProtectionClockTests.Protection(D(2026, 1, 31));
        file.DirectorInvolved = true;
        Assert.Contains(Refusals(file, "grant", D(2026, 3, 1)), r => r.Contains("impartialité", StringComparison.Ordinal));
        file.DecisionMaker = "Directeur général de l'ARS";
        Assert.Empty(Refusals(file, "grant", D(2026, 3, 1)));
    }

    [Fact]
    public void A_partial_grant_needs_its_reasons_and_records_the_decision_with_its_date()
    {
        var file = ProtectionClockTests.Protection(D(2026, 1, 31));
        Assert.Equal(["« Motifs du refus partiel » est obligatoire."], Refusals(file, "grant-in-part", D(2026, 3, 1)));
        CaseSteps.Apply(file, Kind.Step("grant-in-part")!, new StepInput(D(2026, 3, 1), "Changement d'affectation refusé"));
        Assert.Equal((CaseStatus.ProtectionGranted, ProtectionDecision.GrantedInPart, D(2026, 3, 1)), (file.Status, file.Decision, file.DecisionOn));
        CaseSteps.Apply(file, Kind.Step("withdraw")!, new StepInput(D(2026, 9, 1), "Faute personnelle établie par le jugement"));
        Assert.Equal((CaseStatus.Closed, ProtectionEnd.Withdrawn, D(2026, 9, 1), D(2026, 9, 1)), (file.Status, file.EndKind, file.EndedOn, file.ClosedOn));
        Assert.Equal((CaseStatus.Closed, 0), (CaseSteps.Replay(file).Status, CaseSteps.Replay(file).Problems.Count));
    }

    [Fact]
    public void The_costs_paid_are_summed_to_the_cent()
    {
        // 840,00 € + 1 250,50 € + 0,10 € = 2 090,60 €: no floating point on the way.
        var file = new ProtectionCase
        {
            Costs =
            [
                new ProtectionCost { InvoiceNumber = "F-1", AmountCents = 840_00 },
                new ProtectionCost { InvoiceNumber = "F-2", AmountCents = 1_250_50 },
                new ProtectionCost { InvoiceNumber = "F-3", AmountCents = 10 },
            ],
        };
        Assert.Equal(2_090_60, file.CostsPaidCents);
    }
}
