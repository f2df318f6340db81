using Microsoft.AspNetCore.Authorization;
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
        services.AddScoped<ICurrentUser, SignedInUser>();
        services.AddScoped<UserAdminService>();

        services.AddCascadingAuthenticationState();
        services.AddAuthentication(o =>
        {
            o.DefaultScheme = IdentityConstants.ApplicationScheme;
            o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        }).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/connexion";
            o.LogoutPath = "/deconnexion";
            o.AccessDeniedPath = "/acces-refuse";
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            o.Cookie.Name = "RelationsUsagers.Auth";
        });
        // A disabled account or changed roles take effect within a minute on open sessions.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

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
