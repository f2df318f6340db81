using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Letters;
using static RelationsUsagers.Core.Letters.LetterFields;

namespace RelationsUsagers.Core.AccessRequests;

/// <summary>
/// The letters of a record-access request (CSP L.1111-7, R.1111-1 to R.1111-7; CRPA R.112-5, L.311-14, L.342-1, R.343-1):
/// acknowledgement, missing documents, sending of the copies, invitation to consult on site, reasoned refusal.
/// </summary>
public static class AccessRequestLetters
{
    private static AccessRequest Request(LetterContext c) => (AccessRequest)c.Case!;

    /// <summary>The legal deadline (from receipt, R.1111-1 al.4) and its delay in words.</summary>
    private static (string Due, string Delay) LegalDelay(LetterContext c)
    {
        var legal = c.Deadlines.FirstOrDefault(d => d.Code is DelaySettings.Access8Days or DelaySettings.Access2Months && !d.FromCompleteRequest && !d.IsFloor);
        var twoMonths = legal?.Code == DelaySettings.Access2Months || Request(c).InformationOlderThanFiveYears;
        var setting = c.Clock.Setting(twoMonths ? DelaySettings.Access2Months : DelaySettings.Access8Days);
        return (LongDate(legal?.DueOn ?? setting.DueFrom(c.Case!.ReceivedOn)),
            twoMonths ? "deux mois, les informations demandées datant de plus de cinq ans" : "huit jours");
    }

    /// <summary>The proofs still missing for the requester's capacity (R.1111-1), one per line.</summary>
    private static string? Missing(AccessRequest r)
    {
        var missing = AccessRequestRules.MissingProofs(r);
        return missing.Count == 0 ? null : string.Join("\n", missing.Select(p => "– " + p.Label()));
    }

    /// <summary>Letters with medical content go to the requester once his capacity is proven, or to the doctor he designated.</summary>
    private static IReadOnlyList<LetterRecipient> Entitled(CaseFile file, Establishment _)
    {
        var r = (AccessRequest)file;
        var list = new List<LetterRecipient> { LetterValues.Requester(r, entitled: AccessRequestRules.HasAllProofs(r)) };
        if (!string.IsNullOrWhiteSpace(r.DesignatedDoctor) && r.RequesterCapacity != RequesterCapacity.DesignatedDoctor)
            list.Add(new LetterRecipient("doctor", "médecin désigné", r.DesignatedDoctor!, null, MayReceiveMedicalContent: true));
        return list;
    }

    private static readonly LetterMention CadaRoute = new("le recours préalable devant la CADA",
        "commission d'accès aux documents administratifs (CADA)", "CRPA art. L.342-1, R.343-1");

    private static readonly LetterMention CadaDelay = new("le délai de deux mois pour saisir la CADA", "dans un délai de deux mois", "CRPA art. R.343-1");

    public static readonly LetterDefinition Acknowledgement = new()
    {
        Code = "access-acknowledgement",
        Title = "Accusé de réception de la demande d'accès au dossier",
        Kind = CaseKind.AccessRequest,
        Subject = "accusé de réception de votre demande de communication du dossier médical de {patient-name}",
        Body =
        [
            "Nous avons reçu le {received-on} votre demande de communication des informations de santé concernant {patient-name}. " +
            "Elle est traitée par le service des relations avec les usagers, que vous pouvez joindre aux coordonnées figurant en tête " +
            "de ce courrier.",
            "Pour que nous puissions y donner suite, nous vous remercions de nous adresser avant le {documents-due-on} les pièces " +
            "suivantes, requises au regard de votre qualité (article R.1111-1 du code de la santé publique) :\n{missing-documents}",
            "Les informations vous seront communiquées au plus tard dans un délai de {communication-delay}, soit le " +
            "{communication-due-on}, et au plus tôt quarante-huit heures après votre demande (article L.1111-7 du code de la " +
            "santé publique).",
            "En l'absence de réponse de notre part dans le délai d'un mois, votre demande sera réputée rejetée le {implicit-decision-on}. " +
            "Vous pourrez alors saisir la commission d'accès aux documents administratifs (CADA) dans un délai de deux mois ; son avis " +
            "est un préalable obligatoire à tout recours devant le {court}.",
        ],
        Mentions =
        [
            new("la date de réception", "Nous avons reçu le", "CRPA art. R.112-5 1°"),
            new("la date de la décision implicite", "sera réputée rejetée le", "CRPA art. R.112-5 1°, R.311-13"),
            CadaRoute,
            CadaDelay,
        ],
        Asked = [DocumentsDueOn],
        Optional = new HashSet<string> { MissingDocuments.Code, DocumentsDueOn.Code },
        Values = c =>
        {
            var (due, delay) = LegalDelay(c);
            return
            [
                (MissingDocuments, Missing(Request(c))),
                (DocumentsDueOn, Missing(Request(c)) is null ? null : LongDate(c.Today.AddMonths(1))),
                (CommunicationDelay, delay),
                (CommunicationDueOn, due),
                // The clock's date (CRPA R.311-13), which waits for the 2 months of L.1111-7 when they apply.
                (ImplicitDecisionOn, LongDate(c.Deadlines.FirstOrDefault(d => d.Code == DelaySettings.AccessImplicitRefusal)?.DueOn
                    ?? c.Clock.Setting(DelaySettings.AccessImplicitRefusal).DueFrom(c.Case!.ReceivedOn))),
            ];
        },
        Fits = file => file.IsOpen,
    };

