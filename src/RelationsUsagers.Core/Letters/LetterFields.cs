using System.Globalization;

namespace RelationsUsagers.Core.Letters;

/// <summary>A named field of a letter template: its tag in the Word content control and its French name (the control's title).</summary>
public sealed record LetterField(string Code, string Label);

/// <summary>
/// Every field a letter template may hold, with its French name: the one place that names them. A template the office
/// uploads may use any field its letter gives a value to, and no other.
/// </summary>
public static class LetterFields
{
    // The letterhead (the establishment page).
    public static readonly LetterField Hospital = new("hospital", "Établissement");
    public static readonly LetterField Service = new("service", "Service");
    public static readonly LetterField ServiceAddress = new("service-address", "Adresse du service");
    public static readonly LetterField ServiceEmail = new("service-email", "Courriel du service");
    public static readonly LetterField ServicePhone = new("service-phone", "Téléphone du service");
    public static readonly LetterField Signatory = new("signatory", "Signataire");
    public static readonly LetterField SignatoryTitle = new("signatory-title", "Qualité du signataire");
    public static readonly LetterField Delegation = new("delegation", "Délégation de signature");
    public static readonly LetterField Court = new("court", "Tribunal administratif compétent");
    public static readonly LetterField PlaceAndDate = new("place-and-date", "Lieu et date du courrier");
    // Every letter about a case.
    public static readonly LetterField Reference = new("reference", "Référence du dossier");
    public static readonly LetterField RecipientName = new("recipient-name", "Destinataire");
    public static readonly LetterField RecipientAddress = new("recipient-address", "Adresse du destinataire");
    public static readonly LetterField SendingMode = new("sending-mode", "Mode d'envoi");
    public static readonly LetterField Confidential = new("confidential", "Mention « pli confidentiel »");
    public static readonly LetterField Salutation = new("salutation", "Formule d'appel");
    public static readonly LetterField SalutationInText = new("salutation-plain", "Formule d'appel dans la formule de politesse");
    public static readonly LetterField PatientName = new("patient-name", "Patient concerné");
    public static readonly LetterField ReceivedOn = new("received-on", "Date de réception");
    public static readonly LetterField Summary = new("summary", "Objet de la demande");
    // Requests to the administration (CRPA L.112-3, R.112-5; L.114-5).
    public static readonly LetterField ImplicitDecisionOn = new("implicit-decision-on", "Date de la décision implicite");
    public static readonly LetterField MissingDocuments = new("missing-documents", "Pièces manquantes");
    public static readonly LetterField DocumentsDueOn = new("documents-due-on", "Date limite d'envoi des pièces");
    public static readonly LetterField CommunicationDueOn = new("communication-due-on", "Date limite de communication");
    public static readonly LetterField CommunicationDelay = new("communication-delay", "Délai de communication");
    // Claims.
    public static readonly LetterField ClaimedAmount = new("claimed-amount", "Montant réclamé");
    public static readonly LetterField DecisionText = new("decision-text", "Décision");
    public static readonly LetterField OfferAmount = new("offer-amount", "Montant de l'offre");
    public static readonly LetterField Insurer = new("insurer", "Assureur");
    public static readonly LetterField PolicyNumber = new("policy-number", "N° de contrat d'assurance");
    public static readonly LetterField FactsOn = new("facts-on", "Date des faits");
    public static readonly LetterField Claimant = new("claimant", "Demandeur");
    public static readonly LetterField Enclosures = new("enclosures", "Pièces jointes");
    // Record access.
    public static readonly LetterField RequesterCapacityField = new("requester-capacity", "Qualité du demandeur");
    public static readonly LetterField DocumentsSent = new("documents-sent", "Documents communiqués");
    public static readonly LetterField PageCount = new("page-count", "Nombre de pages");
    public static readonly LetterField Medium = new("medium", "Support");
    public static readonly LetterField Fees = new("fees", "Frais");
    public static readonly LetterField RecordedDeliveryNumber = new("recorded-delivery-number", "N° de recommandé");
    public static readonly LetterField AppointmentOn = new("appointment-on", "Date du rendez-vous");
    public static readonly LetterField AppointmentTime = new("appointment-time", "Heure du rendez-vous");
    public static readonly LetterField AppointmentPlace = new("appointment-place", "Lieu du rendez-vous");
    public static readonly LetterField ThirdPersonAdvice = new("third-person-advice", "Présence d'une tierce personne recommandée");
    public static readonly LetterField RefusalReason = new("refusal-reason", "Motif du refus");
    // Complaints and mediation.
    public static readonly LetterField Mediator = new("mediator", "Médiateur");
    public static readonly LetterField ComplaintText = new("complaint-text", "Plainte consignée");
    public static readonly LetterField CduMeetingOn = new("cdu-meeting-on", "Date de la séance de la CDU");
    public static readonly LetterField CduOpinion = new("cdu-opinion", "Avis de la CDU");
    public static readonly LetterField AnswerText = new("answer-text", "Réponse");
    public static readonly LetterField RuContact = new("ru-contact", "Contact des représentants des usagers");
    // Requisitions.
    public static readonly LetterField Authority = new("authority", "Autorité requérante");
    public static readonly LetterField ProcedureNumber = new("procedure-number", "N° de procédure");
    public static readonly LetterField LegalBasis = new("legal-basis", "Cadre juridique");
    public static readonly LetterField ItemsSent = new("items-sent", "Éléments transmis");
    public static readonly LetterField ItemsWithheld = new("items-withheld", "Éléments non transmis et motifs");
    // Protection fonctionnelle
    public static readonly LetterField ProtectionGround = new("protection-ground", "Cas de protection");
    public static readonly LetterField ProtectionMeasures = new("protection-measures", "Mesures accordées");
    public static readonly LetterField DecisionMaker = new("decision-maker", "Autorité décisionnaire");
    // CDU convocation.
    public static readonly LetterField MemberName = new("member-name", "Membre convoqué");
    public static readonly LetterField MemberCapacity = new("member-capacity", "Qualité du membre");
    public static readonly LetterField MeetingOn = new("meeting-on", "Date de la séance");
    public static readonly LetterField MeetingTime = new("meeting-time", "Heure de la séance");
    public static readonly LetterField MeetingPlace = new("meeting-place", "Lieu de la séance");
    public static readonly LetterField Agenda = new("agenda", "Ordre du jour");

    public static IReadOnlyList<LetterField> All { get; } = typeof(LetterFields).GetFields()
        .Where(f => f.FieldType == typeof(LetterField)).Select(f => (LetterField)f.GetValue(null)!).ToList();

    private static readonly Dictionary<string, LetterField> ByCode = All.ToDictionary(f => f.Code);

    public static LetterField? Find(string code) => ByCode.GetValueOrDefault(code);

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>"6 décembre 2026", "1er mars 2027": dates written out as French letters write them.</summary>
    public static string LongDate(DateOnly date) =>
        (date.Day == 1 ? "1er" : date.Day.ToString(French)) + " " + date.ToString("MMMM yyyy", French);

    /// <summary>"14 h 30", "9 h": times as French letters write them (non-breaking spaces).</summary>
    public static string Time(TimeOnly time) =>
        time.Minute == 0 ? $"{time.Hour}\u00A0h" : $"{time.Hour}\u00A0h\u00A0{time.Minute:00}";

    /// <summary>"1 500,00 €" with non-breaking spaces.</summary>
    public static string Euros(long cents) => (cents / 100m).ToString("#,##0.00", French).Replace('\u202F', '\u00A0') + "\u00A0€";
}
