using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Web.Security;

/// <summary>
/// Adds the person's display name to the sign-in cookie, so the app bar greets "Claire Dubois", not "officer", and the
/// sign-in time, which the session's absolute lifetime counts from (kept when the cookie is refreshed, see WebServices).
/// </summary>
internal sealed class PortalClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options,
    TimeProvider clock)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
            identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        identity.AddClaim(SessionClaims.SignedInAtClaim(clock.GetUtcNow()));
        return identity;
    }
}
