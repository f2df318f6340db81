using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.Claims;

/// <summary>An amicable or litigation indemnity claim (CJA R.421-1 to R.421-5; CSP L.1142-7 to L.1142-28).</summary>
public sealed class IndemnityClaim : CaseFile
{
    public IndemnityClaim() : base(CaseKind.IndemnityClaim) { }

    public ClaimProcedure Procedure { get; set; } = ClaimProcedure.Amicable;
    /// <summary>Care (L.1142-28, ten years) or outside care (theft, loss: loi 68-1250, four years).</summary>
    public ClaimDamage Damage { get; set; } = ClaimDamage.Care;
    /// <summary>Date of the facts: the four-year prescription (loi 68-1250 art. 1) starts on the next 1 January.</summary>
    public DateOnly? FactsOn { get; set; }
    public string? LawyerName { get; set; }
    /// <summary>Money in euro cents: SQLite sorts integers, not decimals.</summary>
    public long? ClaimedAmountCents { get; set; }

    public string? InsurerName { get; set; }
    public string? InsurerClaimNumber { get; set; }
    public DateOnly? InsurerDeclaredOn { get; set; }

    public string? CciFileNumber { get; set; }
    public DateOnly? CciReferredOn { get; set; }
    public DateOnly? CciOpinionOn { get; set; }
    public CciOpinionOutcome? CciOpinionOutcome { get; set; }

    public string? CourtName { get; set; }
    public string? CourtCaseNumber { get; set; }
    public DateOnly? ExpressDecisionNotifiedOn { get; set; }
    /// <summary>
    /// The acknowledgement carried the mentions of CRPA R.112-5 (implicit-rejection date, remedies): without them no
    /// time limit runs against the claimant from the implicit rejection (CRPA L.112-6).
    /// </summary>
    public bool AcknowledgementCarriedMentions { get; set; }
    /// <summary>The express decision stated the remedies, time limits and the CCI's suspension (CJA R.421-5; CE 17 June 2019 n°413097).</summary>
    public bool DecisionCarriedRemedies { get; set; }
    /// <summary>C. civ. 2239: a court-ordered expertise suspends the prescription from the order until it is carried out.</summary>
    public DateOnly? ExpertiseOrderedOn { get; set; }
    public DateOnly? ExpertiseCompletedOn { get; set; }
    /// <summary>C. civ. 2240: the hospital's acknowledgement of the debt interrupts the prescription, which starts again.</summary>
    public DateOnly? DebtAcknowledgedOn { get; set; }

    /// <summary>L.1142-28: prescription runs 10 years from consolidation; null while not consolidated.</summary>
    public DateOnly? ConsolidatedOn { get; set; }

    /// <summary>L.1142-14: the day the insurer received the CCI's opinion; its 4 months run from then.</summary>
    public DateOnly? InsurerOpinionReceivedOn { get; set; }
    public long? OfferAmountCents { get; set; }
    public DateOnly? OfferOn { get; set; }
    /// <summary>L.1142-14 al.4: an offer made before consolidation is provisional; the final one follows within 2 months of it.</summary>
    public bool OfferIsProvisional { get; set; }
    public DateOnly? FinalOfferOn { get; set; }
    public DateOnly? AcceptedOn { get; set; }
    /// <summary>L.1142-14: the day the insurer received the acceptance; its month to pay runs from then.</summary>
    public DateOnly? InsurerAcceptanceReceivedOn { get; set; }
    public DateOnly? PaidOn { get; set; }
    /// <summary>Deductible set by the insurance contract: below it the hospital pays (no legal figure).</summary>
    public long? DeductibleCents { get; set; }
    public long? HospitalShareCents { get; set; }
    public long? InsurerShareCents { get; set; }
}

public enum ClaimProcedure { Amicable = 1, Cci = 2, AdministrativeCourt = 3 }

/// <summary>What the damage is: care (CSP L.1142-28) or outside care (belongings lost or stolen: loi 68-1250).</summary>
public enum ClaimDamage { Care = 1, OutsideCare = 2 }

/// <summary>L.1142-8: the CCI's opinion (fault → insurer, medical accident → ONIAM, rejection, incompetence).</summary>
public enum CciOpinionOutcome { FaultInsurer = 1, MedicalAccidentOniam = 2, Rejected = 3, NotCompetent = 4 }

public static class ClaimLabels
{
    public static string Label(this ClaimProcedure procedure) => procedure switch
    {
        ClaimProcedure.Amicable => "Amiable",
        ClaimProcedure.Cci => "CCI",
        ClaimProcedure.AdministrativeCourt => "Tribunal administratif",
        _ => procedure.ToString(),
    };

    public static string Label(this ClaimDamage damage) => damage switch
    {
        ClaimDamage.Care => "Dommage lié aux soins",
        ClaimDamage.OutsideCare => "Dommage hors soins (vol, perte d'effets…)",
        _ => damage.ToString(),
    };

    public static string Label(this CciOpinionOutcome outcome) => outcome switch
    {
        CciOpinionOutcome.FaultInsurer => "Faute : indemnisation par l'assureur",
        CciOpinionOutcome.MedicalAccidentOniam => "Aléa thérapeutique : ONIAM",
        CciOpinionOutcome.Rejected => "Rejet",
        CciOpinionOutcome.NotCompetent => "Incompétence",
        _ => outcome.ToString(),
    };
}
