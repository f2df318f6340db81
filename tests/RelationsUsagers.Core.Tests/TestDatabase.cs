using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;
using Xunit.v3;

namespace RelationsUsagers.Core.Tests;

/// <summary>
/// A real SQLite file in its own temporary folder, deleted on dispose, with a fake clock and a chosen user; or, for
/// <see cref="DatabaseProvider.PostgreSql"/>, a database of its own on the test server (<see cref="PostgresServer"/>),
/// dropped on dispose. <see cref="CreateAsync(DatabaseProvider, CancellationToken)"/> applies the migrations; the
/// constructor alone leaves the file (or an empty PostgreSQL database) to be migrated by the test. A test class that
/// uses a database runs on both: it is abstract with a <c>protected abstract DatabaseProvider Provider</c> passed to every
/// database it creates, and two sealed subclasses, <c>Sqlite…Tests</c> and <c>PostgreSql…Tests</c> (as
/// Data/DataLayerTests.cs; Data/TestClassesOnBothDatabasesTests.cs checks the pair). Only a class about one database by
/// nature (a SQLite file's pragmas, NOTIFY) says so with <see cref="OneDatabaseAttribute"/>. Every database a test
/// creates is checked against its class (<see cref="CheckTestClassRunsOn"/>): no overload picks a provider for it.
/// </summary>
/// <example>
/// <code>
/// await using var database = await TestDatabase.CreateAsync(Provider, TestContext.Current.CancellationToken);
/// var service = database.CreateService();
/// </code>
/// </example>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>2026-03-15 10:00 UTC (11:00 in Paris): the default "now" of every test database.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 3, 15, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The Paris date of <see cref="DefaultNow"/>.</summary>
    public static readonly DateOnly Today = new(2026, 3, 15);

    public const string DefaultUserName = "c.martin";

    private readonly string _folder;
    private readonly string? _serverDatabase;

    /// <summary>An empty database of <paramref name="provider"/> (not migrated).</summary>
    public TestDatabase(DatabaseProvider provider, string userName = DefaultUserName, DateTimeOffset? now = null)
        : this(provider, userName, now, migrated: false)
    {
    }

    private TestDatabase(DatabaseProvider provider, string userName, DateTimeOffset? now, bool migrated)
    {
        CheckTestClassRunsOn(provider);
        Provider = provider;
        _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "relations-usagers-tests", Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(_folder, "relations-usagers.db");
        if (provider == DatabaseProvider.PostgreSql)
            (_serverDatabase, ConnectionString) = PostgresServer.CreateDatabase(migrated);
        else
            ConnectionString = $"Data Source={Path};Pooling=False";
        UserName = userName;
        Clock = new FakeTimeProvider(now ?? DefaultNow);
        Factory = FactoryFor(userName);
    }

    /// <summary>A migrated database of <paramref name="provider"/> with the office's accounts.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, CancellationToken ct = default) =>
        await CreateAsync(provider, DefaultUserName, null, ct);

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string userName, DateTimeOffset? now = null, CancellationToken ct = default)
    {
        // On PostgreSQL the database is cloned from a migrated template; MigrateAsync below then finds nothing to apply.
        var database = new TestDatabase(provider, userName, now, migrated: true);
        try
        {
            await DatabaseSetup.MigrateAsync(database.Factory, ct);
            // The office's accounts the tests give cases to.
            await database.AddUserAsync(DefaultUserName, "Claire Martin", Roles.Officer, ct: ct);
            await database.AddUserAsync("j.roux", "Julien Roux", Roles.Officer, ct: ct);
            await database.AddUserAsync("s.benali", "Sarah Benali", Roles.Manager, ct: ct);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>A portal account with one role (rows as Identity writes them), for assignment and directory tests.</summary>
    public async Task AddUserAsync(string userName, string displayName, string role, bool disabled = false, CancellationToken ct = default)
    {
        await using var db = CreateContext();
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstOrDefaultAsync(ct);
        if (roleId is null)
        {
            roleId = Guid.NewGuid().ToString();
            db.Roles.Add(new IdentityRole(role) { Id = roleId, NormalizedName = role.ToUpperInvariant() });
        }
        var user = new AppUser { UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = displayName, IsDisabled = disabled };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        await db.SaveChangesAsync(ct);
    }

    public DatabaseProvider Provider { get; }

    /// <summary>Full path of the SQLite file (its folder is created by the migration); unused on PostgreSQL.</summary>
    public string Path { get; }

    public string ConnectionString { get; }

    /// <summary>The user of <see cref="Factory"/> and of <see cref="CreateService()"/>.</summary>
    public string UserName { get; }

    /// <summary>Starts at <see cref="DefaultNow"/> unless given another time; never moves on its own.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>Contexts acting as <see cref="UserName"/>.</summary>
    public IDbContextFactory<AppDbContext> Factory { get; }

    /// <summary>Contexts acting as another user, on the same file and clock, with optional extra EF Core interceptors.</summary>
    public IDbContextFactory<AppDbContext> FactoryFor(string userName, params IInterceptor[] interceptors) =>
        new ContextFactory(this, userName, interceptors);

    public CaseValidators CreateValidators() => new(Clock);

    public CaseFileService CreateService() => CreateService(UserName);

    /// <summary>The service as another user (two officers on the same case); interceptors let a test act mid-save.</summary>
    public CaseFileService CreateService(string userName, params IInterceptor[] interceptors) =>
        new(FactoryFor(userName, interceptors), CreateValidators(), Clock);

    /// <summary>A context acting as <paramref name="userName"/> (default: <see cref="UserName"/>); dispose it.</summary>
    public AppDbContext CreateContext(string? userName = null) => Build(userName ?? UserName, []);

    /// <summary>
    /// Makes the database refuse every <paramref name="operation"/> (INSERT, UPDATE) on <paramref name="table"/>, as a
    /// failing disk would, by a trigger named <paramref name="name"/> in the database's own SQL; <see cref="LiftRefusalAsync"/> ends it.
    /// </summary>
    public async Task RefuseAsync(string name, string operation, string table, CancellationToken ct = default)
    {
        await using var db = CreateContext();
        await db.Database.ExecuteSqlRawAsync(Provider == DatabaseProvider.PostgreSql
            ? $"""
               CREATE FUNCTION "{name}"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disque indisponible'; END $$;
               CREATE TRIGGER "{name}" BEFORE {operation} ON "{table}" FOR EACH ROW EXECUTE FUNCTION "{name}"();
               """
            : $"CREATE TRIGGER {name} BEFORE {operation} ON {table} BEGIN SELECT RAISE(ABORT, 'disque indisponible'); END;", ct);
    }

    public async Task LiftRefusalAsync(string name, string table, CancellationToken ct = default)
    {
        await using var db = CreateContext();
        await db.Database.ExecuteSqlRawAsync(Provider == DatabaseProvider.PostgreSql
            ? $"""DROP TRIGGER "{name}" ON "{table}"; DROP FUNCTION "{name}"();"""
            : $"DROP TRIGGER {name};", ct);
    }

    /// <summary>
    /// Raises <paramref name="changes"/>' Changed as the portal does once its save is published: on SQLite the save raises
    /// it itself (nothing to start); on PostgreSQL the save sends a NOTIFY, which the portal's own
    /// <see cref="CaseChangeListener"/>, started here and listening when this returns, raises. Dispose to stop it.
    /// </summary>
    public async Task<IAsyncDisposable> ListenAsync(CaseChanges changes, CancellationToken ct = default)
    {
        if (Provider != DatabaseProvider.PostgreSql)
            return new Listening(null);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Listened(Guid? id)
        {
            if (id is null)
                listening.TrySetResult();
        }
        changes.Changed += Listened;
        var listener = new CaseChangeListener(changes, ConnectionString);
        try
        {
            await listener.StartAsync(ct);
            // Its first change without a case says it is listening; a minute is only a guard against a hang.
            await listening.Task.WaitAsync(TimeSpan.FromMinutes(1), ct);
        }
        catch
        {
            await listener.StopAsync(CancellationToken.None);
            listener.Dispose();
            throw;
        }
        finally
        {
            changes.Changed -= Listened;
        }
        return new Listening(listener);
    }

    private sealed class Listening(CaseChangeListener? listener) : IAsyncDisposable
    {
        /// <summary>Stops the listener once; a second call does nothing.</summary>
        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref listener, null) is not { } running)
                return;
            await running.StopAsync(CancellationToken.None);
            running.Dispose();
        }
    }

    /// <summary>
    /// A test whose class runs on both databases creates its databases on its own <c>Provider</c> alone, and a class
    /// without one says which database it is about (<see cref="OneDatabaseAttribute"/>): otherwise a class converted to
    /// both would still run SQLite twice, or a new class would test SQLite alone, and nothing would tell.
    /// </summary>
    private static void CheckTestClassRunsOn(DatabaseProvider provider)
    {
        // The class as the test runs it, known before its instance exists (IAsyncLifetime.InitializeAsync creates databases
        // too); outside a test (a static model) there is no class to check against.
        if (TestContext.Current.TestClass is not IXunitTestClass { Class: var type })
            return;
        var property = type.GetProperty("Provider", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        if (property?.PropertyType == typeof(DatabaseProvider))
        {
            // Read without running the constructor: a subclass's Provider is a constant.
            var own = (DatabaseProvider)property.GetValue(RuntimeHelpers.GetUninitializedObject(type))!;
            if (own != provider)
                throw new InvalidOperationException(
                    $"{type.Name} runs on {own} but a test created a {provider} database: pass Provider to TestDatabase and QueueFixture.");
            return;
        }
        if (type.GetCustomAttribute<OneDatabaseAttribute>()?.Provider != provider)
            throw new InvalidOperationException(
                $"{type.Name} created a {provider} database without a Provider: make the class abstract with " +
                "'protected abstract DatabaseProvider Provider' and a Sqlite… and a PostgreSql… subclass (as Data/DataLayerTests.cs), " +
                $"or, for a test about {provider} by nature, mark it [OneDatabase(DatabaseProvider.{provider}, \"why\")].");
    }

    public ValueTask DisposeAsync()
    {
        if (_serverDatabase is not null)
        {
            PostgresServer.DropDatabase(_serverDatabase);
            return ValueTask.CompletedTask;
        }
        // Pooling=False: every connection is already closed once its context is disposed.
        try
        {
            if (Directory.Exists(_folder))
                Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A test that leaked a connection must not hide its own result; the OS cleans the temp folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
        return ValueTask.CompletedTask;
    }

    private AppDbContext Build(string userName, IInterceptor[] interceptors)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        CoreServices.Configure(builder, ConnectionString, Provider);
        if (interceptors.Length > 0)
            builder.AddInterceptors(interceptors);
        return new AppDbContext(builder.Options, new FixedCurrentUser(userName), Clock);
    }

    private sealed class ContextFactory(TestDatabase database, string userName, IInterceptor[] interceptors) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => database.Build(userName, interceptors);
    }
}
