using System.ComponentModel.DataAnnotations;

namespace RelationsUsagers.Web.Components.Account;

public sealed class SignInModel
{
    [Required(ErrorMessage = "L'identifiant est obligatoire.")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Le mot de passe est obligatoire.")]
    public string Password { get; set; } = "";
}
