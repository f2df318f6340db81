using System.ComponentModel.DataAnnotations;

namespace RelationsUsagers.Web.Components.Account;

public sealed class ChangePasswordModel
{
    [Required(ErrorMessage = "Le nouveau mot de passe est obligatoire.")]
    [MinLength(10, ErrorMessage = "Le mot de passe doit contenir au moins 10 caractères.")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Confirmez le nouveau mot de passe.")]
    [Compare(nameof(NewPassword), ErrorMessage = "La confirmation ne correspond pas au nouveau mot de passe.")]
    public string Confirmation { get; set; } = "";
}
