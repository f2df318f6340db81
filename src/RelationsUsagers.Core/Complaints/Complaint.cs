using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.Complaints;

/// <summary>A complaint or grievance (plainte, réclamation) or praise — CSP R.1112-91 to R.1112-94.</summary>
public sealed class Complaint : CaseFile
{
    public Complaint() : base(CaseKind.Complaint) { }

    public ComplaintNature Nature { get; set; } = ComplaintNature.Grievance;
    public List<ComplaintMotive> Motives { get; set; } = [];
    public DateOnly? FactsOn { get; set; }
    public ComplaintSeverity Severity { get; set; } = ComplaintSeverity.Moderate;

    public MediationType MediationType { get; set; } = MediationType.None;
    public string? MediatorName { get; set; }
    /// <summary>R.1112-92 al.1: the complainant may be accompanied by a patient representative.</summary>
    public string? AccompanyingRepresentative { get; set; }
    /// <summary>R.1112-93: if hospitalised, the meeting happens before discharge if at all possible.</summary>
    public bool PatientHospitalised { get; set; }
    public DateOnly? PlannedDischargeOn { get; set; }

    /// <summary>R.1112-80 I: litigation (claim, appeal, criminal complaint) is kept out of the CDU mediation circuit.</summary>
    public bool IsLitigation { get; set; }
    /// <summary>L.1142-4: damage associated with care → information interview within 15 days.</summary>
    public bool CareRelatedDamage { get; set; }
    /// <summary>L.1142-4: the 15 days of the information interview run from the damage's discovery, else from the complaint.</summary>
    public DateOnly? DamageDiscoveredOn { get; set; }
    /// <summary>L.1112-3: CDU members see medical content only with the patient's written consent.</summary>
    public DateOnly? MedicalDataConsentOn { get; set; }

    public CduOpinion? CduOpinion { get; set; }
    public string? CduOpinionText { get; set; }
    public DateOnly? CduMeetingOn { get; set; }
    public DateOnly? AnswerSentOn { get; set; }
}

public enum ComplaintNature { Grievance = 1, Complaint = 2, Praise = 3 }

public enum ComplaintSeverity { Minor = 1, Moderate = 2, Serious = 3, Critical = 4 }

/// <summary>Usual classification of the complaints register (CSP R.1112-80 I: the complaints made available to the CDU, by motive).</summary>
public enum ComplaintMotive
{
    MedicalCare = 1,
    NursingCare = 2,
    Information = 3,
    StaffRelations = 4,
    Reception = 5,
    WaitingTimes = 6,
    Hospitality = 7,
    LostBelongings = 8,
    Billing = 9,
    PatientRights = 10,
    DischargeTransfer = 11,
    MedicalRecord = 12,
}

public enum MediationType { None = 0, Medical = 1, NonMedical = 2, Mixed = 3 }

/// <summary>R.1112-94 al.2: what the CDU may decide on a complaint.</summary>
public enum CduOpinion { Recommendation = 1, RemediesInformation = 2, ReasonedClosure = 3 }

public static class ComplaintLabels
{
    public static string Label(this ComplaintNature nature) => nature switch
    {
        ComplaintNature.Grievance => "Réclamation",
        ComplaintNature.Complaint => "Plainte",
        ComplaintNature.Praise => "Éloge",
        _ => nature.ToString(),
    };

    public static string Label(this ComplaintSeverity severity) => severity switch
    {
        ComplaintSeverity.Minor => "Mineure",
        ComplaintSeverity.Moderate => "Modérée",
        ComplaintSeverity.Serious => "Grave",
        ComplaintSeverity.Critical => "Critique",
        _ => severity.ToString(),
    };

    public static string Label(this ComplaintMotive motive) => motive switch
    {
        ComplaintMotive.MedicalCare => "Prise en charge médicale",
        ComplaintMotive.NursingCare => "Soins paramédicaux",
        ComplaintMotive.Information => "Information / communication",
        ComplaintMotive.StaffRelations => "Relations avec le personnel",
        ComplaintMotive.Reception => "Accueil / administratif",
        ComplaintMotive.WaitingTimes => "Délais d'attente",
        ComplaintMotive.Hospitality => "Hôtellerie / restauration",
        ComplaintMotive.LostBelongings => "Biens et valeurs / perte d'objets",
        ComplaintMotive.Billing => "Facturation",
        ComplaintMotive.PatientRights => "Droits des patients / dignité / confidentialité",
        ComplaintMotive.DischargeTransfer => "Sortie / transfert",
        ComplaintMotive.MedicalRecord => "Dossier médical",
        _ => motive.ToString(),
    };

    public static string Label(this MediationType type) => type switch
    {
        MediationType.None => "Aucune",
        MediationType.Medical => "Médicale",
        MediationType.NonMedical => "Non médicale",
        MediationType.Mixed => "Mixte",
        _ => type.ToString(),
    };

    public static string Label(this CduOpinion opinion) => opinion switch
    {
        CduOpinion.Recommendation => "Recommandation",
        CduOpinion.RemediesInformation => "Information sur les voies de recours",
        CduOpinion.ReasonedClosure => "Classement motivé",
        _ => opinion.ToString(),
    };
}
