namespace RelationsUsagers.Core.Data.DemoSeed;

/// <summary>
/// Word lists for the demo cases: French names (with their accents), the departments of a ~900-bed public hospital,
/// nearby towns, and the people the office deals with. Everything here is invented; any likeness is chance.
/// </summary>
internal static class DemoVocabulary
{
    public static readonly string[] LastNames =
    [
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
        "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
        "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefebvre", "Faure", "André",
        "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
        "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson",
        "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier",
        "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud",
        "Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron",
        "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe",
        "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet", "Rolland", "Leclercq", "Guillaume", "Lecomte",
        "Ménard", "Hervé", "Jégou", "Le Gall", "Le Floc'h", "Kerbrat", "Pelletier", "Besnard", "Hamon", "Tessier",
        "Poirier", "Bréhier", "Chauvin", "Bouvier", "Lebrun", "Prévost", "Charpentier", "Carré", "Texier", "Guillot",
        "Bégué", "Lévêque", "Pâris", "Thébault", "Josselin", "Rivet", "Gicquel", "Héraud", "Desmarais", "Cochard",
        "Benali", "Haddad", "Nguyen", "Diallo", "Ferreira", "Da Silva", "Kaci", "Traoré", "Yilmaz", "Mendès",
    ];

    public static readonly string[] WomenFirstNames =
    [
        "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Françoise", "Monique", "Christine", "Hélène", "Bénédicte",
        "Anne", "Valérie", "Sandrine", "Véronique", "Céline", "Aurélie", "Émilie", "Julie", "Camille", "Léa",
        "Chloé", "Manon", "Inès", "Zoé", "Jeanne", "Louise", "Agnès", "Geneviève", "Josiane", "Danièle",
        "Mélanie", "Noémie", "Sophie", "Élodie", "Laëtitia", "Gaëlle", "Maëlys", "Anaïs", "Océane", "Thérèse",
        "Odile", "Solène", "Brigitte", "Martine", "Colette", "Yvette", "Renée", "Fatima", "Amélie", "Clémence",
    ];

    public static readonly string[] MenFirstNames =
    [
        "Jean", "Pierre", "Michel", "André", "Philippe", "Alain", "Jacques", "Bernard", "Christian", "Daniel",
        "Patrick", "Nicolas", "Stéphane", "Frédéric", "Éric", "Laurent", "Thierry", "Olivier", "Sébastien", "Jérôme",
        "Julien", "Guillaume", "Mathieu", "Théo", "Lucas", "Hugo", "Nathan", "Louis", "Gabriel", "Raphaël",
        "Noël", "Gérard", "René", "Hervé", "Joël", "Loïc", "Yannick", "Gaëtan", "Benoît", "Clément",
        "Rémi", "Jérémy", "Maël", "Élie", "Léon", "Marcel", "Roger", "Karim", "Mehdi", "François",
    ];

    /// <summary>Departments (the names offered by the case forms) and how often cases name them, with the usual ages of their patients.</summary>
    public static readonly (string Name, int Weight, int MinAge, int MaxAge)[] Services =
    [
        ("Urgences", 18, 1, 95),
        ("Cardiologie", 6, 35, 95),
        ("Maternité", 6, 19, 43),
        ("Gynécologie-obstétrique", 3, 18, 60),
        ("Pédiatrie", 7, 0, 17),
        ("Néonatologie", 1, 0, 0),
        ("Psychiatrie adulte", 5, 18, 80),
        ("Psychiatrie infanto-juvénile", 1, 6, 17),
        ("Chirurgie orthopédique", 6, 15, 92),
        ("Chirurgie digestive", 4, 18, 90),
        ("Chirurgie vasculaire", 1, 45, 92),
        ("Urologie", 2, 30, 90),
        ("Réanimation", 3, 18, 90),
        ("Gériatrie", 6, 75, 99),
        ("Soins de suite et de réadaptation", 2, 50, 97),
        ("Unité de soins palliatifs", 1, 40, 99),
        ("Oncologie", 4, 30, 90),
        ("Hématologie", 1, 18, 88),
        ("Imagerie médicale", 3, 5, 90),
        ("Néphrologie", 2, 30, 90),
        ("Pneumologie", 3, 30, 92),
        ("Gastro-entérologie", 3, 25, 90),
        ("Neurologie", 4, 20, 95),
        ("Endocrinologie", 2, 18, 88),
        ("Médecine interne", 2, 20, 95),
        ("Rhumatologie", 1, 25, 90),
        ("Ophtalmologie", 1, 5, 92),
        ("ORL", 1, 3, 90),
        ("Dermatologie", 1, 10, 90),
        ("Anesthésie", 1, 10, 90),
        ("Laboratoire", 1, 5, 90),
        ("Accueil et admissions", 3, 5, 95),
        ("SAMU-SMUR", 1, 5, 95),
        ("Facturation", 2, 18, 95),
        ("Restauration", 1, 18, 95),
    ];

