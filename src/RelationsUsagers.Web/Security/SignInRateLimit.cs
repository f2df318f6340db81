using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace RelationsUsagers.Web.Security;

/// <summary>
/// Sign-in attempts (the sign-in and change-password forms' POSTs) limited per client address: "SignIn:PermitLimit"
/// attempts (default 10) per "SignIn:Window" (default 00:01:00); beyond, a French 429 page. The account's own lockout (5
/// failures, 15 minutes) stays behind it.
/// </summary>
public sealed record SignInRateLimit(int PermitLimit, TimeSpan Window)
{
    public static SignInRateLimit From(IConfiguration configuration) => new(
        StartupOptions.Count(configuration, "SignIn:PermitLimit", 10),
        StartupOptions.Duration(configuration, "SignIn:Window", TimeSpan.FromMinutes(1)));

    public const string Message = "Trop de tentatives de connexion depuis ce poste. Patientez une minute, puis réessayez.";

    public void AddTo(IServiceCollection services) => services.AddRateLimiter(o =>
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            IsSignInAttempt(http.Request)
                ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "inconnue",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = PermitLimit, Window = Window, QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("other"));
        o.OnRejected = WriteRefusalAsync;
    });

    private static bool IsSignInAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals("/connexion", StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals(PasswordChange.Page, StringComparison.OrdinalIgnoreCase));

    private async ValueTask WriteRefusalAsync(OnRejectedContext context, CancellationToken ct)
    {
        var response = context.HttpContext.Response;
        response.Headers.RetryAfter = ((int)Math.Ceiling(Window.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="fr">
            <head><meta charset="utf-8" /><title>Trop de tentatives — RelationsUsagers</title><link rel="stylesheet" href="/css/app.css" /></head>
            <body><div class="account-page"><main class="account-card">
            <h1>Trop de tentatives</h1>
            <p class="form-error" role="alert">{{Message}}</p>
            <p><a href="/connexion">Revenir à la connexion</a></p>
            </main></div></body>
            </html>
            """, ct);
    }
}
