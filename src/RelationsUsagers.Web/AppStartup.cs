using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Data.DemoSeed;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Security;

namespace RelationsUsagers.Web;

/// <summary>What runs once before the portal listens: migrations, roles, and in demo mode the demo data.</summary>
public static class AppStartup
{
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await DatabaseSetup.MigrateAsync(factory, services.GetRequiredService<TimeProvider>());

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }

        if (!services.GetRequiredService<DemoMode>().IsEnabled)
            return;
        await DemoAccounts.EnsureAsync(services.GetRequiredService<UserManager<AppUser>>());
        var count = app.Configuration.GetValue("Demo:Cases", 300);
        var clock = services.GetRequiredService<TimeProvider>();
        var seeded = await DemoCaseSeeder.SeedAsync(factory, count, clock, CancellationToken.None);
        // The CDU's demo (members, past meetings, a published agenda) rests on the demo cases.
        if (count > 0)
            await CduDemoSeeder.SeedAsync(factory, clock, CancellationToken.None);
        // Printed, not logged: the console of a demo is where people look for the accounts.
        Console.WriteLine();
        Console.WriteLine("=== RelationsUsagers — DÉMONSTRATION ===");
        if (seeded > 0)
            Console.WriteLine($"{seeded} dossiers de démonstration créés.");
        Console.WriteLine($"Comptes : {string.Join(", ", DemoAccounts.All.Select(a => a.UserName))} — mot de passe : {DemoAccounts.Password}");
        Console.WriteLine();
    }
}
