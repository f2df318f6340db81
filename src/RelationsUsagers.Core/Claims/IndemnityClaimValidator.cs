using FluentValidation;
using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.Claims;

/// <summary>CJA R.421-1 to R.421-5; CSP L.1142-7 to L.1142-28.</summary>
public sealed class IndemnityClaimValidator : CaseFileValidator<IndemnityClaim>
{
    public IndemnityClaimValidator(TimeProvider clock) : base(clock)
    {
        RuleFor(c => c.Procedure).IsInEnum().WithMessage("La procédure est obligatoire.");
        RuleFor(c => c.ClaimedAmountCents)
            .GreaterThan(0).When(c => c.ClaimedAmountCents is not null).WithMessage("Le montant réclamé doit être positif.");
        RuleFor(c => c.OfferAmountCents)
            .GreaterThanOrEqualTo(0).When(c => c.OfferAmountCents is not null).WithMessage("Le montant de l'offre ne peut pas être négatif.");
        RuleFor(c => c.DeductibleCents)
            .GreaterThanOrEqualTo(0).When(c => c.DeductibleCents is not null).WithMessage("La franchise ne peut pas être négative.");
        RuleFor(c => c.InsurerClaimNumber)
            .NotEmpty().When(c => c.InsurerDeclaredOn is not null)
            .WithMessage("Le numéro de sinistre est obligatoire une fois le dossier déclaré à l'assureur.");
        RuleFor(c => c.CciReferredOn)
            .NotNull().When(c => c.Procedure == ClaimProcedure.Cci)
            .WithMessage("La date de saisine de la CCI est obligatoire pour une procédure CCI.");
        RuleFor(c => c.CourtName)
            .NotEmpty().When(c => c.Procedure == ClaimProcedure.AdministrativeCourt)
            .WithMessage("Le tribunal est obligatoire pour une procédure contentieuse.");
        NotBefore(c => c.CciOpinionOn, c => c.CciReferredOn, "L'avis de la CCI ne peut précéder sa saisine.");
        NotBefore(c => c.AcceptedOn, c => c.OfferOn, "L'acceptation ne peut précéder l'offre.");
        RuleFor(c => c.HospitalShareCents)
            .Must((c, share) => share is null || c.OfferAmountCents is null || share + (c.InsurerShareCents ?? 0) == c.OfferAmountCents)
            .WithMessage("La part de l'établissement et celle de l'assureur doivent faire le montant de l'offre.");
        NotBefore(c => c.InsurerOpinionReceivedOn, c => c.CciOpinionOn, "L'assureur ne peut recevoir l'avis de la CCI avant qu'il soit rendu.", needsEarlier: false);
        NotBefore(c => c.InsurerAcceptanceReceivedOn, c => c.AcceptedOn, "L'assureur ne peut recevoir l'acceptation avant qu'elle soit donnée.");
        NotBefore(c => c.FinalOfferOn, c => c.OfferOn, "L'offre définitive ne peut précéder l'offre provisionnelle.");
        NotBefore(c => c.ExpertiseCompletedOn, c => c.ExpertiseOrderedOn, "L'expertise ne peut être exécutée avant d'avoir été ordonnée.");
        RuleFor(c => c.FactsOn)
            .Must((c, d) => d is null || d <= c.ReceivedOn)
            .WithMessage("Les faits ne peuvent être postérieurs à la réception de la demande.");
        FactDate(c => c.FactsOn, IndemnityClaimFieldNames.FactsOn);
        FactDate(c => c.InsurerOpinionReceivedOn, IndemnityClaimFieldNames.InsurerOpinionReceivedOn);
        FactDate(c => c.InsurerAcceptanceReceivedOn, IndemnityClaimFieldNames.InsurerAcceptanceReceivedOn);
        FactDate(c => c.FinalOfferOn, IndemnityClaimFieldNames.FinalOfferOn);
        FactDate(c => c.ExpertiseOrderedOn, IndemnityClaimFieldNames.ExpertiseOrderedOn);
        FactDate(c => c.ExpertiseCompletedOn, IndemnityClaimFieldNames.ExpertiseCompletedOn);
        FactDate(c => c.DebtAcknowledgedOn, IndemnityClaimFieldNames.DebtAcknowledgedOn);
        FactDate(c => c.InsurerDeclaredOn, IndemnityClaimFieldNames.InsurerDeclaredOn);
        FactDate(c => c.CciReferredOn, IndemnityClaimFieldNames.CciReferredOn);
        FactDate(c => c.OfferOn, IndemnityClaimFieldNames.OfferOn);
        FactDate(c => c.PaidOn, IndemnityClaimFieldNames.PaidOn);
    }
}