    public static readonly (string PostCode, string Town)[] Towns =
    [
        ("44000", "Nantes"), ("44100", "Nantes"), ("44200", "Nantes"), ("44300", "Nantes"), ("44400", "Rezé"),
        ("44800", "Saint-Herblain"), ("44700", "Orvault"), ("44230", "Saint-Sébastien-sur-Loire"), ("44240", "La Chapelle-sur-Erdre"),
        ("44120", "Vertou"), ("44600", "Saint-Nazaire"), ("44500", "La Baule-Escoublac"), ("44150", "Ancenis-Saint-Géréon"),
        ("44110", "Châteaubriant"), ("44190", "Clisson"), ("44130", "Blain"), ("44470", "Carquefou"), ("44980", "Sainte-Luce-sur-Loire"),
        ("44340", "Bouguenais"), ("44210", "Pornic"), ("44160", "Pontchâteau"), ("44360", "Saint-Étienne-de-Montluc"),
        ("85000", "La Roche-sur-Yon"), ("85600", "Montaigu-Vendée"), ("49300", "Cholet"), ("56000", "Vannes"),
    ];

    public static readonly string[] Streets =
    [
        "rue de la Paix", "rue Jean-Jaurès", "avenue de la République", "rue Victor-Hugo", "boulevard des Anglais",
        "rue des Lilas", "impasse des Mésanges", "rue du Général-de-Gaulle", "allée des Tilleuls", "rue de l'Église",
        "chemin de la Chênaie", "rue Pasteur", "place du Marché", "rue des Écoles", "avenue du Maréchal-Foch",
        "rue Émile-Zola", "rue de Bretagne", "quai de la Fosse", "rue Crébillon", "route de Vannes",
        "rue du Château", "rue des Vignes", "rue Saint-Médard", "boulevard Gabriel-Lauriol", "rue de la Gare",
    ];

    public static readonly string[] MailDomains = ["orange.fr", "gmail.com", "free.fr", "laposte.net", "sfr.fr", "wanadoo.fr", "yahoo.fr", "hotmail.fr", "outlook.fr"];

    /// <summary>Doctors outside the hospital (designated doctors, family doctors).</summary>
    public static readonly string[] OutsideDoctors =
    [
        "Dr Anne Rousseau", "Dr Marc Lebreton", "Dr Hélène Caradec", "Dr Yves Le Bihan", "Dr Claire Dumoulin",
        "Dr Jean-Baptiste Aubry", "Dr Sophie Le Guen", "Dr Rachid Bensaïd", "Dr Agnès Thibault", "Dr Olivier Ménager",
        "Dr Bénédicte Chauvel", "Dr Paul Kervella",
    ];

    /// <summary>The CDU's mediators (R.1112-82): a medical and a non-medical one, each with a deputy.</summary>
    public static readonly string[] MedicalMediators = ["Dr Philippe Garnier (médiateur médecin)", "Dr Isabelle Roux (médiatrice médecin suppléante)"];
    public static readonly string[] NonMedicalMediators = ["Mme Sylvie Morel (médiatrice non médecin)", "M. Thierry Josse (médiateur non médecin suppléant)"];

