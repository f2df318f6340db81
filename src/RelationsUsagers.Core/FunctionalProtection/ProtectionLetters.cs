using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Letters;
using static RelationsUsagers.Core.Letters.LetterFields;

namespace RelationsUsagers.Core.FunctionalProtection;

/// <summary>
/// The decision on a request for protection fonctionnelle (CGFP L.134-1 ff.; décret 2017-97; CRPA L.211-2, L.232-4): the
/// forms of protection and the cost cover with its ceilings, or the reasons of a refusal, even partial, and the remedies.
/// Not an acknowledgement: CRPA L.112-3 does not apply to relations with agents (L.112-2).
/// </summary>
public static class ProtectionLetters
{
    private static string MeasureLine(ProtectionMeasure m) =>
        $"– {m.Kind.Label()}" + (m.Lawyer is { Length: > 0 } lawyer ? $", {lawyer}" : "") +
        (m.CeilingCents is { } ceiling ? $", dans la limite de {Euros(ceiling)} (décret n° 2017-97 du 26 janvier 2017)" : "") +
        (m.Details is { Length: > 0 } details ? $" ({details})" : "");

    public static readonly LetterDefinition Decision = new()
    {
        Code = "protection-decision",
        Title = "Décision sur la protection fonctionnelle",
        Kind = CaseKind.FunctionalProtection,
        Subject = "votre demande de protection fonctionnelle reçue le {received-on}",
        Body =
        [
            "Par courrier reçu le {received-on}, vous avez sollicité le bénéfice de la protection fonctionnelle prévue aux articles " +
            "L.134-1 et suivants du code général de la fonction publique, à la suite des faits du {facts-on} ({protection-ground}).",
            "Décision prise par {decision-maker}, les faits mettant en cause le directeur de l'établissement.",
            "J'ai l'honneur de vous faire connaître la décision suivante : {decision-text}.",
            "La protection vous est accordée sous les formes suivantes :\n{protection-measures}",
            "Cette décision est fondée sur les motifs suivants : {refusal-reason}",
            "Cette décision peut faire l'objet d'un recours devant le {court} dans un délai de deux mois à compter de sa notification.",
        ],
        Mentions =
        [
            new("le fondement de la protection", "articles L.134-1 et suivants du code général de la fonction publique", "CGFP art. L.134-1"),
            new("les voies et délais de recours", "dans un délai de deux mois à compter de sa notification", "CJA art. R.421-1, R.421-5"),
        ],
        Optional = new HashSet<string> { ProtectionMeasures.Code, RefusalReason.Code, DecisionMaker.Code, FactsOn.Code },
        Values = c =>
        {
            var p = (ProtectionCase)c.Case!;
            return
            [
                (FactsOn, p.FactsOn is { } f ? LongDate(f) : null),
                (LetterFields.ProtectionGround, p.Ground.Label()),
                (DecisionText, p.Decision?.Label().ToLowerInvariant()),
                (ProtectionMeasures, p.Decision is ProtectionDecision.Refused || p.Measures.Count == 0 ? null : string.Join("\n", p.Measures.Select(MeasureLine))),
                (RefusalReason, p.Decision is ProtectionDecision.Refused or ProtectionDecision.GrantedInPart ? TypedText.NullIfBlank(p.DecisionReasons) : null),
                (DecisionMaker, p.DirectorInvolved ? TypedText.NullIfBlank(p.DecisionMaker) : null),
            ];
        },
        // A refusal, even partial, is reasoned (CRPA L.211-2); the director involved does not sign his own case.
        Checks = c =>
        {
            var p = (ProtectionCase)c.Case!;
            var missing = new List<string>();
            if (p.Decision is ProtectionDecision.Refused or ProtectionDecision.GrantedInPart && string.IsNullOrWhiteSpace(p.DecisionReasons))
                missing.Add("Les motifs du refus sont obligatoires (CRPA art. L.211-2).");
            if (p.DirectorInvolved && string.IsNullOrWhiteSpace(p.DecisionMaker))
                missing.Add("Les faits mettent en cause le directeur : indiquez l'autorité décisionnaire.");
            return missing;
        },
        Hints = new Dictionary<string, string> { [DecisionText.Code] = "enregistrez d'abord la décision par son étape" },
        Fits = file => ((ProtectionCase)file).Decision is not null,
    };

    public static IReadOnlyList<LetterDefinition> All { get; } = [Decision];
}
