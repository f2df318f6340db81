using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Imports;

namespace RelationsUsagers.Core.Complaints.Import;

/// <summary>What a column of a hand-kept complaints register holds (usual columns of the register, CSP R.1112-80 I; R.1112-91 to R.1112-94).</summary>
public enum ComplaintRegisterField
{
    /// <summary>Recognised but not imported: a delay or a status the portal recomputes.</summary>
    Ignored = 0,
    /// <summary>The register's own number for the line (« N° »), kept on the case as its former reference.</summary>
    FormerReference = 1,
    ReceivedOn = 2,
    Channel = 3,
    /// <summary>Last name, or "NOM Prénom" when the file has no first-name column.</summary>
    PatientName = 4,
    PatientFirstName = 5,
    BirthDate = 6,
    PatientNumber = 7,
    Complainant = 8,
    ComplainantCapacity = 9,
    Services = 10,
    FactsOn = 11,
    Summary = 12,
    Motives = 13,
    Nature = 14,
    Severity = 15,
    AcknowledgedOn = 16,
    SentToServiceOn = 17,
    /// <summary>« Oui / Non », a type (« médicale ») or the referral's date: what the register says of the mediation.</summary>
    Mediation = 18,
    MediationType = 19,
    MediatorName = 20,
    MediatorReferredOn = 21,
    MediationMeetingOn = 22,
    MediationReportOn = 23,
    CduMeetingOn = 24,
    AnswerSentOn = 25,
    /// <summary>« Suite donnée »: the outcome of a closed complaint.</summary>
    Outcome = 26,
    ClosedOn = 27,
    Remarks = 28,
    /// <summary>« Avis CDU »: the commission's opinion in words (R.1112-94), its kind read from them.</summary>
    CduOpinion = 29,
}

public static class ComplaintRegisterFields
{
    private static readonly Dictionary<ComplaintRegisterField, string> Labels = new()
    {
        [ComplaintRegisterField.Ignored] = "Ignorée",
        [ComplaintRegisterField.FormerReference] = CaseFileFieldNames.FormerReference,
        [ComplaintRegisterField.ReceivedOn] = CaseFileFieldNames.ReceivedOn,
        [ComplaintRegisterField.Channel] = CaseFileFieldNames.Channel,
        [ComplaintRegisterField.PatientName] = CaseFileFieldNames.PatientLastName,
        [ComplaintRegisterField.PatientFirstName] = CaseFileFieldNames.PatientFirstName,
        [ComplaintRegisterField.BirthDate] = CaseFileFieldNames.PatientBirthDate,
        [ComplaintRegisterField.PatientNumber] = CaseFileFieldNames.PatientNumber,
        [ComplaintRegisterField.Complainant] = ComplaintFieldNames.Complainant,
        [ComplaintRegisterField.ComplainantCapacity] = ComplaintFieldNames.ComplainantCapacity,
        [ComplaintRegisterField.Services] = CaseFileFieldNames.Services,
        [ComplaintRegisterField.FactsOn] = ComplaintFieldNames.FactsOn,
        [ComplaintRegisterField.Summary] = ComplaintFieldNames.Summary,
        [ComplaintRegisterField.Motives] = ComplaintFieldNames.Motives,
        [ComplaintRegisterField.Nature] = ComplaintFieldNames.Nature,
        [ComplaintRegisterField.Severity] = ComplaintFieldNames.Severity,
        [ComplaintRegisterField.AcknowledgedOn] = ComplaintFieldNames.AcknowledgedOn,
        [ComplaintRegisterField.SentToServiceOn] = ComplaintFieldNames.SentToServiceOn,
        [ComplaintRegisterField.Mediation] = ComplaintFieldNames.Mediation,
        [ComplaintRegisterField.MediationType] = ComplaintFieldNames.MediationType,
        [ComplaintRegisterField.MediatorName] = ComplaintFieldNames.MediatorName,
        [ComplaintRegisterField.MediatorReferredOn] = ComplaintFieldNames.MediatorReferredOn,
        [ComplaintRegisterField.MediationMeetingOn] = ComplaintFieldNames.MediationMeetingOn,
        [ComplaintRegisterField.MediationReportOn] = ComplaintFieldNames.MediationReportOn,
        [ComplaintRegisterField.CduMeetingOn] = ComplaintFieldNames.CduMeetingOn,
        [ComplaintRegisterField.AnswerSentOn] = ComplaintFieldNames.AnswerSentOn,
        [ComplaintRegisterField.Outcome] = CaseFileFieldNames.Outcome,
        [ComplaintRegisterField.ClosedOn] = CaseFileFieldNames.ClosedOn,
        [ComplaintRegisterField.Remarks] = ComplaintFieldNames.Remarks,
        [ComplaintRegisterField.CduOpinion] = ComplaintFieldNames.CduOpinion,
    };

