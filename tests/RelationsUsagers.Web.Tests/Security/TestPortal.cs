using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Web.Tests.Security;

/// <summary>
/// The test classes that start the portal in-process, one at a time: WebApplicationFactory finds the host a program builds by
/// listening to every host built in the process, so two portals starting at once can take each other's.
/// </summary>
[CollectionDefinition(nameof(PortalHostCollection))]
public sealed class PortalHostCollection;

/// <summary>
/// The whole portal in-process (TestServer) as it runs for real: Production environment, its own SQLite file and documents
/// folder (deleted on dispose), demo accounts without demo cases unless told otherwise, and the given settings.
/// </summary>
public sealed partial class TestPortal(IReadOnlyDictionary<string, string>? settings = null, Action<IWebHostBuilder>? configure = null,
    string? folder = null)
    : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Demo-2026!";

    private readonly string folder = folder ?? Directory.CreateTempSubdirectory("ru-portal-").FullName;

    public string DatabasePath => Path.Combine(folder, "ru.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Path", DatabasePath);
        builder.UseSetting("Documents:Path", Path.Combine(folder, "documents"));
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Cases", "0");
        builder.UseSetting("SignIn:PermitLimit", "1000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key, value);
        configure?.Invoke(builder);
    }

    /// <summary>A client that keeps its cookies and shows redirects as they are.</summary>
    public HttpClient NewClient(string baseAddress = "http://localhost") =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(baseAddress) });

    /// <summary>Posts the sign-in form as a browser does (antiforgery token of the form it was given).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password,
        Action<HttpRequestMessage>? onPost = null)
    {
        var token = await FormTokenAsync(client, "/connexion");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = token,
            ["Model.UserName"] = userName,
            ["Model.Password"] = password,
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connexion") { Content = content };
        onPost?.Invoke(request);
        return await client.SendAsync(request, Ct);
    }

    /// <summary>A client signed in as <paramref name="userName"/>; fails the test when the portal does not let it in.</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName, string password = DemoPassword, string baseAddress = "http://localhost")
    {
        var client = NewClient(baseAddress);
        using var response = await SignInAsync(client, userName, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && PathOf(response) == "/",
            $"{userName} was not signed in: {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    }

    /// <summary>The antiforgery token of the form on <paramref name="path"/> (for the client's current identity).</summary>
    public static async Task<string> FormTokenAsync(HttpClient client, string path)
    {
        var form = await client.GetStringAsync(path, Ct);
        return TokenPattern().Match(form).Groups[1].Value is { Length: > 0 } token ? token
            : throw new InvalidOperationException($"No antiforgery token in {path}.");
    }

    /// <summary>Where a redirect sends, without scheme and host ("/mot-de-passe").</summary>
    public static string? PathOf(HttpResponseMessage response) => response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    public static string Text(string html) => WebUtility.HtmlDecode(html);

    /// <summary>A context on the portal's database (a scope of its own services).</summary>
    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await query(db);
    }

    public Task<List<AuditEntry>> AuditAsync(string action) =>
        QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync(Ct));

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A connection still open: the temp folder is cleaned by the system.
        }
    }
}
