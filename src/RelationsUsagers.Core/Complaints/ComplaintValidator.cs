using FluentValidation;
using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.Complaints;

/// <summary>CSP R.1112-91 to R.1112-94.</summary>
public sealed class ComplaintValidator : CaseFileValidator<Complaint>
{
    public ComplaintValidator(TimeProvider clock) : base(clock)
    {
        RuleFor(c => c.Motives)
            .NotEmpty().When(c => c.Nature != ComplaintNature.Praise)
            .WithMessage("Au moins un motif de réclamation est obligatoire.");
        RuleFor(c => c.Summary).NotEmpty().WithMessage("L'objet de la réclamation est obligatoire.");
        RuleFor(c => c.FactsOn)
            .Must(d => d is null || d <= Today()).WithMessage(Future(ComplaintFieldNames.FactsOn))
            .Must((c, d) => d is null || d <= c.ReceivedOn).WithMessage("La date des faits ne peut pas suivre la date de réception.");
        RuleFor(c => c.MediatorName)
            .NotEmpty().When(c => c.MediationType != MediationType.None)
            .WithMessage("Le nom du médiateur est obligatoire lorsqu'une médiation est engagée.");
        RuleFor(c => c.PlannedDischargeOn)
            .NotNull().When(c => c.PatientHospitalised)
            .WithMessage("La date de sortie prévue est obligatoire pour un patient hospitalisé (art. R.1112-93 du CSP).");
        RuleFor(c => c.CduOpinionText)
            .NotEmpty().When(c => c.CduOpinion is not null)
            .WithMessage("Le texte de l'avis de la CDU est obligatoire.");
        RuleFor(c => c.CduMeetingOn)
            .NotNull().When(c => c.CduOpinion is not null)
            .WithMessage("La date de la séance de la CDU est obligatoire avec son avis.");
        // L.1142-4: the damage may have been discovered before the complaint, never after today.
        RuleFor(c => c.DamageDiscoveredOn)
            .Must(d => d is null || d <= Today()).WithMessage(Future(ComplaintFieldNames.DamageDiscoveredOn));
        FactDate(c => c.AnswerSentOn, ComplaintFieldNames.AnswerSentOn);
        FactDate(c => c.MedicalDataConsentOn, ComplaintFieldNames.MedicalDataConsentOn);
    }
}
