using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Web.Security;

/// <summary>
/// The step between signing in with a one-time password (a new account, a reset) and working: the person proved the
/// one-time password at sign-in and gets, instead of a session, a cookie good for ten minutes on the change-password page
/// only. Choosing a new password clears the flag, audits the change and signs in.
/// </summary>
public sealed class PasswordChange(UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db, TimeProvider clock,
    IOptions<IdentityOptions> identity)
{
    public const string Scheme = "RelationsUsagers.PasswordChange";
    public const string Page = "/mot-de-passe";

    public static void AddCookie(AuthenticationBuilder authentication) =>
        authentication.AddCookie(Scheme, o =>
        {
            o.Cookie.Name = Scheme;
            o.Cookie.Path = Page;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(10);
            o.SlidingExpiration = false;
            o.LoginPath = "/connexion";
        });

    /// <summary>After a correct one-time password: the change-password cookie instead of a session.</summary>
    public async Task StartAsync(HttpContext http, AppUser user)
    {
        var claims = identity.Value.ClaimsIdentity;
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(claims.UserIdClaimType, user.Id),
            new Claim(claims.SecurityStampClaimType, await users.GetSecurityStampAsync(user)),
        ], Scheme));
        await http.SignInAsync(Scheme, principal);
    }

    /// <summary>The account waiting for its new password in this browser, if its one-time password is still the current one.</summary>
    public async Task<AppUser?> PendingAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(Scheme);
        var claims = identity.Value.ClaimsIdentity;
        if (result.Principal?.FindFirstValue(claims.UserIdClaimType) is not { } id || await users.FindByIdAsync(id) is not { } user)
            return null;
        var current = user.MustChangePassword && await signIn.CanSignInAsync(user)
            && result.Principal.FindFirstValue(claims.SecurityStampClaimType) == await users.GetSecurityStampAsync(user);
        return current ? user : null;
    }

    /// <summary>Sets the person's own password and signs in; otherwise the French reasons (the portal's password rules).</summary>
    public async Task<IReadOnlyList<string>> ChangeAsync(HttpContext http, AppUser user, string newPassword)
    {
        if (await users.CheckPasswordAsync(user, newPassword))
            return ["Choisissez un mot de passe différent du mot de passe provisoire."];
        var refused = new List<string>();
        foreach (var validator in users.PasswordValidators)
            refused.AddRange((await validator.ValidateAsync(users, user, newPassword)).Errors.Select(e => e.Description));
        if (refused.Count > 0)
            return refused;
        await using var transaction = await db.Database.BeginTransactionAsync();
        user.MustChangePassword = false;
        // Saved with the new password by the reset below, in the same transaction.
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime, UserName = user.UserName ?? "", Action = AuditActions.PasswordChanged,
            Details = $"Compte « {user.UserName} » : mot de passe provisoire remplacé par la personne.",
        });
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, newPassword);
        if (!reset.Succeeded)
            throw new InvalidOperationException(string.Join(" ", reset.Errors.Select(e => e.Description)));
        await transaction.CommitAsync();
        await http.SignOutAsync(Scheme);
        await signIn.SignInAsync(user, isPersistent: false);
        return [];
    }
}
