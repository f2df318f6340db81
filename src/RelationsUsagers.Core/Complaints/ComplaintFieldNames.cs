namespace RelationsUsagers.Core.Complaints;

/// <summary>The French name of each field of a complaint (see <see cref="Cases.CaseFileFieldNames"/>).</summary>
public static class ComplaintFieldNames
{
    public const string Summary = "Objet de la réclamation";
    public const string Nature = "Nature";
    public const string Motives = "Motifs";
    public const string FactsOn = "Date des faits";
    public const string Severity = "Gravité";
    public const string MediationType = "Type de médiation";
    public const string MediatorName = "Médiateur";
    public const string AccompanyingRepresentative = "Représentant des usagers accompagnant";
    public const string PatientHospitalised = "Patient hospitalisé";
    public const string PlannedDischargeOn = "Date de sortie prévue";
    public const string IsLitigation = "Caractère contentieux";
    public const string CareRelatedDamage = "Dommage associé aux soins";
    public const string DamageDiscoveredOn = "Date de découverte du dommage";
    public const string MedicalDataConsentOn = "Date du consentement à l'accès aux données médicales";
    public const string CduOpinion = "Avis de la CDU";
    public const string CduOpinionText = "Texte de l'avis de la CDU";
    public const string CduMeetingOn = "Date de la séance de la CDU";
    public const string AnswerSentOn = "Date de réponse";

    // Columns of the office's hand-kept register (R.1112-80 I) that are facts of the timeline or parts of a case's fields.
    public const string Complainant = "Plaignant";
    public const string ComplainantCapacity = "Qualité du plaignant";
    public const string AcknowledgedOn = "Date de l'accusé de réception";
    public const string SentToServiceOn = "Date de saisine du service";
    public const string Mediation = "Médiation";
    public const string MediatorReferredOn = "Date de saisine du médiateur";
    public const string MediationMeetingOn = "Date de la rencontre de médiation";
    public const string MediationReportOn = "Date du compte rendu de médiation";
    public const string Remarks = "Observations";

    public static IReadOnlyDictionary<string, string> ByProperty { get; } = new Dictionary<string, string>
    {
        [nameof(Complaint.Summary)] = Summary,
        [nameof(Complaint.Nature)] = Nature,
        [nameof(Complaint.Motives)] = Motives,
        [nameof(Complaint.FactsOn)] = FactsOn,
        [nameof(Complaint.Severity)] = Severity,
        [nameof(Complaint.MediationType)] = MediationType,
        [nameof(Complaint.MediatorName)] = MediatorName,
        [nameof(Complaint.AccompanyingRepresentative)] = AccompanyingRepresentative,
        [nameof(Complaint.PatientHospitalised)] = PatientHospitalised,
        [nameof(Complaint.PlannedDischargeOn)] = PlannedDischargeOn,
        [nameof(Complaint.IsLitigation)] = IsLitigation,
        [nameof(Complaint.CareRelatedDamage)] = CareRelatedDamage,
        [nameof(Complaint.DamageDiscoveredOn)] = DamageDiscoveredOn,
        [nameof(Complaint.MedicalDataConsentOn)] = MedicalDataConsentOn,
        [nameof(Complaint.CduOpinion)] = CduOpinion,
        [nameof(Complaint.CduOpinionText)] = CduOpinionText,
        [nameof(Complaint.CduMeetingOn)] = CduMeetingOn,
        [nameof(Complaint.AnswerSentOn)] = AnswerSentOn,
    };

    /// <summary>The French label of a value of one of this kind's lists, or null if it is not one.</summary>
    public static string? ValueLabel(object value) => value switch
    {
        ComplaintNature v => v.Label(),
        ComplaintSeverity v => v.Label(),
        ComplaintMotive v => v.Label(),
        MediationType v => v.Label(),
        CduOpinion v => v.Label(),
        _ => null,
    };
}
