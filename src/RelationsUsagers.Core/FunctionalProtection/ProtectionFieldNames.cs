namespace RelationsUsagers.Core.FunctionalProtection;

/// <summary>The French name of each field of a protection fonctionnelle case (see <see cref="Cases.CaseFileFieldNames"/>).</summary>
public static class ProtectionFieldNames
{
    // The person concerned is an agent: the shared « patient » fields are named for him.
    public const string AgentLastName = "Nom de l'agent";
    public const string AgentFirstName = "Prénom de l'agent";
    public const string AgentNumber = "Matricule";
    public const string AgentBirthDate = "Date de naissance de l'agent";
    /// <summary>An agent who has died: the protection may then extend to his family (CGFP L.134-7).</summary>
    public const string AgentDeathDate = "Date de décès de l'agent";
    public const string RequesterCapacity = "Qualité du demandeur";
    public const string AgentGrade = "Grade";
    public const string AgentService = "Service d'affectation";
    public const string AgentStatus = "Statut de l'agent";
    public const string Ground = "Cas de protection";
    public const string FactsType = "Nature des faits";
    public const string FactsOn = "Date des faits";
    public const string FactsPlace = "Lieu des faits";
    public const string AuthorKnown = "Auteur identifié";
    public const string PoliceComplaintOn = "Date de la plainte";
    public const string PoliceComplaintNumber = "N° de la plainte";
    public const string Beneficiaries = "Bénéficiaires";
    public const string BeneficiaryKind = "Bénéficiaire";
    public const string BeneficiaryName = "Nom du bénéficiaire";
    public const string Decision = "Décision";
    public const string DecisionOn = "Date de la décision";
    public const string DecisionReasons = "Motifs de la décision";
    public const string DirectorInvolved = "Faits mettant en cause le directeur (impartialité)";
    public const string DecisionMaker = "Autorité décisionnaire";
    public const string ReasonsRequestedOn = "Date de la demande des motifs";
    public const string ReasonsSentOn = "Date de communication des motifs";
    public const string Measures = "Mesures accordées";
    public const string MeasureKind = "Mesure";
    public const string MeasureGrantedOn = "Date d'octroi de la mesure";
    public const string MeasureLawyer = "Avocat";
    public const string MeasureCeilingCents = "Plafond de prise en charge";
    public const string MeasureDetails = "Précisions";
    public const string Costs = "Frais pris en charge";
    public const string CostInvoiceNumber = "N° de facture";
    public const string CostPaidOn = "Date de paiement";
    public const string CostAmountCents = "Montant";
    public const string CostLawyer = "Avocat ou prestataire";
    public const string CostsPaidCents = "Total des frais payés";
    public const string EndedOn = "Date de fin de la protection";
    public const string EndKind = "Fin ou retrait";

    public static IReadOnlyDictionary<string, string> ByProperty { get; } = new Dictionary<string, string>
    {
        ["Patient.LastName"] = AgentLastName,
        ["Patient.FirstName"] = AgentFirstName,
        ["Patient.PatientNumber"] = AgentNumber,
        ["Patient.BirthDate"] = AgentBirthDate,
        ["Patient.DeathDate"] = AgentDeathDate,
        ["Requester.Capacity"] = RequesterCapacity,
        [nameof(ProtectionCase.AgentGrade)] = AgentGrade,
        [nameof(ProtectionCase.AgentService)] = AgentService,
        [nameof(ProtectionCase.AgentStatus)] = AgentStatus,
        [nameof(ProtectionCase.Ground)] = Ground,
        [nameof(ProtectionCase.FactsType)] = FactsType,
        [nameof(ProtectionCase.FactsOn)] = FactsOn,
        [nameof(ProtectionCase.FactsPlace)] = FactsPlace,
        [nameof(ProtectionCase.AuthorKnown)] = AuthorKnown,
        [nameof(ProtectionCase.PoliceComplaintOn)] = PoliceComplaintOn,
        [nameof(ProtectionCase.PoliceComplaintNumber)] = PoliceComplaintNumber,
        [nameof(ProtectionCase.Beneficiaries)] = Beneficiaries,
        ["Beneficiaries.Kind"] = BeneficiaryKind,
        ["Beneficiaries.Name"] = BeneficiaryName,
        [nameof(ProtectionCase.Decision)] = Decision,
        [nameof(ProtectionCase.DecisionOn)] = DecisionOn,
        [nameof(ProtectionCase.DecisionReasons)] = DecisionReasons,
        [nameof(ProtectionCase.DirectorInvolved)] = DirectorInvolved,
        [nameof(ProtectionCase.DecisionMaker)] = DecisionMaker,
        [nameof(ProtectionCase.ReasonsRequestedOn)] = ReasonsRequestedOn,
        [nameof(ProtectionCase.ReasonsSentOn)] = ReasonsSentOn,
        [nameof(ProtectionCase.Measures)] = Measures,
        ["Measures.Kind"] = MeasureKind,
        ["Measures.GrantedOn"] = MeasureGrantedOn,
        ["Measures.Lawyer"] = MeasureLawyer,
        ["Measures.CeilingCents"] = MeasureCeilingCents,
        ["Measures.Details"] = MeasureDetails,
        [nameof(ProtectionCase.Costs)] = Costs,
        ["Costs.InvoiceNumber"] = CostInvoiceNumber,
        ["Costs.PaidOn"] = CostPaidOn,
        ["Costs.AmountCents"] = CostAmountCents,
        ["Costs.Lawyer"] = CostLawyer,
        [nameof(ProtectionCase.CostsPaidCents)] = CostsPaidCents,
        [nameof(ProtectionCase.EndedOn)] = EndedOn,
        [nameof(ProtectionCase.EndKind)] = EndKind,
    };

    /// <summary>The French label of a value of one of this kind's lists, or null if it is not one.</summary>
    public static string? ValueLabel(object value) => value switch
    {
        FunctionalProtection.AgentStatus v => v.Label(),
        ProtectionGround v => v.Label(),
        FunctionalProtection.FactsType v => v.Label(),
        FunctionalProtection.BeneficiaryKind v => v.Label(),
        ProtectionDecision v => v.Label(),
        FunctionalProtection.MeasureKind v => v.Label(),
        ProtectionEnd v => v.Label(),
        _ => null,
    };
}
