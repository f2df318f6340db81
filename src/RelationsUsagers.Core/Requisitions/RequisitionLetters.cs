using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Letters;
using static RelationsUsagers.Core.Letters.LetterFields;

namespace RelationsUsagers.Core.Requisitions;

/// <summary>The answer to a requisition (CPP 60-1, 77-1-1, 99-3, 56-3; CSP L.1110-4): what is sent, what is withheld and why.</summary>
public static class RequisitionLetters
{
    /// <summary>Administrative items and medical ones handed over with the patient's consent leave; the others are withheld.</summary>
    private static bool Leaves(RequisitionItem item) =>
        item.Nature == RequisitionItemNature.Administrative || item.Secrecy == SecrecyDecision.ConsentGiven;

    public static readonly LetterDefinition Answer = new()
    {
        Code = "requisition-answer",
        Title = "Réponse à la réquisition",
        Kind = CaseKind.Requisition,
        Confidential = true,
        Subject = "réponse à votre réquisition – procédure n° {procedure-number}",
        Body =
        [
            "En réponse à votre réquisition reçue le {received-on}, émise par {authority} dans le cadre de la procédure n° " +
            "{procedure-number} ({legal-basis}), concernant {patient-name}, je vous prie de trouver ci-joint, sous pli fermé et " +
            "confidentiel, les éléments suivants :\n{items-sent}",
            "Les éléments suivants ne peuvent vous être transmis :\n{items-withheld}",
            "Les informations couvertes par le secret médical ne peuvent être communiquées qu'avec le consentement de la personne " +
            "concernée ou par la voie d'une saisie réalisée dans les conditions de l'article 56-3 du code de procédure pénale, en " +
            "présence d'un représentant du conseil de l'ordre des médecins (article L.1110-4 du code de la santé publique ; " +
            "article 226-13 du code pénal).",
        ],
        Mentions =
        [
            new("le secret médical et la voie de la saisie", "article 56-3 du code de procédure pénale", "CPP art. 56-3, 60-1 ; CSP art. L.1110-4"),
            new("la référence de la procédure", "dans le cadre de la procédure n°", "CPP art. 60-1, 77-1-1, 99-3"),
        ],
        Optional = new HashSet<string> { ItemsSent.Code, ItemsWithheld.Code },
        Values = c =>
        {
            var r = (Requisition)c.Case!;
            var sent = r.Items.Where(Leaves).Select(i => i.Secrecy == SecrecyDecision.ConsentGiven
                ? $"– {i.Description} (avec le consentement écrit du patient)"
                : $"– {i.Description}").ToList();
            // Why each item stays: the decision and its reason, as the reviewer gave them (CSP L.1110-4; CPP 56-3).
            var withheld = r.Items.Where(i => !Leaves(i)).Select(Withheld).ToList();
            var authority = string.Join(", ", new[] { r.Authority.Label(), r.OfficerName, r.OfficerUnit, r.MagistrateName, r.Jurisdiction }
                .Where(p => !string.IsNullOrWhiteSpace(p)));
            return
            [
                (Authority, authority),
                (ProcedureNumber, TypedText.NullIfBlank(r.ProcedureNumber)),
                (LegalBasis, r.LegalBasis.Label()),
                (ItemsSent, sent.Count == 0 ? null : string.Join("\n", sent)),
                (ItemsWithheld, withheld.Count == 0 ? null : string.Join("\n", withheld)),
            ];
        },
        // The same checks as the answering steps: no answer leaves before every medical item is decided, by whom, when, why.
        Checks = c => RequisitionChecks.SecrecyReviewProblems((Requisition)c.Case!),
        Hints = new Dictionary<string, string> { [ProcedureNumber.Code] = "renseignez le numéro de procédure de la réquisition" },
        // Something sent: the answer; nothing: a reasoned refusal. Either answers the authority's date.
        SendingEvent = file => ((Requisition)file).Items.Any(Leaves) ? CaseEventTypes.ItemsSent : CaseEventTypes.RefusalSent,
        Fits = file => file.Status is CaseStatus.Received or CaseStatus.SecrecyReview,
    };

    /// <summary>« – Compte rendu opératoire : refusé : secret médical (motif : …) ».</summary>
    private static string Withheld(RequisitionItem item)
    {
        // Lower-case its first letter only: « art. 56-3 CPP » keeps its capitals.
        var decision = item.Secrecy is { } d ? char.ToLowerInvariant(d.Label()[0]) + d.Label()[1..] : "décision sur le secret médical à prendre";
        return string.IsNullOrWhiteSpace(item.SecrecyReason)
            ? $"– {item.Description} : {decision}"
            : $"– {item.Description} : {decision} (motif : {item.SecrecyReason.Trim().TrimEnd('.')})";
    }

    public static IReadOnlyList<LetterDefinition> All { get; } = [Answer];
}
