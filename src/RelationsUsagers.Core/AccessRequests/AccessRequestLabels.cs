namespace RelationsUsagers.Core.AccessRequests;

public static class AccessRequestLabels
{
    public static string Label(this RequesterCapacity capacity) => capacity switch
    {
        RequesterCapacity.Patient => "Patient",
        RequesterCapacity.ParentalAuthority => "Titulaire de l'autorité parentale",
        RequesterCapacity.LegalRepresentative => "Représentant légal (mesure avec représentation)",
        RequesterCapacity.AssistingPerson => "Personne chargée d'une mesure d'assistance",
        RequesterCapacity.HeirOrPartner => "Ayant droit, concubin ou partenaire de PACS",
        RequesterCapacity.DesignatedDoctor => "Médecin désigné",
        _ => capacity.ToString(),
    };

    public static string Label(this ProofKind proof) => proof switch
    {
        ProofKind.IdentityDocument => "Pièce d'identité",
        ProofKind.ParentageProof => "Livret de famille ou acte de naissance",
        ProofKind.ParentalAuthorityJudgment => "Décision sur l'autorité parentale",
        ProofKind.ProtectionJudgment => "Jugement de la mesure de protection",
        ProofKind.ProtectedAdultConsent => "Consentement écrit du majeur protégé",
        ProofKind.DeathCertificate => "Acte de décès",
        ProofKind.HeirStatusProof => "Justificatif de la qualité d'ayant droit",
        ProofKind.DoctorMandate => "Mandat du demandeur",
        ProofKind.DoctorIdentity => "Identité du médecin (RPPS)",
        _ => proof.ToString(),
    };

    public static string Label(this DeceasedAccessMotive motive) => motive switch
    {
        DeceasedAccessMotive.CausesOfDeath => "Connaître les causes du décès",
        DeceasedAccessMotive.DefendMemory => "Défendre la mémoire du défunt",
        DeceasedAccessMotive.AssertRights => "Faire valoir ses droits",
        _ => motive.ToString(),
    };

    public static string Label(this CommunicationMode mode) => mode switch
    {
        CommunicationMode.OnSite => "Consultation sur place",
        CommunicationMode.Post => "Envoi postal",
        CommunicationMode.RecordedDelivery => "Envoi en recommandé avec AR",
        CommunicationMode.HandDelivery => "Remise en main propre",
        CommunicationMode.ViaDesignatedDoctor => "Via le médecin désigné",
        CommunicationMode.Electronic => "Voie électronique",
        _ => mode.ToString(),
    };
}
