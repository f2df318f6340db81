using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
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
    /// <summary>Throws <see cref="StartupException"/> when the database cannot be used or demo mode is asked on a real database.</summary>
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var created = await MigrateAsync(factory, clock);

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }

        if (!services.GetRequiredService<DemoMode>().IsEnabled)
            return;
        await using (var db = await factory.CreateDbContextAsync())
        {
            // The demo accounts' password is public: they exist only in a database the demo itself created.
            if (created)
                await DemoDatabase.MarkAsync(db);
            else if (!await DemoDatabase.IsDemoAsync(db))
                throw new StartupException(
                    "Cette base de données n'a pas été créée pour une démonstration : le mode démonstration y est refusé, et les " +
                    "comptes de démonstration, dont le mot de passe est public, n'y sont ni créés ni activés. Démarrez le portail sans " +
                    "--seed-demo ni Demo:Enabled, ou donnez à la démonstration un nouveau fichier (--Database:Path=data/demo.db).",
                    StartupException.NotADemoDatabase);
        }
        await DemoAccounts.EnsureAsync(services.GetRequiredService<UserManager<AppUser>>());
        var count = app.Configuration.GetValue("Demo:Cases", 300);
        var seeded = await DemoCaseSeeder.SeedAsync(factory, count, clock, CancellationToken.None);
        // The CDU's demo (members, past meetings, a published agenda) rests on the demo cases.
        if (count > 0)
        {
            await CduDemoSeeder.SeedAsync(factory, clock, CancellationToken.None);
            await Core.Expressions.ExpressionDemoSeeder.SeedAsync(factory, Core.Cases.ParisCalendar.Today(clock), ct: CancellationToken.None);
            await Core.FunctionalProtection.ProtectionDemoSeeder.SeedAsync(factory, clock, CancellationToken.None);
            await Core.Insurance.InsuranceDemoSeeder.SeedAsync(factory, Core.Cases.ParisCalendar.Today(clock), CancellationToken.None);
        }
        // Printed, not logged: the console of a demo is where people look for the accounts.
        Console.WriteLine();
        Console.WriteLine("=== RelationsUsagers — DÉMONSTRATION ===");
        if (seeded > 0)
            Console.WriteLine($"{seeded} dossiers de démonstration créés.");
        Console.WriteLine($"Comptes : {string.Join(", ", DemoAccounts.All.Select(a => a.UserName))} — mot de passe : {DemoAccounts.Password}");
        Console.WriteLine();
    }

    /// <summary>Migrates the database; a file that cannot be used (missing folder, read-only, full disk) becomes a <see cref="StartupException"/>.</summary>
    public static async Task<bool> MigrateAsync(IDbContextFactory<AppDbContext> factory, TimeProvider clock)
    {
        string path;
        bool server;
        await using (var db = await factory.CreateDbContextAsync())
        {
            server = db.Database.IsNpgsql();
            path = server ? "" : new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        }
        try
        {
            return await DatabaseSetup.MigrateAsync(factory, clock);
        }
        catch (Exception ex) when ((server ? StartupException.FromServer(ex) : StartupException.FromDatabase(ex, path)) is { } failure)
        {
            throw failure;
        }
    }
}
