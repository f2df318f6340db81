using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>
/// One portal in demo mode as the README runs it (Production: French error page, security headers, static files from the
/// build output) on a Kestrel port of its own; its database, documents folder and number of demo cases are the caller's
/// settings. The shared <see cref="PortalFixture"/> is one; a test that needs other data starts its own.
/// </summary>
public sealed class DemoPortal : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> _settings;

    private DemoPortal(IReadOnlyDictionary<string, string> settings) => _settings = settings;

    /// <summary>The portal's root address, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>
    /// Starts the portal with <paramref name="settings"/> (Database:Path or Database:Provider and ConnectionStrings:Default,
    /// Documents:Path, Demo:Cases...) on a free loopback port: migrations and the demo seeding run before it returns.
    /// </summary>
    public static DemoPortal Start(IReadOnlyDictionary<string, string> settings)
    {
        var portal = new DemoPortal(settings);
        portal.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        portal.StartServer();
        var addresses = portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel did not report its address.");
        portal.BaseUrl = addresses.First().TrimEnd('/');
        return portal;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Every test signs in from 127.0.0.1.
        builder.UseSetting("SignIn:PermitLimit", "10000");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
    }
}
