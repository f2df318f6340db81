using RelationsUsagers.Core.Complaints;

namespace RelationsUsagers.Core.Data.DemoSeed;

/// <summary>
/// Sentences for the demo summaries. Placeholders: {who} the patient as the writer names him ("sa mère", "le patient"),
/// {in} the department with its preposition ("aux Urgences", "en Cardiologie"), {h} hours, {w} weeks, {amount} euros.
/// </summary>
internal static class DemoTexts
{
    public static readonly Dictionary<ComplaintMotive, string[]> ComplaintSummaries = new()
    {
        [ComplaintMotive.MedicalCare] =
        [
            "Conteste la prise en charge de {who} {in} : la fracture n'a été diagnostiquée que lors d'un second passage, trois jours plus tard.",
            "Estime que la douleur de {who} n'a pas été prise en compte {in} et demande des explications sur le report de l'intervention.",
            "Reproche une sortie jugée prématurée de {who} {in}, suivie d'une réhospitalisation 48 heures plus tard.",
            "Demande des explications sur les complications survenues après l'intervention de {who} {in}.",
            "S'interroge sur le choix thérapeutique fait pour {who} {in} et souhaite rencontrer le chef de service.",
        ],
        [ComplaintMotive.NursingCare] =
        [
            "Signale des soins d'hygiène insuffisants pour {who} {in} et une sonnette restée sans réponse pendant la nuit.",
            "Escarre apparue pendant le séjour de {who} {in} ; la famille estime ne pas avoir été informée.",
            "Se plaint d'une erreur dans l'administration d'un traitement à {who} {in}, rectifiée par l'équipe de nuit.",
            "Regrette que {who} soit resté(e) plusieurs heures sans aide pour se lever ni s'alimenter {in}.",
        ],
        [ComplaintMotive.Information] =
        [
            "Regrette le manque d'information de la famille sur l'état de santé de {who} {in} ; aucun médecin n'a pu être joint.",
            "La famille n'a pas été prévenue du transfert de {who} vers un autre établissement.",
            "Se plaint de n'avoir reçu aucune explication sur les résultats d'examens de {who} {in}.",
            "Découvre dans le courrier de sortie un diagnostic qui n'avait pas été annoncé à {who} {in}.",
        ],
        [ComplaintMotive.StaffRelations] =
        [
            "Dénonce des propos jugés déplacés d'un professionnel envers {who} {in}.",
            "Se plaint de l'attitude d'un agent {in}, perçue comme méprisante envers {who}.",
            "Reproche à un médecin {in} d'avoir refusé de répondre aux questions de la famille de {who}.",
        ],
        [ComplaintMotive.Reception] =
        [
            "Secrétariat {in} injoignable pendant plusieurs jours ; les messages laissés sont restés sans réponse.",
            "Difficultés d'orientation et d'accueil lors de l'admission de {who} {in}.",
            "Aucune place de stationnement adaptée pour {who}, en fauteuil roulant, lors de sa consultation {in}.",
        ],
        [ComplaintMotive.WaitingTimes] =
        [
            "Attente de {h} heures {in} avant la prise en charge de {who}, sans information pendant l'attente.",
            "Délai de {w} semaines pour obtenir un rendez-vous {in} ; demande que la prise en charge de {who} soit avancée.",
            "Rendez-vous de {who} annulé deux fois {in} sans préavis.",
            "{who} est resté(e) {h} heures sur un brancard dans un couloir {in}.",
        ],
        [ComplaintMotive.Hospitality] =
        [
            "Repas froids et inadaptés au régime de {who} {in} ; chambre double imposée sans explication.",
            "Chambre de {who} mal entretenue {in} et chaleur excessive pendant la canicule.",
            "Bruit permanent la nuit {in}, empêchant {who} de se reposer.",
        ],
        [ComplaintMotive.LostBelongings] =
        [
            "Perte de l'appareil dentaire de {who} pendant son séjour {in} ; demande son remboursement.",
            "Lunettes et prothèses auditives de {who} égarées lors du transfert depuis les Urgences.",
            "Disparition d'une alliance confiée lors de l'admission de {who} {in}.",
        ],
        [ComplaintMotive.Billing] =
        [
            "Conteste une facture de {amount} € reçue pour le passage de {who} {in}, la mutuelle n'ayant pas été sollicitée.",
            "Reçoit un avis des sommes à payer pour un forfait journalier déjà réglé lors du séjour de {who}.",
            "Conteste le supplément chambre particulière facturé pour {who} {in}, qui n'avait pas été demandé.",
        ],
        [ComplaintMotive.PatientRights] =
        [
            "Estime que la dignité de {who} n'a pas été respectée {in} (porte de la chambre laissée ouverte pendant les soins).",
            "Conteste la mise en chambre d'isolement de {who} {in} et demande des explications sur la procédure suivie.",
            "Regrette que les directives anticipées de {who} n'aient pas été consultées {in}.",
            "Se plaint que la personne de confiance désignée par {who} n'ait pas été consultée {in}.",
        ],
        [ComplaintMotive.DischargeTransfer] =
        [
            "Sortie de {who} {in} organisée un vendredi soir sans aide à domicile ni transport.",
            "Transfert de {who} vers un service de soins de suite sans que la famille en soit informée.",
            "Retour à domicile de {who} sans ordonnance ni rendez-vous de suivi.",
        ],
        [ComplaintMotive.MedicalRecord] =
        [
            "Signale des erreurs dans le compte rendu d'hospitalisation de {who} {in} et en demande la rectification.",
            "Le courrier de sortie de {who} n'a pas été transmis au médecin traitant.",
        ],
    };

