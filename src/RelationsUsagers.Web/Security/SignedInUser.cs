using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Web.Security;

/// <summary>
/// The user behind the current circuit (Blazor) or request (endpoints), for the audit trail and what he may see.
/// In a circuit the HttpContext is not reliable, so the authentication state comes first; once the circuit's session has
/// ended (<see cref="PortalAuthenticationStateProvider"/>), nothing is done under the person's name.
/// </summary>
internal sealed class SignedInUser(AuthenticationStateProvider authState, IHttpContextAccessor http) : ICurrentUser
{
    public const string SessionEnded = "(session terminée)";
    private const string System = "système";

    public string UserName => Principal() switch
    {
        { Identity.Name: { Length: > 0 } name } => name,
        { } => SessionEnded,
        null => http.HttpContext?.User.Identity?.Name ?? System,
    };

    /// <summary>
    /// By the roles of the signed-in principal (checked again by the session's revalidation). Outside any circuit and
    /// request (start-up seeding), the portal itself acts and holds every permission; an anonymous request holds none.
    /// </summary>
    public bool Holds(string permission)
    {
        var user = Principal() ?? http.HttpContext?.User;
        if (user is null)
            return http.HttpContext is null;
        return user.Identity?.IsAuthenticated == true && Permissions.GrantedTo[permission].Any(user.IsInRole);
    }

    /// <summary>The circuit's principal, or null outside a Razor component (a plain endpoint: no authentication state was set).</summary>
    private ClaimsPrincipal? Principal()
    {
        try
        {
            var state = authState.GetAuthenticationStateAsync();
            return state.IsCompletedSuccessfully ? state.Result.User : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
