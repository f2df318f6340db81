using FluentValidation;
using RelationsUsagers.Core.Cdu;

namespace RelationsUsagers.Web.Cdu;

/// <summary>
/// The planner's field messages, from the same rules <see cref="CduMeetingService.SaveAsync"/> applies (date, place,
/// R.1112-88 convocation delay), so that the officer reads them under the field before anything is sent.
/// </summary>
public sealed class MeetingPlanValidator : AbstractValidator<CduMeeting>
{
    public MeetingPlanValidator()
    {
        RuleFor(m => m.Date).NotEmpty().WithMessage("La date de la séance est obligatoire.");
        RuleFor(m => m.Place)
            .Must(p => !string.IsNullOrWhiteSpace(p)).WithMessage("Le lieu de la séance est obligatoire.")
            .Must(p => (p ?? "").Trim().Length <= CduMeetingService.PlaceMaxLength)
            .WithMessage($"Le lieu de la séance ne doit pas dépasser {CduMeetingService.PlaceMaxLength} caractères.");
        RuleFor(m => m.ConvocationSentOn)
            .Must((m, sent) => CduMeetingRules.ConvocationProblem(m.Date, sent, m.IsUrgent) is null)
            .When(m => m.ConvocationSentOn is not null && m.Date != default)
            .WithMessage((m, sent) => CduMeetingRules.ConvocationProblem(m.Date, sent, m.IsUrgent) ?? "");
    }
}
