namespace RelationsUsagers.Core.Cdu;

/// <summary>Folded words that frame a name without being one (civilities, ranks, particles) or tell it is no person.</summary>
internal static class NameWords
{
    /// <summary>Civilities: they stay in the text ("M. L."), and a capitalised word after one is a name even when unknown.</summary>
    public static readonly HashSet<string> Civilities = new(StringComparer.Ordinal)
    {
        "m", "mr", "mme", "mmes", "mlle", "mlles", "madame", "monsieur", "mademoiselle", "messieurs", "mesdames",
        "dr", "docteur", "docteure", "pr", "professeur", "professeure", "me", "maitre", "maitres",
    };

    /// <summary>Ranks and functions written before a name ("Lieutenant Jean Dupont", "Capitaine Morel").</summary>
    public static readonly HashSet<string> Ranks = new(StringComparer.Ordinal)
    {
        "brigadier", "chef", "lieutenant", "capitaine", "commandant", "major", "adjudant", "marechal", "logis", "gendarme",
        "sergent", "colonel", "general", "commissaire", "officier", "opj", "apj", "agent", "inspecteur", "inspectrice",
        "substitut", "procureur", "procureure", "juge", "vice", "adjoint", "adjointe", "greffier", "greffiere",
        "infirmier", "infirmiere", "aide", "soignant", "soignante", "cadre", "sage", "femme",
    };

    /// <summary>Ranks and functions that, in a text, announce a name when a capitalised word follows ("Lieutenant Morel").</summary>
    public static readonly HashSet<string> RankOpeners = new(StringComparer.Ordinal)
    {
        "lieutenant", "capitaine", "commandant", "brigadier", "adjudant", "major", "colonel", "sergent", "gendarme", "commissaire",
        "inspecteur", "inspectrice", "juge", "substitut", "procureur", "procureure", "greffier", "greffiere", "infirmier", "infirmiere",
    };

    /// <summary>Words that open a name in a text without being part of it: "épouse Martin", "veuve Dupont", "née Garnier" (a maiden name).</summary>
    public static readonly HashSet<string> NameOpeners = new(StringComparer.Ordinal)
    {
        "epouse", "epoux", "veuve", "veuf", "nee", "ne", "dite", "dit", "famille",
    };

    /// <summary>Particles go with the name they belong to, never on their own ("le", "de"...).</summary>
    public static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "le", "la", "les", "l", "de", "du", "des", "d", "van", "von", "der", "den", "di", "da", "del", "della", "dos", "das",
        "ben", "bin", "el", "al", "et", "y", "af", "ter", "ten", "mac", "mc", "o", "st", "ste", "saint", "sainte",
    };

    /// <summary>Titles after a civility that are functions, not names: "M. le Directeur", "Mme la Présidente".</summary>
    public static readonly HashSet<string> Functions = new(StringComparer.Ordinal)
    {
        "directeur", "directrice", "president", "presidente", "maire", "mediateur", "mediatrice", "procureur", "procureure",
        "juge", "batonnier", "batonniere", "chef", "doyen", "doyenne", "ministre", "prefet", "prefete", "secretaire",
        "representant", "representante", "delegue", "deleguee", "tresorier", "tresoriere",
    };

    /// <summary>A name field holding one of these names an institution, not a person ("Commissariat de Nantes").</summary>
    public static readonly HashSet<string> Institutions = new(StringComparer.Ordinal)
    {
        "commissariat", "brigade", "gendarmerie", "police", "tribunal", "parquet", "cour", "hopital", "chu", "clinique",
        "cabinet", "association", "societe", "mutuelle", "assurance", "assurances", "assureur", "caisse", "cpam", "ars",
        "mairie", "service", "direction", "ordre", "cci", "oniam", "compagnie", "sarl", "sas", "scp", "selarl", "ehpad",
        "centre", "commission", "conseil", "unite", "prefecture", "ministere", "agence", "etablissement", "groupe",
        "fondation", "federation", "union", "syndicat", "office", "departement", "region", "sdis", "samu", "smur",
    };

    /// <summary>
    /// Common French words that are also frequent surnames or first names: written in lower case they are words, so the
    /// check before publishing does not flag them ("un petit retard", "la rose", "le marchand").
    /// </summary>
    public static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "petit", "petite", "grand", "grande", "blanc", "blanche", "brun", "brune", "roux", "rousse", "noir", "vert", "gros",
        "bon", "bonne", "page", "masse", "marchand", "boucher", "meunier", "boulanger", "mercier", "charpentier", "berger",
        "barbier", "pierre", "pierres", "rose", "roses", "claire", "clair", "noel", "marie", "france", "roy", "roi", "roche",
        "riviere", "fontaine", "chevalier", "olivier", "picard", "renard", "bouvier", "carre", "chauvin", "clement",
        "gaillard", "leger", "poirier", "robert", "jean", "paris", "jeune", "sage", "doux", "fort", "lange", "moulin",
        "bois", "rivet", "vigne", "champ", "pont", "mars", "avril", "mai", "juin", "janvier", "point", "colin", "martin",
        "mathieu", "lucas", "simon", "denis", "david", "thomas", "richard", "michel", "vincent", "laurent", "gerard",
        "henry", "louis", "lievre", "loup", "mouton", "baron", "comte", "prince", "lenoir", "dupre", "pre", "val", "mont",
        "laine", "fabre", "faure", "fevrier", "aubert", "germain", "juste", "constant", "fidele", "prosper", "aime",
        "joly", "joli", "joyeux", "lebon", "legrand", "bonnet", "lacroix", "croix", "mur", "porte", "lac", "rey", "garcia",
    };

    public static bool IsTitle(string folded) => Civilities.Contains(folded) || Ranks.Contains(folded);
}