    public static string Label(this ComplaintRegisterField field) => Vocabulary.Label(field);

    /// <summary>The columns without which no line can be imported.</summary>
    public static IReadOnlyList<ComplaintRegisterField> Required { get; } = [ComplaintRegisterField.ReceivedOn, ComplaintRegisterField.PatientName];

    /// <summary>
    /// Usual labels of each column, as offices write them in their complaints register (the register's usual columns: N°,
    /// date de réception, canal, auteur et qualité, patient, service, date des faits, objet, motifs, caractère, gravité,
    /// accusé de réception, saisine du service, médiation, CR, CDU, réponse, suites, clôture); compared after
    /// <see cref="ImportHeaders.Normalize"/>.
    /// </summary>
    public static IReadOnlyDictionary<ComplaintRegisterField, string[]> Synonyms { get; } = new Dictionary<ComplaintRegisterField, string[]>
    {
        [ComplaintRegisterField.FormerReference] = ["N°", "N° d'ordre", "Numéro", "No", "Référence", "Réf", "N° de dossier", "N° plainte",
            "N° de la plainte", "N° de réclamation", "N° de la réclamation", "N° d'enregistrement", "Numéro d'ordre", "Référence interne",
            "N° chrono", "Chrono", "Ancienne référence", CaseFileFieldNames.FormerReference],
        [ComplaintRegisterField.ReceivedOn] = ["Date de réception", "Date réception", "Reçu le", "Reçue le", "Réception", "Date d'arrivée",
            "Arrivée le", "Date d'entrée", "Date de la plainte", "Date plainte", "Date de la réclamation", "Date réclamation", "Date du courrier",
            "Date courrier", "Date de saisine", "Date d'enregistrement", "Enregistrée le", "Date de dépôt"],
        [ComplaintRegisterField.Channel] = ["Canal", "Canal de réception", "Mode de réception", "Mode de saisine", "Voie de réception",
            "Origine", "Reçue par", "Support", "Forme", "Mode d'arrivée", CaseFileFieldNames.Channel],
        [ComplaintRegisterField.PatientName] = ["Nom du patient", "Patient", "Patient concerné", "Nom patient", "Nom", "Nom prénom",
            "Nom et prénom", "Identité du patient", "Nom prénom patient", "Patient nom prénom", "Usager", "Usager concerné", "Nom de l'usager",
            "Nom de naissance", "Nom usuel"],
        [ComplaintRegisterField.PatientFirstName] = ["Prénom", "Prénom du patient", "Prénom patient"],
        [ComplaintRegisterField.BirthDate] = ["Date de naissance", "DDN", "Né(e) le", "Né le", "Née le", "Naissance", "Date naissance"],
        [ComplaintRegisterField.PatientNumber] = ["IPP", "N° IPP", "N° patient", "NIP", "N° de séjour", "IPP / séjour", "N° dossier patient",
            "Identifiant patient"],
        [ComplaintRegisterField.Complainant] = ["Plaignant", "Nom du plaignant", "Identité du plaignant", "Plaignant nom prénom", "Auteur",
            "Auteur de la plainte", "Auteur de la réclamation", "Nom de l'auteur", "Réclamant", "Nom du réclamant", "Requérant", "Demandeur",
            "Écrit par", "Signataire"],
        [ComplaintRegisterField.ComplainantCapacity] = ["Qualité du plaignant", "Qualité", "Qualité de l'auteur", "Qualité du réclamant",
            "Lien avec le patient", "Lien", "Lien de parenté", "Plaignant qualité", "Auteur qualité", "Statut du plaignant"],
        [ComplaintRegisterField.Services] = ["Service concerné", "Service", "Services", "Service(s)", "Services concernés", "Service mis en cause",
            "Services mis en cause", "Pôle / service", "Pôle", "UF", "Unité", "Service / UF", "Pôle / service / UF", "Service de soins"],
        [ComplaintRegisterField.FactsOn] = ["Date des faits", "Date de l'événement", "Date de l'évènement", "Faits du", "Date du séjour",
            "Date de survenue"],
        [ComplaintRegisterField.Summary] = ["Objet", "Objet de la réclamation", "Objet de la plainte", "Résumé", "Résumé de la plainte",
            "Description", "Synthèse", "Exposé des faits", "Contenu", "Résumé des faits"],
        [ComplaintRegisterField.Motives] = ["Motif", "Motifs", "Motif(s)", "Motif de la plainte", "Motif de la réclamation", "Thème",
            "Thématique", "Catégorie", "Classification", "Domaine"],
        [ComplaintRegisterField.Nature] = ["Nature", "Caractère", "Type", "Type de courrier", "Plainte / réclamation / éloge",
            "Nature de la demande", "Type de demande"],
        [ComplaintRegisterField.Severity] = ["Gravité", "Niveau de gravité", "Criticité"],
        [ComplaintRegisterField.AcknowledgedOn] = ["Date de l'accusé", "Date de l'accusé de réception", "Accusé de réception", "Date AR",
            "AR le", "Date d'AR", "Accusé le", "AR envoyé le", "Date accusé réception", "Date d'accusé de réception"],
        [ComplaintRegisterField.SentToServiceOn] = ["Date de saisine du service", "Saisine du service", "Transmis au service le",
            "Envoi au service", "Date d'envoi au service", "Demande d'avis au service", "Saisine des services pour avis",
            "Date de saisine des services", "Avis demandé au service le"],
        [ComplaintRegisterField.Mediation] = ["Médiation", "Médiation proposée", "Médiation O/N", "Médiation proposée O/N", "Médiation oui/non"],
        [ComplaintRegisterField.MediationType] = ["Type de médiation", "Type médiation", "Médiation médicale / non médicale"],
        [ComplaintRegisterField.MediatorName] = ["Médiateur", "Nom du médiateur", "Médiateur saisi"],
        [ComplaintRegisterField.MediatorReferredOn] = ["Date de saisine du médiateur", "Saisine du médiateur", "Médiateur saisi le",
            "Date saisine médiateur"],
        [ComplaintRegisterField.MediationMeetingOn] = ["Date de rencontre", "Date de la rencontre", "Rencontre le", "Date de la médiation",
            "Date de médiation", "Rencontre de médiation", "Date de la rencontre de médiation"],
        [ComplaintRegisterField.MediationReportOn] = ["Date du CR", "Date du compte rendu", "CR de médiation", "Compte rendu transmis le",
            "CR transmis le", "Date CR médiation", "Date du compte rendu de médiation"],
        [ComplaintRegisterField.CduMeetingOn] = ["Date d'examen en CDU", "CDU", "Examen en CDU", "Date de la CDU", "Séance CDU", "Date CDU",
            "Passage en CDU", "Date de la séance de la CDU", "CDU du"],
        [ComplaintRegisterField.CduOpinion] = ["Avis CDU", "Avis de la CDU", "Avis de la commission", "Avis de la CDU / recommandation",
            "Recommandation CDU", "Recommandations de la CDU", "Conclusion CDU", "Conclusions de la CDU", "Décision CDU"],
        [ComplaintRegisterField.AnswerSentOn] = ["Réponse le", "Date de réponse", "Date réponse", "Réponse", "Date de la réponse",
            "Date de réponse définitive", "Réponse envoyée le", "Réponse du directeur", "Date réponse direction", "Répondu le"],
        [ComplaintRegisterField.Outcome] = ["Suite donnée", "Suites données", "Suites", "Suite", "Issue", "Conclusion", "Actions d'amélioration",
            "Actions", "Suites données / actions"],
        [ComplaintRegisterField.ClosedOn] = ["Clôture", "Date de clôture", "Clôturé le", "Clos le", "Date clôture", "Classé le"],
        [ComplaintRegisterField.Remarks] = ["Observations", "Observation", "Remarques", "Remarque", "Commentaires", "Commentaire", "Obs",
            "Notes", "Note", "Suivi"],
        [ComplaintRegisterField.Ignored] = ["Délai de réponse", "Délai de réponse (jours)", "Délai", "Délai (j)", "Délai respecté",
            "Respect du délai", "Statut", "État", "Etat", "Échéance", RejectedLinesWorkbook.ReasonHeader],
    };

    /// <summary>The register's columns for the shared import.</summary>
    public static ImportVocabulary<ComplaintRegisterField> Vocabulary { get; } = new(Labels, Synonyms, Required);
}
