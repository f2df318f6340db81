using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Web.Tests.Configuration;

/// <summary>
/// The portal started as a separate process (the built RelationsUsagers.Web.dll, Production) on a database it cannot use, or
/// in demo mode on a real database: one French sentence on standard error, a documented exit code, no stack trace.
/// </summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ru-start-").FullName;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_database_folder_that_cannot_be_created_is_named_and_ends_with_code_4()
    {
        // /proc accepts no new folder, even for root.
        var run = await RunPortalAsync("--Database:Path=/proc/ru-absent/relations-usagers.db");

        Assert.Equal(StartupException.DatabaseMissing, run.Code);
        Assert.Equal("La base de données ne peut pas être ouverte : le dossier « /proc/ru-absent » n'existe pas et ne peut pas être créé. " +
            "Vérifiez Database:Path et que le disque ou le partage qui la porte est bien monté.", run.Error);
    }

    [Fact]
    public async Task A_read_only_database_is_named_and_ends_with_code_5()
    {
        var path = Path.Combine(folder, "ru.db");
        await CreateDatabaseAsync(path);

        var run = await RunPortalAsync($"--ConnectionStrings:Default=Data Source={path};Mode=ReadOnly");

        Assert.Equal(StartupException.DatabaseReadOnly, run.Code);
        Assert.Equal($"La base de données « {path} » est en lecture seule : le portail doit pouvoir écrire dans ce fichier et dans son dossier. " +
            "Vérifiez les droits du compte qui lance le portail, et que le disque n'est pas monté en lecture seule.", run.Error);
    }

    [Fact]
    public async Task Demo_mode_on_a_database_created_without_it_is_refused_with_code_3_and_creates_no_demo_account()
    {
        var path = Path.Combine(folder, "ru.db");
        await CreateDatabaseAsync(path);

        var run = await RunPortalAsync("--seed-demo", $"--Database:Path={path}");

        Assert.Equal(StartupException.NotADemoDatabase, run.Code);
        Assert.StartsWith("Cette base de données n'a pas été créée pour une démonstration : le mode démonstration y est refusé", run.Error,
            StringComparison.Ordinal);
        await using var db = Context(path);
        Assert.False(await db.Users.AnyAsync(u => u.IsDemo, Ct));
        Assert.False(await DemoDatabase.IsDemoAsync(db, Ct));
    }

    [Fact]
    public async Task An_unknown_database_provider_is_named_and_ends_with_code_2()
    {
        var run = await RunPortalAsync("--Database:Provider=Oracle");

        Assert.Equal(StartupException.BadSetting, run.Code);
        Assert.Equal("Database:Provider vaut « Oracle » : indiquez Sqlite (un fichier, par défaut) ou PostgreSql (un serveur).", run.Error);
    }

    [Fact]
    public async Task A_postgresql_server_that_cannot_be_reached_ends_with_code_4_without_repeating_the_password()
    {
        // A socket folder with no server in it: the connection is refused at once.
        var run = await RunPortalAsync("--Database:Provider=PostgreSql",
            $"--ConnectionStrings:Default=Host={folder};Port=5432;Database=ru;Username=portail;Password=secret-ru;Timeout=3");

        Assert.Equal(StartupException.DatabaseMissing, run.Code);
        Assert.Equal("Le serveur PostgreSQL ne peut pas être joint ou la base ne peut pas être ouverte : vérifiez Host, Port et Database dans " +
            "ConnectionStrings:Default, et que le serveur est démarré.", run.Error);
        Assert.DoesNotContain("secret-ru", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_session_setting_is_named_and_ends_with_code_2()
    {
        var run = await RunPortalAsync($"--Database:Path={Path.Combine(folder, "ru.db")}", "--Sessions:IdleTimeout=trente minutes");

        Assert.Equal(StartupException.BadSetting, run.Code);
        Assert.Equal("Sessions:IdleTimeout vaut « trente minutes » : indiquez une durée positive au format hh:mm:ss, par exemple 00:30:00.", run.Error);
    }

    [Theory]
    [InlineData(13, StartupException.DiskFull, "Le disque de la base de données « {0} » est plein : libérez de la place, puis relancez le portail.")]
    [InlineData(8, StartupException.DatabaseReadOnly, "La base de données « {0} » est en lecture seule")]
    [InlineData(26, StartupException.NotADatabase, "Le fichier « {0} » n'est pas une base de données du portail")]
    [InlineData(14, StartupException.DatabaseMissing, "La base de données « {0} » ne peut pas être ouverte")]
    public void SQLite_s_failures_become_a_French_message_and_a_code(int sqliteCode, int exitCode, string message)
    {
        var path = Path.Combine(folder, "ru.db");

        var failure = StartupException.FromDatabase(new SqliteException("SQLite Error", sqliteCode), path);

        Assert.NotNull(failure);
        Assert.Equal(exitCode, failure.ExitCode);
        Assert.StartsWith(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, path), failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_disk_reported_by_the_system_is_told_as_such()
    {
        var failure = StartupException.FromDatabase(new IOException("No space left on device", 28), Path.Combine(folder, "ru.db"));

        Assert.Equal(StartupException.DiskFull, failure?.ExitCode);
    }

    [Fact]
    public void A_fault_of_the_portal_itself_is_not_disguised_as_a_database_problem()
    {
        Assert.Null(StartupException.FromDatabase(new InvalidOperationException("bug"), Path.Combine(folder, "ru.db")));
    }

    /// <summary>A database as a real installation leaves it: migrated without demo, one account of the office.</summary>
    private async Task CreateDatabaseAsync(string path)
    {
        var factory = new Factory(path);
        Assert.True(await DatabaseSetup.MigrateAsync(factory, Ct));
        await using var db = Context(path);
        db.Users.Add(new AppUser { UserName = "c.martin", NormalizedUserName = "C.MARTIN", DisplayName = "Claire Martin" });
        await db.SaveChangesAsync(Ct);
    }

    private static AppDbContext Context(string path) => new Factory(path).CreateDbContext();

    private sealed class Factory(string path) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<AppDbContext>();
            CoreServices.Configure(options, $"Data Source={path};Pooling=False");
            return new AppDbContext(options.Options, new FixedCurrentUser("test"), TimeProvider.System);
        }
    }

    /// <summary>Runs the portal's program until it exits by itself (two minutes at most): its exit code and standard error.</summary>
    private async Task<(int Code, string Error)> RunPortalAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RelationsUsagers.Web.dll"));
        start.ArgumentList.Add("--Urls=http://127.0.0.1:0");
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "None";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(Ct);
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"The portal did not stop by itself. Output: {await output}");
        }
        var text = (await error).Trim();
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", text, StringComparison.Ordinal);
        return (process.ExitCode, text);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
