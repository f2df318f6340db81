using Microsoft.AspNetCore.Components.Authorization;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Web.Security;

/// <summary>
/// The user behind the current circuit (Blazor) or request (endpoints), for the audit trail.
/// In a circuit the HttpContext is not reliable, so the authentication state comes first.
/// </summary>
internal sealed class SignedInUser(AuthenticationStateProvider authState, IHttpContextAccessor http) : ICurrentUser
{
    public string UserName
    {
        get
        {
            try
            {
                var state = authState.GetAuthenticationStateAsync();
                if (state.IsCompletedSuccessfully && state.Result.User.Identity?.Name is { Length: > 0 } name)
                    return name;
            }
            catch (InvalidOperationException)
            {
                // Outside a Razor component (a plain endpoint): no authentication state was set.
            }
            return http.HttpContext?.User.Identity?.Name ?? "système";
        }
    }
}
