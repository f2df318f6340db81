using FluentValidation;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Web.Admin;

public sealed class NewUser
{
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? Email { get; set; }
    public HashSet<string> Roles { get; set; } = [];
}

/// <summary>Checks of the account form, also run by <see cref="UserAdminService"/> before creating.</summary>
public sealed class NewUserValidator : AbstractValidator<NewUser>
{
    public NewUserValidator()
    {
        RuleFor(u => u.UserName)
            .NotEmpty().WithMessage("L'identifiant est obligatoire.")
            .Matches("^[a-zA-Z0-9._-]{3,50}$").WithMessage("L'identifiant : 3 à 50 lettres sans accent, chiffres, point ou tiret.");
        RuleFor(u => u.DisplayName)
            .NotEmpty().WithMessage("Le nom affiché est obligatoire.")
            .MaximumLength(100).WithMessage("Le nom affiché ne doit pas dépasser 100 caractères.");
        RuleFor(u => u.Email)
            .EmailAddress().When(u => !string.IsNullOrWhiteSpace(u.Email)).WithMessage("L'adresse électronique n'est pas valide.");
        RuleFor(u => u.Roles)
            .NotEmpty().WithMessage("Choisissez au moins un rôle.")
            .Must(r => r.All(Core.Security.Roles.All.Contains)).WithMessage("Rôle inconnu.");
    }
}
