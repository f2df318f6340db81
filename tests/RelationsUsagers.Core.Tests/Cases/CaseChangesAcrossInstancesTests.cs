using Notifications = System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Tests.Cases;

/// <summary>
/// The live refresh of the queue across instances on PostgreSQL (LISTEN/NOTIFY): two service providers on the same
/// database stand for two instances of the portal, each with its <see cref="CaseChangeListener"/> started as the web host
/// starts it.
/// </summary>
[OneDatabase(DatabaseProvider.PostgreSql, "LISTEN/NOTIFY between instances sharing a server: on SQLite one process serves every page.")]
public sealed class CaseChangesAcrossInstancesTests
{
    /// <summary>Only a guard against a hang: a notification arrives within milliseconds, a reconnection within a second.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_case_saved_in_one_instance_raises_Changed_with_its_id_in_the_other_and_once_in_its_own()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql, Ct);
        await using var first = await Instance.StartAsync(database);
        await using var second = await Instance.StartAsync(database);

        var complaint = await first.CreateAsync(TestCases.Complaint());
        var claim = await first.CreateAsync(TestCases.IndemnityClaim());
        var assigned = await first.AssignAsync(complaint, "j.roux");

        // Notifications of one session arrive in commit order: each save is seen once, in either instance.
        Assert.Equal([complaint.Id, claim.Id, assigned.Id], [await second.NextAsync(), await second.NextAsync(), await second.NextAsync()]);
        Assert.Equal([complaint.Id, claim.Id, assigned.Id], [await first.NextAsync(), await first.NextAsync(), await first.NextAsync()]);
    }

    [Fact]
    public async Task The_listener_listens_again_after_its_connection_is_killed_and_open_queues_reload()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql, Ct);
        await using var first = await Instance.StartAsync(database);
        await using var second = await Instance.StartAsync(database);

        Assert.Equal(2, await TerminateListenersAsync(database));

        // Back on the server: what was notified meanwhile is unknown, so each instance raises a change without a case.
        Assert.Null(await second.NextAsync());
        Assert.Null(await first.NextAsync());
        var created = await first.CreateAsync(TestCases.Requisition());
        Assert.Equal(created.Id, await second.NextAsync());
        Assert.Equal(created.Id, await first.NextAsync());
        await using var admin = new NpgsqlConnection(database.ConnectionString);
        await admin.OpenAsync(Ct);
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = @name", admin);
        count.Parameters.AddWithValue("name", CaseChangeListener.ApplicationName);
        Assert.Equal(2L, await count.ExecuteScalarAsync(Ct));
    }

    private static async Task<int> TerminateListenersAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity " +
            "WHERE datname = current_database() AND application_name = @name", connection);
        command.Parameters.AddWithValue("name", CaseChangeListener.ApplicationName);
        return (int)(long)(await command.ExecuteScalarAsync(Ct))!;
    }

    /// <summary>One "instance" of the portal: the Core services as the web app registers them, its hosted services started.</summary>
    private sealed class Instance : IAsyncDisposable
    {
        private readonly ServiceProvider services;
        private readonly Notifications.Channel<Guid?> seen = Notifications.Channel.CreateUnbounded<Guid?>();

        private Instance(TestDatabase database)
        {
            var collection = new ServiceCollection();
            collection.AddSingleton<TimeProvider>(database.Clock);
            collection.AddScoped<ICurrentUser>(_ => new FixedCurrentUser(TestDatabase.DefaultUserName));
            collection.AddCore(database.ConnectionString, provider: DatabaseProvider.PostgreSql);
            services = collection.BuildServiceProvider();
            services.GetRequiredService<CaseChanges>().Changed += id => seen.Writer.TryWrite(id);
        }

        /// <summary>Started and listening: the listener's first change without a case says so.</summary>
        public static async Task<Instance> StartAsync(TestDatabase database)
        {
            var instance = new Instance(database);
            foreach (var hosted in instance.services.GetServices<IHostedService>())
                await hosted.StartAsync(Ct);
            Assert.Null(await instance.NextAsync());
            return instance;
        }

        /// <summary>The next case id this instance's <see cref="CaseChanges.Changed"/> raised (null: some cases).</summary>
        public async Task<Guid?> NextAsync() => await seen.Reader.ReadAsync(Ct).AsTask().WaitAsync(Guard, Ct);

        public async Task<CaseFile> CreateAsync(CaseFile draft)
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<CaseFileService>().CreateAsync(draft, Ct);
        }

        public async Task<CaseFile> AssignAsync(CaseFile file, string userName)
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<CaseFileService>().AssignAsync(file.Id, file.ConcurrencyStamp, userName, Ct);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var hosted in services.GetServices<IHostedService>())
                await hosted.StopAsync(CancellationToken.None);
            await services.DisposeAsync();
        }
    }
}
