using System.Globalization;

namespace RelationsUsagers.Core.Cdu;

/// <summary>French labels of the CDU's codes.</summary>
public static class CduLabels
{
    public static string Label(this CduCategory category) => category switch
    {
        CduCategory.LegalRepresentative => "Représentant légal de l'établissement",
        CduCategory.MedicalMediator => "Médiateur médecin",
        CduCategory.NonMedicalMediator => "Médiateur non médecin",
        CduCategory.PatientRepresentative => "Représentant des usagers",
        CduCategory.CmePresident => "Président de la CME ou son représentant",
        CduCategory.NursingCommission => "Représentant de la CSIRMT",
        CduCategory.StaffRepresentative => "Représentant du personnel",
        CduCategory.SupervisoryBoard => "Représentant du conseil de surveillance",
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
        CduOffice.President => "Président",
        CduOffice.VicePresident => "Vice-président",
        _ => office.ToString(),
    };

    /// <summary>"Médiateur médecin suppléant", "Représentant des usagers titulaire, président".</summary>
    public static string RoleLabel(this CduMember member)
    {
        var seat = member.Category.LegalCategory() is null || member.Category == CduCategory.LegalRepresentative
            ? member.Category.Label()
            : $"{member.Category.Label()} {(member.IsDeputy ? "suppléant" : "titulaire")}";
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

/// <summary>Dates and quarters as the office writes them.</summary>
internal static class CduText
{
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"1er trimestre", "2e trimestre"...</summary>
    public static string Quarter(int quarter) => quarter == 1 ? "1er trimestre" : $"{quarter}e trimestre";

    public static int QuarterOf(DateOnly date) => (date.Month - 1) / 3 + 1;

    public static string Percent(int part, int whole) =>
        whole == 0 ? "sans objet" : $"{Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture)} %";
}
