using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Web.Security;

/// <summary>Why an open session ends.</summary>
public enum SessionEnd
{
    AccountRemoved,
    /// <summary>Disabled by an administrator, waiting for a new password, or a demo account outside demo mode.</summary>
    AccountDisabled,
    /// <summary>The security stamp moved: password reset, roles or state changed by an administrator.</summary>
    AccountChanged,
    RolesChanged,
    Idle,
    LifetimeOver,
}

/// <summary>
/// Checks a signed-in user against the accounts table and the session limits. An open Blazor circuit keeps the principal
/// it was given when the page loaded; this is what it asks at each interval and before each navigation.
/// </summary>
public sealed class SessionValidator(IServiceScopeFactory scopes, SessionSettings settings, TimeProvider clock, DemoMode demo,
    IOptions<IdentityOptions> identity)
{
    /// <summary>Null while the session may go on; otherwise why it ends. <paramref name="lastActivity"/>: the circuit's last navigation or interaction.</summary>
    public async Task<SessionEnd?> CheckAsync(ClaimsPrincipal principal, DateTimeOffset lastActivity, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (SessionClaims.IsOver(principal, now, settings.Lifetime))
            return SessionEnd.LifetimeOver;
        if (now - lastActivity > settings.IdleTimeout)
            return SessionEnd.Idle;

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.GetUserAsync(principal);
        ct.ThrowIfCancellationRequested();
        if (user is null)
            return SessionEnd.AccountRemoved;
        if (user.IsDisabled || user.MustChangePassword || (user.IsDemo && !demo.IsEnabled))
            return SessionEnd.AccountDisabled;
        var claims = identity.Value.ClaimsIdentity;
        if (principal.FindFirstValue(claims.SecurityStampClaimType) != await users.GetSecurityStampAsync(user))
            return SessionEnd.AccountChanged;
        var roles = await users.GetRolesAsync(user);
        if (!roles.ToHashSet(StringComparer.Ordinal).SetEquals(principal.FindAll(claims.RoleClaimType).Select(c => c.Value)))
            return SessionEnd.RolesChanged;
        return null;
    }
}
