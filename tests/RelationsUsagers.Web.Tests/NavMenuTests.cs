using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Components.Layout;

namespace RelationsUsagers.Web.Tests;

public sealed class NavMenuTests : PortalTestContext
{
    private string[] Entries(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll("a").Select(a => a.TextContent.Trim()).ToArray();

    [Fact]
    public void Officer_sees_the_queue_new_case_cdu_exports_and_the_insurance_ledger_but_not_administration()
    {
        SignIn("officer", Roles.Officer);
        var menu = Render<NavMenu>();
        Assert.Equal(["File d'attente", "Nouveau dossier", "Agenda des médiations", "Expressions des usagers", "CDU", "Exports", "Assurance responsabilité"], Entries(menu));
    }

    [Fact]
    public void Officer_and_admin_roles_together_see_both_menus()
    {
        SignIn("chef", Roles.Officer, Roles.Admin);
        var menu = Render<NavMenu>();
        Assert.Equal(["File d'attente", "Nouveau dossier", "Agenda des médiations", "Expressions des usagers", "CDU", "Exports", "Assurance responsabilité", "Administration"], Entries(menu));
    }

    [Fact]
    public void Manager_also_sees_the_letterhead_the_letter_templates_and_the_audit_journal()
    {
        SignIn("manager", Roles.Manager);
        var menu = Render<NavMenu>();
        Assert.Equal(["File d'attente", "Nouveau dossier", "Agenda des médiations", "Expressions des usagers", "CDU", "Exports", "Assurance responsabilité", "Établissement", "Modèles de courrier", "Journal d'audit"], Entries(menu));
        Assert.Equal("/journal", menu.FindAll("a")[^1].GetAttribute("href"));
    }

    [Fact]
    public void Admin_sees_administration_only()
    {
        SignIn("admin", Roles.Admin);
        var menu = Render<NavMenu>();
        Assert.Equal(["Administration"], Entries(menu));
    }

    [Fact]
    public void Cdu_member_sees_only_the_next_cdu_meeting()
    {
        SignIn("cdu", Roles.CduMember);
        var menu = Render<NavMenu>();
        Assert.Equal(["Prochaine séance de la CDU"], Entries(menu));
        Assert.Equal("/cdu/prochaine-seance", menu.Find("a").GetAttribute("href"));
    }
}

public sealed class MainLayoutTests : PortalTestContext
{
    [Fact]
    public void Shell_shows_the_signed_in_user_the_menu_of_their_role_and_the_page_body()
    {
        SignIn("c.martin", Roles.Officer);

        var layout = Render<MainLayout>(p => p.Add(l => l.Body, (Microsoft.AspNetCore.Components.RenderFragment)(b => b.AddMarkupContent(0, "<p id=\"page-body\">Contenu de la page</p>"))));

        Assert.Equal("c.martin", layout.Find("[data-testid=signed-in-user]").TextContent.Trim());
        Assert.Equal("Contenu de la page", layout.Find("main#contenu #page-body").TextContent);
        var menu = layout.Find("nav[aria-label=\"Menu principal\"]").TextContent;
        Assert.Contains("File d'attente", menu, StringComparison.Ordinal);
        Assert.DoesNotContain("Administration", menu, StringComparison.Ordinal);
        Assert.Empty(layout.FindAll(".demo-chip"));
    }

    [Fact]
    public void Below_md_the_app_bar_keeps_the_display_name_and_an_icon_sign_out_named_for_screen_readers()
    {
        SignIn("c.martin", Roles.Officer);
        Auth.SetClaims(new System.Security.Claims.Claim("display_name", "Claire Martin")); // PortalClaimsFactory.DisplayNameClaim

        var layout = Render<MainLayout>(p => p.Add(l => l.Body, (Microsoft.AspNetCore.Components.RenderFragment)(_ => { })));

        // MudBlazor's display classes: the login and the labelled button from md up, the icon below it.
        Assert.Equal(["d-none", "d-md-inline"], layout.Find("[data-testid=signed-in-user] .user-login").ClassList.Where(c => c.StartsWith("d-", StringComparison.Ordinal)));
        var submits = layout.FindAll("form.signout-form button[type=submit]");
        Assert.Equal(2, submits.Count);
        Assert.Equal("Se déconnecter", submits[0].TextContent.Trim());
        Assert.Contains("d-md-inline-flex", submits[0].ClassList);
        Assert.Equal("Se déconnecter", submits[1].GetAttribute("aria-label"));
        Assert.Contains("d-md-none", submits[1].ClassList);
    }
}

/// <summary>The shell alone, without a database: only what the layout injects.</summary>
public sealed class DemoBannerTests : BunitContext
{
    private IRenderedComponent<MainLayout> RenderShell(bool demo)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(new DemoMode(demo));
        Services.AddSingleton(RelationsUsagers.Web.Security.SessionSettings.Default);
        Services.AddScoped<RelationsUsagers.Web.Security.CircuitActivity>();
        AddAuthorization().SetAuthorized("c.martin");
        return Render<MainLayout>(p => p.Add(l => l.Body, (Microsoft.AspNetCore.Components.RenderFragment)(_ => { })));
    }

    [Fact]
    public void Demo_mode_shows_the_banner() =>
        Assert.Equal("DÉMONSTRATION", RenderShell(demo: true).Find(".demo-chip").TextContent.Trim());

    [Fact]
    public void Production_mode_has_no_banner() =>
        Assert.Empty(RenderShell(demo: false).FindAll(".demo-chip"));
}
