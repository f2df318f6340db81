using System.Data.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Data.DemoSeed;
using RelationsUsagers.Core.FunctionalProtection;
using RelationsUsagers.Core.Queue;
using RelationsUsagers.Core.Requisitions;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Tests.Data;

/// <summary>
/// The data layer on each database the portal runs on (Database:Provider): the same tests, once on a SQLite file
/// (<see cref="SqliteDataLayerTests"/>) and once on a PostgreSQL server (<see cref="PostgreSqlDataLayerTests"/>, see
/// <see cref="PostgresServer"/>): migrations from empty, storage of every kind, money and dates, references under
/// concurrent creation, the append-only audit, the queue's raw SQL and indexes, demo seeding, data-protection keys.
/// </summary>
public abstract class DataLayerTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<TestDatabase> CreateAsync() => TestDatabase.CreateAsync(Provider, Ct);

    [Fact]
    public async Task Migrating_an_empty_database_applies_every_migration_and_creates_the_tables_indexes_and_triggers()
    {
        await using var database = new TestDatabase(Provider);

        var created = await DatabaseSetup.MigrateAsync(database.Factory, Ct);

        Assert.True(created);
        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
        var tables = await StringsAsync(db, Provider == DatabaseProvider.PostgreSql
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            : "SELECT name FROM sqlite_master WHERE type = 'table'");
        Assert.Superset(
            new HashSet<string>
            {
                "CaseFiles", "CaseEvents", "CaseDocuments", "AuditEntries", "ReferenceCounters", "ClockSuspensions", "DelaySettings",
                "CduMembers", "MediationAppointments", "LedgerEntries", "DataProtectionKeys", "AspNetUsers", "__EFMigrationsHistory",
            },
            tables.ToHashSet());
        var indexes = await StringsAsync(db, Provider == DatabaseProvider.PostgreSql
            ? "SELECT indexname FROM pg_indexes WHERE tablename = 'CaseFiles'"
            : "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'CaseFiles'");
        Assert.Superset(
            new HashSet<string>
            {
                CaseFileConfiguration.OpenQueueIndex, CaseFileConfiguration.OpenQueueKindIndex, CaseFileConfiguration.ClosedSearchIndex,
                CaseFileConfiguration.PatientNumberIndex, CaseFileConfiguration.PatientNameIndex,
            },
            indexes.ToHashSet());
        // QueueSearchIndexes: PostgreSQL's trigram and undated indexes; SQLite's migration of the same name adds nothing.
        string[] postgresOnly = [CaseFileConfiguration.OpenSearchTrigramIndex, CaseFileConfiguration.ClosedSearchTrigramIndex, CaseFileConfiguration.OpenUndatedIndex];
        if (Provider == DatabaseProvider.PostgreSql)
            Assert.Superset(postgresOnly.ToHashSet(), indexes.ToHashSet());
        else
            Assert.Empty(postgresOnly.Intersect(indexes));
        var auditTriggers = await StringsAsync(db, Provider == DatabaseProvider.PostgreSql
            ? """SELECT tgname FROM pg_trigger WHERE tgrelid = '"AuditEntries"'::regclass AND NOT tgisinternal"""
            : "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'AuditEntries'");
        Assert.Contains("AuditEntries_NoUpdate", auditTriggers);
        Assert.Contains("AuditEntries_NoDelete", auditTriggers);
        // A second start finds nothing to do.
        Assert.False(await DatabaseSetup.MigrateAsync(database.Factory, Ct));
    }

    [Fact]
    public async Task Every_kind_is_stored_and_read_back_with_its_own_fields()
    {
        await using var database = await CreateAsync();
        var service = database.CreateService();
        var ids = new Dictionary<CaseKind, Guid>();
        foreach (var kind in CaseKinds.All.Select(k => k.Kind))
            ids[kind] = (await service.CreateAsync(TestCases.Of(kind), Ct)).Id;

        await using var db = database.CreateContext();
        var read = await db.CaseFiles.AsNoTracking().Include(c => c.Events).ToDictionaryAsync(c => c.Id, Ct);
        Assert.Equal(ids.Count, read.Count);
        foreach (var (kind, id) in ids)
        {
            var file = read[id];
            var draft = TestCases.Of(kind);
            Assert.Equal(kind, file.Kind);
            Assert.Equal(draft.GetType(), file.GetType());
            Assert.Equal(draft.ReceivedOn, file.ReceivedOn);
            Assert.Equal(draft.Patient.LastName, file.Patient.LastName);
            Assert.Equal(draft.Patient.BirthDate, file.Patient.BirthDate);
            Assert.Equal(draft.Requester.Name, file.Requester.Name);
            Assert.Equal(draft.Services, file.Services);
            Assert.Equal(TestDatabase.DefaultNow.UtcDateTime, file.CreatedAtUtc);
            Assert.Equal(TestDatabase.DefaultUserName, file.CreatedBy);
        }
        var request = Assert.IsType<AccessRequest>(read[ids[CaseKind.AccessRequest]]);
        Assert.Equal([ProofKind.IdentityDocument], request.ProofsReceived);
        Assert.Equal("700123456", request.Patient.PatientNumber);
        var complaint = Assert.IsType<Complaint>(read[ids[CaseKind.Complaint]]);
        Assert.Equal([ComplaintMotive.WaitingTimes, ComplaintMotive.Information], complaint.Motives);
        Assert.Equal(new DateOnly(2026, 2, 27), complaint.FactsOn);
        var claim = Assert.IsType<IndemnityClaim>(read[ids[CaseKind.IndemnityClaim]]);
        Assert.Equal(4_500_000, claim.ClaimedAmountCents);
        var requisition = Assert.IsType<Requisition>(read[ids[CaseKind.Requisition]]);
        Assert.Equal("Heures d'entrée et de sortie aux urgences le 28/02/2026", Assert.Single(requisition.Items).Description);
        Assert.Equal(new DateOnly(2026, 3, 20), requisition.DueOn);
        var protection = Assert.IsType<ProtectionCase>(read[ids[CaseKind.FunctionalProtection]]);
        Assert.Single(protection.Beneficiaries);
        Assert.Contains(protection.Events, e => e.Type == ProtectionKind.ReasonsRequested && e.OccurredOn == new DateOnly(2026, 3, 5));
    }

    [Fact]
    public async Task Money_stays_whole_cents_and_dates_keep_their_types()
    {
        await using var database = await CreateAsync();
        var claim = TestCases.IndemnityClaim();
        claim.ClaimedAmountCents = 123_456_789_012; // beyond 32 bits: 1 234 567 890,12 €
        var created = await database.CreateService().CreateAsync(claim, Ct);
        // An instant built without a kind (as demo data and imports build them) is the same UTC instant once read back.
        var unspecified = new DateTime(2026, 3, 15, 23, 30, 0, DateTimeKind.Unspecified);
        await using (var db = database.CreateContext())
        {
            db.DatabaseFacts.Add(new DatabaseFact { Key = "test-instant", Value = "1", RecordedAtUtc = unspecified });
            await db.SaveChangesAsync(Ct);
        }

        await using var read = database.CreateContext();
        var stored = await read.IndemnityClaims.AsNoTracking().SingleAsync(c => c.Id == created.Id, Ct);
        Assert.Equal(123_456_789_012, stored.ClaimedAmountCents);
        Assert.Equal(TestCases.ReceivedOn, stored.ReceivedOn);
        var fact = await read.DatabaseFacts.AsNoTracking().SingleAsync(f => f.Key == "test-instant", Ct);
        Assert.Equal(unspecified.Ticks, fact.RecordedAtUtc.Ticks);
        // Compared in SQL, the instant is found by a UTC bound on both databases.
        Assert.True(await read.DatabaseFacts.AnyAsync(f => f.Key == "test-instant" && f.RecordedAtUtc > new DateTime(2026, 3, 15, 23, 0, 0, DateTimeKind.Utc), Ct));

        var types = await ColumnTypesAsync(read, ("CaseFiles", "ClaimedAmountCents"), ("LedgerEntries", "AmountCents"), ("CaseFiles", "ReceivedOn"),
            ("AuditEntries", "AtUtc"), ("CaseFiles", "Services"), ("CaseEvents", "Corrections"));
        if (Provider == DatabaseProvider.PostgreSql)
            Assert.Equal(["bigint", "bigint", "date", "timestamp with time zone", "ARRAY", "jsonb"], types);
        else
            Assert.Equal(["INTEGER", "INTEGER", "TEXT", "TEXT", "TEXT", "TEXT"], types);
    }

    [Fact]
    public async Task Cases_created_in_parallel_never_share_a_reference()
    {
        await using var database = await CreateAsync();
        const int count = 24;

        var created = await Task.WhenAll(Enumerable.Range(0, count).Select(_ =>
            Task.Run(() => database.CreateService().CreateAsync(TestCases.AccessRequest(), Ct), Ct)));

        var expected = Enumerable.Range(1, count).Select(n => $"DAD-2026-{n:D5}").ToList();
        Assert.Equal(expected, created.Select(c => c.Reference).Order(StringComparer.Ordinal));
        await using var db = database.CreateContext();
        Assert.Equal(count, (await db.ReferenceCounters.SingleAsync(r => r.Kind == CaseKind.AccessRequest && r.Year == 2026, Ct)).LastValue);
        // Every creation wrote its audit line into one unbroken chain.
        var chain = await new AuditService(database.Factory).VerifyChainAsync(Ct);
        Assert.True(chain.IsWhole);
        Assert.Equal(count, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.Created, Ct));
    }

    [Fact]
    public async Task The_audit_trail_refuses_update_and_delete()
    {
        await using var database = await CreateAsync();
        await database.CreateService().CreateAsync(TestCases.Complaint(), Ct);
        await using var db = database.CreateContext();
        var before = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.NotEmpty(before);

        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("""UPDATE "AuditEntries" SET "Action" = 'forged'""", Ct));
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEntries" """, Ct));

        var after = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.Equal(before.Select(a => (a.Id, a.Action, a.Hash)), after.Select(a => (a.Id, a.Action, a.Hash)));
        Assert.True((await new AuditService(database.Factory).VerifyChainAsync(Ct)).IsWhole);
    }

    [Fact]
    public async Task The_queue_searches_references_regardless_of_case_names_without_accents_and_lists_the_services()
    {
        await using var database = await CreateAsync();
        var service = database.CreateService();
        var request = await service.CreateAsync(TestCases.AccessRequest(), Ct);
        var complaint = await service.CreateAsync(TestCases.Complaint(), Ct);
        await service.CreateAsync(TestCases.IndemnityClaim(), Ct);
        var queue = new CaseQueueService(database.Factory, database.Clock);

        async Task<List<string>> Search(string text) =>
            [.. (await queue.GetPageAsync(new QueueFilter { Search = text }, new PageRequest(0, 50), Ct)).Items.Select(i => i.Reference)];

        Assert.Equal([request.Reference], await Search("dad-2026"));
        Assert.Equal([request.Reference], await Search("700123"));
        Assert.Equal([request.Reference], await Search("LEFEVRE"));
        Assert.Equal([complaint.Reference], await Search("ménard"));
        Assert.Equal([complaint.Reference], await Search("plt"));
        Assert.Equal(["Cardiologie", "Orthopédie", "Urgences"], await queue.GetServicesAsync(Ct));
        Assert.Equal([complaint.Reference], [.. (await queue.GetPageAsync(new QueueFilter { Service = "Urgences" }, new PageRequest(0, 50), Ct)).Items.Select(i => i.Reference)]);
    }

    [Fact]
    public async Task The_queue_counts_up_to_its_cap_and_says_when_more_cases_match()
    {
        await using var database = await CreateAsync();
        var service = database.CreateService();
        for (var i = 0; i < 4; i++)
            await service.CreateAsync(TestCases.AccessRequest(), Ct);
        var capped = new CaseQueueService(database.Factory, database.Clock) { CountCap = 3 };

        var first = await capped.GetPageAsync(new QueueFilter(), new PageRequest(0, 2), Ct);
        var exact = await capped.GetPageAsync(new QueueFilter { Search = "0004" }, new PageRequest(0, 2), Ct);
        var empty = await capped.GetPageAsync(new QueueFilter(), new PageRequest(5, 2), Ct);

        Assert.Equal((3, true, 2), (first.TotalCount, first.MoreThanTotal, first.Items.Count));
        Assert.Equal((1, false, "DAD-2026-00004"), (exact.TotalCount, exact.MoreThanTotal, Assert.Single(exact.Items).Reference));
        // A page past every case still counts them, without a row to carry the count (skip 10: counted up to 12).
        Assert.Equal((4, false, 0), (empty.TotalCount, empty.MoreThanTotal, empty.Items.Count));
    }

    [Fact]
    public async Task The_open_queue_is_read_from_its_partial_index()
    {
        await using var database = await CreateAsync();
        var recorder = new QueryPlans.CommandRecorder();
        var queue = new CaseQueueService(database.FactoryFor(database.UserName, recorder), database.Clock);
        var service = database.CreateService();
        for (var i = 0; i < 5; i++)
            await service.CreateAsync(TestCases.AccessRequest(), Ct);

        // PostgreSQL reads a search from its trigram index (QueueSearchIndexes, see PostgreSqlDataLayerTests): there the
        // open queue itself is read from the partial index.
        var search = Provider == DatabaseProvider.PostgreSql ? null : "0004";
        var page = await queue.GetPageAsync(new QueueFilter { Search = search }, new PageRequest(0, 25), Ct);

        Assert.Equal(search is null ? 5 : 1, page.Items.Count);
        Assert.Equal("DAD-2026-00004", page.Items[search is null ? 3 : 0].Reference);
        var (sql, parameters) = recorder.Sent.First(c => c.Sql.Contains("\"CaseFiles\"", StringComparison.Ordinal));
        var plan = Provider == DatabaseProvider.PostgreSql
            ? await PostgresPlanAsync(database, sql, parameters)
            : await QueryPlans.PlanAsync(database, sql, parameters);
        Assert.True(plan.Any(line => line.Contains(CaseFileConfiguration.OpenQueueIndex, StringComparison.Ordinal)), QueryPlans.Explain(sql, plan));
    }

    [Fact]
    public async Task The_demo_data_is_seeded_and_fills_the_queue()
    {
        await using var database = await CreateAsync();

        var seeded = await DemoCaseSeeder.SeedAsync(database.Factory, 60, database.Clock, Ct);
        await Core.Cdu.CduDemoSeeder.SeedAsync(database.Factory, database.Clock, Ct);
        await Core.Expressions.ExpressionDemoSeeder.SeedAsync(database.Factory, TestDatabase.Today, ct: Ct);
        await ProtectionDemoSeeder.SeedAsync(database.Factory, database.Clock, Ct);
        await Core.Insurance.InsuranceDemoSeeder.SeedAsync(database.Factory, TestDatabase.Today, Ct);

        Assert.Equal(60, seeded);
        Assert.Equal(0, await DemoCaseSeeder.SeedAsync(database.Factory, 60, database.Clock, Ct));
        var queue = new CaseQueueService(database.Factory, database.Clock);
        var page = await queue.GetPageAsync(new QueueFilter(), new PageRequest(0, 25), Ct);
        Assert.NotEmpty(page.Items);
        await using var db = database.CreateContext();
        Assert.True(await db.CaseEvents.CountAsync(Ct) > 60);
        Assert.True(await db.CduMembers.AnyAsync(Ct));
        Assert.True(await db.LedgerEntries.AnyAsync(Ct));
    }

    [Fact]
    public async Task Demo_seeding_at_scale_writes_every_case_and_event_which_the_queue_reads_and_the_audit_chain_stays_whole()
    {
        await using var database = await CreateAsync();
        const int count = 3_000;
        var expected = new DemoCaseGenerator(database.Clock.GetUtcNow()).Generate(count);

        // On PostgreSQL, the binary COPY path; on SQLite, the prepared inserts.
        var seeded = await DemoCaseSeeder.SeedAsync(database.Factory, count, database.Clock, Ct);

        Assert.Equal(count, seeded);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(expected.Cases.Select(c => c.Reference).Order(StringComparer.Ordinal),
                (await db.CaseFiles.Select(c => c.Reference).ToListAsync(Ct)).Order(StringComparer.Ordinal));
            var events = expected.Cases.SelectMany(c => c.Events).ToList();
            Assert.Equal(events.Select(e => (e.Id, e.CaseFileId)).Order(), (await db.CaseEvents.Select(e => new { e.Id, e.CaseFileId }).ToListAsync(Ct)).Select(e => (e.Id, e.CaseFileId)).Order());
            foreach (var ((kind, year), last) in expected.LastValues)
                Assert.Equal(last, (await db.ReferenceCounters.SingleAsync(r => r.Kind == kind && r.Year == year, Ct)).LastValue);
            // Every kind read back whole through EF: its own columns, services, JSON and enum lists as generated.
            foreach (var generated in expected.Cases.GroupBy(c => c.Kind).Select(g => g.Last()))
            {
                var read = await db.CaseFiles.AsNoTracking().Include(c => c.Events).SingleAsync(c => c.Id == generated.Id, Ct);
                Assert.Equal(generated.GetType(), read.GetType());
                Assert.Equal((generated.Reference, generated.Status, generated.ReceivedOn, generated.Patient.LastName, generated.Patient.BirthDate),
                    (read.Reference, read.Status, read.ReceivedOn, read.Patient.LastName, read.Patient.BirthDate));
                Assert.Equal(generated.Services, read.Services);
                Assert.Equal(generated.Events.Select(e => (e.Id, e.OccurredOn, e.Type, e.Corrections.Count)).Order(),
                    read.Events.Select(e => (e.Id, e.OccurredOn, e.Type, e.Corrections.Count)).Order());
            }
        }
        var queue = new CaseQueueService(database.Factory, database.Clock);
        var page = await queue.GetPageAsync(new QueueFilter(), new PageRequest(0, 25), Ct);
        Assert.Equal(expected.Cases.Count(c => c.IsOpen), page.TotalCount);
        Assert.Equal(25, page.Items.Count);
        var open = expected.Cases.Last(c => c.IsOpen);
        var found = await queue.GetPageAsync(new QueueFilter { Search = open.Reference }, new PageRequest(0, 25), Ct);
        Assert.Equal([open.Id], found.Items.Select(i => i.Id));
        // A case created afterwards continues its counter, and its audit line (and the search's) extend one whole chain.
        var created = await database.CreateService().CreateAsync(TestCases.AccessRequest(), Ct);
        Assert.Equal($"DAD-2026-{expected.LastValues[(CaseKind.AccessRequest, 2026)] + 1:D5}", created.Reference);
        var chain = await new AuditService(database.Factory).VerifyChainAsync(Ct);
        Assert.True(chain.IsWhole);
        await using var check = database.CreateContext();
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == AuditActions.QueueSearched, Ct));
    }

    [Fact]
    public async Task A_dashboard_is_imported_by_prepared_inserts_and_its_requests_are_read_back_as_one_snapshot()
    {
        await using var database = await CreateAsync();
        var importer = new Core.AccessRequests.Import.AccessDashboardImporter(database.Factory, database.Clock);
        var sample = Path.Combine(AppContext.BaseDirectory, "AccessRequests", "Import", "suivi-demandes-dossiers-2025.xlsx");
        async Task<Core.Imports.ImportPreview<Core.AccessRequests.Import.DashboardField, Core.AccessRequests.Import.DashboardEntry>> PreviewAsync()
        {
            await using var file = File.OpenRead(sample);
            return await importer.ReadAsync(file, "suivi-demandes-dossiers-2025.xlsx", null, Ct);
        }

        var result = await importer.ImportAsync(await PreviewAsync(), Ct);
        var again = await importer.ImportAsync(await PreviewAsync(), Ct);

        Assert.Equal((57, 0), (result.Imported, again.Imported));
        Assert.Equal(57, again.SkippedDuplicates);
        var tracking = new Core.AccessRequests.Tracking.AccessRequestTrackingService(database.Factory, database.Clock);
        await using var rows = await tracking.OpenAsync(new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31), null, Ct);
        var first = new List<string>();
        await foreach (var row in rows.ReadAsync(Ct))
            first.Add(row.Reference);
        // Something written meanwhile is not in the second pass of the same reading.
        await database.CreateService().CreateAsync(TestCases.AccessRequest(new DateOnly(2025, 6, 2)), Ct);
        var second = new List<string>();
        await foreach (var row in rows.ReadAsync(Ct))
            second.Add(row.Reference);
        Assert.Equal(57, first.Count);
        Assert.Equal(first, second);
        Assert.Equal(57, first.Distinct().Count());
        Assert.True((await new AuditService(database.Factory).VerifyChainAsync(Ct)).IsWhole);
    }

    [Fact]
    public async Task A_cookie_protected_by_one_instance_is_read_by_another_on_the_same_database()
    {
        await using var database = await CreateAsync();
        using var first = Instance(database);
        using var second = Instance(database);

        var protectedText = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Protect("c.martin");

        Assert.Equal("c.martin", second.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Unprotect(protectedText));
        await using var db = database.CreateContext();
        Assert.Single(await db.DataProtectionKeys.ToListAsync(Ct));
    }

    /// <summary>The services of one portal instance as far as data protection goes (WebServices registers the same).</summary>
    private ServiceProvider Instance(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ICurrentUser>(new FixedCurrentUser("système"));
        services.AddSingleton<TimeProvider>(database.Clock);
        services.AddDbContext<AppDbContext>(o => CoreServices.Configure(o, database.ConnectionString, Provider));
        services.AddDataProtection().SetApplicationName("RelationsUsagers").PersistKeysToDbContext<AppDbContext>();
        return services.BuildServiceProvider();
    }

    private static async Task<List<string>> StringsAsync(AppDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
            values.Add(reader.GetString(0));
        return values;
    }

    private async Task<List<string>> ColumnTypesAsync(AppDbContext db, params (string Table, string Column)[] columns)
    {
        var types = new List<string>();
        foreach (var (table, column) in columns)
        {
            var sql = Provider == DatabaseProvider.PostgreSql
                ? $"SELECT data_type FROM information_schema.columns WHERE table_name = '{table}' AND column_name = '{column}'"
                : $"SELECT type FROM pragma_table_info('{table}') WHERE name = '{column}'";
            types.Add(Assert.Single(await StringsAsync(db, sql)));
        }
        return types;
    }

    /// <summary>PostgreSQL's plan of the query, with sequential scans discouraged: on a few rows a scan is always cheaper,
    /// so the question is whether the partial index can serve the query at all (its WHERE implied by the query's).
    /// <paramref name="withoutQueueBTrees"/>: the queue's B-trees dropped for the plan (then rolled back), which on a few
    /// rows any search may read whole; at a million cases the trigram indexes win on cost (README, Benchmarks).</summary>
    private protected static async Task<List<string>> PostgresPlanAsync(TestDatabase database, string sql, List<(string Name, object? Value)> parameters,
        bool withoutQueueBTrees = false)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        var setup = "SET LOCAL enable_seqscan = off;";
        if (withoutQueueBTrees)
            setup += $"DROP INDEX \"{CaseFileConfiguration.OpenQueueIndex}\", \"{CaseFileConfiguration.OpenQueueKindIndex}\", \"{CaseFileConfiguration.ClosedSearchIndex}\", \"IX_CaseFiles_Status_NextDueOn\";";
        await using (var off = new Npgsql.NpgsqlCommand(setup, connection, transaction))
            await off.ExecuteNonQueryAsync(Ct);
        await using var command = new Npgsql.NpgsqlCommand("EXPLAIN " + sql, connection, transaction);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name.TrimStart('@'), value ?? DBNull.Value);
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
            plan.Add(reader.GetString(0));
        return plan;
    }
}

