using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Imports;

namespace RelationsUsagers.Core.AccessRequests.Import;

/// <summary>What a column of a hand-kept access dashboard holds (usual columns of the office's tracking spreadsheet; CSP R.1112-80 II 1° c).</summary>
public enum DashboardField
{
    /// <summary>Recognised but not imported: order number, or a value the portal recomputes (delay, "délai respecté", due date).</summary>
    Ignored = 0,
    ReceivedOn = 1,
    /// <summary>Last name, or "NOM Prénom" when the file has no first-name column.</summary>
    PatientName = 2,
    PatientFirstName = 3,
    BirthDate = 4,
    PatientNumber = 5,
    RequesterName = 6,
    RequesterCapacity = 7,
    Services = 8,
    Channel = 9,
    CompletedOn = 10,
    OlderThanFiveYears = 11,
    /// <summary>"8 jours" / "2 mois": tells the age class when there is no "+ de 5 ans" column.</summary>
    LegalDelay = 12,
    CommunicationMode = 13,
    SentOn = 14,
    RecordedDeliveryNumber = 15,
    AcknowledgedOn = 16,
    Fees = 17,
    PaidOn = 18,
    PageCount = 19,
    Remarks = 20,
    /// <summary>The office's own number for the line ("N°", "Réf."), kept on the case as its former reference.</summary>
    FormerReference = 21,
}

/// <summary>A header recognised as a field, with how sure the match is (100: a usual label as is; below <see cref="ImportVocabulary{TField}.SureScore"/>: to confirm).</summary>
public readonly record struct HeaderMatch(DashboardField Field, int Score);

public static class DashboardFields
{
    private static readonly Dictionary<DashboardField, string> Labels = new()
    {
        [DashboardField.Ignored] = "Ignorée",
        [DashboardField.ReceivedOn] = "Date de réception",
        [DashboardField.PatientName] = "Nom du patient",
        [DashboardField.PatientFirstName] = "Prénom du patient",
        [DashboardField.BirthDate] = "Date de naissance",
        [DashboardField.PatientNumber] = "IPP",
        [DashboardField.RequesterName] = "Demandeur",
        [DashboardField.RequesterCapacity] = "Qualité du demandeur",
        [DashboardField.Services] = "Service(s)",
        [DashboardField.Channel] = "Mode de réception",
        [DashboardField.CompletedOn] = "Date de complétude",
        [DashboardField.OlderThanFiveYears] = "+ de 5 ans",
        [DashboardField.LegalDelay] = "Délai légal",
        [DashboardField.CommunicationMode] = "Mode de communication",
        [DashboardField.SentOn] = "Date d'envoi",
        [DashboardField.RecordedDeliveryNumber] = "N° LRAR",
        [DashboardField.AcknowledgedOn] = "Date de l'AR",
        [DashboardField.Fees] = "Frais",
        [DashboardField.PaidOn] = "Date de paiement",
        [DashboardField.PageCount] = "Nombre de pages",
        [DashboardField.Remarks] = "Observations",
        [DashboardField.FormerReference] = CaseFileFieldNames.FormerReference,
    };

    public static string Label(this DashboardField field) => Vocabulary.Label(field);

    /// <summary>The columns without which no line can be imported.</summary>
    public static IReadOnlyList<DashboardField> Required { get; } = [DashboardField.ReceivedOn, DashboardField.PatientName];

