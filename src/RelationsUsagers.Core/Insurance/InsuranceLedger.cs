namespace RelationsUsagers.Core.Insurance;

/// <summary>
/// The hospital's civil-liability policy for a period (CSP L.1142-2: every hospital is insured): its insurer, its broker,
/// its number and the deductible per claim the contract sets (no legal figure). Amounts are euros, exact (<see cref="decimal"/>,
/// stored as whole cents).
/// </summary>
public sealed class InsurancePolicy
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Insurer { get; set; } = "";
    public string? Broker { get; set; }
    public string PolicyNumber { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    /// <summary>The contract's deductible per claim: below it the hospital pays the victim itself.</summary>
    public decimal DeductiblePerClaim { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public string RecordedBy { get; set; } = "";

    public bool Covers(DateOnly day) => StartsOn <= day && day <= EndsOn;
    public bool Overlaps(int year) => StartsOn.Year <= year && EndsOn.Year >= year;
}

/// <summary>A call of the premium (the whole year's, or one instalment): its amount and due date, then its payment.</summary>
public sealed class PremiumCall
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PolicyId { get; set; }
    /// <summary>The insurer's wording of the call: « Cotisation 2026 », « Échéance 2/4 »...</summary>
    public string Label { get; set; } = "";
    public decimal Amount { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? PaidOn { get; set; }
    public decimal? PaidAmount { get; set; }
    /// <summary>A call made by mistake is cancelled with a reason (kept in the corrections), never deleted.</summary>
    public bool Cancelled { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public string RecordedBy { get; set; } = "";
}

/// <summary>
/// An indemnity claim in the insurance ledger: the policy it falls under and the deductible that applies to it (the
/// policy's, unless the contract says otherwise for this claim). Its money moves are its <see cref="LedgerEntry"/> lines;
/// the insurer's claim number stays on the claim itself (<see cref="Claims.IndemnityClaim.InsurerClaimNumber"/>).
/// </summary>
public sealed class ClaimCover
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The <see cref="Claims.IndemnityClaim"/>; one cover per claim.</summary>
    public Guid CaseFileId { get; set; }
    public Guid PolicyId { get; set; }
    public decimal Deductible { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public string RecordedBy { get; set; } = "";
}

/// <summary>One money move of a claim: who paid whom, when, how much.</summary>
public sealed class LedgerEntry
{
    public const int NoteMaxLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClaimCoverId { get; set; }
    public LedgerEntryKind Kind { get; set; }
    public DateOnly On { get; set; }
    public decimal Amount { get; set; }
    public string? Note { get; set; }
    /// <summary>An entry made by mistake is cancelled with a reason (kept in the corrections), never deleted.</summary>
    public bool Cancelled { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public string RecordedBy { get; set; } = "";
}

public enum LedgerEntryKind
{
    /// <summary>The hospital paid the victim (within its deductible, or beyond it as an advance for the insurer).</summary>
    HospitalPayment = 1,
    /// <summary>The insurer paid the victim directly.</summary>
    InsurerPayment = 2,
    /// <summary>The hospital paid the insurer the deductible the insurer had paid the victim.</summary>
    DeductiblePaid = 3,
    /// <summary>The hospital asked the insurer to refund what it advanced beyond its deductible.</summary>
    RefundRequested = 4,
    /// <summary>The insurer refunded the hospital.</summary>
    RefundReceived = 5,
}

/// <summary>
/// A correction of the ledger: the value replaced, the new one and the reason, kept for good (correct, never erase). A
/// cancelled call or entry is a correction too (its amount → « annulé »).
/// </summary>
public sealed class LedgerCorrection
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string UserName { get; set; } = "";
    /// <summary>The policy, premium call, claim cover or entry corrected.</summary>
    public Guid SubjectId { get; set; }
    /// <summary>The claim the correction concerns, if any (its page lists them).</summary>
    public Guid? CaseFileId { get; set; }
    /// <summary>« Contrat n° RC-2026 », « Appel Échéance 2/4 », « Versement à la victime du 12/03/2026 »...</summary>
    public string Subject { get; set; } = "";
    public string Field { get; set; } = "";
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public string Reason { get; set; } = "";
}

public static class LedgerLabels
{
    public static string Label(this LedgerEntryKind kind) => kind switch
    {
        LedgerEntryKind.HospitalPayment => "Versement de l'établissement à la victime",
        LedgerEntryKind.InsurerPayment => "Versement de l'assureur à la victime",
        LedgerEntryKind.DeductiblePaid => "Franchise réglée à l'assureur",
        LedgerEntryKind.RefundRequested => "Demande de remboursement à l'assureur",
        LedgerEntryKind.RefundReceived => "Remboursement reçu de l'assureur",
        _ => kind.ToString(),
    };
}