    /// <summary>Patient representatives (RU) sitting on the CDU, and their association.</summary>
    public static readonly string[] PatientRepresentatives =
    [
        "Mme Colette Barbier (France Assos Santé)", "M. Gérard Hamon (UFC-Que Choisir)",
        "Mme Odile Prévost (UNAF)", "M. Jean-Pierre Leclercq (Ligue contre le cancer)",
    ];

    /// <summary>Doctors and managers of the hospital who review medical secrecy before anything leaves.</summary>
    public static readonly string[] SecrecyReviewers =
    [
        "Dr Catherine Mallet (DIM)", "Mme Laure Vasseur (direction des affaires juridiques)", "Dr Nicolas Féron (DIM)",
        "M. Arnaud Pichon (directeur adjoint, affaires juridiques)",
    ];

    public static readonly string[] Lawyers =
    [
        "Maître Arnaud Rousseau", "Maître Claire Le Meur", "Maître Jean-Michel Hervouët", "Maître Sandrine Olivier",
        "Maître Pierre-Yves Cadiou", "Maître Nadia Benhamou", "Maître François Gicquel", "Maître Élise Morvan",
    ];

    public static readonly string[] OrdreRepresentatives =
    [
        "Dr Bernard Lemoine, conseil départemental de l'Ordre des médecins",
        "Dr Marie-Christine Josso, conseil départemental de l'Ordre des médecins",
    ];

    /// <summary>Ranks of officers who usually hold the OPJ capacity.</summary>
    public static readonly string[] PoliceRanks = ["Brigadier-chef", "Brigadier", "Lieutenant", "Capitaine", "Commandant", "Major"];
    public static readonly string[] GendarmeRanks = ["Adjudant", "Adjudant-chef", "Maréchal des logis-chef", "Lieutenant", "Capitaine"];

    public static readonly string[] PoliceUnits =
    [
        "Commissariat central de Nantes", "Sûreté départementale de Loire-Atlantique", "Commissariat de Saint-Nazaire",
        "Brigade de protection des familles, Nantes", "Commissariat de Rezé", "Service local de police judiciaire",
    ];

    public static readonly string[] GendarmerieUnits =
    [
        "Brigade de recherches de Nantes", "Brigade territoriale autonome de Clisson", "Compagnie de gendarmerie de Châteaubriant",
        "Brigade territoriale de Blain", "Brigade de recherches de Saint-Nazaire", "Brigade motorisée d'Ancenis",
    ];

    public static readonly string[] Magistrates =
    [
        "Mme Laurence Carof, substitut du procureur", "M. Julien Abgrall, vice-procureur", "Mme Anne-Sophie Quéré, juge d'instruction",
        "M. Pascal Guyomard, juge d'instruction", "Mme Delphine Le Roux, procureure adjointe",
    ];

    public static readonly string[] Jurisdictions = ["Tribunal judiciaire de Nantes", "Tribunal judiciaire de Saint-Nazaire"];

    public const string Insurer = "SHAM/Relyens";
    public const string AdministrativeCourt = "Tribunal administratif de Nantes";
    public const string Cci = "CCI des Pays de la Loire";

    /// <summary>Capacity wording for a relative, by the relative's and the patient's sex.</summary>
    public static string RelativeCapacity(string relation, bool requesterIsWoman, bool patientIsWoman)
    {
        var of = patientIsWoman ? "de la patiente" : "du patient";
        return relation switch
        {
            "child" => (requesterIsWoman ? "fille " : "fils ") + of,
            "spouse" => (requesterIsWoman ? "épouse " : "époux ") + of,
            "partner" => (requesterIsWoman ? "compagne " : "compagnon ") + of,
            "pacs" => "partenaire de PACS " + of,
            "parent" => (requesterIsWoman ? "mère " : "père ") + of,
            "sibling" => (requesterIsWoman ? "sœur " : "frère ") + of,
            "grandchild" => (requesterIsWoman ? "petite-fille " : "petit-fils ") + of,
            _ => "proche " + of,
        };
    }
}
