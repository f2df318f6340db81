using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Letters;
using static RelationsUsagers.Core.Letters.LetterFields;

namespace RelationsUsagers.Core.Claims;

/// <summary>The letters of an indemnity claim: acknowledgement (CRPA R.112-5), express decision (CJA R.421-5), declaration to the insurer.</summary>
public static class ClaimLetters
{
    /// <summary>CJA R.421-2, CRPA L.231-4: the day the claim is deemed rejected (moved only by documents awaited, L.114-5).</summary>
    private static string ImplicitRejection(LetterContext context) =>
        LongDate(context.Deadlines.FirstOrDefault(d => d.Code == DelaySettings.ClaimImplicitRejection)?.DueOn
                 ?? context.Clock.Setting(DelaySettings.ClaimImplicitRejection).DueFrom(context.Case!.ReceivedOn));

    public static readonly LetterDefinition Acknowledgement = new()
    {
        Code = "claim-acknowledgement",
        Title = "Accusé de réception de la demande d'indemnisation",
        Kind = CaseKind.IndemnityClaim,
        Subject = "accusé de réception de votre demande d'indemnisation préalable – patient : {patient-name}",
        Body =
        [
            "Nous avons reçu le {received-on} votre demande d'indemnisation préalable concernant la prise en charge de {patient-name} " +
            "dans notre établissement. Elle est instruite par le service des relations avec les usagers, que vous pouvez joindre aux " +
            "coordonnées figurant en tête de ce courrier.",
            "Votre demande est incomplète : nous vous remercions de nous adresser avant le {documents-due-on} les pièces suivantes : " +
            "{missing-documents}. Le délai au terme duquel votre demande sera réputée rejetée ne court qu'à compter de leur réception " +
            "(article L.114-5 du code des relations entre le public et l'administration).",
            "En l'absence de réponse de notre part dans un délai de deux mois à compter de la réception de votre demande, celle-ci " +
            "sera réputée rejetée le {implicit-decision-on} (article R.421-2 du code de justice administrative).",
            "Vous pourrez contester cette décision implicite de rejet devant le {court} dans un délai de deux mois à compter de la date " +
            "à laquelle elle sera née. Vous pouvez également saisir la commission de conciliation et d'indemnisation des accidents " +
            "médicaux (CCI) ; cette saisine suspend les délais de recours contentieux jusqu'au terme de la procédure (article L.1142-7 " +
            "du code de la santé publique).",
        ],
        Mentions =
        [
            new("la date de réception", "Nous avons reçu le", "CRPA art. R.112-5 1°"),
            new("la date de la décision implicite de rejet", "sera réputée rejetée le", "CRPA art. L.112-3, R.112-5 1°"),
            new("les voies et délais de recours", "dans un délai de deux mois à compter de la date à laquelle elle sera née", "CRPA art. R.112-5 ; CJA art. R.421-2"),
            new("l'effet suspensif de la saisine de la CCI", "suspend les délais de recours contentieux", "CSP art. L.1142-7"),
        ],
        Asked = [MissingDocuments, DocumentsDueOn],
        Optional = new HashSet<string> { MissingDocuments.Code, DocumentsDueOn.Code },
        Values = c => [(ImplicitDecisionOn, ImplicitRejection(c))],
        SendingEvent = _ => CaseEventTypes.AcknowledgementSent,
        // The acknowledgement the portal writes carries the R.112-5 mentions: the court time limit runs from the implicit rejection.
        OnSent = file => ((IndemnityClaim)file).AcknowledgementCarriedMentions = true,
        // Once: an acknowledgement already recorded is not proposed again.
        Fits = file => file.IsOpen && file.LiveEvents.All(e => e.Type != CaseEventTypes.AcknowledgementSent),
    };

