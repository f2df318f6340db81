using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Documents;
using RelationsUsagers.Web.Security;

namespace RelationsUsagers.Web.Tests.Security;

/// <summary>What every response says to the browser, the cookies' Secure flag, and forwarded headers (TestServer, Production).</summary>
[Collection(nameof(PortalHostCollection))]
public sealed class HttpHardeningTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/connexion")] // a page
    [InlineData("/")] // a redirect to sign-in
    [InlineData("/css/app.css")] // the app's static files
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")] // MudBlazor's
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/pas-une-page")] // the French 404 page
    public async Task Every_response_carries_the_security_headers(string path)
    {
        await using var portal = new TestPortal();
        using var response = await portal.NewClient().GetAsync(path, Ct);

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task Exports_and_documents_are_sent_with_no_store()
    {
        await using var portal = new TestPortal();
        var client = await portal.SignedInClientAsync("officer");
        var (caseId, documentId) = await CaseWithDocumentAsync(portal);

        using var export = await client.GetAsync("/exports/demandes-acces?du=2026-01-01&au=2026-12-31", Ct);
        using var document = await client.GetAsync($"/dossiers/{caseId}/documents/{documentId}", Ct);

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.True(export.Headers.CacheControl?.NoStore, "The export may be cached.");
        Assert.True(document.Headers.CacheControl?.NoStore, "The document may be cached.");
        Assert.Equal("nosniff", Header(document, "X-Content-Type-Options"));
    }

    [Theory]
    [InlineData("du=0001-01-01&au=2025-12-31", "Période invalide : la période doit être comprise entre le 01/01/2000 et le 31/12/2100.")]
    [InlineData("du=2025-01-01&au=9999-12-31", "Période invalide : la période doit être comprise entre le 01/01/2000 et le 31/12/2100.")]
    [InlineData("du=2025-12-31&au=2025-01-01", "Période invalide : la fin de la période ne peut pas précéder son début.")]
    [InlineData("du=31/12/2025&au=2025-01-01", "Période invalide : indiquez « du » et « au » (AAAA-MM-JJ), « au » après « du ».")]
    [InlineData("au=2025-01-01", "Période invalide : indiquez « du » et « au » (AAAA-MM-JJ), « au » après « du ».")]
    public async Task A_bad_export_period_gets_a_400_in_French_never_an_error_page(string query, string message)
    {
        await using var portal = new TestPortal();
        var client = await portal.SignedInClientAsync("officer");

        foreach (var register in new[] { "demandes-acces", "plaintes", "indemnisations", "requisitions" })
        {
            using var response = await client.GetAsync($"/exports/{register}?{query}", Ct);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(message, await response.Content.ReadAsStringAsync(Ct));
        }
    }

    [Fact]
    public async Task The_session_cookie_is_secure_when_the_request_is_https()
    {
        await using var portal = new TestPortal();

        using var overHttps = await TestPortal.SignInAsync(portal.NewClient("https://localhost"), "officer", TestPortal.DemoPassword);
        using var overHttp = await TestPortal.SignInAsync(portal.NewClient("http://localhost"), "officer", TestPortal.DemoPassword);

        Assert.Contains("secure", AuthCookie(overHttps), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", AuthCookie(overHttps), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", AuthCookie(overHttp), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("10.1.2.3", true)] // the configured proxy says the browser used HTTPS
    [InlineData("", false)] // no proxy configured: the header is ignored
    [InlineData("10.9.9.9", false)] // another proxy configured: the header is ignored
    public async Task X_Forwarded_Proto_is_believed_only_from_a_configured_proxy(string knownProxies, bool secure)
    {
        // Requests reach the portal from 10.1.2.3, as from a reverse proxy terminating TLS.
        await using var portal = new TestPortal(
            new Dictionary<string, string> { ["ReverseProxy:KnownProxies"] = knownProxies },
            b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new FromProxy(IPAddress.Parse("10.1.2.3")))));
        // The form is read plainly (the test's cookie jar would not send back a Secure antiforgery cookie over http).
        using var response = await TestPortal.SignInAsync(portal.NewClient(), "officer", TestPortal.DemoPassword,
            post => post.Headers.Add("X-Forwarded-Proto", "https"));

        Assert.Equal(secure, AuthCookie(response).Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_proxy_that_is_not_an_address_stops_the_start_with_a_French_message()
    {
        var error = Assert.Throws<SettingException>(() => ReverseProxy.KnownProxies(
            new ConfigurationBuilder()
                .AddInMemoryCollection([KeyValuePair.Create("ReverseProxy:KnownProxies", (string?)"10.0.0.5;proxy.chu.local")]).Build()));

        Assert.Equal("ReverseProxy:KnownProxies contient « proxy.chu.local » : indiquez des adresses IP séparées par « ; », par exemple 10.0.0.5;10.0.0.6.", error.Message);
    }

    private static string AuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Single(c => c.StartsWith("RelationsUsagers.Auth=", StringComparison.Ordinal))
            : throw new InvalidOperationException($"No cookie set ({(int)response.StatusCode}).");

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : null;

    private static async Task<(Guid Case, Guid Document)> CaseWithDocumentAsync(TestPortal portal)
    {
        using var scope = portal.Services.CreateScope();
        var file = await scope.ServiceProvider.GetRequiredService<CaseFileService>().CreateAsync(Drafts.AccessRequest(), Ct);
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        using var content = new MemoryStream(bytes);
        var document = await scope.ServiceProvider.GetRequiredService<CaseDocumentService>()
            .UploadAsync(file.Id, "compte-rendu.pdf", content, bytes.Length, null, Ct);
        return (file.Id, document.Id);
    }

    /// <summary>Every request arrives from <paramref name="address"/>.</summary>
    private sealed class FromProxy(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext http, RequestDelegate nextMiddleware) =>
            {
                http.Connection.RemoteIpAddress = address;
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}
