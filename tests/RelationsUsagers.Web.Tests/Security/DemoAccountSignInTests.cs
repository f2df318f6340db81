using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace RelationsUsagers.Web.Tests.Security;

/// <summary>Demo accounts sign in only in demo mode; the same database without demo mode refuses them.</summary>
[Collection(nameof(PortalHostCollection))]
public sealed partial class DemoAccountSignInTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ru-demo-signin-").FullName;

    [Fact]
    public async Task Officer_demo_account_signs_in_in_demo_mode()
    {
        await using var app = Start(demo: true);
        var page = await SignInAsync(app, "officer", "Demo-2026!");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/", page.Headers.Location?.AbsolutePath);
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("RelationsUsagers.Auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Demo_accounts_are_refused_outside_demo_mode()
    {
        await using (var demo = Start(demo: true))
            _ = await SignInAsync(demo, "officer", "Demo-2026!"); // creates the accounts
        await using var production = Start(demo: false);

        var page = await SignInAsync(production, "officer", "Demo-2026!");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken));
        Assert.Contains(Components.Account.SignInModel.Refused, html, StringComparison.Ordinal);
        Assert.DoesNotContain("DÉMONSTRATION", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_French_message()
    {
        await using var app = Start(demo: true);
        var page = await SignInAsync(app, "officer", "mauvais-mot-de-passe");

        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken));
        Assert.Contains(Components.Account.SignInModel.Refused, html, StringComparison.Ordinal);
    }

    private WebApplicationFactory<Program> Start(bool demo) => new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
    {
        b.UseEnvironment("Development");
        b.UseSetting("Database:Path", Path.Combine(folder, "ru.db"));
        b.UseSetting("Documents:Path", Path.Combine(folder, "documents"));
        b.UseSetting("Demo:Enabled", demo ? "true" : "false");
        b.UseSetting("Demo:Cases", "0");
    });

    private static async Task<HttpResponseMessage> SignInAsync(WebApplicationFactory<Program> app, string user, string password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/connexion", Xunit.TestContext.Current.CancellationToken);
        var token = TokenPattern().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = token,
            ["Model.UserName"] = user,
            ["Model.Password"] = password,
        });
        return await client.PostAsync("/connexion", content, Xunit.TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
