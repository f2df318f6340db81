using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.Claims;

/// <summary>An amicable or litigation indemnity claim (CJA R.421-1 to R.421-5; CSP L.1142-7 to L.1142-28).</summary>
public sealed class IndemnityClaim : CaseFile
{
    public IndemnityClaim() : base(CaseKind.IndemnityClaim) { }

    public ClaimProcedure Procedure { get; set; } = ClaimProcedure.Amicable;
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

    /// <summary>L.1142-28: prescription runs 10 years from consolidation; null while not consolidated.</summary>
    public DateOnly? ConsolidatedOn { get; set; }

    public long? OfferAmountCents { get; set; }
    public DateOnly? OfferOn { get; set; }
    public DateOnly? AcceptedOn { get; set; }
    public DateOnly? PaidOn { get; set; }
    /// <summary>Deductible set by the insurance contract: below it the hospital pays (no legal figure).</summary>
    public long? DeductibleCents { get; set; }
    public long? HospitalShareCents { get; set; }
    public long? InsurerShareCents { get; set; }
}

public enum ClaimProcedure { Amicable = 1, Cci = 2, AdministrativeCourt = 3 }

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

    public static string Label(this CciOpinionOutcome outcome) => outcome switch
    {
        CciOpinionOutcome.FaultInsurer => "Faute : indemnisation par l'assureur",
        CciOpinionOutcome.MedicalAccidentOniam => "Aléa thérapeutique : ONIAM",
        CciOpinionOutcome.Rejected => "Rejet",
        CciOpinionOutcome.NotCompetent => "Incompétence",
        _ => outcome.ToString(),
    };
}
