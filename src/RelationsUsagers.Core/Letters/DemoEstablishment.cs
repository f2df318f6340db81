namespace RelationsUsagers.Core.Letters;

/// <summary>The letterhead of the demo hospital (fictional), so that every demo letter can be written at once.</summary>
public static class DemoEstablishment
{
    public static Establishment Create() => new()
    {
        HospitalName = "Centre hospitalier de l'Erdre",
        ServiceName = "Service des relations avec les usagers",
        Address = "12 boulevard de l'Erdre\nCS 70001\n44093 Nantes Cedex 1",
        City = "Nantes",
        Email = "relations.usagers@ch-erdre.example.fr",
        Phone = "02 40 00 12 34",
        SignatoryName = "Catherine Morel",
        SignatoryTitle = "Directrice de la qualité et des relations avec les usagers",
        Delegation = "Pour le directeur général et par délégation,",
        AdministrativeCourt = "tribunal administratif de Nantes",
        RepresentativesContact = "par l'intermédiaire du service des relations avec les usagers (02 40 00 12 34), ou à la permanence des " +
                                 "associations, hall d'accueil, le mardi de 14 h à 17 h.",
        InsurerName = "Relyens (SHAM)",
        InsurancePolicyNumber = "RC-HOSP-2024-118",
    };
}
