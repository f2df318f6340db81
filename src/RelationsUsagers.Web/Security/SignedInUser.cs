using Microsoft.AspNetCore.Components.Authorization;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Web.Security;

/// <summary>
/// The user behind the current circuit (Blazor) or request (endpoints), for the audit trail.
/// In a circuit the HttpContext is not reliable, so the authentication state comes first; once the circuit's session has
/// ended (<see cref="PortalAuthenticationStateProvider"/>), nothing is done under the person's name.
/// </summary>
internal sealed class SignedInUser(AuthenticationStateProvider authState, IHttpContextAccessor http) : ICurrentUser
{
    public const string SessionEnded = "(session terminée)";

    public string UserName
    {
        get
        {
            try
            {
                var state = authState.GetAuthenticationStateAsync();
                if (state.IsCompletedSuccessfully)
                    return state.Result.User.Identity?.Name is { Length: > 0 } name ? name : SessionEnded;
            }
            catch (InvalidOperationException)
            {
                // Outside a Razor component (a plain endpoint): no authentication state was set.
            }
            return http.HttpContext?.User.Identity?.Name ?? "système";
        }
    }
}
