using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;
using MudBlazor;
using MudBlazor.Services;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Documents;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Admin;
using RelationsUsagers.Web.Components.Shared;
using RelationsUsagers.Web.Security;

namespace RelationsUsagers.Web;

public static class WebServices
{
    /// <summary>The data-protection purpose root shared by every instance (by default it would be each one's folder).</summary>
    public const string DataProtectionApplicationName = "RelationsUsagers";

    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var documents = Path.GetFullPath(configuration["Documents:Path"] ?? "data/documents", contentRoot);
        services.AddSingleton(new DocumentStorage(documents));
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(c => c.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight);
        services.AddFrenchMudTexts();
        services.AddFormSafety();
        services.AddSingleton(new DemoMode(configuration.GetValue<bool>("Demo:Enabled")));
        services.AddHttpContextAccessor();
        // The keys that sign the session cookie and the antiforgery tokens live in the portal's database (SQLite or
        // PostgreSQL), under one application name: every instance of the portal on that database reads what another signed.
        services.AddDataProtection().SetApplicationName(DataProtectionApplicationName).PersistKeysToDbContext<AppDbContext>();
        services.AddScoped<ICurrentUser, SignedInUser>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<PasswordChange>();

        var sessions = SessionSettings.From(configuration);
        services.AddSingleton(sessions);
        services.AddSingleton<SessionValidator>();
        services.AddScoped<CircuitActivity>();
        services.AddCascadingAuthenticationState();
        // The open circuit checks its user again (interval, navigation): replaces the framework's fixed principal.
        services.AddScoped<AuthenticationStateProvider, PortalAuthenticationStateProvider>();
        var authentication = services.AddAuthentication(o =>
        {
            o.DefaultScheme = IdentityConstants.ApplicationScheme;
            o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        });
        authentication.AddIdentityCookies();
        PasswordChange.AddCookie(authentication);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/connexion";
            o.LogoutPath = "/deconnexion";
            o.AccessDeniedPath = "/acces-refuse";
            // The cookie lives as long as the idle timeout, renewed by requests and by js/session.js's activity reports.
            o.ExpireTimeSpan = sessions.IdleTimeout;
            o.SlidingExpiration = true;
            o.Cookie.Name = "RelationsUsagers.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request is HTTPS (as a configured reverse proxy reports it, see ReverseProxy).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            var checkStamp = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async context =>
            {
                if (SessionClaims.IsOver(context.Principal, context.Options.TimeProvider?.GetUtcNow() ?? DateTimeOffset.UtcNow, sessions.Lifetime))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await checkStamp(context);
                if (context.Principal is not null && context.Request.Path.Equals(AccountEndpoints.ActivityPath, StringComparison.Ordinal))
                    context.ShouldRenew = true;
            };
        });
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            // A disabled account, a reset password or changed roles end the session's next request within the interval.
            o.ValidationInterval = sessions.RevalidationInterval;
            // The refreshed cookie keeps the first sign-in time: the absolute lifetime is not renewed.
            o.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(SessionClaims.SignedInAt) is { } signedInAt
                    && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    foreach (var fresh in identity.FindAll(SessionClaims.SignedInAt).ToList())
                        identity.RemoveClaim(fresh);
                    identity.AddClaim(new System.Security.Claims.Claim(signedInAt.Type, signedInAt.Value, signedInAt.ValueType));
                }
                return Task.CompletedTask;
            };
        });
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        SignInRateLimit.From(configuration).AddTo(services);

        // Identity stores use a context of the request's scope; features use the factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddDefaultTokenProviders();

        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var (permission, roles) in Permissions.GrantedTo)
            authorization.AddPolicy(permission, p => p.RequireRole(roles));
        return services;
    }

    /// <summary>Serves the top-level wwwroot-assets/ folder (copied next to the binaries) as the site's static files.</summary>
    public static IApplicationBuilder UseAppStaticFiles(this WebApplication app)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "wwwroot-assets");
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"The static files folder is missing next to the binaries: {folder}");
        return app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder) });
    }
}

/// <summary>Whether the portal runs on demonstration data: shown as a banner, and the only mode where demo accounts sign in.</summary>
public sealed record DemoMode(bool IsEnabled);
