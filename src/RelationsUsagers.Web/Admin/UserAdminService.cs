using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Web.Admin;

public sealed record UserListItem(string Id, string UserName, string DisplayName, string? Email, IReadOnlyList<string> Roles,
    bool IsDisabled, bool IsLockedOut, bool IsDemo, bool MustChangePassword);

/// <summary>What an account creation or a password reset hands over: the one-time password, shown once, or the French reasons.</summary>
public sealed record PasswordHandOver(IReadOnlyList<string> Errors, string? Password)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Account administration, by an active administrator only. Each change and its audit line (no case; the account in the
/// details) are written in one transaction. An administrator grants no role to itself and does not remove its own
/// administration or disable itself: another administrator does. Passwords are never chosen by the administrator: a new
/// account and a reset get a one-time password that must be changed at the next sign-in.
/// Each operation takes a fresh scope: a Blazor circuit lives for hours and the UserManager's context must not outlive one
/// operation.
/// </summary>
public sealed class UserAdminService(IServiceScopeFactory scopes, ICurrentUser actor, TimeProvider clock)
{
    private static readonly NewUserValidator Validator = new();

    public async Task<IReadOnlyList<UserListItem>> ListAsync()
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var list = new List<UserListItem>();
        foreach (var u in await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync())
        {
            var roles = await users.GetRolesAsync(u);
            var locked = u.LockoutEnd is { } end && end > clock.GetUtcNow();
            list.Add(new UserListItem(u.Id, u.UserName ?? "", u.DisplayName, u.Email, [.. roles.Order()], u.IsDisabled, locked, u.IsDemo,
                u.MustChangePassword));
        }
        return list;
    }

    public async Task<PasswordHandOver> CreateAsync(NewUser input)
    {
        var check = await Validator.ValidateAsync(input);
        if (!check.IsValid)
            return new PasswordHandOver([.. check.Errors.Select(e => e.ErrorMessage)], null);
        string? password = null;
        var errors = await ChangeAsync(async (users, db, admin) =>
        {
            var user = new AppUser
            {
                UserName = input.UserName.Trim(), DisplayName = input.DisplayName.Trim(),
                Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(), EmailConfirmed = true,
                MustChangePassword = true,
            };
            var oneTime = OneTimePassword.Create();
            var created = await users.CreateAsync(user, oneTime);
            if (!created.Succeeded)
                return Errors(created);
            var roles = await users.AddToRolesAsync(user, input.Roles);
            if (!roles.Succeeded)
                return Errors(roles);
            Audit(db, admin, AuditActions.AccountCreated,
                $"Compte « {user.UserName} » ({user.DisplayName}), rôles : {Labels(input.Roles)} ; mot de passe provisoire remis.");
            password = oneTime;
            return [];
        });
        return new PasswordHandOver(errors, password);
    }

    public Task<IReadOnlyList<string>> SetRolesAsync(string userId, IReadOnlyCollection<string> roles) => ChangeAsync(async (users, db, admin) =>
    {
        if (roles.Count == 0)
            return ["Choisissez au moins un rôle."];
        if (roles.Any(r => !Roles.All.Contains(r)))
            return ["Rôle inconnu."];
        var user = await users.FindByIdAsync(userId);
        if (user is null)
            return [Gone];
        var current = await users.GetRolesAsync(user);
        var added = roles.Except(current).ToList();
        var removed = current.Except(roles).ToList();
        if (user.Id == admin.Id && removed.Contains(Roles.Admin))
            return ["Vous ne pouvez pas retirer votre propre rôle d'administrateur : un autre administrateur doit le faire."];
        if (user.Id == admin.Id && added.Count > 0)
            return ["Vous ne pouvez pas vous attribuer un rôle : un autre administrateur doit le faire."];
        if (added.Count == 0 && removed.Count == 0)
            return [];
        var result = await users.RemoveFromRolesAsync(user, removed);
        if (result.Succeeded)
            result = await users.AddToRolesAsync(user, added);
        if (!result.Succeeded)
            return Errors(result);
        // Open sessions lose the old roles at once (the circuit and the cookie check the stamp).
        await users.UpdateSecurityStampAsync(user);
        Audit(db, admin, AuditActions.RolesChanged, $"Compte « {user.UserName} » : {Labels(current)} → {Labels(roles)}.");
        return [];
    });

    public Task<IReadOnlyList<string>> SetDisabledAsync(string userId, bool disabled) => ChangeAsync(async (users, db, admin) =>
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
            return [Gone];
        if (user.Id == admin.Id && disabled)
            return ["Vous ne pouvez pas désactiver votre propre compte : un autre administrateur doit le faire."];
        if (user.IsDisabled == disabled)
            return [];
        user.IsDisabled = disabled;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
            return Errors(updated);
        await users.UpdateSecurityStampAsync(user);
        Audit(db, admin, disabled ? AuditActions.AccountDisabled : AuditActions.AccountEnabled, $"Compte « {user.UserName} ».");
        return [];
    });

    /// <summary>Gives a new one-time password (to be changed at the next sign-in), lifts a lockout and ends open sessions.</summary>
    public async Task<PasswordHandOver> ResetPasswordAsync(string userId)
    {
        string? password = null;
        var errors = await ChangeAsync(async (users, db, admin) =>
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null)
                return [Gone];
            var oneTime = OneTimePassword.Create();
            user.MustChangePassword = true;
            var token = await users.GeneratePasswordResetTokenAsync(user);
            // Saves the flag with the new password; the reset also renews the security stamp, which ends open sessions.
            var reset = await users.ResetPasswordAsync(user, token, oneTime);
            if (!reset.Succeeded)
                return Errors(reset);
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            Audit(db, admin, AuditActions.PasswordReset,
                $"Compte « {user.UserName} » : mot de passe provisoire remis, à changer à la prochaine connexion.");
            password = oneTime;
            return [];
        });
        return new PasswordHandOver(errors, password);
    }

    private const string Gone = "Ce compte n'existe plus.";

    /// <summary>Runs <paramref name="change"/> for the acting administrator in one transaction, committed when it reports no error.</summary>
    private async Task<IReadOnlyList<string>> ChangeAsync(Func<UserManager<AppUser>, AppDbContext, AppUser, Task<IReadOnlyList<string>>> change)
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        // The context of Identity's stores: the audit line is saved with the account's last change.
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var admin = await users.FindByNameAsync(actor.UserName);
        if (admin is null || admin.IsDisabled || !await users.IsInRoleAsync(admin, Roles.Admin))
            return ["Action réservée aux administrateurs."];
        await using var transaction = await db.Database.BeginTransactionAsync();
        var errors = await change(users, db, admin);
        if (errors.Count > 0)
            return errors;
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return [];
    }

    private void Audit(AppDbContext db, AppUser admin, string action, string details) =>
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime, UserName = admin.UserName ?? actor.UserName, Action = action, Details = details,
        });

    private static string Labels(IEnumerable<string> roles) =>
        roles.Any() ? string.Join(", ", roles.Order(StringComparer.Ordinal).Select(Roles.Label)) : "aucun";

    private static string[] Errors(IdentityResult result) => [.. result.Errors.Select(e => e.Description)];
}
