using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Security;
using static RelationsUsagers.Web.Tests.Security.PortalRoutes;

namespace RelationsUsagers.Web.Tests.Security;

/// <summary>
/// Every page and endpoint of the portal × every role and the signed-out visitor, over HTTP as a browser asks (TestServer,
/// Production, the demo accounts). The routes are read from the portal's own endpoint data sources, so a new page or
/// endpoint without a row in <see cref="PortalRoutes.Table"/> fails <see cref="Every_route_has_a_row_and_every_row_a_route"/>: whoever adds
/// a route says here who may reach it.
/// </summary>
[Collection(nameof(PortalHostCollection))]
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private readonly TestPortal portal = new();
    private readonly Dictionary<string, HttpClient> clients = [];

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    /// <summary>
    /// One client per role (a demo account each) and one signed out. The sign-ins are the portal's first requests, after which
    /// every endpoint is registered (Blazor adds /_framework/opaque-redirect once the portal serves).
    /// </summary>
    public async ValueTask InitializeAsync()
    {
        clients[SignedOut] = portal.NewClient();
        foreach (var role in Roles.All)
            clients[role] = await portal.SignedInClientAsync(DemoAccounts.All.Single(a => a.Role == role).UserName);
    }

    public ValueTask DisposeAsync() => portal.DisposeAsync();

    private const string SignedOut = "(déconnecté)";

    [Fact]
    public void Every_route_has_a_row_and_every_row_a_route()
    {
        var routes = Routes().Where(r => !r.IsStaticAsset).Select(r => (r.Pattern, r.Methods)).ToHashSet();
        var rows = Table.Select(r => (r.Pattern, r.Methods)).ToHashSet();

        var missing = routes.Except(rows).Select(r => $"{r.Methods} {r.Pattern}").Order(StringComparer.Ordinal).ToList();
        var stale = rows.Except(routes).Select(r => $"{r.Methods} {r.Pattern}").Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "Routes without a row in PortalRoutes.Table (say who may reach them): " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Rows of PortalRoutes.Table without a route: " + string.Join(", ", stale));
    }

    [Fact]
    public void Every_page_component_is_a_route_of_the_table()
    {
        var pages = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(a => a.Template))
            .ToList();

        Assert.NotEmpty(pages);
        Assert.All(pages, template => Assert.Contains(Table, r => r.Pattern == template));
    }

    [Fact]
    public async Task Each_role_reaches_exactly_the_routes_of_its_row()
    {
        var wrong = new List<string>();
        foreach (var row in Table)
        {
            foreach (var method in row.MethodsToAsk.Where(m => m != "HEAD"))
            {
                foreach (var (role, client) in clients)
                {
                    var expected = row.Who.ExpectedFor(role == SignedOut ? null : role);
                    var (actual, status) = await AskAsync(client, method, row.Path);
                    if (actual != expected)
                        wrong.Add($"{method} {row.Path} as {role}: {actual} ({status}), expected {expected} ({row.Who.Label})");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task Static_assets_are_public_and_are_framework_or_MudBlazor_files_only()
    {
        var assets = Routes().Where(r => r.IsStaticAsset).Select(r => r.Pattern).Distinct().ToList();

        Assert.NotEmpty(assets);
        Assert.All(assets, a => Assert.True(a.StartsWith("_framework/", StringComparison.Ordinal) || a.StartsWith("_content/MudBlazor/", StringComparison.Ordinal), a));
        foreach (var asset in assets)
        {
            using var response = await clients[SignedOut].GetAsync("/" + asset, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>The portal's endpoints as routing knows them: pattern, methods ("*" when any), and whether a static asset.</summary>
    private IEnumerable<(string Pattern, string Methods, bool IsStaticAsset)> Routes() =>
        portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(e => (
            e.RoutePattern.RawText ?? "",
            e.Metadata.GetMetadata<HttpMethodMetadata>() is { } methods ? string.Join(",", methods.HttpMethods) : "*",
            e.Metadata.GetMetadata<StaticAssetDescriptor>() is not null));

    private static async Task<(Outcome, int)> AskAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
            request.Content = new FormUrlEncodedContent([]);
        using var response = await client.SendAsync(request, Ct);
        var status = (int)response.StatusCode;
        var target = TestPortal.PathOf(response) ?? "";
        return (response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => Outcome.SignIn,
            HttpStatusCode.Forbidden => Outcome.Denied,
            HttpStatusCode.Redirect when target.StartsWith("/connexion", StringComparison.Ordinal) => Outcome.SignIn,
            HttpStatusCode.Redirect when target.StartsWith("/acces-refuse", StringComparison.Ordinal) => Outcome.Denied,
            _ => Outcome.Reached,
        }, status);
    }
}
