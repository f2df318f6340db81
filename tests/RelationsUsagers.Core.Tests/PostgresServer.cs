using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Tests;

/// <summary>
/// The PostgreSQL server the data-layer tests run against: the one named by <see cref="Variable"/> (.ci/run starts a
/// throwaway cluster and sets it), or else a throwaway cluster this test process starts itself with the server's own
/// programs (initdb, pg_ctl from Debian's postgresql package: on PATH or in /usr/lib/postgresql/N/bin), on a Unix socket
/// in a temporary folder, and stops when it ends. Neither available: the tests that need it fail, saying how to get one.
/// Each test gets a database of its own, cloned from one migrated template (<see cref="CreateDatabase"/>).
/// </summary>
internal static class PostgresServer
{
    public const string Variable = "RU_TEST_POSTGRES";

    private static readonly Lazy<Server> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly string Prefix = "ru_test_" + Environment.ProcessId + "_";

    /// <summary>A connection string to the server's maintenance database (postgres).</summary>
    public static string AdminConnectionString => Instance.Value.ConnectionString;

    /// <summary>
    /// A new database and its connection string (no pooling: nothing stays connected once a context is disposed).
    /// <paramref name="migrated"/>: cloned from the template, migrations applied; otherwise empty.
    /// </summary>
    public static (string Name, string ConnectionString) CreateDatabase(bool migrated)
    {
        var name = Prefix + Guid.NewGuid().ToString("N")[..12];
        Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{(migrated ? Template.Value : "template0")}\"");
        return (name, ConnectionStringFor(name));
    }

    public static void DropDatabase(string name) => Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    private static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = false }.ToString();

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string CreateTemplate()
    {
        var name = Prefix + "template";
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        Execute($"CREATE DATABASE \"{name}\" TEMPLATE template0");
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        CoreServices.Configure(builder, ConnectionStringFor(name), DatabaseProvider.PostgreSql);
        var factory = new SingleFactory(builder.Options);
        DatabaseSetup.MigrateAsync(factory, TimeProvider.System).GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                DropDatabase(name);
            }
            catch (NpgsqlException)
            {
                // The server may already be stopping (a cluster this process started stops below).
            }
        };
        return name;
    }

    private sealed class SingleFactory(DbContextOptions<AppDbContext> options) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => new(options, new FixedCurrentUser("tests"), TimeProvider.System);
    }

    private sealed record Server(string ConnectionString);

    private static Server Start()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
            return new Server(given);
        var bin = FindServerPrograms() ?? throw new InvalidOperationException(
            $"The data-layer tests need PostgreSQL: set {Variable} to a connection string of a server where the user may create " +
            "databases (bash .ci/run does), or install the server's programs (apt-get install -y postgresql) so that the tests start " +
            "a throwaway cluster of their own.");
        return StartCluster(bin);
    }

    private static string? FindServerPrograms()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")))
                return folder;
        const string debian = "/usr/lib/postgresql";
        if (!Directory.Exists(debian))
            return null;
        return Directory.GetDirectories(debian)
            .Select(d => Path.Combine(d, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb")))
            .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    /// <summary>
    /// initdb and pg_ctl refuse to run as root: as root, the cluster belongs to the postgres account Debian's package
    /// creates (runuser); otherwise to the current user. It listens on a Unix socket in its own folder only.
    /// </summary>
    private static Server StartCluster(string bin)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ru-test-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(folder);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
            Run("chown", ["postgres", folder], asRoot: false);
        Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "ru", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"], asRoot);
        Run(Path.Combine(bin, "pg_ctl"),
            ["start", "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-o",
             $"-k {folder} -c listen_addresses='' -p 5432 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"],
            asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asRoot);
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                // Leaving a temporary folder behind must not turn a passing run into a failure.
            }
        };
        return new Server($"Host={folder};Port=5432;Username=ru;Database=postgres");
    }

    private static void Run(string program, string[] arguments, bool asRoot)
    {
        var start = new ProcessStartInfo(asRoot ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asRoot)
            foreach (var a in new[] { "-u", "postgres", "--", program })
                start.ArgumentList.Add(a);
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}{output.Result}");
    }
}
