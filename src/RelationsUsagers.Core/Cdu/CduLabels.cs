using System.Globalization;

namespace RelationsUsagers.Core.Cdu;

/// <summary>French labels of the CDU's codes.</summary>
public static class CduLabels
{
    public static string Label(this CduCategory category) => category switch
    {
        CduCategory.LegalRepresentative => "Représentant(e) légal(e) de l'établissement",
        CduCategory.MedicalMediator => "Médiateur(trice) médecin",
        CduCategory.NonMedicalMediator => "Médiateur(trice) non médecin",
        CduCategory.PatientRepresentative => "Représentant(e) des usagers",
        CduCategory.CmePresident => "Président(e) de la CME ou son représentant",
        CduCategory.NursingCommission => "Représentant(e) de la CSIRMT",
        CduCategory.StaffRepresentative => "Représentant(e) du personnel",
        CduCategory.SupervisoryBoard => "Représentant(e) du conseil de surveillance",
        CduCategory.QualityOfficer => "Responsable de la politique qualité (voix consultative)",
        _ => category.ToString(),
    };

    /// <summary>R.1112-81 I: 1°, 2° or 3°; null for the optional members of R.1112-81 II.</summary>
    public static int? LegalCategory(this CduCategory category) => category switch
    {
        CduCategory.LegalRepresentative => 1,
        CduCategory.MedicalMediator or CduCategory.NonMedicalMediator => 2,
        CduCategory.PatientRepresentative => 3,
        _ => null,
    };

    public static string Label(this CduOffice office) => office switch
    {
        CduOffice.None => "Aucune",
        CduOffice.President => "Président(e)",
        CduOffice.VicePresident => "Vice-président(e)",
        _ => office.ToString(),
    };

    /// <summary>"Suppléant(e)" or "titulaire", as it follows a category label.</summary>
    public static string SeatLabel(bool isDeputy) => isDeputy ? "suppléant(e)" : "titulaire";

    /// <summary>"Médiateur(trice) médecin suppléant(e)", "Représentant(e) des usagers titulaire, président(e)".</summary>
    public static string RoleLabel(this CduMember member)
    {
        var seat = member.Category.LegalCategory() is null || member.Category == CduCategory.LegalRepresentative
            ? member.Category.Label()
            : $"{member.Category.Label()} {SeatLabel(member.IsDeputy)}";
        return member.Office == CduOffice.None ? seat : $"{seat}, {member.Office.Label().ToLowerInvariant()}";
    }

    public static string Label(this CduMeetingStatus status) => status switch
    {
        CduMeetingStatus.Planned => "Prévue",
        CduMeetingStatus.AgendaPublished => "Ordre du jour publié",
        CduMeetingStatus.Held => "Tenue",
        CduMeetingStatus.Cancelled => "Annulée",
        _ => status.ToString(),
    };

    public static string Label(this CduPresence presence) => presence switch
    {
        CduPresence.Present => "Présent",
        CduPresence.DeputyReplacing => "Remplacé par son suppléant",
        CduPresence.Excused => "Excusé",
        CduPresence.Absent => "Absent",
        _ => presence.ToString(),
    };

    public static string Label(this AgendaItemKind kind) => kind switch
    {
        AgendaItemKind.ComplaintsReceivedAndAnswered => "Plaintes et réclamations reçues et réponses apportées",
        AgendaItemKind.MediationReportAwaitingCdu => "Compte rendu de médiation à examiner",
        AgendaItemKind.ComplaintToExamine => "Réclamation à examiner",
        AgendaItemKind.IndemnityClaimsForInformation => "Demandes indemnitaires et contentieux (pour information)",
        AgendaItemKind.RecordAccessFigures => "Demandes d'accès au dossier médical",
        AgendaItemKind.SeriousAdverseEvents => "Événements indésirables graves et actions correctives",
        AgendaItemKind.SatisfactionResults => "Résultats des enquêtes de satisfaction",
        AgendaItemKind.RecommendationFollowUp => "Suivi des recommandations de la CDU",
        AgendaItemKind.FreeItem => "Point divers",
        _ => kind.ToString(),
    };

    public static string Label(this CduRecommendationStatus status) => status switch
    {
        CduRecommendationStatus.Planned => "Prévue",
        CduRecommendationStatus.InProgress => "En cours",
        CduRecommendationStatus.Done => "Réalisée",
        CduRecommendationStatus.NotDone => "Non réalisée",
        _ => status.ToString(),
    };
}

/// <summary>Dates, quarters and French typography as the office writes them.</summary>
public static class CduText
{
    /// <summary>U+00A0, before « : » and inside « » so that a line never starts with the colon or a closing quote.</summary>
    public const char Nbsp = '\u00A0';

    internal static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"1er trimestre", "2e trimestre"... (ordinals in plain letters, the same on screen, in print and in Excel).</summary>
    public static string Quarter(int quarter) => quarter == 1 ? "1er trimestre" : $"{quarter}e trimestre";

    /// <summary>« text », with non-breaking spaces inside the guillemets.</summary>
    public static string Quoted(string text) => $"«{Nbsp}{text}{Nbsp}»";

    /// <summary>
    /// "846", "1 500", "195 846": thousands grouped as French writes them, by a narrow no-break space (as the queue's
    /// counts). The check before publication reads a number so grouped as a quantity, where "195846" could be a patient
    /// number (see <see cref="Pseudonymiser"/>).
    /// </summary>
    public static string Number(int number) => number.ToString("N0", French);

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>"1 renouvellement", "2 renouvellements": the noun agreed with the count (plural from 2, as French writes it).</summary>
    public static string Count(int count, string singular, string? plural = null) =>
        $"{Number(count)} {(count >= 2 ? plural ?? singular + "s" : singular)}";

    /// <summary>The first letter in lower case, the rest as written ("Procédure CCI" → "procédure CCI", acronyms kept).</summary>
    public static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    internal static int QuarterOf(DateOnly date) => (date.Month - 1) / 3 + 1;

    internal static string Percent(int part, int whole) =>
        whole == 0 ? "sans objet" : $"{Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture)} %";
}
