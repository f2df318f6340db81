using FluentValidation;

namespace RelationsUsagers.Core.Insurance;

/// <summary>Rules shared by every amount of the ledger: positive, whole cents, bounded.</summary>
internal static class AmountRules
{
    public static IRuleBuilderOptions<T, decimal> Money<T>(this IRuleBuilder<T, decimal> rule, string field, bool allowZero = false) =>
        rule.Must(a => allowZero ? a >= 0 : a > 0)
            .WithMessage(allowZero ? $"{field}\u00A0: indiquez un montant positif ou nul." : $"{field}\u00A0: indiquez un montant supérieur à zéro.")
            .Must(Euros.IsWholeCents).WithMessage($"{field}\u00A0: deux décimales au plus (les centimes).")
            .Must(a => a <= Euros.Max).WithMessage($"{field}\u00A0: le montant dépasse le plafond de saisie ({Euros.Format(Euros.Max)}).");
}

/// <summary>A policy: its insurer, its number, a period that ends after it starts, a deductible (possibly zero).</summary>
public sealed class InsurancePolicyValidator : AbstractValidator<InsurancePolicy>
{
    public InsurancePolicyValidator()
    {
        RuleFor(p => p.Insurer).NotEmpty().WithMessage("L'assureur est obligatoire.")
            .MaximumLength(200).WithMessage("L'assureur ne doit pas dépasser 200 caractères.");
        RuleFor(p => p.Broker).MaximumLength(200).WithMessage("Le courtier ne doit pas dépasser 200 caractères.");
        RuleFor(p => p.PolicyNumber).NotEmpty().WithMessage("Le numéro de contrat est obligatoire.")
            .MaximumLength(60).WithMessage("Le numéro de contrat ne doit pas dépasser 60 caractères.");
        RuleFor(p => p.StartsOn).NotEmpty().WithMessage("La date de début du contrat est obligatoire.");
        RuleFor(p => p.EndsOn).NotEmpty().WithMessage("La date de fin du contrat est obligatoire.");
        RuleFor(p => p.EndsOn).Must((p, end) => end > p.StartsOn).When(p => p.StartsOn != default && p.EndsOn != default)
            .WithMessage("La fin du contrat doit être postérieure à son début.");
        RuleFor(p => p.DeductiblePerClaim).Money(InsuranceFieldNames.DeductiblePerClaim, allowZero: true);
    }
}

/// <summary>
/// A premium call: a label, an amount, a due date; a payment has both its date (not after <paramref name="today"/>) and its
/// amount, never more than called.
/// </summary>
public sealed class PremiumCallValidator : AbstractValidator<PremiumCall>
{
    public PremiumCallValidator(DateOnly today)
    {
        RuleFor(c => c.Label).NotEmpty().WithMessage("Le libellé de l'appel est obligatoire.")
            .MaximumLength(100).WithMessage("Le libellé de l'appel ne doit pas dépasser 100 caractères.");
        RuleFor(c => c.Amount).Money(InsuranceFieldNames.CallAmount);
        RuleFor(c => c.DueOn).NotEmpty().WithMessage("L'échéance est obligatoire.");
        // One rule per condition: a When() applies to every check before it in the same chain.
        RuleFor(c => c.PaidOn).NotNull().When(c => c.PaidAmount is not null).WithMessage("Indiquez la date du paiement.");
        RuleFor(c => c.PaidOn).Must(on => on <= today).When(c => c.PaidOn is not null).WithMessage("La date de paiement ne peut pas être dans le futur.");
        RuleFor(c => c.PaidAmount).NotNull().When(c => c.PaidOn is not null).WithMessage("Indiquez le montant payé.");
        RuleFor(c => c.PaidAmount!.Value).Money(InsuranceFieldNames.PaidAmount).When(c => c.PaidAmount is not null).OverridePropertyName(nameof(PremiumCall.PaidAmount));
        RuleFor(c => c.PaidAmount).Must((c, paid) => paid <= c.Amount).When(c => c.PaidAmount is not null && c.Amount > 0)
            .WithMessage(c => $"Le montant payé ne peut pas dépasser le montant appelé ({Euros.Format(c.Amount)}).");
    }
}

/// <summary>A claim put in the ledger: a claim, a policy, a deductible (possibly zero).</summary>
public sealed class ClaimCoverValidator : AbstractValidator<ClaimCover>
{
    public ClaimCoverValidator()
    {
        RuleFor(c => c.CaseFileId).NotEmpty().WithMessage("Choisissez le dossier d'indemnisation.");
        RuleFor(c => c.PolicyId).NotEmpty().WithMessage("Choisissez le contrat qui couvre le sinistre.");
        RuleFor(c => c.Deductible).Money(InsuranceFieldNames.Deductible, allowZero: true);
    }
}

/// <summary>
/// An entry: its kind, a date not in the future, a positive amount in whole cents; a refund received never more than the
/// refunds asked and not yet received (<paramref name="openRefund"/>, as of the entry's date), which the service computes.
/// </summary>
public sealed class LedgerEntryValidator : AbstractValidator<LedgerEntry>
{
    public LedgerEntryValidator(DateOnly today, decimal? openRefund = null)
    {
        RuleFor(e => e.Kind).IsInEnum().WithMessage("La nature de l'écriture est obligatoire.");
        RuleFor(e => e.On).NotEmpty().WithMessage("La date de l'écriture est obligatoire.")
            .Must(on => on <= today).WithMessage("La date de l'écriture ne peut pas être dans le futur.");
        RuleFor(e => e.Amount).Money(InsuranceFieldNames.EntryAmount);
        RuleFor(e => e.Amount).Must(a => a <= openRefund).When(e => e.Kind == LedgerEntryKind.RefundReceived && openRefund is not null && e.Amount > 0)
            .WithMessage(_ => openRefund == 0
                ? "Aucune demande de remboursement n'est en attente pour ce sinistre\u00A0: enregistrez d'abord la demande."
                : $"Le remboursement dépasse les demandes en attente ({Euros.Format(openRefund!.Value)}).");
        RuleFor(e => e.Note).MaximumLength(LedgerEntry.NoteMaxLength).WithMessage($"L'observation ne doit pas dépasser {LedgerEntry.NoteMaxLength} caractères.");
    }
}
