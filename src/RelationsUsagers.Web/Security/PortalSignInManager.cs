using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Web.Security;

/// <summary>
/// Refuses disabled accounts, accounts waiting for a new password, and demo accounts when the portal is not in demo mode:
/// at sign-in, and when the session cookie is checked again.
/// </summary>
internal sealed class PortalSignInManager(
    UserManager<AppUser> userManager, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation, DemoMode demoMode)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user)
    {
        if (user.IsDisabled || (user.IsDemo && !demoMode.IsEnabled))
            return false;
        return await base.CanSignInAsync(user);
    }

    public override async Task<AppUser?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is null || user.MustChangePassword || !await CanSignInAsync(user) ? null : user;
    }
}