    public static readonly LetterDefinition MissingDocumentsRequest = new()
    {
        Code = "access-missing-documents",
        Title = "Demande de pièces complémentaires",
        Kind = CaseKind.AccessRequest,
        Subject = "votre demande de communication du dossier médical de {patient-name} – pièces à fournir",
        Body =
        [
            "Vous avez sollicité le {received-on} la communication des informations de santé concernant {patient-name}, en qualité de " +
            "{requester-capacity}.",
            "Afin de vérifier votre identité et votre qualité, comme l'exige l'article R.1111-1 du code de la santé publique, nous vous " +
            "remercions de nous adresser les pièces suivantes :\n{missing-documents}",
            "Nous vous remercions de nous les faire parvenir avant le {documents-due-on}. Votre demande sera traitée dès leur réception.",
        ],
        Mentions = [new("la liste des pièces et leur délai", "avant le", "CRPA art. L.114-5, R.112-5 3°")],
        Asked = [DocumentsDueOn],
        Values = c =>
        [
            (RequesterCapacityField, Request(c).RequesterCapacity.Label().ToLowerInvariant()),
            (MissingDocuments, Missing(Request(c))),
            (DocumentsDueOn, LongDate(c.Today.AddMonths(1))),
        ],
        Hints = new Dictionary<string, string> { [MissingDocuments.Code] = "toutes les pièces requises pour cette qualité sont déjà reçues" },
        SendingEvent = _ => CaseEventTypes.ProofsRequested,
        Fits = file => file.Status is CaseStatus.Received or CaseStatus.AwaitingProofs,
    };

