using Bunit.TestDoubles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using RelationsUsagers.Core;
using RelationsUsagers.Web.Components.Shared;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Web.Tests;

/// <summary>
/// A bunit context wired like the portal: the real core services over a temporary SQLite file (migrated in
/// <see cref="InitializeAsync"/>), a fixed clock, MudBlazor, and an officer signed in through the app's own
/// role-based policies. Deletes the file on dispose.
/// </summary>
public abstract class PortalTestContext : BunitContext, IAsyncLifetime
{
    /// <summary>2026-03-15 10:00 UTC (11:00 in Paris).</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 15, 10, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = new(2026, 3, 15);

    public const string UserName = "officer";

    private readonly string folder;

    static PortalTestContext() =>
        // Two cores running tests in parallel: a page's SQLite reads can take longer than bunit's default second.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    private readonly SignedInUser currentUser = new();

    protected PortalTestContext()
    {
        folder = Path.Combine(Path.GetTempPath(), "relations-usagers-web-tests", Guid.NewGuid().ToString("N"));
        ConnectionString = $"Data Source={Path.Combine(folder, "portal.db")};Pooling=False";
        Clock = new FakeTimeProvider(Now);

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton<ICurrentUser>(currentUser);
        Services.AddCore(ConnectionString);
        Services.AddMudServices();
        Services.AddFrenchMudTexts();
        // Drafts: the session storage's JavaScript answers nothing in bunit (loose mode), the circuit's copy is the one read.
        Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        Services.AddScoped<ProtectedSessionStorage>();
        Services.AddFormSafety();
        Services.AddSingleton(new DemoMode(false));
        Services.AddSingleton(RelationsUsagers.Web.Security.SessionSettings.Default);
        Services.AddScoped<RelationsUsagers.Web.Security.CircuitActivity>();

        Auth = AddAuthorization();
        // The app's policies: each permission requires one of its roles (WebServices.AddWeb).
        Services.AddAuthorizationCore(o =>
        {
            foreach (var (permission, roles) in Permissions.GrantedTo)
                o.AddPolicy(permission, p => p.RequireRole(roles));
        });
        // bunit's provider answers every policy with its own stand-in; the app's role requirements must be the ones checked.
        Services.Replace(ServiceDescriptor.Transient<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>());
        SignIn(UserName, Roles.Officer);
    }

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public string ConnectionString { get; }

    public FakeTimeProvider Clock { get; }

    public BunitAuthorizationContext Auth { get; }

    public BunitNavigationManager Navigation => Services.GetRequiredService<BunitNavigationManager>();

    public virtual async ValueTask InitializeAsync()
    {
        var factory = Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await DatabaseSetup.MigrateAsync(factory, Ct);
        // The office's accounts, as Identity stores them: cases are given to them by name.
        await using var db = await factory.CreateDbContextAsync(Ct);
        foreach (var (login, name, role) in new[] { (UserName, "Claire Dubois", Roles.Officer), ("manager", "Marc Lemoine", Roles.Manager) })
        {
            var roleRow = new Microsoft.AspNetCore.Identity.IdentityRole(role) { NormalizedName = role.ToUpperInvariant() };
            var user = new AppUser { UserName = login, NormalizedUserName = login.ToUpperInvariant(), DisplayName = name };
            db.AddRange(roleRow, user, new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = user.Id, RoleId = roleRow.Id });
        }
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>Signs in with these roles; policies are checked by role, as in the app.</summary>
    protected void SignIn(string userName, params string[] roles)
    {
        Auth.SetAuthorized(userName);
        Auth.SetRoles(roles);
        // The services act as the signed-in user, as the app's current user follows the authentication state.
        currentUser.UserName = userName;
        currentUser.Roles = roles;
    }

    private sealed class SignedInUser : ICurrentUser
    {
        public string UserName { get; set; } = PortalTestContext.UserName;
        public string[] Roles { get; set; } = [];
        public bool Holds(string permission) => Permissions.Allows(permission, Roles);
    }

    /// <summary>Creates a case through the real service, as the signed-in officer.</summary>
    protected async Task<CaseFile> CreateCaseAsync(CaseFile draft) =>
        await Services.GetRequiredService<CaseFileService>().CreateAsync(draft, Ct);

    /// <summary>The case service acting as another user on the same file and clock.</summary>
    protected CaseFileService ServiceAs(string userName) =>
        new(FactoryAs(userName), new CaseValidators(Clock), Clock);

    /// <summary>Contexts acting as another user on the same file and clock (a colleague's services in another circuit).</summary>
    protected IDbContextFactory<AppDbContext> FactoryAs(string userName) =>
        new UserContextFactory(ConnectionString, new FixedCurrentUser(userName), Clock);

    protected async Task<int> CountCasesAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.CaseFiles.CountAsync(Ct);
    }

    /// <summary>Where MudSelect options and other popovers render (after <see cref="RenderWithPopovers{T}"/>).</summary>
    protected IRenderedComponent<MudPopoverProvider> Popovers { get; private set; } = default!;

    /// <summary>Renders the popover provider first (MudSelect options, tooltips), then the component.</summary>
    protected IRenderedComponent<T> RenderWithPopovers<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null) where T : Microsoft.AspNetCore.Components.IComponent
    {
        Popovers = Render<MudPopoverProvider>();
        return Render(parameters ?? (_ => { }));
    }

    /// <summary>Where MudBlazor dialogs render (after <see cref="RenderWithDialogs{T}"/>).</summary>
    protected IRenderedComponent<MudDialogProvider> Dialogs { get; private set; } = default!;

    /// <summary>Renders the dialog provider (the unsaved-changes question), the popover provider, then the component.</summary>
    protected IRenderedComponent<T> RenderWithDialogs<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null) where T : Microsoft.AspNetCore.Components.IComponent
    {
        Dialogs = Render<MudDialogProvider>();
        return RenderWithPopovers(parameters);
    }

    /// <summary>The case page of <paramref name="file"/>, once its reference shows (the case is loaded).</summary>
    protected IRenderedComponent<RelationsUsagers.Web.Cases.CaseFilePage> OpenCase(CaseFile file)
    {
        Dialogs = Render<MudDialogProvider>();
        var page = RenderWithPopovers<RelationsUsagers.Web.Cases.CaseFilePage>(p => p.Add(c => c.Id, file.Id));
        page.WaitForAssertion(() => Assert.Equal(file.Reference, page.Find("#case-reference").TextContent.Trim()));
        return page;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        DeleteFolder();
    }

    private void DeleteFolder()
    {
        try
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leaked connection must not hide the test's own result; the OS cleans the temp folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed class UserContextFactory(string connectionString, ICurrentUser user, TimeProvider clock) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext()
        {
            var builder = new DbContextOptionsBuilder<AppDbContext>();
            CoreServices.Configure(builder, connectionString);
            return new AppDbContext(builder.Options, user, clock);
        }
    }
}
