using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Web.Admin;

public sealed record UserListItem(string Id, string UserName, string DisplayName, string? Email, IReadOnlyList<string> Roles,
    bool IsDisabled, bool IsLockedOut, bool IsDemo);

/// <summary>
/// Account administration. Each operation takes a fresh scope: a Blazor circuit lives for hours and the
/// UserManager's context must not outlive one operation.
/// </summary>
public sealed class UserAdminService(IServiceScopeFactory scopes)
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
            var locked = u.LockoutEnd is { } end && end > DateTimeOffset.UtcNow;
            list.Add(new UserListItem(u.Id, u.UserName ?? "", u.DisplayName, u.Email, [.. roles.Order()], u.IsDisabled, locked, u.IsDemo));
        }
        return list;
    }

    /// <summary>Null when created; otherwise the French reasons.</summary>
    public async Task<IReadOnlyList<string>> CreateAsync(NewUser input)
    {
        var check = await Validator.ValidateAsync(input);
        if (!check.IsValid)
            return [.. check.Errors.Select(e => e.ErrorMessage)];
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = input.UserName.Trim(), DisplayName = input.DisplayName.Trim(),
            Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(), EmailConfirmed = true,
        };
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
            return Errors(created);
        var roles = await users.AddToRolesAsync(user, input.Roles);
        return roles.Succeeded ? [] : Errors(roles);
    }

    public async Task<IReadOnlyList<string>> SetRolesAsync(string userId, IReadOnlyCollection<string> roles)
    {
        if (roles.Count == 0)
            return ["Choisissez au moins un rôle."];
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
            return ["Ce compte n'existe plus."];
        var current = await users.GetRolesAsync(user);
        var removed = await users.RemoveFromRolesAsync(user, current.Except(roles));
        if (!removed.Succeeded)
            return Errors(removed);
        var added = await users.AddToRolesAsync(user, roles.Except(current));
        if (!added.Succeeded)
            return Errors(added);
        // Ends open sessions so that the new roles apply at once.
        await users.UpdateSecurityStampAsync(user);
        return [];
    }

    public async Task<IReadOnlyList<string>> SetDisabledAsync(string userId, bool disabled)
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
            return ["Ce compte n'existe plus."];
        user.IsDisabled = disabled;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
            return Errors(updated);
        await users.UpdateSecurityStampAsync(user);
        return [];
    }

    /// <summary>Sets a new password and lifts a lockout.</summary>
    public async Task<IReadOnlyList<string>> ResetPasswordAsync(string userId, string newPassword)
    {
        if (string.IsNullOrWhiteSpace(newPassword))
            return ["Le nouveau mot de passe est obligatoire."];
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
            return ["Ce compte n'existe plus."];
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, newPassword);
        if (!reset.Succeeded)
            return Errors(reset);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return [];
    }

    private static string[] Errors(IdentityResult result) => [.. result.Errors.Select(e => e.Description)];
}
