using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;
using RelationsUsagers.Core;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Queue;
using static RelationsUsagers.Benchmarks.Measures;

namespace RelationsUsagers.Benchmarks;

/// <summary>
/// The officer's queue on 100,000 seeded cases: each measure times <see cref="CaseQueueService.GetPageAsync"/> as the
/// queue page calls it (the page and the total count), and the same rows fetched with hand-written SQL on plain
/// Microsoft.Data.Sqlite (or Npgsql, with --provider PostgreSql). Prints one line per measure: <c>NAME: median X ms, raw Y ms, ratio Z</c>.
/// Goal: each median ≤ 30 ms and ≤ 3× its raw query.
/// </summary>
/// <remarks>
/// Options: <c>--cases N</c> (default 100000), <c>--runs N</c> (default 30), <c>--plan</c> (prints SQLite's plan of each
/// raw query), <c>--sql</c> (prints the SQL that EF Core sends for each measure), <c>--database PATH</c> (a file kept after the run and reused by the next one instead of a temporary file),
/// <c>--provider PostgreSql --connection "Host=…;Database=…;Username=…"</c> (the same measures on a PostgreSQL database, migrated
/// and seeded unless it already holds cases, and kept; the raw SQL on plain Npgsql, <c>--plan</c> printing EXPLAIN ANALYZE).
/// </remarks>
internal static class QueueBenchmark
{
    private const int DefaultCases = 100_000;
    private const int DefaultRuns = 30;
    private const int WarmUpRuns = 20;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(2);
    private const int PageSize = 25;

    /// <summary>The columns of <see cref="CaseListItem"/>, in its order.</summary>
    private const string Columns =
        "Id, Reference, Kind, Patient_LastName, Patient_FirstName, Requester_Name, Services, ReceivedOn, Status, NextDueOn, AssignedTo, NextDueCode, ClockSuspended, " +
        "WaitingOn, WaitingSince, ReminderDueOn, NextDueLabel, NextDueComputation";

    /// <summary>Open = not closed, refused or abandoned (<see cref="CaseStatusLabels.IsFinal"/>).</summary>
    private static readonly string OpenCase =
        $"Status NOT IN ({(int)CaseStatus.Closed}, {(int)CaseStatus.Refused}, {(int)CaseStatus.Abandoned})";

    /// <summary>Closed = closed, refused or abandoned, as <see cref="CaseQueueService.CountClosedMatchesAsync"/> counts them.</summary>
    private static readonly string ClosedCase =
        $"Status IN ({(int)CaseStatus.Closed}, {(int)CaseStatus.Refused}, {(int)CaseStatus.Abandoned})";

    /// <summary>The search box given letters: the start of a reference, part of the patient's or requester's name (lower-case, accent-free).</summary>
    private const string NameWhere =
        "(Reference LIKE $reference ESCAPE '\\' OR Patient_SearchName LIKE $contains ESCAPE '\\' OR Requester_SearchName LIKE $contains ESCAPE '\\')";

    /// <summary>The search box given digits: part of a reference, of an IPP or of a former reference.</summary>
    private const string NumberWhere =
        "(Reference LIKE $contains ESCAPE '\\' OR Patient_PatientNumber LIKE $contains ESCAPE '\\' OR FormerReference LIKE $contains ESCAPE '\\')";

    /// <summary>The parameters of <see cref="NameWhere"/> and <see cref="NumberWhere"/> (the test texts hold no LIKE wildcard).</summary>
    private static (string Name, object Value)[] SearchParameters(string text) =>
        [("$reference", text.ToUpperInvariant() + "%"), ("$contains", $"%{(text.Any(char.IsAsciiDigit) ? text : TextSearch.Normalize(text))}%")];

