using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace RelationsUsagers.Web.Security;

/// <summary>
/// "ReverseProxy:KnownProxies": the addresses of the proxies in front of the portal (e.g. "10.0.0.5;10.0.0.6"). Only their
/// X-Forwarded-For and X-Forwarded-Proto are believed: the client's address (for the sign-in limit) and HTTPS (for the
/// cookies' Secure flag). Empty (the default): no forwarded header is honoured, not even from this machine.
/// </summary>
public static class ReverseProxy
{
    public static IReadOnlyList<IPAddress> KnownProxies(IConfiguration configuration)
    {
        var text = configuration["ReverseProxy:KnownProxies"];
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var proxies = new List<IPAddress>();
        foreach (var part in text.Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IPAddress.TryParse(part, out var address))
                throw new SettingException($"ReverseProxy:KnownProxies contient « {part} » : indiquez des adresses IP séparées par « ; », par exemple 10.0.0.5;10.0.0.6.");
            proxies.Add(address);
        }
        return proxies;
    }

    public static void UseKnownProxies(this WebApplication app)
    {
        var proxies = KnownProxies(app.Configuration);
        if (proxies.Count == 0)
            return;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        // The defaults trust this machine (loopback): only the configured proxies are.
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var proxy in proxies)
            options.KnownProxies.Add(proxy);
        app.UseForwardedHeaders(options);
    }
}
