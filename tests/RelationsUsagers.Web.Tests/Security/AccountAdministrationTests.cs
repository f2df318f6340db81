using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Admin;

namespace RelationsUsagers.Web.Tests.Security;

/// <summary>
/// Account administration (<see cref="UserAdminService"/>) on the portal's own services: every action is one audit line under
/// the administrator's name, without a case, naming the account; an administrator grants itself nothing and does not lock
/// itself out; passwords handed over are one-time passwords the person must replace.
/// </summary>
[Collection(nameof(PortalHostCollection))]
public sealed class AccountAdministrationTests : IAsyncLifetime
{
    private readonly TestPortal portal = new();

    public ValueTask InitializeAsync()
    {
        _ = portal.Services;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => portal.DisposeAsync();

    private UserAdminService As(string userName) =>
        new(portal.Services.GetRequiredService<IServiceScopeFactory>(), new FixedCurrentUser(userName), TimeProvider.System);

    [Fact]
    public async Task Creating_an_account_hands_over_a_one_time_password_and_writes_one_audit_line()
    {
        var handOver = await As("admin").CreateAsync(new NewUser { UserName = "c.martin", DisplayName = "Claire Martin", Roles = [Roles.Officer] });

        Assert.True(handOver.Succeeded, string.Join(" ", handOver.Errors));
        Assert.Matches("^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$", handOver.Password);
        var user = await UserAsync("c.martin");
        Assert.True(user.MustChangePassword);
        var line = Assert.Single(await portal.AuditAsync(AuditActions.AccountCreated));
        Assert.Equal(("admin", (Guid?)null, (string?)null), (line.UserName, line.CaseFileId, line.CaseReference));
        Assert.Equal("Compte « c.martin » (Claire Martin), rôles : Chargé(e) des relations avec les usagers ; mot de passe provisoire remis.", line.Details);
        Assert.DoesNotContain(handOver.Password!, line.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_roles_writes_the_roles_before_and_after()
    {
        Assert.Empty(await As("admin").SetRolesAsync(await IdAsync("officer"), [Roles.Officer, Roles.Manager]));

        var line = Assert.Single(await portal.AuditAsync(AuditActions.RolesChanged));
        Assert.Equal("admin", line.UserName);
        Assert.Equal("Compte « officer » : Chargé(e) des relations avec les usagers → Responsable, Chargé(e) des relations avec les usagers.", line.Details);
    }

    [Fact]
    public async Task Disabling_then_enabling_an_account_writes_a_line_each()
    {
        var id = await IdAsync("mediator");

        Assert.Empty(await As("admin").SetDisabledAsync(id, disabled: true));
        Assert.Empty(await As("admin").SetDisabledAsync(id, disabled: false));

        Assert.Equal("Compte « mediator ».", Assert.Single(await portal.AuditAsync(AuditActions.AccountDisabled)).Details);
        Assert.Equal("Compte « mediator ».", Assert.Single(await portal.AuditAsync(AuditActions.AccountEnabled)).Details);
        Assert.False((await UserAsync("mediator")).IsDisabled);
    }

    [Fact]
    public async Task A_password_reset_hands_over_a_new_one_time_password_and_audits_it_without_the_password()
    {
        var handOver = await As("admin").ResetPasswordAsync(await IdAsync("cdu"));

        Assert.True(handOver.Succeeded, string.Join(" ", handOver.Errors));
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var cdu = (await users.FindByNameAsync("cdu"))!;
        Assert.True(cdu.MustChangePassword);
        Assert.True(await users.CheckPasswordAsync(cdu, handOver.Password!));
        Assert.False(await users.CheckPasswordAsync(cdu, TestPortal.DemoPassword));
        var line = Assert.Single(await portal.AuditAsync(AuditActions.PasswordReset));
        Assert.Equal(("admin", "Compte « cdu » : mot de passe provisoire remis, à changer à la prochaine connexion."), (line.UserName, line.Details));
    }

    [Fact]
    public async Task An_administrator_cannot_grant_itself_a_case_working_role()
    {
        var errors = await As("admin").SetRolesAsync(await IdAsync("admin"), [Roles.Admin, Roles.Officer]);

        Assert.Equal(["Vous ne pouvez pas vous attribuer un rôle : un autre administrateur doit le faire."], errors);
        Assert.Equal([Roles.Admin], await RolesAsync("admin"));
        Assert.Empty(await portal.AuditAsync(AuditActions.RolesChanged));
    }

    [Fact]
    public async Task An_administrator_cannot_remove_its_own_administration_or_disable_itself()
    {
        var id = await IdAsync("admin");

        Assert.Equal(["Vous ne pouvez pas retirer votre propre rôle d'administrateur : un autre administrateur doit le faire."],
            await As("admin").SetRolesAsync(id, [Roles.Mediator]));
        Assert.Equal(["Vous ne pouvez pas désactiver votre propre compte : un autre administrateur doit le faire."],
            await As("admin").SetDisabledAsync(id, disabled: true));

        Assert.Equal([Roles.Admin], await RolesAsync("admin"));
        Assert.False((await UserAsync("admin")).IsDisabled);
    }

    [Fact]
    public async Task Another_administrator_may_change_an_administrator_s_roles()
    {
        var created = await As("admin").CreateAsync(new NewUser { UserName = "dsi2", DisplayName = "Seconde administratrice", Roles = [Roles.Admin] });
        Assert.True(created.Succeeded);

        Assert.Empty(await As("dsi2").SetRolesAsync(await IdAsync("admin"), [Roles.Admin, Roles.Manager]));

        Assert.Equal([Roles.Admin, Roles.Manager], await RolesAsync("admin"));
        Assert.Equal("dsi2", Assert.Single(await portal.AuditAsync(AuditActions.RolesChanged)).UserName);
    }

    [Fact]
    public async Task Someone_who_is_not_an_administrator_changes_nothing()
    {
        var errors = await As("manager").SetRolesAsync(await IdAsync("manager"), [Roles.Manager, Roles.Admin]);

        Assert.Equal(["Action réservée aux administrateurs."], errors);
        Assert.Equal([Roles.Manager], await RolesAsync("manager"));
        Assert.False((await As("manager").ResetPasswordAsync(await IdAsync("officer"))).Succeeded);
    }

    private async Task<AppUser> UserAsync(string userName)
    {
        using var scope = portal.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName))!;
    }

    private async Task<string> IdAsync(string userName) => (await UserAsync(userName)).Id;

    private async Task<string[]> RolesAsync(string userName)
    {
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return [.. (await users.GetRolesAsync((await users.FindByNameAsync(userName))!)).Order(StringComparer.Ordinal)];
    }
}