public sealed class SqliteDataLayerTests : DataLayerTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlDataLayerTests : DataLayerTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_search_box_and_the_closed_count_are_read_from_the_trigram_indexes_and_the_statistics_exist()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql, Ct);
        await database.CreateService().CreateAsync(TestCases.AccessRequest(), Ct); // Hélène Lefèvre, DAD-2026-00001
        var recorder = new QueryPlans.CommandRecorder();
        var queue = new CaseQueueService(database.FactoryFor(database.UserName, recorder), database.Clock);
        (string Sql, List<(string Name, object? Value)> Parameters) Sent()
        {
            var sent = recorder.Sent.First(c => c.Sql.Contains("\"CaseFiles\"", StringComparison.Ordinal));
            recorder.Sent.Clear();
            return sent;
        }

        var byName = await queue.GetPageAsync(new QueueFilter { Search = "lefevre" }, new PageRequest(0, 25), Ct);
        var nameSql = Sent();
        var byNumber = await queue.GetPageAsync(new QueueFilter { Search = "0001" }, new PageRequest(0, 25), Ct);
        var numberSql = Sent();
        var closed = await queue.CountClosedMatchesAsync(new QueueFilter { Search = "lefevre" }, Ct);
        var closedSql = Sent();

        Assert.Single(byName.Items);
        Assert.Single(byNumber.Items);
        Assert.Equal(0, closed);
        foreach (var ((sql, parameters), index) in new[]
        {
            (nameSql, CaseFileConfiguration.OpenSearchTrigramIndex), (numberSql, CaseFileConfiguration.OpenSearchTrigramIndex),
            (closedSql, CaseFileConfiguration.ClosedSearchTrigramIndex),
        })
        {
            var plan = await PostgresPlanAsync(database, sql, parameters, withoutQueueBTrees: true);
            Assert.True(plan.Any(line => line.Contains(index, StringComparison.Ordinal)), QueryPlans.Explain(sql, plan));
        }
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_extension WHERE extname = {DatabaseSetup.TrigramExtension}").SingleAsync(Ct));
        Assert.Equal(1, await db.Database.SqlQuery<int>(
            $"SELECT count(*)::int AS \"Value\" FROM pg_statistic_ext WHERE stxname = {CaseFileConfiguration.StatusNextDueStatistics}").SingleAsync(Ct));
    }

    [Fact]
    public async Task An_account_that_may_not_create_the_trigram_extension_stops_the_migration_before_it_applies_anything()
    {
        await using var database = new TestDatabase(DatabaseProvider.PostgreSql);
        var role = "ru_limited_" + Guid.NewGuid().ToString("N")[..8];
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using (var admin = new Npgsql.NpgsqlConnection(database.ConnectionString))
        {
            await admin.OpenAsync(Ct);
            // The database belongs to the test's superuser; the role may create tables in its schema but not extensions
            // (pg_trgm is trusted: that needs CREATE on the database).
            await using var grant = new Npgsql.NpgsqlCommand(
                $"CREATE ROLE \"{role}\" LOGIN; GRANT CONNECT ON DATABASE \"{builder.Database}\" TO \"{role}\"; GRANT CREATE, USAGE ON SCHEMA public TO \"{role}\";",
                admin);
            await grant.ExecuteNonQueryAsync(Ct);
        }
        try
        {
            builder.Username = role;
            var options = new DbContextOptionsBuilder<AppDbContext>();
            CoreServices.Configure(options, builder.ToString(), DatabaseProvider.PostgreSql);
            var limited = new OptionsFactory(options.Options, database.Clock);

            var refused = await Assert.ThrowsAsync<DatabaseExtensionException>(() => DatabaseSetup.MigrateAsync(limited, Ct));

            Assert.Equal((DatabaseSetup.TrigramExtension, true), (refused.Extension, refused.Refused));
            await using var db = database.CreateContext();
            Assert.Equal(0, await db.Database.SqlQuery<int>(
                $"SELECT count(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'").SingleAsync(Ct));
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await database.DisposeAsync();
            await using var admin = new Npgsql.NpgsqlConnection(PostgresServer.AdminConnectionString);
            await admin.OpenAsync(Ct);
            await using var drop = new Npgsql.NpgsqlCommand($"DROP ROLE IF EXISTS \"{role}\"", admin);
            await drop.ExecuteNonQueryAsync(Ct);
        }
    }

    private sealed class OptionsFactory(DbContextOptions<AppDbContext> options, TimeProvider clock) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => new(options, new FixedCurrentUser("tests"), clock);
    }
}
