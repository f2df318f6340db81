using System.Globalization;
using System.Security.Claims;

namespace RelationsUsagers.Web.Security;

/// <summary>
/// How long a signed-in session lasts: the account is checked again at least every <see cref="RevalidationInterval"/> (and
/// on every navigation inside the portal), the session ends after <see cref="IdleTimeout"/> without navigation or
/// interaction, and after <see cref="Lifetime"/> in any case.
/// </summary>
public sealed record SessionSettings(TimeSpan RevalidationInterval, TimeSpan IdleTimeout, TimeSpan Lifetime)
{
    public static readonly SessionSettings Default = new(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30), TimeSpan.FromHours(10));

    /// <summary>"Sessions:RevalidationInterval", "Sessions:IdleTimeout", "Sessions:Lifetime" (hh:mm:ss).</summary>
    public static SessionSettings From(IConfiguration configuration) => new(
        StartupOptions.Duration(configuration, "Sessions:RevalidationInterval", Default.RevalidationInterval),
        StartupOptions.Duration(configuration, "Sessions:IdleTimeout", Default.IdleTimeout),
        StartupOptions.Duration(configuration, "Sessions:Lifetime", Default.Lifetime));

    /// <summary>How often an open page reports that someone is using it: often enough for the idle timeout to be exact within a quarter.</summary>
    public TimeSpan ActivityReportEvery => TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, IdleTimeout.Ticks / 4));
}

/// <summary>The sign-in time carried by the session cookie, which the absolute lifetime counts from.</summary>
public static class SessionClaims
{
    public const string SignedInAt = "signed_in_at";

    public static Claim SignedInAtClaim(DateTimeOffset at) =>
        new(SignedInAt, at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64);

    public static DateTimeOffset? SignedInAtOf(ClaimsPrincipal? principal) =>
        principal?.FindFirst(SignedInAt)?.Value is { } text
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary>Whether the session of <paramref name="principal"/> has outlived <paramref name="lifetime"/> (or carries no sign-in time).</summary>
    public static bool IsOver(ClaimsPrincipal? principal, DateTimeOffset now, TimeSpan lifetime) =>
        SignedInAtOf(principal) is not { } at || now - at > lifetime;
}
