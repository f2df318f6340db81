using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace RelationsUsagers.Core.Cases;

/// <summary>
/// On PostgreSQL, each instance of the portal holds one dedicated connection that LISTENs on
/// <see cref="CaseChanges.Channel"/> and raises <see cref="CaseChanges.Changed"/> here for every notification, its
/// own instance's included. A lost connection (server restart, network, a terminated backend) is opened again after a
/// back-off (1 s, doubling up to 30 s); once listening again it raises a change without a case, because what was
/// notified in between is unknown and open queues must reload.
/// </summary>
public sealed class CaseChangeListener(CaseChanges changes, string connectionString, ILogger<CaseChangeListener>? logger = null)
    : BackgroundService
{
    /// <summary>The application name of the dedicated connection, as pg_stat_activity shows it.</summary>
    public const string ApplicationName = "RelationsUsagers listener";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    private readonly ILogger logger = logger ?? NullLogger<CaseChangeListener>.Instance;

    private readonly string connectionString = new NpgsqlConnectionStringBuilder(connectionString)
    {
        // Its own physical connection, never returned to a pool with a LISTEN on it; keepalive finds a silent loss.
        Pooling = false, KeepAlive = 30, ApplicationName = ApplicationName,
    }.ToString();

    /// <summary>The wait before the next attempt: reset once listening, doubled after each failed attempt.</summary>
    private TimeSpan retry = FirstRetry;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
            {
                // The exception's type only: its message may name the server; nothing of a case is ever in it.
                logger.LogWarning("Live refresh across instances: connection lost ({Error}), listening again in {Delay} s.",
                    ex.GetType().Name, retry.TotalSeconds);
            }
            try
            {
                await Task.Delay(retry, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        connection.Notification += (_, e) => changes.Raise(CaseChanges.ParsePayload(e.Payload));
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"LISTEN {CaseChanges.Channel}";
            await command.ExecuteNonQueryAsync(ct);
        }
        retry = FirstRetry;
        changes.Raise(null);
        while (true)
            await connection.WaitAsync(ct);
    }
}
