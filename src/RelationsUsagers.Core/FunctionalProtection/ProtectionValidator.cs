using FluentValidation;
using RelationsUsagers.Core.Cases;
using F = RelationsUsagers.Core.FunctionalProtection.ProtectionFieldNames;

namespace RelationsUsagers.Core.FunctionalProtection;

/// <summary>CGFP L.134-1 to L.134-12; décret 2017-97 (costs of the defence).</summary>
public sealed class ProtectionValidator : CaseFileValidator<ProtectionCase>
{
    public ProtectionValidator(TimeProvider clock) : base(clock)
    {
        RuleFor(p => p.AgentStatus).IsInEnum().WithMessage("Le statut de l'agent est obligatoire.");
        RuleFor(p => p.Ground).IsInEnum().WithMessage("Le cas de protection est obligatoire.");
        RuleFor(p => p.FactsType).IsInEnum().WithMessage("La nature des faits est obligatoire.");
        RuleFor(p => p.AgentService).NotEmpty().WithMessage("Le service d'affectation de l'agent est obligatoire.");
        // The facts come before the request that relates them.
        RuleFor(p => p.FactsOn)
            .NotNull().WithMessage($"{FieldNames.DateSubject(F.FactsOn)} est obligatoire.")
            .Must((p, d) => d is null || d <= p.ReceivedOn).WithMessage($"{FieldNames.DateSubject(F.FactsOn)} ne peut pas suivre la réception de la demande.");
        RuleFor(p => p.PoliceComplaintOn)
            .Must(d => d is null || d <= Today()).WithMessage(Future(F.PoliceComplaintOn))
            .Must((p, d) => d is null || p.FactsOn is null || d >= p.FactsOn).WithMessage($"{FieldNames.DateSubject(F.PoliceComplaintOn)} ne peut pas précéder les faits.");
        RuleFor(p => p.PoliceComplaintNumber)
            .NotEmpty().When(p => p.PoliceComplaintOn is not null).WithMessage("Le numéro de la plainte est obligatoire quand une plainte a été déposée.");
        RuleFor(p => p.Beneficiaries)
            .NotEmpty().WithMessage("Au moins un bénéficiaire est obligatoire (l'agent, et le cas échéant ses proches : art. L.134-7).");
        RuleForEach(p => p.Beneficiaries).ChildRules(b =>
        {
            b.RuleFor(x => x.Kind).IsInEnum().WithMessage("Le type de bénéficiaire est invalide.");
            b.RuleFor(x => x.Name).NotEmpty().When(x => x.Kind != BeneficiaryKind.Agent)
                .WithMessage("Le nom d'un proche bénéficiaire est obligatoire (art. L.134-7).");
        });
        // Impartiality: the director involved in the facts does not rule on the request.
        RuleFor(p => p.DecisionMaker)
            .NotEmpty().When(p => p.DirectorInvolved)
            .WithMessage("Les faits mettent en cause le directeur : l'autorité décisionnaire qui statue à sa place est obligatoire.");
        RuleFor(p => p.DecisionReasons)
            .NotEmpty().When(p => p.Decision is ProtectionDecision.Refused or ProtectionDecision.GrantedInPart)
            .WithMessage("Un refus, même partiel, doit être motivé.");
        RuleForEach(p => p.Measures).ChildRules(m =>
        {
            m.RuleFor(x => x.Kind).IsInEnum().WithMessage("La mesure accordée est invalide.");
            m.RuleFor(x => x.Lawyer).NotEmpty().When(x => x.Kind is MeasureKind.FeeAgreement or MeasureKind.ChoiceOfLawyer)
                .WithMessage("L'avocat est obligatoire pour une convention d'honoraires ou le libre choix de l'avocat.");
            m.RuleFor(x => x.CeilingCents).NotNull().When(x => x.Kind == MeasureKind.FeeAgreement)
                .WithMessage("Le plafond de prise en charge de la convention d'honoraires est obligatoire (décret 2017-97).")
                .GreaterThan(0).When(x => x.CeilingCents is not null).WithMessage("Le plafond de prise en charge doit être positif.");
            m.RuleFor(x => x.GrantedOn).Must(d => d is null || d <= Today()).WithMessage(Future(F.MeasureGrantedOn));
        });
        RuleForEach(p => p.Costs).ChildRules(c =>
        {
            c.RuleFor(x => x.InvoiceNumber).NotEmpty().WithMessage("Le numéro de facture est obligatoire.");
            c.RuleFor(x => x.PaidOn).NotNull().WithMessage($"{FieldNames.DateSubject(F.CostPaidOn)} est obligatoire.")
                .Must(d => d is null || d <= Today()).WithMessage(Future(F.CostPaidOn));
            c.RuleFor(x => x.AmountCents).NotNull().WithMessage("Le montant de la facture est obligatoire.")
                .GreaterThan(0).When(x => x.AmountCents is not null).WithMessage("Le montant de la facture doit être positif.");
        });
        RuleFor(p => p.Costs)
            .Must(costs => costs.Select(c => c.InvoiceNumber.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Count()
                           == costs.Count(c => c.InvoiceNumber.Trim().Length > 0))
            .WithMessage("Une même facture est saisie deux fois.");
        FactDate(p => p.DecisionOn, F.DecisionOn);
        FactDate(p => p.ReasonsRequestedOn, F.ReasonsRequestedOn);
        FactDate(p => p.ReasonsSentOn, F.ReasonsSentOn);
        FactDate(p => p.EndedOn, F.EndedOn);
    }
}
