using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Admin;
using RelationsUsagers.Web.Security;

namespace RelationsUsagers.Web.Tests.Security;

/// <summary>
/// What an open circuit asks about its signed-in user (<see cref="SessionValidator"/>, <see cref="PortalAuthenticationStateProvider"/>):
/// the account as it is now in the database, the idle timeout (30 minutes here) and the lifetime (10 hours), on the
/// portal's own services and a fake clock. The principal is the one the sign-in cookie carries.
/// </summary>
[Collection(nameof(PortalHostCollection))]
public sealed class SessionRevalidationTests : IAsyncLifetime
{
    private static readonly DateTimeOffset SignInTime = new(2026, 3, 16, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider clock = new(SignInTime);
    private readonly TestPortal portal;

    public SessionRevalidationTests() => portal = new TestPortal(
        new Dictionary<string, string> { ["Sessions:IdleTimeout"] = "00:30:00", ["Sessions:Lifetime"] = "10:00:00" },
        b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock)));

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _ = portal.Services; // starts the portal: migrations and demo accounts
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => portal.DisposeAsync();

    private SessionValidator Validator => portal.Services.GetRequiredService<SessionValidator>();

    [Fact]
    public async Task An_account_left_as_it_was_keeps_its_open_session()
    {
        var officer = await SignedInAsync("officer");
        clock.Advance(TimeSpan.FromMinutes(29));

        Assert.Null(await Validator.CheckAsync(officer, SignInTime, Ct));
    }

    [Fact]
    public async Task Disabling_the_account_ends_its_open_session()
    {
        var officer = await SignedInAsync("officer");

        Assert.Empty(await Admin().SetDisabledAsync(await IdOfAsync("officer"), disabled: true));

        Assert.Equal(SessionEnd.AccountDisabled, await Validator.CheckAsync(officer, SignInTime, Ct));
    }

    [Fact]
    public async Task Roles_changed_by_the_administrator_end_the_open_session()
    {
        var officer = await SignedInAsync("officer");

        Assert.Empty(await Admin().SetRolesAsync(await IdOfAsync("officer"), [Roles.CduMember]));

        Assert.Equal(SessionEnd.AccountChanged, await Validator.CheckAsync(officer, SignInTime, Ct));
    }

    [Fact]
    public async Task A_role_removed_behind_the_portal_s_back_ends_the_open_session_too()
    {
        var manager = await SignedInAsync("manager");
        using (var scope = portal.Services.CreateScope())
        {
            // Straight through Identity, security stamp untouched: the roles themselves are compared.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.RemoveFromRoleAsync((await users.FindByNameAsync("manager"))!, Roles.Manager)).Succeeded);
        }

        Assert.Equal(SessionEnd.RolesChanged, await Validator.CheckAsync(manager, SignInTime, Ct));
    }

    [Fact]
    public async Task A_password_reset_ends_the_open_session()
    {
        var mediator = await SignedInAsync("mediator");

        Assert.True((await Admin().ResetPasswordAsync(await IdOfAsync("mediator"))).Succeeded);

        Assert.Equal(SessionEnd.AccountDisabled, await Validator.CheckAsync(mediator, SignInTime, Ct));
    }

    [Fact]
    public async Task Thirty_one_minutes_without_navigation_or_interaction_end_the_session()
    {
        var officer = await SignedInAsync("officer");
        clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(SessionEnd.Idle, await Validator.CheckAsync(officer, SignInTime, Ct));
    }

    [Fact]
    public async Task Activity_twenty_minutes_in_keeps_the_session_open_at_forty_minutes()
    {
        var officer = await SignedInAsync("officer");

        Assert.Null(await Validator.CheckAsync(officer, SignInTime.AddMinutes(20), Ct));
        clock.Advance(TimeSpan.FromMinutes(40));
        Assert.Null(await Validator.CheckAsync(officer, SignInTime.AddMinutes(20), Ct));
    }

    [Fact]
    public async Task A_session_in_use_ends_ten_hours_after_sign_in()
    {
        var officer = await SignedInAsync("officer");

        clock.Advance(TimeSpan.FromHours(10) - TimeSpan.FromMinutes(1));
        Assert.Null(await Validator.CheckAsync(officer, clock.GetUtcNow(), Ct));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(SessionEnd.LifetimeOver, await Validator.CheckAsync(officer, clock.GetUtcNow(), Ct));
    }

    [Fact]
    public async Task Once_the_circuit_s_session_has_ended_nothing_is_done_under_the_person_s_name()
    {
        var officer = await SignedInAsync("officer");
        using var circuit = portal.Services.CreateScope();
        var provider = Assert.IsType<PortalAuthenticationStateProvider>(circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(officer)));
        var acting = circuit.ServiceProvider.GetRequiredService<ICurrentUser>();
        Assert.True(await provider.RevalidateNowAsync(Ct));
        Assert.Equal("officer", acting.UserName);

        Assert.Empty(await Admin().SetDisabledAsync(await IdOfAsync("officer"), disabled: true));

        Assert.False(await provider.RevalidateNowAsync(Ct));
        Assert.True(provider.HasEnded);
        Assert.False((await provider.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
        Assert.Equal("(session terminée)", acting.UserName);
    }

    /// <summary>The principal the sign-in cookie of <paramref name="userName"/> carries, signed in at <see cref="SignInTime"/>.</summary>
    private async Task<ClaimsPrincipal> SignedInAsync(string userName)
    {
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        return await signIn.CreateUserPrincipalAsync((await users.FindByNameAsync(userName))!);
    }

    private async Task<string> IdOfAsync(string userName)
    {
        using var scope = portal.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName))!.Id;
    }

    private UserAdminService Admin() =>
        new(portal.Services.GetRequiredService<IServiceScopeFactory>(), new FixedCurrentUser("admin"), clock);
}
