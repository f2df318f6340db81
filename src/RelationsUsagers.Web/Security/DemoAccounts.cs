using Microsoft.AspNetCore.Identity;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Web.Security;

/// <summary>One account per role for demonstrations; refused at sign-in outside demo mode (see <see cref="PortalSignInManager"/>).</summary>
public static class DemoAccounts
{
    public const string Password = "Demo-2026!";

    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role)> All =
    [
        ("officer", "Claire Dubois (chargée RU)", Roles.Officer),
        ("manager", "Marc Lefèvre (responsable)", Roles.Manager),
        ("mediator", "Dr Hélène Martin (médiatrice)", Roles.Mediator),
        ("cdu", "Josiane Bernard (représentante des usagers)", Roles.CduMember),
        ("admin", "Service informatique", Roles.Admin),
    ];

    public static async Task EnsureAsync(UserManager<AppUser> users)
    {
        foreach (var (userName, displayName, role) in All)
        {
            if (await users.FindByNameAsync(userName) is not null)
                continue;
            var user = new AppUser { UserName = userName, DisplayName = displayName, IsDemo = true, EmailConfirmed = true };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
                throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
        }
    }
}