    private static async Task<string> FirstPatientNumberAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Dialect(connection,
            $"SELECT Patient_PatientNumber FROM CaseFiles WHERE {OpenCase} AND length(Patient_PatientNumber) >= 8 ORDER BY Reference LIMIT 1");
        return (string)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException("No open case has an IPP."));
    }

    /// <summary>The columns the raw SQL names, which PostgreSQL needs quoted (EF Core created them in mixed case).</summary>
    private static readonly Regex Identifier = new(
        @"\b(CaseFiles|Id|Reference|Kind|Patient_LastName|Patient_FirstName|Requester_Name|Services|ReceivedOn|Status|NextDueOn|AssignedTo|NextDueCode|" +
        @"ClockSuspended|WaitingOn|WaitingSince|ReminderDueOn|NextDueLabel|NextDueComputation|Patient_SearchName|Requester_SearchName|Patient_PatientNumber|" +
        @"FormerReference)\b",
        RegexOptions.CultureInvariant);

    private static readonly Regex Parameter = new(@"\$(\w+)", RegexOptions.CultureInvariant);

    /// <summary>The raw SQL as written for SQLite, or for PostgreSQL: quoted identifiers, <c>@name</c> parameters.</summary>
    private static string Dialect(DbConnection connection, string sql) =>
        connection is NpgsqlConnection ? Parameter.Replace(Identifier.Replace(sql, "\"$1\""), "@$1") : sql;

    private static DbConnection RawConnection(BenchmarkDatabase database) => database.Provider == DatabaseProvider.PostgreSql
        ? new NpgsqlConnection(database.ConnectionString)
        : new SqliteConnection(database.ConnectionString);

    public static async Task RunAsync(string[] args)
    {
        var cases = IntOption(args, "--cases", DefaultCases);
        var runs = IntOption(args, "--runs", DefaultRuns);
        var showPlan = args.Contains("--plan");
        var showSql = args.Contains("--sql");
        var path = StringOption(args, "--database");
        var provider = Enum.Parse<DatabaseProvider>(StringOption(args, "--provider") ?? nameof(DatabaseProvider.Sqlite), ignoreCase: true);
        var connectionString = StringOption(args, "--connection");
        var clock = TimeProvider.System;

        var seeding = Stopwatch.StartNew();
        await using var database = await BenchmarkDatabase.CreateAsync(cases, clock, path, provider, connectionString);
        Console.Error.WriteLine($"Database ready with {cases:N0} cases in {seeding.Elapsed.TotalSeconds:F1} s ({database.FilePath}).");

        var service = new CaseQueueService(database.Factory, clock);
        var today = ParisCalendar.Today(clock);
        const string name = "lefevre";
        // Six digits from the middle of an open case's IPP (a number read from a letter), and a reference's sequence.
        await using var raw = RawConnection(database);
        await raw.OpenAsync();
        var ipp = (await FirstPatientNumberAsync(raw)).Substring(2, 6);
        const string reference = "0042";

        Measure[] measures =
        [
            new("queue-first-page", new QueueFilter(), new PageRequest(0, PageSize, QueueSort.Urgency),
                Where: OpenCase, Parameters: []),
            new("queue-kind-overdue", new QueueFilter { Kind = CaseKind.AccessRequest, OverdueOnly = true }, new PageRequest(0, PageSize, QueueSort.Urgency),
                Where: $"{OpenCase} AND Kind = {(int)CaseKind.AccessRequest} AND NextDueOn < $today", Parameters: [("$today", today)]),
            new("queue-name-search", new QueueFilter { Search = name }, new PageRequest(0, PageSize, QueueSort.Urgency),
                Where: $"{OpenCase} AND {NameWhere}", Parameters: SearchParameters(name)),
            new("queue-ipp-search", new QueueFilter { Search = ipp }, new PageRequest(0, PageSize, QueueSort.Urgency),
                Where: $"{OpenCase} AND {NumberWhere}", Parameters: SearchParameters(ipp)),
            new("queue-reference-search", new QueueFilter { Search = reference }, new PageRequest(0, PageSize, QueueSort.Urgency),
                Where: $"{OpenCase} AND {NumberWhere}", Parameters: SearchParameters(reference)),
            new("queue-closed-count", new QueueFilter { Search = name }, new PageRequest(0, PageSize, QueueSort.Urgency),
                Where: $"{ClosedCase} AND {NameWhere}", Parameters: SearchParameters(name), ClosedCount: true),
        ];

        foreach (var measure in measures)
        {
            if (showPlan)
                await PrintPlanAsync(raw, measure);
            if (showSql)
            {
                Console.Error.WriteLine($"{measure.Name}, as sent by EF Core:");
                await CallAsync(new CaseQueueService(database.LoggingFactory, clock), measure);
            }
            await CheckSameRowsAsync(service, raw, measure);

            // Warm-up long enough for the JIT to finish its optimised tier and for the pages to be in SQLite's cache.
            var warmUp = Stopwatch.StartNew();
            for (var i = 0; i < WarmUpRuns || warmUp.Elapsed < WarmUpTime; i++)
            {
                await CallAsync(service, measure);
                await RawAsync(raw, measure);
            }
            // Alternating the two keeps both under the same conditions (cache, CPU frequency, GC).
            var serviceTimes = new double[runs];
            var rawTimes = new double[runs];
            var measuring = Stopwatch.StartNew();
            var processorTime = ProcessorTime();
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                await CallAsync(service, measure);
                serviceTimes[i] = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                await RawAsync(raw, measure);
                rawTimes[i] = watch.Elapsed.TotalMilliseconds;
            }
            var median = Median(serviceTimes);
            var rawMedian = Median(rawTimes);
            var busy = (ProcessorTime() - processorTime).TotalMilliseconds / measuring.Elapsed.TotalMilliseconds;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{measure.Name}: service p10 {Percentile(serviceTimes, 10):F2} p90 {Percentile(serviceTimes, 90):F2} ms, raw p10 {Percentile(rawTimes, 10):F2} p90 {Percentile(rawTimes, 90):F2} ms ({runs} runs); processor time {busy:P0} of the elapsed time, load average {LoadAverage()}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{measure.Name}: median {median:F2} ms, raw {rawMedian:F2} ms, ratio {median / rawMedian:F2}"));
        }
    }

    /// <param name="ClosedCount">
    /// Times <see cref="CaseQueueService.CountClosedMatchesAsync"/> (the closed cases that the filter would find, asked
    /// when no open case matches) against one COUNT, instead of the page.
    /// </param>
    private sealed record Measure(string Name, QueueFilter Filter, PageRequest Page, string Where, (string Name, object Value)[] Parameters,
        bool ClosedCount = false)
    {
        public string CountSql => $"SELECT COUNT(*) FROM CaseFiles WHERE {Where}";

        /// <summary>The page's total, counted up to one past the cap (<see cref="CaseQueueService.DefaultCountCap"/>, first page).</summary>
        public string CappedCountSql =>
            $"SELECT COUNT(*) FROM (SELECT 1 FROM CaseFiles WHERE {Where} LIMIT {CaseQueueService.DefaultCountCap + 1}) AS capped";

        /// <summary>Urgency order, first part: the dated cases by deadline, then reference, each row with the total.</summary>
        public string DatedSql(int skip, int take) =>
            $"SELECT {Columns}, ({CappedCountSql}) FROM CaseFiles WHERE {Where} AND NextDueOn IS NOT NULL ORDER BY NextDueOn, Reference LIMIT {take} OFFSET {skip}";

        public string DatedCountSql => $"{CountSql} AND NextDueOn IS NOT NULL";

        /// <summary>Urgency order, second part: the undated cases by reference.</summary>
        public string UndatedSql(int skip, int take) =>
            $"SELECT {Columns} FROM CaseFiles WHERE {Where} AND NextDueOn IS NULL ORDER BY Reference LIMIT {take} OFFSET {skip}";
    }

    private static async Task<(int Total, List<CaseListItem> Items)> CallAsync(CaseQueueService service, Measure measure)
    {
        if (measure.ClosedCount)
            return (await service.CountClosedMatchesAsync(measure.Filter), []);
        var page = await service.GetPageAsync(measure.Filter, measure.Page);
        return (page.TotalCount, [.. page.Items]);
    }

    private static async Task<(int Total, List<CaseListItem> Items)> RawAsync(DbConnection connection, Measure measure) =>
        measure.ClosedCount ? (await ScalarAsync(connection, measure.CountSql, measure), []) : await RawPageAsync(connection, measure);

    /// <summary>
    /// The hand-written equivalent of the service call, statement for statement: the page in urgency order read as its
    /// dated part, with the total alongside (counted apart when the page is empty) and, only when the page reaches past
    /// it, its undated part; each row read into the same <see cref="CaseListItem"/> as the service's.
    /// </summary>
    private static async Task<(int Total, List<CaseListItem> Items)> RawPageAsync(DbConnection connection, Measure measure)
    {
        var (skip, size) = (measure.Page.Skip, measure.Page.PageSize);
        var items = new List<CaseListItem>(size);
        var counted = await ReadAsync(connection, measure.DatedSql(skip, size), measure, items)
            ?? await ScalarAsync(connection, measure.CappedCountSql, measure);
        var total = Math.Min(counted, CaseQueueService.DefaultCountCap);
        if (items.Count < size && skip + items.Count < total)
        {
            var datedCount = items.Count > 0 || skip == 0 ? skip + items.Count : await ScalarAsync(connection, measure.DatedCountSql, measure);
            await ReadAsync(connection, measure.UndatedSql(Math.Max(0, skip - datedCount), size - items.Count), measure, items);
        }
        return (total, items);
    }

    private static async Task<int> ScalarAsync(DbConnection connection, string sql, Measure measure)
    {
        await using var command = Command(connection, sql, measure);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Reads the page into the same objects as the service returns (dates and the services' JSON parsed); returns the
    /// total of a 19th column, if the query has one and returned a row.
    /// </summary>
    private static async Task<int?> ReadAsync(DbConnection connection, string sql, Measure measure, List<CaseListItem> items)
    {
        await using var command = Command(connection, sql, measure);
        await using var reader = await command.ExecuteReaderAsync();
        int? total = null;
        while (await reader.ReadAsync())
        {
            items.Add(new CaseListItem(
                reader.GetGuid(0), reader.GetString(1), (CaseKind)reader.GetInt32(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetValue(6) is string[] services ? [.. services] : JsonSerializer.Deserialize<List<string>>(reader.GetString(6)) ?? [],
                reader.GetFieldValue<DateOnly>(7), (CaseStatus)reader.GetInt32(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateOnly>(9),
                reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.GetBoolean(12),
                reader.IsDBNull(13) ? null : (Actor)reader.GetInt32(13),
                reader.IsDBNull(14) ? null : reader.GetFieldValue<DateOnly>(14),
                reader.IsDBNull(15) ? null : reader.GetFieldValue<DateOnly>(15),
                reader.IsDBNull(16) ? null : reader.GetString(16),
                reader.IsDBNull(17) ? null : reader.GetString(17)));
            if (reader.FieldCount > 18)
                total = Convert.ToInt32(reader.GetValue(18), CultureInfo.InvariantCulture);
        }
        return total;
    }

    private static DbCommand Command(DbConnection connection, string sql, Measure measure)
    {
        var command = connection.CreateCommand();
        command.CommandText = Dialect(connection, sql);
        foreach (var (name, value) in measure.Parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = connection is NpgsqlConnection ? name.TrimStart('$') : name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>A benchmark that compares different rows proves nothing: stop if the raw SQL and the service disagree.</summary>
    private static async Task CheckSameRowsAsync(CaseQueueService service, DbConnection raw, Measure measure)
    {
        var (serviceTotal, serviceItems) = await CallAsync(service, measure);
        var (total, items) = await RawAsync(raw, measure);
        var ids = items.Select(i => i.Id).ToList();
        if (serviceTotal != total || !serviceItems.Select(i => i.Id).SequenceEqual(ids))
            throw new InvalidOperationException(
                $"{measure.Name}: the service returned {serviceTotal} cases ({serviceItems.Count} on the page), the raw SQL {total} ({ids.Count}), or another order.");
        if (total == 0 || (!measure.ClosedCount && serviceItems.Count == 0))
            throw new InvalidOperationException($"{measure.Name}: nothing matches; the measure would time nothing.");
        Console.Error.WriteLine($"{measure.Name}: {total:N0} matching cases.");
    }

    private static async Task PrintPlanAsync(DbConnection connection, Measure measure)
    {
        string[] statements = measure.ClosedCount ? [measure.CountSql] : [measure.DatedSql(measure.Page.Skip, measure.Page.PageSize), measure.UndatedSql(0, measure.Page.PageSize)];
        foreach (var sql in statements)
        {
            Console.Error.WriteLine($"{measure.Name}: {sql}");
            var postgres = connection is NpgsqlConnection;
            await using var command = Command(connection, (postgres ? "EXPLAIN ANALYZE " : "EXPLAIN QUERY PLAN ") + sql, measure);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                Console.Error.WriteLine($"    {reader.GetString(postgres ? 0 : 3)}");
        }
    }
}
