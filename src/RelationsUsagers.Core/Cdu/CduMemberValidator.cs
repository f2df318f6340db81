using FluentValidation;
using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.Cdu;

/// <summary>
/// A member's own rules, and the rules that compare him with the other active members (<paramref name="colleagues"/>;
/// the member himself is recognised by his id and skipped). The form may pass the list it shows; the service always
/// passes the stored one.
/// </summary>
public sealed class CduMemberValidator : AbstractValidator<CduMember>
{
    public CduMemberValidator(IReadOnlyCollection<CduMember>? colleagues = null)
    {
        var others = colleagues ?? [];
        IEnumerable<CduMember> Others(CduMember m) => others.Where(o => o.Id != m.Id && o.Active);

        RuleFor(m => m.FullName)
            .NotEmpty().WithMessage("Le nom du membre est obligatoire.")
            .MaximumLength(200).WithMessage("Le nom du membre ne doit pas dépasser 200 caractères.");
        RuleFor(m => m.Category).IsInEnum().WithMessage("La catégorie du membre est invalide.");
        RuleFor(m => m.MandateStart).NotEmpty().WithMessage("La date de début du mandat est obligatoire.");
        RuleFor(m => m.MandateEnd)
            .Must((m, end) => end > m.MandateStart).WithMessage("La fin du mandat doit être postérieure à son début.");
        RuleFor(m => m.Renewals).GreaterThanOrEqualTo(0).WithMessage("Le nombre de renouvellements ne peut pas être négatif.");
        RuleFor(m => m.Email)
            .EmailAddress().When(m => !string.IsNullOrWhiteSpace(m.Email))
            .WithMessage("L'adresse électronique du membre n'est pas valide.");
        RuleFor(m => m.UserName).MaximumLength(256).WithMessage("L'identifiant ne doit pas dépasser 256 caractères.");

        // R.1112-82: each mediator is designated with the department he works in.
        RuleFor(m => m.Department)
            .NotEmpty().When(m => m.IsMediator)
            .WithMessage("Le service d'exercice du médiateur est obligatoire (art. R.1112-82 du CSP).")
            .MaximumLength(100).WithMessage("Le service ne doit pas dépasser 100 caractères.");
        // R.1112-82: the medical mediator and his deputy do not work in the same department.
        RuleFor(m => m.Department)
            .Must((m, dept) => !Others(m).Any(o => o.Category == CduCategory.MedicalMediator && o.IsDeputy != m.IsDeputy
                && TextSearch.Normalize(o.Department) == TextSearch.Normalize(dept)))
            .When(m => m.Category == CduCategory.MedicalMediator && !string.IsNullOrWhiteSpace(m.Department))
            .WithMessage((_, dept) => $"Le médiateur médecin et son suppléant ne peuvent pas exercer dans le même service ({dept?.Trim()}) (art. R.1112-82 du CSP).");
        // R.1112-83: patient representatives are proposed by an approved association.
        RuleFor(m => m.Association)
            .NotEmpty().When(m => m.Category == CduCategory.PatientRepresentative)
            .WithMessage("L'association agréée du représentant des usagers est obligatoire (art. R.1112-83 du CSP).")
            .MaximumLength(200).WithMessage("L'association ne doit pas dépasser 200 caractères.");

        // R.1112-81 I: the number of seats of each category.
        RuleFor(m => m.Category)
            .Must((m, category) => Others(m).Count(o => o.Category == category && o.IsDeputy == m.IsDeputy) < CduMandates.Seats(category))
            .When(m => m.Active && CduMandates.Seats(m.Category) is not null)
            .WithMessage(m => $"Tous les sièges de {CduText.LowerFirst(m.Category.Label())} {CduLabels.SeatLabel(m.IsDeputy)} " +
                $"sont déjà pourvus ({CduMandates.Seats(m.Category)} au plus) (art. R.1112-81 du CSP).");

        // R.1112-81-1: president and vice-president are members of categories 1° to 3°, one of each, of different categories.
        RuleFor(m => m.Office).IsInEnum().WithMessage("La fonction est invalide.");
        When(m => m.Office != CduOffice.None, () =>
        {
            RuleFor(m => m.Office)
                .Must((m, _) => m.LegalCategory is not null)
                .WithMessage("Le président et le vice-président sont élus parmi le représentant légal, les médiateurs et les représentants " +
                             "des usagers (catégories 1° à 3°, art. R.1112-81-1 du CSP).")
                .Must((m, _) => m.Active)
                .WithMessage("Un membre inactif ne peut pas être président ni vice-président.")
                .Must((m, office) => !Others(m).Any(o => o.Office == office))
                .WithMessage((m, office) => $"La CDU a déjà un(e) {office.Label().ToLowerInvariant()} : {Others(m).First(o => o.Office == office).FullName}.");
            RuleFor(m => m.Office)
                .Must((m, office) => !Others(m).Any(o => o.Office == Counterpart(office) && o.LegalCategory == m.LegalCategory))
                .When(m => m.LegalCategory is not null)
                .WithMessage(m => $"Le président et le vice-président doivent appartenir à des catégories différentes ; " +
                    $"{Others(m).First(o => o.Office == Counterpart(m.Office)).FullName}, {Counterpart(m.Office).Label().ToLowerInvariant()}, " +
                    $"appartient déjà à la catégorie {m.LegalCategory}° (art. R.1112-81-1 du CSP).");
            RuleFor(m => m.OfficeRenewals)
                .InclusiveBetween(0, CduMember.MaxOfficeRenewals)
                .WithMessage("Le mandat de président ou de vice-président n'est renouvelable que deux fois (art. R.1112-81-1 du CSP).");
        });
    }

    private static CduOffice Counterpart(CduOffice office) => office == CduOffice.President ? CduOffice.VicePresident : CduOffice.President;
}
