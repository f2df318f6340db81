namespace RelationsUsagers.Web.Security;

/// <summary>The headers every response carries, and no-store for the files that hold health data.</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts from the portal only (Blazor Server and MudBlazor need no eval); inline styles allowed because MudBlazor's
    /// theme and components set them (a style cannot run code); the circuit's WebSocket is same-origin; no framing, no
    /// plugin, no form posted elsewhere.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    /// <summary>Set when the response starts, so that error pages and re-executed status pages carry them too.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // Queue addresses hold searched names: never sent to another site.
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        return next(http);
    });

    /// <summary>An export or a document is health data: no copy kept by the browser or a proxy.</summary>
    public static RouteHandlerBuilder NoStore(this RouteHandlerBuilder endpoint) => endpoint.AddEndpointFilter(async (context, next) =>
    {
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        context.HttpContext.Response.Headers.Pragma = "no-cache";
        return await next(context);
    });
}
