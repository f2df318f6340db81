using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>The shell, sign-in, roles and static files.</summary>
public sealed class FoundationTests(PortalFixture portal)
{
    [Fact]
    public async Task Officer_sees_own_name_and_the_case_menu_but_not_administration()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();

        await portal.SignInAsync(page, "officer");

        await Expect(page.Locator("[data-testid=signed-in-user]")).ToContainTextAsync("officer");
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" });
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "File d'attente" })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Nouveau dossier" })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Administration" })).ToHaveCountAsync(0);
        await PortalFixture.ShotAsync(page, "officer-shell");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/administration")]
    [InlineData("/dossiers/nouveau")]
    public async Task Signed_out_visit_lands_on_the_sign_in_page(string path)
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(path);

        await Expect(page).ToHaveURLAsync(PortalFixture.SignInPage());
        await Expect(page.Locator("#username")).ToBeVisibleAsync();
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(path), page.Url, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Wrong_password_shows_the_french_error_and_stays_on_sign_in()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/connexion");
        await page.Locator("#username").FillAsync("officer");
        await page.Locator("#password").FillAsync("pas-le-bon-mot-de-passe");
        await page.Locator("button[type=submit]").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(RelationsUsagers.Web.Components.Account.SignInModel.Refused);
        await Expect(page).ToHaveURLAsync(PortalFixture.SignInPage());
        await PortalFixture.ShotAsync(page, "sign-in-wrong-password");
    }

    [Fact]
    public async Task Cdu_member_opening_administration_sees_access_denied_and_no_accounts()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "cdu");

        await page.GotoAsync("/administration");
        await PortalFixture.WaitReadyAsync(page);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accès refusé" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Comptes utilisateurs" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
        await PortalFixture.ShotAsync(page, "cdu-administration-denied");
    }

    [Fact]
    public async Task Admin_sees_the_accounts_table_with_the_demo_accounts()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "admin");

        await page.GotoAsync("/administration");
        await PortalFixture.WaitReadyAsync(page);

        var table = page.GetByRole(AriaRole.Table);
        await Expect(table).ToBeVisibleAsync();
        foreach (var userName in new[] { "officer", "manager", "mediator", "cdu", "admin" })
            await Expect(table.GetByRole(AriaRole.Cell, new() { Name = userName, Exact = true })).ToBeVisibleAsync();
        await PortalFixture.ShotAsync(page, "admin-accounts");
    }

    [Fact]
    public async Task Admin_creates_a_user_who_signs_in_with_the_one_time_password_and_chooses_their_own()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "admin");
        await page.GotoAsync("/administration");
        await PortalFixture.WaitReadyAsync(page);
        var userName = "agent" + Guid.NewGuid().ToString("N")[..8];

        await page.GetByRole(AriaRole.Button, new() { Name = "Nouvel utilisateur" }).ClickAsync();
        await page.GetByLabel("Identifiant").FillAsync(userName);
        await page.GetByLabel("Nom affiché").FillAsync("Agent de test");
        await page.GetByLabel("Chargé(e) des relations avec les usagers").CheckAsync();
        await PortalFixture.ShotAsync(page, "admin-new-user-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le compte" }).ClickAsync();

        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = userName, Exact = true }) });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("Agent de test");
        await Expect(row).ToContainTextAsync("Chargé(e) des relations avec les usagers");
        await Expect(row).ToContainTextAsync("Mot de passe provisoire");
        var oneTime = (await page.GetByTestId("one-time-password").TextContentAsync())!.Trim();
        Assert.Matches("^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$", oneTime);
        await PortalFixture.ShotAsync(page, "admin-user-created");

        // The new officer, in another browser: the one-time password opens only the change-password page.
        await using var officerContext = await portal.NewContextAsync();
        var officer = await officerContext.NewPageAsync();
        await officer.GotoAsync("/connexion");
        await officer.Locator("#username").FillAsync(userName);
        await officer.Locator("#password").FillAsync(oneTime);
        await officer.Locator("button[type=submit]").ClickAsync();
        await Expect(officer).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/mot-de-passe$"));
        await officer.Locator("#new-password").FillAsync("Agent-Choisi-2026");
        await officer.Locator("#confirmation").FillAsync("Agent-Choisi-2027");
        await officer.Locator("button[type=submit]").ClickAsync();
        await Expect(officer.Locator("#confirmation-error")).ToHaveTextAsync("La confirmation ne correspond pas au nouveau mot de passe.");
        await PortalFixture.ShotAsync(officer, "change-password-mismatch");
        await officer.Locator("#new-password").FillAsync("Agent-Choisi-2026");
        await officer.Locator("#confirmation").FillAsync("Agent-Choisi-2026");
        await officer.Locator("button[type=submit]").ClickAsync();

        await PortalFixture.WaitReadyAsync(officer);
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "File d'attente", Level = 1 })).ToBeVisibleAsync();
        await Expect(officer.Locator("[data-testid=signed-in-user]")).ToContainTextAsync(userName);
    }

    [Fact]
    public async Task Static_file_of_wwwroot_assets_is_served_as_css()
    {
        using var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };

        using var response = await http.GetAsync("/css/app.css", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
    }
}
