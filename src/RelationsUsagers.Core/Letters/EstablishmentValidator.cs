using FluentValidation;

namespace RelationsUsagers.Core.Letters;

/// <summary>
/// The letterhead's rules, used by the establishment page at each field and by <see cref="LetterService.SaveEstablishmentAsync"/>:
/// what every acknowledgement must name (CRPA R.112-5 2°: the service, its postal and e-mail addresses, its telephone), the
/// signatory, the town letters are dated from, the court the remedies name (CJA R.421-5), and the columns' lengths.
/// </summary>
public sealed class EstablishmentValidator : AbstractValidator<Establishment>
{
    public EstablishmentValidator()
    {
        Required(e => e.HospitalName, "Le nom de l'établissement est obligatoire.", 200, "Le nom de l'établissement");
        Required(e => e.ServiceName, "Le nom du service est obligatoire (art. R.112-5 du CRPA).", 200, "Le nom du service");
        Required(e => e.Address, "L'adresse postale du service est obligatoire (art. R.112-5 du CRPA).", 500, "L'adresse");
        Required(e => e.City, "La ville d'où les courriers sont datés est obligatoire.", 200, "La ville");
        Required(e => e.Email, "Le courriel du service est obligatoire (art. R.112-5 du CRPA).", 200, "Le courriel");
        RuleFor(e => e.Email).EmailAddress().When(e => !string.IsNullOrWhiteSpace(e.Email))
            .WithMessage("Le courriel du service n'est pas une adresse valide (exemple : relations.usagers@ch-exemple.fr).");
        Required(e => e.Phone, "Le téléphone du service est obligatoire (art. R.112-5 du CRPA).", 200, "Le téléphone");
        RuleFor(e => e.Phone).Must(BeAPhoneNumber).When(e => !string.IsNullOrWhiteSpace(e.Phone))
            .WithMessage("Le téléphone du service doit compter au moins 10 chiffres (exemple : 02 40 00 12 34).");
        Required(e => e.SignatoryName, "Le nom du signataire est obligatoire.", 200, "Le nom du signataire");
        Required(e => e.SignatoryTitle, "La qualité du signataire est obligatoire.", 200, "La qualité du signataire");
        Optional(e => e.Delegation, 200, "La délégation de signature");
        Required(e => e.AdministrativeCourt, "Le tribunal administratif compétent est obligatoire (voies de recours, art. R.421-5 du CJA).", 200,
            "Le tribunal administratif");
        Optional(e => e.RepresentativesContact, 1000, "Le contact des représentants des usagers");
        Optional(e => e.InsurerName, 200, "L'assureur");
        Optional(e => e.InsurancePolicyNumber, 200, "Le numéro de contrat");
    }

    private void Required(System.Linq.Expressions.Expression<Func<Establishment, string>> field, string message, int max, string name) =>
        RuleFor(field)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(message)
            .MaximumLength(max).WithMessage($"{name} ne doit pas dépasser {max} caractères.");

    private void Optional(System.Linq.Expressions.Expression<Func<Establishment, string?>> field, int max, string name) =>
        RuleFor(field).MaximumLength(max).WithMessage($"{name} ne doit pas dépasser {max} caractères.");

    /// <summary>At least ten digits (a French number), written with spaces, dots, dashes, brackets or a leading +.</summary>
    private static bool BeAPhoneNumber(string phone) =>
        phone.All(c => char.IsDigit(c) || c is ' ' or '.' or '-' or '+' or '(' or ')' or '\u00A0') && phone.Count(char.IsDigit) >= 10;
}