    /// <summary>Usual labels of each column, as offices write them; compared after <see cref="NormalizeHeader"/>.</summary>
    public static IReadOnlyDictionary<DashboardField, string[]> Synonyms { get; } = new Dictionary<DashboardField, string[]>
    {
        [DashboardField.ReceivedOn] = ["Date de réception", "Reçu le", "Reçue le", "Date réception", "Réception", "Date de la demande",
            "Date demande", "Date d'arrivée", "Arrivé le", "Date de réception (cachet)", "Date d'entrée", "Arrivée", "Date courrier",
            "Date du courrier", "Date de saisine", "Date d'enregistrement", "Enregistré le"],
        [DashboardField.PatientName] = ["Nom du patient", "Patient", "Nom patient", "Nom", "Nom de naissance", "Patient concerné",
            "Nom prénom", "Nom et prénom", "Nom du patient et prénom", "Identité du patient", "Identité patient", "Nom prénom patient",
            "Patient nom prénom", "Nom usuel", "Usager", "Nom de l'usager"],
        [DashboardField.PatientFirstName] = ["Prénom", "Prénom du patient", "Prénom patient"],
        [DashboardField.BirthDate] = ["Date de naissance", "DDN", "Né(e) le", "Né le", "Née le", "Naissance", "Date naissance", "DN"],
        [DashboardField.PatientNumber] = ["IPP", "N° IPP", "N° patient", "Numéro patient", "IPP / n° de séjour", "Identifiant patient",
            "NIP", "N° de séjour", "N° dossier patient"],
        [DashboardField.RequesterName] = ["Demandeur", "Nom du demandeur", "Demandeur (nom)", "Nom demandeur", "Demandé par", "Demande faite par",
            "Identité du demandeur", "Auteur de la demande", "Requérant", "Nom du requérant", "Demandeur nom prénom"],
        [DashboardField.RequesterCapacity] = ["Qualité du demandeur", "Qualité", "Qualité demandeur", "Lien avec le patient", "Lien",
            "Lien de parenté", "Statut du demandeur", "Qualité du requérant", "Demandeur qualité"],
        [DashboardField.Services] = ["Service(s)", "Service", "Services", "Service concerné", "Services concernés", "Pôle / service",
            "Service(s) / période concernée", "Service d'hospitalisation", "Unité", "UF", "Service de soins", "Pôle"],
        [DashboardField.Channel] = ["Mode de réception", "Canal", "Canal de réception", "Réception par", "Reçu par", "Mode d'arrivée",
            "Voie de réception", "Moyen de réception", "Mode de saisine"],
        [DashboardField.CompletedOn] = ["Date de complétude", "Dossier complet le", "Pièces complètes le", "Date complétude",
            "Complet le", "Date dossier complet", "Complétude", "Pièces reçues le", "Date de réception des pièces", "Dossier complet"],
        [DashboardField.OlderThanFiveYears] = ["+ de 5 ans", "> 5 ans", "Dossier + 5 ans", "Dossier > 5 ans", "Plus de 5 ans",
            "Ancienneté", "Ancienneté du dossier", "Dossier de plus de 5 ans", "+5 ans",
            AccessRequestFieldNames.InformationOlderThanFiveYears],
        [DashboardField.LegalDelay] = ["Délai légal", "Délai applicable", "Délai réglementaire"],
        [DashboardField.CommunicationMode] = ["Mode de communication", "Mode", "Mode d'envoi", "Modalité", "Modalité de communication",
            "Mode de transmission"],
        [DashboardField.SentOn] = ["Date d'envoi", "Envoyé le", "Date envoi", "Envoi le", "Date de communication", "Communiqué le",
            "Date d'envoi / de consultation", "Date de consultation", "Date d'expédition", "Expédié le", "Transmis le",
            "Date de transmission", "Date de remise", "Remis le"],
        [DashboardField.RecordedDeliveryNumber] = ["N° LRAR", "N° recommandé", "Numéro LRAR", "N° de recommandé", "LRAR",
            "Numéro de recommandé", "N° RAR"],
        [DashboardField.AcknowledgedOn] = ["Date de l'AR", "Date AR", "AR reçu le", "Accusé de réception", "Date de l'accusé de réception"],
        [DashboardField.Fees] = ["Frais", "Frais (€)", "Montant", "Montant des frais", "Coût", "Montant facturé", "Frais de reproduction",
            "Frais de copie", "Montant dû"],
        [DashboardField.PaidOn] = ["Date de paiement", "Payé le", "Paiement le"],
        [DashboardField.PageCount] = ["Nombre de pages", "Nb pages", "Nb de pages", "Pages", "Nombre de copies", "Nombre de feuillets"],
        [DashboardField.Remarks] = ["Observations", "Observation", "Remarques", "Remarque", "Commentaires", "Commentaire", "Obs", "Suivi",
            "Notes", "Note"],
        [DashboardField.FormerReference] = ["N°", "N° d'ordre", "Numéro", "No", "Référence", "Réf", "N° de dossier", "Numéro de dossier",
            "N° demande", "N° de la demande", "Numéro d'ordre", "Référence interne", "Ancienne référence", CaseFileFieldNames.FormerReference],
        [DashboardField.Ignored] = ["Délai (j)", "Délai", "Délai effectif", "Délai effectif (jours)",
            "Délai respecté", "Respect du délai", "Délai respecté O/N", "Date d'échéance", "Échéance",
            "Échéance légale (depuis la réception)", "Délai compté depuis", "Envoi avant 48 h", "Statut", "État", "Etat",
            RejectedLinesWorkbook.ReasonHeader],
    };

    /// <summary>At or above this score a header is taken as is; below, the officer confirms it in the preview.</summary>
    public const int SureScore = ImportVocabulary<DashboardField>.SureScore;

    /// <summary>The dashboard's columns for the shared import: labels, usual labels, required columns.</summary>
    public static ImportVocabulary<DashboardField> Vocabulary { get; } = new(Labels, Synonyms, Required);

    /// <summary>The field of a header, whatever the score. Null if unknown.</summary>
    public static DashboardField? Match(string? header) => Vocabulary.Match(header);

    /// <summary>The field of a header and how sure the match is (<see cref="ImportVocabulary{TField}.Score"/>). Null when nothing fits.</summary>
    public static HeaderMatch? Score(string? header) => Vocabulary.Score(header) is { } m ? new HeaderMatch(m.Field, m.Score) : null;

    /// <summary>Lower case, no accents, no parentheses, no small words: "Né(e) le" → "ne", "Date d'envoi" → "date envoi".</summary>
    public static string NormalizeHeader(string? header) => ImportHeaders.Normalize(header);
}
