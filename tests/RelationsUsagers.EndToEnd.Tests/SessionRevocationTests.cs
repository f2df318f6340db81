using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Admin;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>
/// An officer disabled by an administrator while a page of the portal is open in their browser: the open page loses access
/// at its next navigation, or by itself within the revalidation interval (2 seconds here), and nothing more is audited
/// under the officer's name.
/// </summary>
public sealed class SessionRevocationTests(PortalFixture portal)
{
    private const string Password = "Agent-Chu-2026";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_disabled_officer_s_open_queue_cannot_open_a_case_and_goes_to_sign_in()
    {
        var agent = await NewOfficerAsync();
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, agent, Password);
        var link = page.Locator("a.case-link").First;
        await Expect(link).ToBeVisibleAsync();

        var disabledAt = await DisableAsync(agent);
        await link.ClickAsync();

        await Expect(page).ToHaveURLAsync(PortalFixture.SignInPage());
        await Expect(page.Locator("#username")).ToBeVisibleAsync();
        await PortalFixture.ShotAsync(page, "revocation-navigation");
        Assert.Empty(await AuditedSinceAsync(agent, disabledAt));
    }

    [Fact]
    public async Task A_disabled_officer_s_open_case_page_goes_to_sign_in_by_itself_within_the_interval()
    {
        var agent = await NewOfficerAsync();
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, agent, Password);
        await page.Locator("a.case-link").First.ClickAsync();
        await Expect(page.Locator("#case-reference")).ToBeVisibleAsync();

        var disabledAt = await DisableAsync(agent);

        // No click, no key: the circuit's own check (every 2 s) ends the session.
        await Expect(page).ToHaveURLAsync(PortalFixture.SignInPage());
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Votre session a pris fin" })).ToBeVisibleAsync();
        await PortalFixture.ShotAsync(page, "revocation-interval");
        // The sign-in page does not let the disabled account back in.
        await page.Locator("#username").FillAsync(agent);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("compte indisponible");
        Assert.Empty(await AuditedSinceAsync(agent, disabledAt));
    }

    /// <summary>An officer account of its own (the demo accounts are shared by the other tests), with a chosen password.</summary>
    private async Task<string> NewOfficerAsync()
    {
        var userName = "agent" + Guid.NewGuid().ToString("N")[..8];
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = "Agent de test", EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Officer)).Succeeded);
        return userName;
    }

    /// <summary>The administrator disables the account, as the accounts page does; returns when.</summary>
    private async Task<DateTime> DisableAsync(string userName)
    {
        var at = DateTime.UtcNow;
        using var scope = portal.Services.CreateScope();
        var id = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName))!.Id;
        var admin = new UserAdminService(portal.Services.GetRequiredService<IServiceScopeFactory>(), new FixedCurrentUser("admin"), TimeProvider.System);
        Assert.Empty(await admin.SetDisabledAsync(id, disabled: true));
        return at;
    }

    private async Task<List<string>> AuditedSinceAsync(string userName, DateTime since)
    {
        using var scope = portal.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.AuditEntries.Where(a => a.UserName == userName && a.AtUtc >= since)
            .Select(a => a.Action + " " + a.CaseReference).ToListAsync(Ct);
    }
}