    public static readonly LetterDefinition Decision = new()
    {
        Code = "claim-decision",
        Title = "Décision sur la demande d'indemnisation",
        Kind = CaseKind.IndemnityClaim,
        Subject = "décision sur votre demande d'indemnisation du {received-on} – patient : {patient-name}",
        Body =
        [
            "Par courrier reçu le {received-on}, vous avez sollicité l'indemnisation des préjudices que vous estimez avoir subis à la " +
            "suite de la prise en charge de {patient-name}, pour un montant de {claimed-amount}.",
            "Après instruction de votre demande et avis de notre assureur, j'ai l'honneur de vous faire connaître la décision suivante : {decision-text}",
            "L'établissement vous propose à ce titre une indemnité de {offer-amount}, selon les modalités du protocole transactionnel joint.",
            "Cette décision peut être contestée devant le {court} dans un délai de deux mois à compter de sa notification. Vous pouvez " +
            "également saisir la commission de conciliation et d'indemnisation des accidents médicaux (CCI) : cette saisine suspend le " +
            "délai de recours contentieux jusqu'au terme de la procédure (article L.1142-7 du code de la santé publique).",
        ],
        Mentions =
        [
            new("le délai de recours devant le tribunal administratif", "dans un délai de deux mois à compter de sa notification", "CJA art. R.421-1, R.421-5"),
            new("l'effet suspensif de la saisine de la CCI", "suspend le délai de recours contentieux", "CSP art. L.1142-7 ; CE 17 juin 2019 n° 413097"),
        ],
        Asked = [DecisionText],
        Optional = new HashSet<string> { OfferAmount.Code, ClaimedAmount.Code },
        Values = c =>
        {
            var claim = (IndemnityClaim)c.Case!;
            return
            [
                (ClaimedAmount, claim.ClaimedAmountCents is { } a ? Euros(a) : null),
                (OfferAmount, claim.OfferAmountCents is { } o && o > 0 ? Euros(o) : null),
            ];
        },
        Hints = new Dictionary<string, string> { [DecisionText.Code] = "saisissez le texte de la décision (rejet motivé ou proposition)" },
        SendingEvent = _ => CaseEventTypes.ExpressDecisionNotified,
        // Written with the remedies, their time limit and the CCI's suspension: the 2 months run (CJA R.421-5).
        OnSent = file => ((IndemnityClaim)file).DecisionCarriedRemedies = true,
        Fits = file => file.IsOpen,
    };

    public static readonly LetterDefinition InsurerDeclaration = new()
    {
        Code = "claim-insurer-declaration",
        Title = "Déclaration de sinistre à l'assureur",
        Kind = CaseKind.IndemnityClaim,
        Subject = "déclaration de sinistre – contrat de responsabilité civile n° {policy-number}",
        Body =
        [
            "Au titre du contrat de responsabilité civile hospitalière n° {policy-number}, je vous déclare la réclamation suivante, " +
            "reçue le {received-on}.",
            "Demandeur : {claimant}. Patient concerné : {patient-name}. Date des faits : {facts-on}.",
            "Faits allégués : {summary}",
            "Montant réclamé : {claimed-amount}.",
            "Vous trouverez ci-joint : {enclosures}",
            "Je vous remercie de m'indiquer la référence de ce sinistre et, compte tenu des enjeux, la position de votre service " +
            "juridique sur la suite à donner à cette demande avant l'échéance du délai de rejet implicite, le {implicit-decision-on}.",
        ],
        Asked = [Enclosures],
        Optional = new HashSet<string> { FactsOn.Code, ClaimedAmount.Code },
        Values = c =>
        {
            var claim = (IndemnityClaim)c.Case!;
            return
            [
                (PolicyNumber, TypedText.NullIfBlank(c.Establishment.InsurancePolicyNumber)),
                (Claimant, $"{claim.Requester.Name}{(claim.Requester.Capacity is { Length: > 0 } cap ? $" ({cap})" : "")}"),
                (FactsOn, claim.FactsOn is { } f ? LongDate(f) : null),
                (ClaimedAmount, claim.ClaimedAmountCents is { } a ? Euros(a) : null),
                (ImplicitDecisionOn, ImplicitRejection(c)),
                (Enclosures, "la demande du réclamant et ses pièces"),
            ];
        },
        Recipients = (file, e) =>
        [
            new("insurer", "assureur", ((IndemnityClaim)file).InsurerName ?? e.InsurerName ?? "", null, MayReceiveMedicalContent: false),
        ],
        Hints = new Dictionary<string, string>
        {
            [PolicyNumber.Code] = "renseignez le numéro du contrat d'assurance dans la page Établissement",
            [RecipientName.Code] = "renseignez l'assureur dans le dossier ou dans la page Établissement",
        },
        SendingEvent = _ => CaseEventTypes.InsurerDeclared,
        Fits = file => file.IsOpen,
    };

    public static IReadOnlyList<LetterDefinition> All { get; } = [Acknowledgement, Decision, InsurerDeclaration];
}