    public static readonly string[] Praises =
    [
        "Remercie chaleureusement les équipes rencontrées {in} pour la qualité de l'accompagnement de {who}.",
        "Lettre de remerciements pour la disponibilité et l'humanité des soignants {in}.",
        "Souhaite saluer le professionnalisme et la gentillesse de l'équipe de nuit {in} auprès de {who}.",
    ];

    public static readonly Dictionary<CduOpinion, string[]> CduOpinions = new()
    {
        [CduOpinion.Recommendation] =
        [
            "La CDU recommande de rappeler à l'équipe les règles d'information des proches et de désigner un interlocuteur médical pour la famille.",
            "La CDU recommande de revoir l'organisation de l'accueil et de l'attente, et d'informer régulièrement les patients du délai prévisible.",
            "La CDU recommande une procédure écrite pour l'inventaire et la restitution des biens des patients lors des transferts.",
            "La CDU recommande de formaliser la préparation des sorties de fin de semaine avec le service social.",
        ],
        [CduOpinion.RemediesInformation] =
        [
            "La CDU demande que le réclamant soit informé des voies de recours : demande indemnitaire préalable, CCI des Pays de la Loire, tribunal administratif.",
            "La CDU estime que le différend relève d'une demande d'indemnisation et demande que le réclamant soit informé de la saisine possible de la CCI.",
        ],
        [CduOpinion.ReasonedClosure] =
        [
            "La CDU estime que la prise en charge a été conforme aux bonnes pratiques et propose le classement du dossier, les explications ayant été données en médiation.",
            "La CDU prend acte des excuses présentées et des mesures prises par le service, et propose le classement.",
        ],
    };

