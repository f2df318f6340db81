using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Admin;
using RelationsUsagers.Web.Components.Account;

namespace RelationsUsagers.Web.Tests.Security;

/// <summary>Signing in and out through the portal's forms, as a browser posts them (TestServer, Production).</summary>
[Collection(nameof(PortalHostCollection))]
public sealed class SignInTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unknown_account_wrong_password_locked_and_disabled_accounts_get_the_same_answer()
    {
        await using var portal = new TestPortal();
        _ = portal.Services;
        await AdminAsync(portal, a => a.SetDisabledAsync(IdOf(portal, "mediator"), disabled: true));
        // Five failures lock "cdu" for 15 minutes; the right password is then refused too.
        for (var i = 0; i < 5; i++)
            await RefusalAsync(portal, "cdu", "pas-le-bon");

        var answers = new[]
        {
            await RefusalAsync(portal, "personne", TestPortal.DemoPassword),
            await RefusalAsync(portal, "officer", "pas-le-bon"),
            await RefusalAsync(portal, "cdu", TestPortal.DemoPassword),
            await RefusalAsync(portal, "mediator", TestPortal.DemoPassword),
        };

        Assert.All(answers, a => Assert.Equal(SignInModel.Refused, a));
        Assert.Equal("Identifiant ou mot de passe incorrect, ou compte indisponible. Après plusieurs essais, le compte est verrouillé pendant 15 minutes.",
            SignInModel.Refused);
    }

    [Fact]
    public async Task A_one_time_password_opens_only_the_change_password_page_then_the_new_password_signs_in()
    {
        await using var portal = new TestPortal();
        _ = portal.Services;
        var handOver = await AdminAsync(portal, a => a.ResetPasswordAsync(IdOf(portal, "officer")));
        var client = portal.NewClient();

        using var signIn = await TestPortal.SignInAsync(client, "officer", handOver.Password!);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/mot-de-passe", TestPortal.PathOf(signIn));
        Assert.DoesNotContain(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("RelationsUsagers.Auth=", StringComparison.Ordinal));
        // No session: the queue sends back to sign-in.
        using (var queue = await client.GetAsync("/", Ct))
            Assert.StartsWith("/connexion", queue.Headers.Location?.AbsolutePath, StringComparison.Ordinal);

        var page = TestPortal.Text(await client.GetStringAsync("/mot-de-passe", Ct));
        Assert.Contains("Choisir votre mot de passe", page, StringComparison.Ordinal);
        using var mismatch = await PostNewPasswordAsync(client, "Nouveau-Secret-2026", "Autre-Secret-2026");
        Assert.Contains("La confirmation ne correspond pas au nouveau mot de passe.", TestPortal.Text(await mismatch.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        using var same = await PostNewPasswordAsync(client, handOver.Password!, handOver.Password!);
        Assert.Contains("Choisissez un mot de passe différent du mot de passe provisoire.", TestPortal.Text(await same.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        using var weak = await PostNewPasswordAsync(client, "toutenminuscules", "toutenminuscules");
        Assert.Contains("Le mot de passe doit contenir au moins un chiffre.", TestPortal.Text(await weak.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        using var chosen = await PostNewPasswordAsync(client, "Nouveau-Secret-2026", "Nouveau-Secret-2026");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/", TestPortal.PathOf(chosen));
        using (var queue = await client.GetAsync("/", Ct))
            Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        var line = Assert.Single(await portal.AuditAsync(AuditActions.PasswordChanged));
        Assert.Equal("officer", line.UserName);
        // The one-time password is spent; the chosen one works.
        Assert.Equal(SignInModel.Refused, await RefusalAsync(portal, "officer", handOver.Password!));
        await portal.SignedInClientAsync("officer", "Nouveau-Secret-2026");
    }

    [Fact]
    public async Task The_change_password_page_without_a_one_time_password_only_points_to_sign_in()
    {
        await using var portal = new TestPortal();
        var client = await portal.SignedInClientAsync("officer");

        var page = TestPortal.Text(await client.GetStringAsync("/mot-de-passe", Ct));

        Assert.Contains("Connectez-vous d'abord avec ce mot de passe provisoire", page, StringComparison.Ordinal);
        Assert.DoesNotContain("new-password", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_without_the_form_s_antiforgery_token_is_refused_and_the_session_goes_on()
    {
        await using var portal = new TestPortal();
        var client = await portal.SignedInClientAsync("officer");

        using var forged = await client.PostAsync("/deconnexion", new FormUrlEncodedContent([]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("Déconnexion refusée", await forged.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using (var queue = await client.GetAsync("/", Ct))
            Assert.Equal(HttpStatusCode.OK, queue.StatusCode);

        // The token of a form the portal gave this signed-in user signs out.
        var token = await TestPortal.FormTokenAsync(client, "/connexion");
        using var signOut = await client.PostAsync("/deconnexion",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using (var queue = await client.GetAsync("/", Ct))
            Assert.StartsWith("/connexion", queue.Headers.Location?.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fourth_attempt_in_the_window_gets_a_French_429_page()
    {
        await using var portal = new TestPortal(new Dictionary<string, string> { ["SignIn:PermitLimit"] = "3", ["SignIn:Window"] = "00:10:00" });
        var client = portal.NewClient();
        for (var i = 0; i < 3; i++)
        {
            using var attempt = await TestPortal.SignInAsync(client, "officer", "pas-le-bon");
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }

        using var limited = await TestPortal.SignInAsync(client, "officer", TestPortal.DemoPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("600", limited.Headers.RetryAfter?.ToString());
        var html = TestPortal.Text(await limited.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Trop de tentatives de connexion depuis ce poste. Patientez une minute, puis réessayez.", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        // Reading the form is not an attempt.
        using var form = await client.GetAsync("/connexion", Ct);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }

    private static async Task<string> RefusalAsync(TestPortal portal, string userName, string password)
    {
        using var response = await TestPortal.SignInAsync(portal.NewClient(), userName, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = TestPortal.Text(await response.Content.ReadAsStringAsync(Ct));
        var start = html.IndexOf("role=\"alert\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No error shown for {userName}.");
        start += "role=\"alert\">".Length;
        return html[start..html.IndexOf("</div>", start, StringComparison.Ordinal)].Trim();
    }

    private static async Task<HttpResponseMessage> PostNewPasswordAsync(HttpClient client, string password, string confirmation)
    {
        var token = await TestPortal.FormTokenAsync(client, "/mot-de-passe");
        return await client.PostAsync("/mot-de-passe", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["__RequestVerificationToken"] = token,
            ["Model.NewPassword"] = password,
            ["Model.Confirmation"] = confirmation,
        }), Ct);
    }

    private static string IdOf(TestPortal portal, string userName)
    {
        using var scope = portal.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName).GetAwaiter().GetResult()!.Id;
    }

    private static Task<T> AdminAsync<T>(TestPortal portal, Func<UserAdminService, Task<T>> action) =>
        action(new UserAdminService(portal.Services.GetRequiredService<IServiceScopeFactory>(), new FixedCurrentUser("admin"), TimeProvider.System));
}
