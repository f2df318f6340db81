using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RelationsUsagers.Core.Tests.Data;

/// <summary>The SQL a service sends, recorded through its context, and SQLite's plan of it: for the tests that pin an index.</summary>
internal static class QueryPlans
{
    public static string Explain(string sql, List<string> plan) => $"{sql}\n  plan: {string.Join(" / ", plan)}";

    /// <summary>SQLite's EXPLAIN QUERY PLAN of <paramref name="sql"/>, one line per step.</summary>
    public static async Task<List<string>> PlanAsync(TestDatabase database, string sql, List<(string Name, object? Value)> parameters)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            plan.Add(reader.GetString(3));
        return plan;
    }

    /// <summary>Every query sent through the context, with its parameter values.</summary>
    public sealed class CommandRecorder : DbCommandInterceptor
    {
        public List<(string Sql, List<(string Name, object? Value)> Parameters)> Sent { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        private void Record(DbCommand command) =>
            Sent.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
    }
}