    public static readonly LetterDefinition CopiesSent = new()
    {
        Code = "access-copies",
        Title = "Envoi des copies du dossier médical",
        Kind = CaseKind.AccessRequest,
        Confidential = true,
        Subject = "communication du dossier médical de {patient-name}",
        Body =
        [
            "Suite à votre demande reçue le {received-on}, vous trouverez ci-joint, sous pli confidentiel, la copie des documents " +
            "suivants du dossier médical de {patient-name} : {documents-sent}.",
            "Cet envoi compte {page-count} pages, sur support {medium}. Les informations recueillies auprès de tiers n'intervenant pas " +
            "dans la prise en charge thérapeutique, ou les concernant, en ont été retirées (article L.1111-7 du code de la santé publique).",
            "Frais de reproduction et d'envoi : {fees}, qui ne peuvent excéder le coût de la reproduction et de l'envoi (article L.1111-7).",
            "Envoi en recommandé avec accusé de réception n° {recorded-delivery-number}.",
        ],
        Mentions =
        [
            new("le retrait des informations de tiers", "en ont été retirées", "CSP art. L.1111-7 al.1"),
            new("les frais, au plus le coût de reproduction et d'envoi", "ne peuvent excéder le coût de la reproduction", "CSP art. L.1111-7 ; R.1111-2"),
        ],
        Asked = [DocumentsSent, RecordedDeliveryNumber],
        Optional = new HashSet<string> { RecordedDeliveryNumber.Code },
        Values = c =>
        {
            var r = Request(c);
            var fees = (r.ReproductionFeeCents ?? 0) + (r.PostageFeeCents ?? 0);
            return
            [
                (DocumentsSent, TypedText.NullIfBlank(r.PeriodRequested)),
                (PageCount, r.PageCount?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                (Medium, TypedText.NullIfBlank(r.Medium) ?? "papier"),
                (Fees, fees > 0 ? Euros(fees) : "aucuns frais"),
                (RecordedDeliveryNumber, TypedText.NullIfBlank(r.RecordedDeliveryNumber)),
            ];
        },
        Recipients = Entitled,
        Hints = new Dictionary<string, string>
        {
            [PageCount.Code] = "renseignez le nombre de pages dans le dossier",
            [DocumentsSent.Code] = "indiquez les documents communiqués",
        },
        SendingEvent = _ => CaseEventTypes.CopySent,
        Fits = file => file.Status is CaseStatus.Received or CaseStatus.Complete,
    };

    public static readonly LetterDefinition OnSiteInvitation = new()
    {
        Code = "access-on-site",
        Title = "Invitation à consulter le dossier sur place",
        Kind = CaseKind.AccessRequest,
        Confidential = true,
        Subject = "consultation sur place du dossier médical de {patient-name}",
        Body =
        [
            "Suite à votre demande reçue le {received-on}, je vous propose de consulter sur place le dossier médical de {patient-name} " +
            "le {appointment-on} à {appointment-time}, {appointment-place}. Si cette date ne vous convient pas, il vous suffit de nous " +
            "en proposer une autre.",
            "Cette consultation est gratuite. Un médecin de l'établissement peut vous accompagner pour vous aider à comprendre les " +
            "informations du dossier (article R.1111-2 du code de la santé publique). Des copies pourront vous être remises si vous le souhaitez.",
            "Le médecin qui a établi les informations recommande la présence d'une tierce personne lors de la consultation ; votre " +
            "refus ne fait pas obstacle à la communication (article L.1111-7 du code de la santé publique). {third-person-advice}",
        ],
        Mentions =
        [
            new("la gratuité de la consultation", "Cette consultation est gratuite", "CSP art. R.1111-2"),
            new("l'accompagnement médical proposé", "Un médecin de l'établissement peut vous accompagner", "CSP art. R.1111-2"),
        ],
        Asked = [AppointmentOn, AppointmentTime, AppointmentPlace, ThirdPersonAdvice],
        Optional = new HashSet<string> { ThirdPersonAdvice.Code },
        Values = c => [(AppointmentPlace, TypedText.NullIfBlank(c.Establishment.ServiceName) is { } s ? $"au {s.ToLowerInvariant()}" : null)],
        Recipients = Entitled,
        SendingEvent = _ => CaseEventTypes.OnSiteOffered,
        Fits = file => file.Status is CaseStatus.Received or CaseStatus.Complete,
    };

    public static readonly LetterDefinition Refusal = new()
    {
        Code = "access-refusal",
        Title = "Refus motivé de communication",
        Kind = CaseKind.AccessRequest,
        Subject = "votre demande de communication du dossier médical de {patient-name}",
        Body =
        [
            "Vous avez sollicité le {received-on} la communication des informations de santé concernant {patient-name}.",
            "J'ai le regret de ne pouvoir donner suite à votre demande, pour le motif suivant : {refusal-reason}",
            "Vous pouvez contester cette décision en saisissant la commission d'accès aux documents administratifs (CADA), " +
            "TSA 50730, 75334 Paris Cedex 07, dans un délai de deux mois à compter de sa réception. La saisine de la CADA est un " +
            "préalable obligatoire à tout recours contentieux devant le {court} ; la commission rend son avis dans un délai d'un mois.",
        ],
        Mentions =
        [
            new("la motivation du refus", "pour le motif suivant", "CSP art. R.1111-7 ; CRPA art. L.311-14"),
            CadaRoute,
            CadaDelay,
            new("le caractère obligatoire du recours à la CADA", "préalable obligatoire à tout recours contentieux", "CRPA art. L.342-1, R.343-1"),
        ],
        Asked = [RefusalReason],
        Values = c => [(RefusalReason, TypedText.NullIfBlank(Request(c).RefusalReason))],
        Hints = new Dictionary<string, string> { [RefusalReason.Code] = "indiquez le motif du refus" },
        SendingEvent = _ => CaseEventTypes.RefusalSent,
        Fits = file => file.Status is CaseStatus.Received or CaseStatus.AwaitingProofs or CaseStatus.Complete,
    };

    public static IReadOnlyList<LetterDefinition> All { get; } = [Acknowledgement, MissingDocumentsRequest, CopiesSent, OnSiteInvitation, Refusal];
}