    /// <summary>Harms behind indemnity claims: department, what happened, and a range of amounts claimed in euros.</summary>
    public static readonly (string Service, string Text, int MinEuros, int MaxEuros)[] Harms =
    [
        ("Chirurgie orthopédique", "Infection du site opératoire après la pose d'une prothèse totale de hanche, ayant nécessité deux reprises chirurgicales.", 30_000, 180_000),
        ("Urgences", "Retard de diagnostic d'un infarctus du myocarde lors d'un passage aux Urgences ; séquelles cardiaques.", 60_000, 350_000),
        ("Maternité", "Déchirure périnéale sévère lors de l'accouchement, avec incontinence persistante.", 40_000, 150_000),
        ("Urgences", "Fracture du scaphoïde non diagnostiquée aux Urgences ; pseudarthrose opérée six mois plus tard.", 8_000, 45_000),
        ("Chirurgie digestive", "Perforation digestive lors d'une cholécystectomie sous cœlioscopie, péritonite et séjour en réanimation.", 50_000, 220_000),
        ("Gériatrie", "Chute d'une patiente âgée dans sa chambre, fracture du col du fémur ; la famille invoque un défaut de surveillance.", 15_000, 80_000),
        ("Imagerie médicale", "Extravasation de produit de contraste lors d'un scanner, brûlure de l'avant-bras.", 3_000, 15_000),
        ("Anesthésie", "Fracture de deux incisives lors d'une intubation ; demande le remboursement des soins dentaires.", 1_500, 6_000),
        ("Psychiatrie adulte", "Fugue d'un patient hospitalisé sans son consentement, blessé lors de sa fugue ; la famille invoque un défaut de surveillance.", 20_000, 120_000),
        ("Réanimation", "Escarre sacrée de stade 4 apparue pendant un séjour en Réanimation.", 15_000, 70_000),
        ("Neurologie", "Retard de prise en charge d'un accident vasculaire cérébral ; hémiplégie séquellaire.", 150_000, 800_000),
        ("Pédiatrie", "Brûlure de la main d'un enfant par une perfusion extravasée.", 5_000, 30_000),
        ("Urologie", "Compresse oubliée lors d'une intervention, découverte au scanner de contrôle ; nouvelle intervention.", 10_000, 50_000),
        ("Cardiologie", "Hématome compressif au point de ponction après une coronarographie, atteinte du nerf fémoral.", 20_000, 90_000),
        ("Oncologie", "Erreur de dosage d'une chimiothérapie, hospitalisation en soins intensifs.", 30_000, 160_000),
        ("Gériatrie", "Perte d'une paire de prothèses auditives pendant l'hospitalisation ; demande de remboursement.", 1_200, 4_500),
        ("Chirurgie digestive", "Vol d'un téléphone portable et d'un portefeuille dans la chambre pendant un examen ; le dépôt au coffre n'avait pas été proposé.", 400, 1_500),
        ("Pédiatrie", "Méningite diagnostiquée tardivement chez un nourrisson renvoyé à domicile ; séquelles auditives.", 200_000, 900_000),
        ("Chirurgie orthopédique", "Erreur de côté lors d'une arthroscopie du genou.", 15_000, 60_000),
    ];

    public static readonly (string Text, bool Medical)[] RequisitionItems =
    [
        ("Dates et heures d'entrée et de sortie de l'intéressé(e) aux Urgences", false),
        ("Identité et adresse déclarées lors de l'admission", false),
        ("Heure d'admission et mode d'arrivée (SMUR, pompiers, moyens personnels)", false),
        ("Présence ou non de l'intéressé(e) dans l'établissement à la date des faits", false),
        ("Liste des séjours dans l'établissement depuis le 1er janvier", false),
        ("Coordonnées du médecin ayant pris en charge l'intéressé(e)", false),
        ("Certificat médical initial décrivant les lésions et l'ITT", true),
        ("Copie intégrale du dossier médical du séjour", true),
        ("Résultat de l'alcoolémie réalisée à l'admission", true),
        ("Comptes rendus des examens d'imagerie", true),
        ("Compte rendu opératoire", true),
        ("Résultats des analyses toxicologiques", true),
    ];

    public static readonly string[] RequisitionContexts =
    [
        "rixe sur la voie publique dans la nuit précédant l'admission",
        "accident de la circulation sur la RN 165",
        "violences conjugales ; la victime a été examinée aux Urgences",
        "décès suspect au domicile, transport par le SMUR",
        "disparition inquiétante signalée par la famille",
        "agression d'un soignant aux Urgences",
        "accident du travail sur un chantier",
        "coups et blessures lors d'une altercation à la sortie d'un bar",
        "conduite sous l'empire d'un état alcoolique suivie d'un accident",
        "vol commis dans une chambre de l'établissement",
        "tentative de suicide sur la voie publique",
        "accident de trottinette électrique avec délit de fuite",
    ];

    /// <summary>Departments where patients are cared for (not billing, catering, admissions, laboratory).</summary>
    public static bool IsClinical(string service) =>
        service is not ("Facturation" or "Restauration" or "Accueil et admissions" or "Laboratoire" or "SAMU-SMUR");

    /// <summary>Departments with beds, where one is "hospitalised".</summary>
    public static bool IsWard(string service) =>
        IsClinical(service) && service is not ("Urgences" or "Imagerie médicale" or "Anesthésie");

    public static string In(string service) => service switch
    {
        "Urgences" => "aux Urgences",
        "Maternité" => "à la Maternité",
        "Accueil et admissions" => "à l'accueil des admissions",
        "Laboratoire" => "au Laboratoire",
        "SAMU-SMUR" => "lors de l'intervention du SMUR",
        "Facturation" => "au service de la facturation",
        "Restauration" => "au service de restauration",
        "Unité de soins palliatifs" => "à l'Unité de soins palliatifs",
        _ => "en " + service,
    };
}
