using FluentValidation;
using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.Requisitions;

/// <summary>CPP 56-3, 60-1, 77-1-1, 99-3.</summary>
public sealed class RequisitionValidator : CaseFileValidator<Requisition>
{
    public RequisitionValidator(TimeProvider clock) : base(clock)
    {
        RuleFor(r => r.Authority).IsInEnum().WithMessage("L'autorité requérante est obligatoire.");
        RuleFor(r => r.LegalBasis).IsInEnum().WithMessage("Le cadre juridique est obligatoire.");
        RuleFor(r => r.OfficerName).NotEmpty().WithMessage("Le nom de l'officier ou du magistrat requérant est obligatoire.");
        RuleFor(r => r.ProcedureNumber).NotEmpty().WithMessage("Le numéro de procédure est obligatoire.");
        RuleFor(r => r.DueOn)
            .NotNull().WithMessage("La date limite de réponse est obligatoire.")
            .Must((r, d) => d is null || d >= r.ReceivedOn).WithMessage("La date limite ne peut précéder la réception.");
        RuleFor(r => r.Items).NotEmpty().WithMessage("Au moins un élément demandé est obligatoire.");
        RuleForEach(r => r.Items).ChildRules(item =>
            item.RuleFor(i => i.Description).NotEmpty().WithMessage("Chaque élément demandé doit être décrit."));
        // A secrecy decision is dated on the day it was taken: not in the future, not before the requisition came.
        RuleForEach(r => r.Items)
            .Must(i => i.ReviewedOn is not { } on || on <= Today()).WithMessage(Future(RequisitionFieldNames.ItemReviewedOn))
            .Must((r, i) => i.ReviewedOn is not { } on || on >= r.ReceivedOn).WithMessage(BeforeReceipt(RequisitionFieldNames.ItemReviewedOn));
        RuleForEach(r => r.ServicesTold)
            .Must(s => s.ToldOn is not { } on || on <= Today()).WithMessage(Future(RequisitionFieldNames.ServiceToldOn))
            .Must(s => !string.IsNullOrWhiteSpace(s.Service) || (string.IsNullOrWhiteSpace(s.Person) && s.ToldOn is null))
            .WithMessage("Indiquez le service prévenu de la saisie.");
        // Medical items leave only through a seizure or with consent: a legal review comes first, by the item's reviewer or the case's.
        RuleFor(r => r.SecrecyReviewBy)
            .NotEmpty().When(r => r.Items.Any(i => i.Nature == RequisitionItemNature.Medical && i.Sent && string.IsNullOrWhiteSpace(i.ReviewedBy)))
            .WithMessage("L'examen du secret médical (nom du relecteur) est obligatoire avant de transmettre un élément médical.");
        RuleFor(r => r.SealNumbers)
            .NotEmpty().When(r => r.SeizureOn is not null).WithMessage("Les numéros de scellés sont obligatoires pour une saisie.");
        RuleFor(r => r.OrdreRepresentative)
            .NotEmpty().When(r => r.SeizureOn is not null)
            .WithMessage("Le représentant de l'Ordre des médecins présent à la saisie est obligatoire (art. 56-3 CPP).");
        FactDate(r => r.SecrecyReviewOn, RequisitionFieldNames.SecrecyReviewOn);
        FactDate(r => r.ResponseSentOn, RequisitionFieldNames.ResponseSentOn);
        FactDate(r => r.SeizureOn, RequisitionFieldNames.SeizureOn);
    }
}
