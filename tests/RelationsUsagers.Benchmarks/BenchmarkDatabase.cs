using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using RelationsUsagers.Core;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Data.DemoSeed;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Benchmarks;

/// <summary>
/// A temporary SQLite file, migrated and seeded with demo cases, deleted on dispose; or a PostgreSQL database given by its
/// connection string, migrated and seeded unless it already holds cases, and kept.
/// </summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    /// <summary>The temporary folder deleted on dispose; null for a file given by the caller, which is kept.</summary>
    private readonly string? _folder;

    private BenchmarkDatabase(string? path, DatabaseProvider provider = DatabaseProvider.Sqlite, string? connectionString = null)
    {
        Provider = provider;
        if (provider == DatabaseProvider.PostgreSql)
        {
            ConnectionString = connectionString ?? throw new ArgumentException("PostgreSQL needs --connection \"Host=…;Database=…;Username=…\".");
            FilePath = "PostgreSQL: " + new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString).Database;
            Factory = new ContextFactory(ConnectionString, provider);
            return;
        }
        if (path is null)
        {
            _folder = Path.Combine(Path.GetTempPath(), "relations-usagers-bench", Guid.NewGuid().ToString("N"));
            FilePath = Path.Combine(_folder, "relations-usagers.db");
        }
        else
        {
            FilePath = Path.GetFullPath(path);
        }
        // Pooled like the portal's connections (the default of Microsoft.Data.Sqlite).
        ConnectionString = $"Data Source={FilePath}";
        Factory = new ContextFactory(ConnectionString, provider);
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The SQLite file, or the PostgreSQL database's name.</summary>
    public string FilePath { get; }

    public string ConnectionString { get; }

    public IDbContextFactory<AppDbContext> Factory { get; }

    /// <summary>Contexts that print each SQL command EF Core executes to standard error.</summary>
    public IDbContextFactory<AppDbContext> LoggingFactory => new ContextFactory(ConnectionString, Provider, logSql: true);

    /// <summary>
    /// Migrates a new temporary file (or <paramref name="path"/>, kept afterwards: a second run reuses its cases) and
    /// seeds <paramref name="cases"/> demo cases unless it already holds cases.
    /// </summary>
    public static async Task<BenchmarkDatabase> CreateAsync(int cases, TimeProvider clock, string? path = null,
        DatabaseProvider provider = DatabaseProvider.Sqlite, string? connectionString = null)
    {
        var database = new BenchmarkDatabase(path, provider, connectionString);
        try
        {
            await DatabaseSetup.MigrateAsync(database.Factory);
            await DemoCaseSeeder.SeedAsync(database.Factory, cases, clock);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>A file already migrated and seeded, opened as it is (kept afterwards).</summary>
    public static BenchmarkDatabase Open(string path) => new(path);

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        try
        {
            if (_folder is not null && Directory.Exists(_folder))
                Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return ValueTask.CompletedTask;
    }

    private sealed class ContextFactory(string connectionString, DatabaseProvider provider, bool logSql = false) : IDbContextFactory<AppDbContext>
    {
        private readonly DbContextOptions<AppDbContext> _options = Build(connectionString, provider, logSql);

        public AppDbContext CreateDbContext() => new(_options, new FixedCurrentUser("benchmark"), TimeProvider.System);

        private static DbContextOptions<AppDbContext> Build(string connectionString, DatabaseProvider provider, bool logSql)
        {
            var builder = new DbContextOptionsBuilder<AppDbContext>();
            CoreServices.Configure(builder, connectionString, provider);
            if (logSql)
                builder.LogTo(Console.Error.WriteLine, [RelationalEventId.CommandExecuted], LogLevel.Information, DbContextLoggerOptions.None);
            return builder.Options;
        }
    }
}
