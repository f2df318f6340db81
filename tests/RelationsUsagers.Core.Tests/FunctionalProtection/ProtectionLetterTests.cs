using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.FunctionalProtection;
using RelationsUsagers.Core.Letters;

namespace RelationsUsagers.Core.Tests.FunctionalProtection;

/// <summary>The decision letter (CGFP L.134-1 ff.; décret 2017-97; CRPA L.211-2): the cover and its ceilings, or the reasons.</summary>
public class ProtectionLetterTests
{
    private static readonly DateOnly Today = new(2026, 3, 20);

    private static LetterDraft Draft(ProtectionCase file) => LetterService.Draft(ProtectionLetters.Decision, new LetterContext
    {
        Case = file, Establishment = DemoEstablishment.Create(), Today = Today, Recipient = LetterValues.Requester(file),
        Deadlines = LegalClock.Default.Compute(file, [], Today),
    }, null);

    private static ProtectionCase Decided(string step, string? text)
    {
        var file = TestCases.Protection(new DateOnly(2026, 3, 2));
        file.Reference = "PFA-2026-00001";
        CaseSteps.Apply(file, CaseKinds.Of(file).Step(step)!, new StepInput(new DateOnly(2026, 3, 18), text));
        return file;
    }

    [Fact]
    public void A_grant_lists_the_measures_with_the_fee_ceiling_under_decret_2017_97()
    {
        var file = Decided("grant", null);
        file.Measures = [new ProtectionMeasure { Kind = MeasureKind.FeeAgreement, Lawyer = "Me Hélène Garnier", CeilingCents = 2_500_00 }];

        var draft = Draft(file);

        Assert.True(draft.Ready, string.Join(" ", draft.Missing));
        Assert.Equal("accord total", draft.Values[LetterFields.DecisionText.Code]);
        Assert.Equal("– Convention d'honoraires (plafonds, décret 2017-97), Me Hélène Garnier, dans la limite de 2\u00A0500,00\u00A0€ " +
                     "(décret n° 2017-97 du 26 janvier 2017)", draft.Values[LetterFields.ProtectionMeasures.Code]);
        Assert.Null(draft.Values[LetterFields.RefusalReason.Code]);
    }

    [Fact]
    public void A_refusal_gives_its_reasons_and_is_not_written_without_them()
    {
        var refused = Decided("refuse", "Faits sans lien avec le service");
        Assert.Equal("Faits sans lien avec le service", Draft(refused).Values[LetterFields.RefusalReason.Code]);
        Assert.Null(Draft(refused).Values[LetterFields.ProtectionMeasures.Code]);

        refused.DecisionReasons = " ";
        Assert.Contains("Les motifs du refus sont obligatoires (CRPA art. L.211-2).", Draft(refused).Missing);
    }
}
