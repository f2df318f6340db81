using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Clock;

namespace RelationsUsagers.Core.Exports;

/// <summary>
/// One line of the indemnity claims register (CJA R.421-1 to R.421-5; CSP L.1142-7 to L.1142-28): procedure, insurer, CCI, court, amounts and the hospital's
/// share under the deductible, and the next legal deadline (CCI opinion, insurer's offer, implicit rejection...).
/// </summary>
public sealed record ClaimRegisterRow
{
    public string Reference { get; init; } = "";
    public DateOnly ReceivedOn { get; init; }
    public string Procedure { get; init; } = "";
    public string Claimant { get; init; } = "";
    public string? Lawyer { get; init; }
    public string Patient { get; init; } = "";
    public string Services { get; init; } = "";
    public decimal? Claimed { get; init; }
    public string? Insurer { get; init; }
    public string? InsurerClaimNumber { get; init; }
    public DateOnly? InsurerDeclaredOn { get; init; }
    public string? CciFileNumber { get; init; }
    public DateOnly? CciReferredOn { get; init; }
    public DateOnly? CciOpinionOn { get; init; }
    public string? CciOpinion { get; init; }
    public string? Court { get; init; }
    public DateOnly? OfferOn { get; init; }
    public decimal? Offer { get; init; }
    public DateOnly? AcceptedOn { get; init; }
    public DateOnly? PaidOn { get; init; }
    public decimal? Deductible { get; init; }
    public decimal? HospitalShare { get; init; }
    public decimal? InsurerShare { get; init; }
    public string? NextDeadline { get; init; }
    public DateOnly? NextDueOn { get; init; }
    public string Status { get; init; } = "";
    public DateOnly? ClosedOn { get; init; }
    public bool IsOverdue { get; init; }

    internal static ClaimRegisterRow Build(IndemnityClaim c, IReadOnlyList<ClockSuspension> suspensions, LegalClock clock, DateOnly today)
    {
        // The earliest deadline still running is the one the office watches.
        var next = clock.Compute(c, suspensions, today).Where(d => !d.IsDone).OrderBy(d => d.DueOn).FirstOrDefault();
        return new ClaimRegisterRow
        {
            Reference = c.Reference, ReceivedOn = c.ReceivedOn, Procedure = c.Procedure.Label(), Claimant = c.Requester.Name,
            Lawyer = c.LawyerName, Patient = c.Patient.FullName, Services = string.Join(", ", c.Services),
            Claimed = Euros(c.ClaimedAmountCents), Insurer = c.InsurerName, InsurerClaimNumber = c.InsurerClaimNumber,
            InsurerDeclaredOn = c.InsurerDeclaredOn, CciFileNumber = c.CciFileNumber, CciReferredOn = c.CciReferredOn,
            CciOpinionOn = c.CciOpinionOn, CciOpinion = c.CciOpinionOutcome?.Label(),
            Court = string.Join(" ", new[] { c.CourtName, c.CourtCaseNumber }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } court ? court : null,
            OfferOn = c.OfferOn, Offer = Euros(c.OfferAmountCents), AcceptedOn = c.AcceptedOn, PaidOn = c.PaidOn,
            Deductible = Euros(c.DeductibleCents), HospitalShare = Euros(c.HospitalShareCents), InsurerShare = Euros(c.InsurerShareCents),
            NextDeadline = c.IsOpen ? next?.Label : null, NextDueOn = c.IsOpen ? next?.DueOn : null,
            Status = c.Status.Label(), ClosedOn = c.ClosedOn,
            IsOverdue = c.IsOpen && next?.State == DeadlineState.Overdue,
        };
    }

    private static decimal? Euros(long? cents) => cents / 100m;

    public static IReadOnlyList<ExportColumn<ClaimRegisterRow>> Columns { get; } =
    [
        new("Référence", r => r.Reference),
        new(CaseFileFieldNames.ReceivedOn, r => r.ReceivedOn, ExportFormats.Date),
        new(IndemnityClaimFieldNames.Procedure, r => r.Procedure),
        new(CaseFileFieldNames.RequesterName, r => r.Claimant),
        new(IndemnityClaimFieldNames.LawyerName, r => r.Lawyer),
        new("Patient", r => r.Patient),
        new(CaseFileFieldNames.Services, r => r.Services),
        new(IndemnityClaimFieldNames.ClaimedAmountCents, r => r.Claimed, ExportFormats.Money),
        new(IndemnityClaimFieldNames.InsurerName, r => r.Insurer),
        new(IndemnityClaimFieldNames.InsurerClaimNumber, r => r.InsurerClaimNumber),
        new(IndemnityClaimFieldNames.InsurerDeclaredOn, r => r.InsurerDeclaredOn, ExportFormats.Date),
        new(IndemnityClaimFieldNames.CciFileNumber, r => r.CciFileNumber),
        new(IndemnityClaimFieldNames.CciReferredOn, r => r.CciReferredOn, ExportFormats.Date),
        new(IndemnityClaimFieldNames.CciOpinionOn, r => r.CciOpinionOn, ExportFormats.Date),
        new(IndemnityClaimFieldNames.CciOpinionOutcome, r => r.CciOpinion),
        new(IndemnityClaimFieldNames.CourtName, r => r.Court),
        new(IndemnityClaimFieldNames.OfferOn, r => r.OfferOn, ExportFormats.Date),
        new(IndemnityClaimFieldNames.OfferAmountCents, r => r.Offer, ExportFormats.Money),
        new(IndemnityClaimFieldNames.AcceptedOn, r => r.AcceptedOn, ExportFormats.Date),
        new(IndemnityClaimFieldNames.PaidOn, r => r.PaidOn, ExportFormats.Date),
        new(IndemnityClaimFieldNames.DeductibleCents, r => r.Deductible, ExportFormats.Money),
        new(IndemnityClaimFieldNames.HospitalShareCents, r => r.HospitalShare, ExportFormats.Money),
        new(IndemnityClaimFieldNames.InsurerShareCents, r => r.InsurerShare, ExportFormats.Money),
        new("Prochaine échéance", r => r.NextDeadline),
        new("Date limite", r => r.NextDueOn, ExportFormats.Date),
        new(CaseFileFieldNames.Status, r => r.Status),
        new(CaseFileFieldNames.ClosedOn, r => r.ClosedOn, ExportFormats.Date),
    ];
}
