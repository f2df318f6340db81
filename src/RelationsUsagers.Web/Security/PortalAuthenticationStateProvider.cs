using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace RelationsUsagers.Web.Security;

/// <summary>
/// The circuit's signed-in user, checked again every <see cref="SessionSettings.RevalidationInterval"/> and before each
/// navigation (<see cref="RevalidateNowAsync"/>): a disabled account, changed roles, an idle or too long session lose the
/// open page, which then sends the person to sign-in. (The Blazor Web App template's
/// IdentityRevalidatingAuthenticationStateProvider, with the portal's own checks.)
/// </summary>
public sealed class PortalAuthenticationStateProvider(ILoggerFactory loggerFactory, SessionValidator validator,
    SessionSettings settings, CircuitActivity activity)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    private static readonly Task<AuthenticationState> SignedOut =
        Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())));

    private readonly ILogger logger = loggerFactory.CreateLogger<PortalAuthenticationStateProvider>();

    protected override TimeSpan RevalidationInterval => settings.RevalidationInterval;

    /// <summary>Whether the session has been ended in this circuit.</summary>
    public bool HasEnded { get; private set; }

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var end = await validator.CheckAsync(authenticationState.User, activity.LastActivity, cancellationToken);
        if (end is null)
            return true;
        // The base class then signs the circuit out.
        Ended(end.Value);
        return false;
    }

    /// <summary>Checks the signed-in user now; when the session must end, the circuit is signed out and false returned.</summary>
    public async Task<bool> RevalidateNowAsync(CancellationToken ct)
    {
        if (HasEnded)
            return false;
        var state = await GetAuthenticationStateAsync();
        if (state.User.Identity?.IsAuthenticated != true)
            return true;
        var end = await validator.CheckAsync(state.User, activity.LastActivity, ct);
        if (end is null)
            return true;
        Ended(end.Value);
        SetAuthenticationState(SignedOut);
        return false;
    }

    private void Ended(SessionEnd end)
    {
        HasEnded = true;
        // The reason only: no name in the logs.
        logger.LogInformation("Open session ended: {Reason}", end);
    }
}
