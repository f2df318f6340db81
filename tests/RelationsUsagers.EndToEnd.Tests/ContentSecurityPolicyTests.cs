using Microsoft.Playwright;
using RelationsUsagers.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>
/// The portal's pages work in Chromium under their Content-Security-Policy: the circuit connects, MudBlazor's menus, selects
/// and dialogs open, and the browser reports no violation (console or securitypolicyviolation event).
/// </summary>
public sealed class ContentSecurityPolicyTests(PortalFixture portal)
{
    [Fact]
    public async Task The_officer_s_pages_work_without_a_policy_violation()
    {
        await using var context = await portal.NewContextAsync();
        var (page, violations) = await WatchedPageAsync(context);
        var signIn = await page.GotoAsync("/connexion");
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, await signIn!.HeaderValueAsync("content-security-policy"));
        Assert.Equal("DENY", await signIn.HeaderValueAsync("x-frame-options"));

        await portal.SignInAsync(page, "officer");
        await Expect(page.Locator("a.case-link").First).ToBeVisibleAsync();
        await page.Locator("a.case-link").First.ClickAsync();
        await Expect(page.Locator("#case-reference")).ToBeVisibleAsync();
        await page.GotoAsync("/dossiers/nouveau");
        await PortalFixture.WaitReadyAsync(page);
        await page.GetByLabel("Accès au dossier patient").CheckAsync();
        await Expect(page.Locator("#save-case")).ToBeVisibleAsync();
        await page.GotoAsync("/exports");
        await PortalFixture.WaitReadyAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Exports Excel", Level = 1 })).ToBeVisibleAsync();
        await PortalFixture.ShotAsync(page, "csp-officer-exports");

        AssertNone(await ViolationsAsync(page, violations));
    }

    [Fact]
    public async Task The_administrator_s_dialog_and_the_cdu_member_s_page_work_without_a_policy_violation()
    {
        await using var admin = await portal.NewContextAsync();
        var (page, violations) = await WatchedPageAsync(admin);
        await portal.SignInAsync(page, "admin");
        await page.GotoAsync("/administration");
        await PortalFixture.WaitReadyAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Modifier les rôles de cdu" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await PortalFixture.ShotAsync(page, "csp-admin-dialog");
        AssertNone(await ViolationsAsync(page, violations));

        await using var member = await portal.NewContextAsync();
        var (memberPage, memberViolations) = await WatchedPageAsync(member);
        await portal.SignInAsync(memberPage, "cdu");
        await memberPage.GotoAsync("/cdu/prochaine-seance");
        await PortalFixture.WaitReadyAsync(memberPage);
        await Expect(memberPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        AssertNone(await ViolationsAsync(memberPage, memberViolations));
    }

    /// <summary>A page whose console errors and CSP violation events are collected from the first document on.</summary>
    private static async Task<(IPage Page, List<string> Console)> WatchedPageAsync(IBrowserContext context)
    {
        // Init scripts are run by the browser itself, outside the page's policy.
        await context.AddInitScriptAsync("""
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
                e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.target && e.target.outerHTML ? e.target.outerHTML.slice(0, 300) : '')));
            """);
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                console.Add(message.Text);
        };
        page.PageError += (_, error) => console.Add(error);
        return (page, console);
    }

    private static void AssertNone(string violations) => Assert.True(violations.Length == 0, violations);

    private static async Task<string> ViolationsAsync(IPage page, List<string> console) =>
        string.Join(Environment.NewLine, [.. console, .. await page.EvaluateAsync<string[]>("() => window.__cspViolations")]);
}
