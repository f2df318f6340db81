using System.ComponentModel.DataAnnotations;

namespace RelationsUsagers.Web.Components.Account;

public sealed class SignInModel
{
    /// <summary>The one answer to every failed sign-in: unknown account, wrong password, locked or disabled account.</summary>
    public const string Refused = "Identifiant ou mot de passe incorrect, ou compte indisponible. Après plusieurs essais, le compte est verrouillé pendant 15 minutes.";

    [Required(ErrorMessage = "L'identifiant est obligatoire.")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Le mot de passe est obligatoire.")]
    public string Password { get; set; } = "";

    /// <summary><paramref name="returnUrl"/> when it is an address of this site ("/dossiers/…"), otherwise null.</summary>
    public static string? LocalOrNull(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
        && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : null;
}
