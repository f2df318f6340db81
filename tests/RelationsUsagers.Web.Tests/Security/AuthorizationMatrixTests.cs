using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Mediation;
using RelationsUsagers.Web.Security;

namespace RelationsUsagers.Web.Tests.Security;

/// <summary>
/// Every page and endpoint of the portal × every role and the signed-out visitor, over HTTP as a browser asks (TestServer,
/// Production, the demo accounts). The routes are read from the portal's own endpoint data sources, so a new page or
/// endpoint without a row in <see cref="Table"/> fails <see cref="Every_route_has_a_row_and_every_row_a_route"/>: whoever adds
/// a route says here who may reach it.
/// </summary>
[Collection(nameof(PortalHostCollection))]
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    /// <summary>Who may reach a route: everyone, anyone signed in, or the roles granted every one of the permissions.</summary>
    public sealed record Who(string Label, bool Public = false, string[]? Permissions = null)
    {
        public static readonly Who Everyone = new("tout le monde", Public: true);
        public static readonly Who SignedIn = new("toute personne connectée");

        public static Who Holding(params string[] permissions) => new(string.Join(" + ", permissions), Permissions: permissions);

        public Outcome ExpectedFor(string? role) =>
            Public ? Outcome.Reached
            : role is null ? Outcome.SignIn
            : Permissions is null || Permissions.All(p => Core.Security.Permissions.GrantedTo[p].Contains(role)) ? Outcome.Reached
            : Outcome.Denied;
    }

    public enum Outcome
    {
        /// <summary>The page or the endpoint's own code answered (200, 204, a 400 for a missing token or parameter, a 404 for an unknown id).</summary>
        Reached,
        /// <summary>Sent to sign-in (302 to /connexion, or 401).</summary>
        SignIn,
        /// <summary>Refused (302 to /acces-refuse, or 403).</summary>
        Denied,
    }

    /// <param name="Pattern">The route as the endpoint data source has it.</param>
    /// <param name="Methods">Its HTTP methods as the endpoint lists them; "*" for the circuit hub's endpoints, which take any.</param>
    /// <param name="Path">An address of the route to ask (ids that exist nowhere: authorisation comes before any lookup).</param>
    /// <param name="Probe">The method to ask a "*" route with.</param>
    public sealed record Row(string Pattern, string Methods, string Path, Who Who, string? Probe = null)
    {
        public IEnumerable<string> MethodsToAsk => Methods == "*" ? [Probe ?? "GET"] : Methods.Split(',');
    }

    private const string AnyCase = "/dossiers/0195a0c3-1d2e-7f00-8a00-000000000001";

    public static readonly IReadOnlyList<Row> Table =
    [
        // Reachable signed out: signing in, choosing one's password, the error page.
        new("/connexion", "GET,POST", "/connexion", Who.Everyone),
        new("/mot-de-passe", "GET,POST", "/mot-de-passe", Who.Everyone),
        new("/erreur", "GET,POST", "/erreur", Who.Everyone),

        // Anyone signed in: the home page (the queue, or a welcome for the roles without one), the shell's own pages and the circuit.
        new("/", "GET,POST", "/", Who.SignedIn),
        new("/acces-refuse", "GET,POST", "/acces-refuse", Who.SignedIn),
        new("/introuvable", "GET,POST", "/introuvable", Who.SignedIn),
        new("/deconnexion", "POST", "/deconnexion", Who.SignedIn),
        new(AccountEndpoints.ActivityPath, "POST", AccountEndpoints.ActivityPath, Who.SignedIn),
        new("/_blazor/negotiate", "*", "/_blazor/negotiate?negotiateVersion=1", Who.SignedIn, "POST"),
        new("/_blazor", "*", "/_blazor", Who.SignedIn),
        new("/_blazor/disconnect/", "*", "/_blazor/disconnect/", Who.SignedIn, "POST"),
        new("/_blazor/initializers/", "*", "/_blazor/initializers/", Who.SignedIn),
        new("{**path:file}", "GET,HEAD", "/absent.txt", Who.SignedIn),
        new("/_framework/opaque-redirect", "GET", "/_framework/opaque-redirect?url=x", Who.SignedIn),

        // Cases: identified health data.
        new("/dossiers/nouveau", "GET,POST", "/dossiers/nouveau", Who.Holding(Permissions.CasesWork)),
        new("/dossiers/{Id:guid}", "GET,POST", AnyCase, Who.Holding(Permissions.CasesWork)),
        new(MediationEndpoints.CalendarFilePattern, "GET", AnyCase + "/mediation/0195a0c3-1d2e-7f00-8a00-000000000004/invitation.ics", Who.Holding(Permissions.CasesWork)),
        new("/dossiers/{Id:guid}/journal", "GET,POST", AnyCase + "/journal", Who.Holding(Permissions.AuditRead)),
        new("/dossiers/{caseId:guid}/documents/{documentId:guid}", "GET", AnyCase + "/documents/0195a0c3-1d2e-7f00-8a00-000000000002",
            Who.Holding(Permissions.CasesWork)),

        // The quick log of users' expressions (issue 15): the office's work.
        new("/expressions", "GET,POST", "/expressions", Who.Holding(Permissions.CasesWork)),

        // The office's calendar of the mediation meetings.
        new("/mediations/agenda", "GET,POST", "/mediations/agenda", Who.Holding(Permissions.CasesWork)),
        // The mediator's own mediations (the page itself refuses a case he is not booked for).
        new("/mediations", "GET,POST", "/mediations", Who.Holding(Permissions.MediationOwn)),
        new("/mediations/{CaseId:guid}", "GET,POST", "/mediations/0195a0c3-1d2e-7f00-8a00-000000000005", Who.Holding(Permissions.MediationOwn)),

        // Exports and import.
        new("/exports", "GET,POST", "/exports", Who.Holding(Permissions.Export)),
        new("/exports/{register}", "GET", "/exports/demandes-acces?du=2026-01-01&au=2026-12-31", Who.Holding(Permissions.Export)),
        new("/exports/rapport-annuel", "GET", "/exports/rapport-annuel?annee=2025", Who.Holding(Permissions.Export, Permissions.CduManage)),
        new("/exports/import", "GET,POST", "/exports/import", Who.Holding(Permissions.CasesWork)),

        // The liability-insurance ledger: the office's accounts with the insurer, and its workbook.
        new("/assurance", "GET,POST", "/assurance?annee=2026", Who.Holding(Permissions.InsuranceLedger)),
        new("/assurance/sinistres/{CaseId:guid}", "GET,POST", "/assurance/sinistres/0195a0c3-1d2e-7f00-8a00-000000000006", Who.Holding(Permissions.InsuranceLedger)),
        new("/exports/assurance", "GET", "/exports/assurance?annee=2026", Who.Holding(Permissions.InsuranceLedger)),

        // The CDU: the office manages, members read the published agenda (pseudonymised).
        new("/cdu", "GET,POST", "/cdu", Who.Holding(Permissions.CduManage)),
        new("/cdu/membres", "GET,POST", "/cdu/membres", Who.Holding(Permissions.CduManage)),
        new("/cdu/recommandations", "GET,POST", "/cdu/recommandations", Who.Holding(Permissions.CduManage)),
        new("/cdu/rapport-annuel", "GET,POST", "/cdu/rapport-annuel", Who.Holding(Permissions.CduManage)),
        new("/cdu/seances/{Id:guid}", "GET,POST", "/cdu/seances/0195a0c3-1d2e-7f00-8a00-000000000003", Who.Holding(Permissions.CduManage)),
        new("/cdu/prochaine-seance", "GET,POST", "/cdu/prochaine-seance", Who.Holding(Permissions.CduRead)),
        new("/cdu/seances/{meetingId:guid}/convocations", "GET", "/cdu/seances/0195a0c3-1d2e-7f00-8a00-000000000003/convocations?heure=14%20h",
            Who.Holding(Permissions.CduManage)),

        // Letters: the letterhead and the Word templates are the manager's.
        new("/etablissement", "GET,POST", "/etablissement", Who.Holding(Permissions.LettersManage)),
        new("/modeles-courrier", "GET,POST", "/modeles-courrier", Who.Holding(Permissions.LettersManage)),
        new("/modeles-courrier/{code}/fichier", "GET", "/modeles-courrier/claim-acknowledgement/fichier", Who.Holding(Permissions.LettersManage)),

        // The whole audit journal: what every user read and changed, old values included.
        new("/journal", "GET,POST", "/journal?action=Export", Who.Holding(Permissions.AuditRead)),

        // Accounts.
        new("/administration", "GET,POST", "/administration", Who.Holding(Permissions.Administer)),
        // The référentiel des délais: its warning windows.
        new("/administration/delais", "GET,POST", "/administration/delais", Who.Holding(Permissions.Administer)),
    ];

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

        Assert.True(missing.Count == 0, "Routes without a row in AuthorizationMatrixTests.Table (say who may reach them): " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Rows of AuthorizationMatrixTests.Table without a route: " + string.Join(", ", stale));
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
