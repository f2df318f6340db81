using FluentValidation;

namespace RelationsUsagers.Core.Cdu;

/// <summary>
/// A recommendation of the CDU and its follow-up (R.1112-80: the CDU makes proposals; the annual report lists the year's
/// recommendations and the follow-up of the previous ones, CSP R.1112-80 II).
/// </summary>
public sealed class CduRecommendation
{
    public const int TextMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int Year { get; set; }
    /// <summary>The meeting that adopted it, if recorded.</summary>
    public Guid? MeetingId { get; set; }
    public string Text { get; set; } = "";
    /// <summary>Who carries it out (a department, a director...).</summary>
    public string Owner { get; set; } = "";
    public DateOnly? DueOn { get; set; }
    public CduRecommendationStatus Status { get; set; } = CduRecommendationStatus.Planned;
    public string? FollowUpComment { get; set; }

    public bool IsOpen => Status is CduRecommendationStatus.Planned or CduRecommendationStatus.InProgress;
}

public enum CduRecommendationStatus { Planned = 1, InProgress = 2, Done = 3, NotDone = 4 }

public sealed class CduRecommendationValidator : AbstractValidator<CduRecommendation>
{
    public CduRecommendationValidator()
    {
        RuleFor(r => r.Year).InclusiveBetween(2000, 2100).WithMessage("L'année de la recommandation est invalide.");
        RuleFor(r => r.Text)
            .NotEmpty().WithMessage("Le texte de la recommandation est obligatoire.")
            .MaximumLength(CduRecommendation.TextMaxLength).WithMessage("Le texte de la recommandation ne doit pas dépasser 2 000 caractères.");
        RuleFor(r => r.Owner)
            .NotEmpty().WithMessage("Le responsable de la recommandation est obligatoire.")
            .MaximumLength(200).WithMessage("Le responsable ne doit pas dépasser 200 caractères.");
        RuleFor(r => r.Status).IsInEnum().WithMessage("Le statut de la recommandation est invalide.");
        RuleFor(r => r.DueOn)
            .Must((r, due) => due is null || due.Value.Year >= r.Year)
            .WithMessage("L'échéance ne peut pas précéder l'année de la recommandation.");
        RuleFor(r => r.FollowUpComment)
            .NotEmpty().When(r => r.Status == CduRecommendationStatus.NotDone)
            .WithMessage("Le commentaire de suivi est obligatoire pour une recommandation non réalisée : en dire la raison.")
            .MaximumLength(CduRecommendation.TextMaxLength).WithMessage("Le commentaire de suivi ne doit pas dépasser 2 000 caractères.");
    }
}
