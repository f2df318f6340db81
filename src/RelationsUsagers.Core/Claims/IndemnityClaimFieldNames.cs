namespace RelationsUsagers.Core.Claims;

/// <summary>The French name of each field of an indemnity claim (see <see cref="Cases.CaseFileFieldNames"/>).</summary>
public static class IndemnityClaimFieldNames
{
    public const string Procedure = "Procédure";
    public const string Damage = "Nature du dommage";
    public const string FactsOn = "Date des faits";
    public const string AcknowledgementCarriedMentions = "Accusé de réception avec les mentions (CRPA R.112-5)";
    public const string DecisionCarriedRemedies = "Décision avec voies et délais de recours et mention de la CCI";
    public const string ExpertiseOrderedOn = "Date de l'expertise ordonnée";
    public const string ExpertiseCompletedOn = "Date d'exécution de l'expertise";
    public const string DebtAcknowledgedOn = "Date de reconnaissance de la dette";
    public const string InsurerOpinionReceivedOn = "Date de réception de l'avis par l'assureur";
    public const string OfferIsProvisional = "Offre provisionnelle";
    public const string FinalOfferOn = "Date de l'offre définitive";
    public const string InsurerAcceptanceReceivedOn = "Date de réception de l'acceptation par l'assureur";
    public const string LawyerName = "Avocat du demandeur";
    public const string ClaimedAmountCents = "Montant réclamé";
    public const string InsurerName = "Assureur (RC hospitalière)";
    public const string InsurerClaimNumber = "N° de sinistre";
    public const string InsurerDeclaredOn = "Date de déclaration à l'assureur";
    public const string CciFileNumber = "N° de dossier CCI";
    public const string CciReferredOn = "Date de saisine de la CCI";
    public const string CciOpinionOn = "Date de l'avis de la CCI";
    public const string CciOpinionOutcome = "Sens de l'avis de la CCI";
    public const string CourtName = "Tribunal";
    public const string CourtCaseNumber = "N° de requête";
    public const string ExpressDecisionNotifiedOn = "Date de notification de la décision expresse";
    public const string ConsolidatedOn = "Date de consolidation";
    public const string OfferAmountCents = "Montant de l'offre";
    public const string OfferOn = "Date de l'offre";
    public const string AcceptedOn = "Date d'acceptation";
    public const string PaidOn = "Date de paiement";
    public const string DeductibleCents = "Franchise (contrat)";
    public const string HospitalShareCents = "Part de l'établissement";
    public const string InsurerShareCents = "Part de l'assureur";

    public static IReadOnlyDictionary<string, string> ByProperty { get; } = new Dictionary<string, string>
    {
        [nameof(IndemnityClaim.Procedure)] = Procedure,
        [nameof(IndemnityClaim.LawyerName)] = LawyerName,
        [nameof(IndemnityClaim.Damage)] = Damage,
        [nameof(IndemnityClaim.FactsOn)] = FactsOn,
        [nameof(IndemnityClaim.AcknowledgementCarriedMentions)] = AcknowledgementCarriedMentions,
        [nameof(IndemnityClaim.DecisionCarriedRemedies)] = DecisionCarriedRemedies,
        [nameof(IndemnityClaim.ExpertiseOrderedOn)] = ExpertiseOrderedOn,
        [nameof(IndemnityClaim.ExpertiseCompletedOn)] = ExpertiseCompletedOn,
        [nameof(IndemnityClaim.DebtAcknowledgedOn)] = DebtAcknowledgedOn,
        [nameof(IndemnityClaim.InsurerOpinionReceivedOn)] = InsurerOpinionReceivedOn,
        [nameof(IndemnityClaim.OfferIsProvisional)] = OfferIsProvisional,
        [nameof(IndemnityClaim.FinalOfferOn)] = FinalOfferOn,
        [nameof(IndemnityClaim.InsurerAcceptanceReceivedOn)] = InsurerAcceptanceReceivedOn,
        [nameof(IndemnityClaim.ClaimedAmountCents)] = ClaimedAmountCents,
        [nameof(IndemnityClaim.InsurerName)] = InsurerName,
        [nameof(IndemnityClaim.InsurerClaimNumber)] = InsurerClaimNumber,
        [nameof(IndemnityClaim.InsurerDeclaredOn)] = InsurerDeclaredOn,
        [nameof(IndemnityClaim.CciFileNumber)] = CciFileNumber,
        [nameof(IndemnityClaim.CciReferredOn)] = CciReferredOn,
        [nameof(IndemnityClaim.CciOpinionOn)] = CciOpinionOn,
        [nameof(IndemnityClaim.CciOpinionOutcome)] = CciOpinionOutcome,
        [nameof(IndemnityClaim.CourtName)] = CourtName,
        [nameof(IndemnityClaim.CourtCaseNumber)] = CourtCaseNumber,
        [nameof(IndemnityClaim.ExpressDecisionNotifiedOn)] = ExpressDecisionNotifiedOn,
        [nameof(IndemnityClaim.ConsolidatedOn)] = ConsolidatedOn,
        [nameof(IndemnityClaim.OfferAmountCents)] = OfferAmountCents,
        [nameof(IndemnityClaim.OfferOn)] = OfferOn,
        [nameof(IndemnityClaim.AcceptedOn)] = AcceptedOn,
        [nameof(IndemnityClaim.PaidOn)] = PaidOn,
        [nameof(IndemnityClaim.DeductibleCents)] = DeductibleCents,
        [nameof(IndemnityClaim.HospitalShareCents)] = HospitalShareCents,
        [nameof(IndemnityClaim.InsurerShareCents)] = InsurerShareCents,
    };

    /// <summary>The French label of a value of one of this kind's lists, or null if it is not one.</summary>
    public static string? ValueLabel(object value) => value switch
    {
        ClaimProcedure v => v.Label(),
        ClaimDamage v => v.Label(),
        CciOpinionOutcome v => v.Label(),
        _ => null,
    };
}
