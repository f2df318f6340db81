using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Data.DemoSeed;
using RelationsUsagers.Core.Queue;
using RelationsUsagers.Core.Requisitions;

namespace RelationsUsagers.Core.Tests.Data;

public abstract partial class DemoSeedTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(TestDatabase Database, List<CaseFile> Cases)> SeededAsync(int count = DemoCaseSeeder.DefaultCount)
    {
        var database = await TestDatabase.CreateAsync(Provider, Ct);
        var written = await DemoCaseSeeder.SeedAsync(database.Factory, count, database.Clock, Ct);
        Assert.Equal(count, written);
        await using var db = database.CreateContext();
        var cases = await db.CaseFiles.AsNoTracking().Include(c => c.Events).AsSplitQuery().ToListAsync(Ct);
        return (database, cases);
    }

    /// <summary>
    /// Every demo case holds the status its facts lead to through its kind's steps, and a closed one no running deadline of
    /// the office (a party's time limits — the claimant's prescription — run on after the office closes the case).
    /// </summary>
    [Fact]
    public async Task Seeding_300_gives_300_cases_of_the_four_kinds_in_every_status()
    {
        var (database, cases) = await SeededAsync();
        await using var _ = database;

        Assert.Equal(300, cases.Count);
        var share = cases.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Count() * 100.0 / cases.Count);
        Assert.InRange(share[CaseKind.AccessRequest], 30, 50);
        Assert.InRange(share[CaseKind.Complaint], 25, 45);
        Assert.InRange(share[CaseKind.IndemnityClaim], 8, 22);
        Assert.InRange(share[CaseKind.Requisition], 5, 16);
        // Protection fonctionnelle has its own seeder (ProtectionDemoSeedTests): the generator makes the four others.
        foreach (var kind in Enum.GetValues<CaseKind>().Where(k => k != CaseKind.FunctionalProtection))
        {
            var present = cases.Where(c => c.Kind == kind).Select(c => c.Status).ToHashSet();
            var missing = CaseKinds.Of(kind).Statuses.Where(s => !present.Contains(s)).ToList();
            Assert.True(missing.Count == 0, $"{kind}: no case in {string.Join(", ", missing)}");
            Assert.All(present, s => Assert.Contains(s, CaseKinds.Of(kind).Statuses));
        }
        Assert.Contains(cases, c => c.AssignedTo == "officer");
        Assert.Contains(cases, c => c.AssignedTo == "manager");
        Assert.All(cases, c => Assert.True(c.AssignedTo is null or "officer" or "manager", c.AssignedTo));
    }

    [Fact]
    public async Task Seeded_cases_pass_the_validators_and_have_coherent_facts()
    {
        var (database, cases) = await SeededAsync();
        await using var _ = database;
        var validators = database.CreateValidators();
        var today = TestDatabase.Today;

        foreach (var c in cases)
        {
            var result = validators.Validate(c);
            Assert.True(result.IsValid, $"{c.Reference} ({c.Status}): {string.Join(" ", result.Errors.Select(e => e.ErrorMessage))}");
            Assert.InRange(c.ReceivedOn, today.AddDays(-500), today);
            Assert.Equal("demo", c.CreatedBy);
            Assert.Equal("demo", c.UpdatedBy);
            Assert.Equal(TextSearch.Normalize($"{c.Patient.LastName} {c.Patient.FirstName}"), c.Patient.SearchName);
            Assert.Equal(TextSearch.Normalize(c.Requester.Name), c.Requester.SearchName);
            Assert.NotEmpty(c.Services);
            Assert.False(string.IsNullOrWhiteSpace(c.Summary), c.Reference);
            Assert.DoesNotContain("{", c.Summary, StringComparison.Ordinal);

            // Timeline: starts with the receipt, in order, between receipt and today.
            var events = c.Events.OrderBy(e => e.OccurredOn).ThenBy(e => e.RecordedAtUtc).ToList();
            Assert.Equal(CaseEventTypes.Received, events[0].Type);
            Assert.Equal(c.ReceivedOn, events[0].OccurredOn);
            Assert.All(events, e => Assert.InRange(e.OccurredOn, c.ReceivedOn, today));
            Assert.All(events, e => Assert.Contains(CaseEventTypes.For(c.Kind), t => t.Code == e.Type));
            Assert.All(events, e => Assert.Equal("demo", e.RecordedBy));
            Assert.Equal(events.Select(e => e.RecordedAtUtc).Order(), events.Select(e => e.RecordedAtUtc));

            if (c.IsOpen)
            {
                Assert.Null(c.ClosedOn);
                Assert.Null(c.Outcome);
            }
            else
            {
                Assert.NotNull(c.ClosedOn);
                Assert.False(string.IsNullOrWhiteSpace(c.Outcome), c.Reference);
                // The requester's CADA referral and the CADA's opinion come after the refusal that closed the request (CRPA L.342-1).
                var beforeClosing = events.Where(e => e.Type is not (CaseEventTypes.CadaReferred or CaseEventTypes.CadaOpinion)).ToList();
                Assert.InRange(c.ClosedOn.Value, beforeClosing[^1].OccurredOn, today);
                Assert.Null(c.NextDueOn);
            }
        }

        // A few facts per kind and status.
        var access = cases.OfType<AccessRequest>().ToList();
        Assert.All(access.Where(r => r.Status is CaseStatus.Sent || r.Status == CaseStatus.Closed && r.RefusalReason is null), r =>
        {
            Assert.NotNull(r.SentOn);
            Assert.NotNull(r.CompletedOn);
            Assert.Empty(AccessRequestRules.MissingProofs(r));
            Assert.True(r.SentOn >= r.ReceivedOn.AddDays(2), $"{r.Reference}: sent before the 48-hour delay");
        });
        Assert.All(access.Where(r => r.Status == CaseStatus.AwaitingProofs), r => Assert.NotEmpty(AccessRequestRules.MissingProofs(r)));
        Assert.All(access.Where(r => r.Status == CaseStatus.AwaitingPayment), r => Assert.True(r.ReproductionFeeCents + r.PostageFeeCents > 0));
        Assert.All(access.Where(r => r.RequesterCapacity == RequesterCapacity.HeirOrPartner), r => Assert.NotNull(r.Patient.DeathDate));
        Assert.Contains(access, r => r.RecordedDeliveryNumber is not null);

        var complaints = cases.OfType<Complaint>().ToList();
        Assert.All(complaints.Where(c => c.Status == CaseStatus.Answered), c => Assert.NotNull(c.AnswerSentOn));
        Assert.Contains(complaints, c => c.MediationType != MediationType.None && c.MediatorName is not null);
        Assert.Contains(complaints, c => c.CduOpinion is not null && c.CduMeetingOn is not null);
        Assert.All(complaints.Where(c => c.Nature != ComplaintNature.Praise), c => Assert.NotEmpty(c.Motives));
        // The complaint clock's rules at work: each mediator of a mixed mediation met, the report forwarded, the L.1142-4
        // interview, the copy of an oral complaint, and an open case still waiting for one of them.
        var complaintClocks = complaints.Select(c => LegalClock.Default.Compute(c, [], today)).ToList();
        Assert.Contains(complaints, c => c.MediationType == MediationType.Mixed
            && c.LiveEvents.Any(e => e.Type == CaseEventTypes.MedicalMediationMeeting) && c.LiveEvents.Any(e => e.Type == CaseEventTypes.NonMedicalMediationMeeting));
        foreach (var code in new[] { DelaySettings.ComplaintReportForwarding, DelaySettings.ComplaintDamageInformation, DelaySettings.ComplaintOralCopy })
            Assert.Contains(complaintClocks, deadlines => deadlines.Any(d => d.Code == code && d.IsDone));
        Assert.Contains(complaintClocks, deadlines => deadlines.Any(d => d.Code is DelaySettings.ComplaintDamageInformation or DelaySettings.ComplaintOralCopy
            && d.DoneOn is null));

        var claims = cases.OfType<IndemnityClaim>().ToList();
        Assert.All(claims.Where(c => c.Status == CaseStatus.CciProcedure), c => Assert.NotNull(c.CciReferredOn));
        Assert.All(claims.Where(c => c.Status == CaseStatus.Litigation), c => Assert.NotNull(c.CourtName));
        Assert.All(claims.Where(c => c.InsurerDeclaredOn is not null), c => Assert.Equal("SHAM/Relyens", c.InsurerName));
        Assert.All(claims, c => Assert.True(c.ClaimedAmountCents > 0));

        var requisitions = cases.OfType<Requisition>().ToList();
        Assert.All(requisitions, r => Assert.NotEmpty(r.Items));
        Assert.All(requisitions.Where(r => r.Status == CaseStatus.Refused), r => Assert.Equal(RequisitionResponse.RefusedMedicalSecrecy, r.Response));
    }

    [Fact]
    public async Task NextDueOn_comes_from_the_legal_clock_and_some_open_cases_are_overdue()
    {
        var (database, cases) = await SeededAsync();
        await using var _ = database;
        var today = TestDatabase.Today;

        var open = cases.Where(c => c.IsOpen).ToList();
        Assert.Contains(open, c => c.NextDueOn < today);
        Assert.Contains(open, c => c.NextDueOn >= today);
        // Protection fonctionnelle has its own seeder (ProtectionDemoSeedTests): the generator makes the four others.
        foreach (var kind in Enum.GetValues<CaseKind>().Where(k => k != CaseKind.FunctionalProtection))
            Assert.Contains(open, c => c.Kind == kind && c.NextDueOn is not null);
        Assert.All(cases.Where(c => !c.IsOpen), c => Assert.Null(c.NextDueOn));
        Assert.All(open, c =>
        {
            // The queue's columns are the office's next deadline, or whom the case waits on.
            var deadlines = LegalClock.Default.Compute(c, [], today);
            var waiting = CaseKinds.Of(c).WaitingOn(c);
            Assert.Equal((waiting?.Who, waiting?.Since), (c.WaitingOn, c.WaitingSince));
            Assert.Equal(waiting is null ? QueueColumns.OfficeNext(deadlines) : (null, null, false), (c.NextDueOn, c.NextDueCode, c.ClockSuspended));
        });
        Assert.Contains(open, c => c.NextDueCode is not null);
    }

    [Fact]
    public async Task References_are_unique_and_sequential_and_new_cases_continue_the_counters()
    {
        var (database, cases) = await SeededAsync();
        await using var _ = database;

        Assert.Equal(cases.Count, cases.Select(c => c.Reference).Distinct().Count());
        Assert.Equal(cases.Count, cases.Select(c => c.Id).Distinct().Count());
        foreach (var group in cases.GroupBy(c => (c.Kind, c.ReceivedOn.Year)))
        {
            var numbers = group.Select(c =>
            {
                var match = ReferencePattern().Match(c.Reference);
                Assert.True(match.Success, c.Reference);
                Assert.Equal(ReferenceAllocator.Format(c.Kind, c.ReceivedOn.Year, int.Parse(match.Groups[1].Value)), c.Reference);
                return int.Parse(match.Groups[1].Value);
            }).Order().ToList();
            Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
            // Numbered in the order the cases arrived.
            Assert.Equal(group.OrderBy(c => c.Reference).Select(c => c.ReceivedOn), group.Select(c => c.ReceivedOn).Order());
        }

        await using (var db = database.CreateContext())
        {
            var counters = await db.ReferenceCounters.AsNoTracking().ToListAsync(Ct);
            var expected = cases.GroupBy(c => (c.Kind, c.ReceivedOn.Year)).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(expected.Count, counters.Count);
            Assert.All(counters, c => Assert.Equal(expected[(c.Kind, c.Year)], c.LastValue));
        }

        var lastAccess = cases.Count(c => c.Kind == CaseKind.AccessRequest && c.ReceivedOn.Year == TestDatabase.Today.Year);
        var created = await database.CreateService().CreateAsync(TestCases.AccessRequest(), Ct);
        Assert.Equal(ReferenceAllocator.Format(CaseKind.AccessRequest, TestDatabase.Today.Year, lastAccess + 1), created.Reference);
        await using var check = database.CreateContext();
        Assert.Equal(cases.Count + 1, await check.CaseFiles.CountAsync(Ct));
    }

    [Fact]
    public async Task Seeding_twice_does_nothing_the_second_time()
    {
        var (database, cases) = await SeededAsync(120);
        await using var _ = database;

        Assert.Equal(0, await DemoCaseSeeder.SeedAsync(database.Factory, 500, database.Clock, Ct));
        await using var db = database.CreateContext();
        Assert.Equal(120, await db.CaseFiles.CountAsync(Ct));
        Assert.Equal(cases.Sum(c => c.Events.Count), await db.CaseEvents.CountAsync(Ct));
        Assert.Equal(cases.Count(c => c.Kind == CaseKind.Complaint),
            (await db.ReferenceCounters.AsNoTracking().Where(c => c.Kind == CaseKind.Complaint).ToListAsync(Ct)).Sum(c => c.LastValue));
        // The bulk path writes no audit lines (demo data).
        Assert.Equal(0, await db.AuditEntries.CountAsync(Ct));
    }

    [Fact]
    public async Task Rows_read_back_through_EF_equal_the_generated_cases()
    {
        var (database, cases) = await SeededAsync();
        await using var _ = database;
        // Same count and clock: the same cases, since the generator is deterministic.
        var generated = new DemoCaseGenerator(database.Clock.GetUtcNow()).Generate(DemoCaseSeeder.DefaultCount).Cases.ToDictionary(c => c.Id);

        Assert.Equal(generated.Keys.Order(), cases.Select(c => c.Id).Order());
        foreach (var read in cases)
        {
            var expected = generated[read.Id];
            Assert.Equal(expected.GetType(), read.GetType());
            Assert.Equal(expected.Reference, read.Reference);
            Assert.Equal(expected.Status, read.Status);
            Assert.Equal(expected.Channel, read.Channel);
            Assert.Equal(expected.ReceivedOn, read.ReceivedOn);
            Assert.Equal(expected.ClosedOn, read.ClosedOn);
            Assert.Equal(expected.Services, read.Services);
            Assert.Equal(expected.Summary, read.Summary);
            Assert.Equal(expected.CreatedAtUtc, read.CreatedAtUtc);
            Assert.Equal(expected.ConcurrencyStamp, read.ConcurrencyStamp);
            Assert.Equal(expected.Patient.LastName, read.Patient.LastName);
            Assert.Equal(expected.Patient.BirthDate, read.Patient.BirthDate);
            Assert.Equal(expected.Patient.DeathDate, read.Patient.DeathDate);
            Assert.Equal(expected.Requester.Name, read.Requester.Name);
            Assert.Equal(expected.Requester.Capacity, read.Requester.Capacity);
            Assert.Equal(
                expected.Events.Select(e => (e.Id, e.Type, e.OccurredOn, e.Note, e.RecordedAtUtc)),
                read.Events.OrderBy(e => e.OccurredOn).ThenBy(e => e.RecordedAtUtc).Select(e => (e.Id, e.Type, e.OccurredOn, e.Note, e.RecordedAtUtc)));
            switch (read)
            {
                case AccessRequest r:
                    var er = (AccessRequest)expected;
                    Assert.Equal(er.RequesterCapacity, r.RequesterCapacity);
                    Assert.Equal(er.ProofsReceived, r.ProofsReceived);
                    Assert.Equal(er.CommunicationMode, r.CommunicationMode);
                    Assert.Equal(er.DeceasedMotive, r.DeceasedMotive);
                    Assert.Equal((er.CompletedOn, er.SentOn, er.PaidOn, er.CdspReferredOn), (r.CompletedOn, r.SentOn, r.PaidOn, r.CdspReferredOn));
                    Assert.Equal((er.ReproductionFeeCents, er.PostageFeeCents, er.PageCount), (r.ReproductionFeeCents, r.PostageFeeCents, r.PageCount));
                    Assert.Equal((er.RecordedDeliveryNumber, er.InformationOlderThanFiveYears, er.PsychiatricDoctorRequired),
                        (r.RecordedDeliveryNumber, r.InformationOlderThanFiveYears, r.PsychiatricDoctorRequired));
                    break;
                case Complaint c:
                    var ec = (Complaint)expected;
                    Assert.Equal(ec.Motives, c.Motives);
                    Assert.Equal((ec.Nature, ec.Severity, ec.MediationType, ec.MediatorName, ec.CduOpinion, ec.CduMeetingOn, ec.AnswerSentOn),
                        (c.Nature, c.Severity, c.MediationType, c.MediatorName, c.CduOpinion, c.CduMeetingOn, c.AnswerSentOn));
                    Assert.Equal((ec.FactsOn, ec.PatientHospitalised, ec.PlannedDischargeOn), (c.FactsOn, c.PatientHospitalised, c.PlannedDischargeOn));
                    break;
                case IndemnityClaim i:
                    var ei = (IndemnityClaim)expected;
                    Assert.Equal((ei.Procedure, ei.InsurerName, ei.InsurerClaimNumber, ei.CciReferredOn, ei.CciOpinionOutcome, ei.CourtName),
                        (i.Procedure, i.InsurerName, i.InsurerClaimNumber, i.CciReferredOn, i.CciOpinionOutcome, i.CourtName));
                    Assert.Equal((ei.ClaimedAmountCents, ei.OfferAmountCents, ei.HospitalShareCents, ei.InsurerShareCents, ei.PaidOn),
                        (i.ClaimedAmountCents, i.OfferAmountCents, i.HospitalShareCents, i.InsurerShareCents, i.PaidOn));
                    break;
                case Requisition q:
                    var eq = (Requisition)expected;
                    Assert.Equal((eq.Authority, eq.LegalBasis, eq.OfficerName, eq.ProcedureNumber, eq.DueOn, eq.Response, eq.SeizureCopyKept),
                        (q.Authority, q.LegalBasis, q.OfficerName, q.ProcedureNumber, q.DueOn, q.Response, q.SeizureCopyKept));
                    Assert.Equal(eq.Items.Select(x => (x.Description, x.Nature, x.Sent)), q.Items.Select(x => (x.Description, x.Nature, x.Sent)));
                    break;
            }
        }
        Assert.Contains(cases.OfType<Requisition>(), r => r.Items.Any(i => i.Nature == RequisitionItemNature.Medical && i.Sent));
        Assert.Contains(cases.OfType<Complaint>(), c => c.Motives.Count > 1);
    }

    [Fact]
    public async Task Bulk_rows_are_stored_exactly_as_EF_stores_them()
    {
        await using var viaEf = await TestDatabase.CreateAsync(Provider, Ct);
        await using var viaBulk = await TestDatabase.CreateAsync(Provider, Ct);
        var samples = new DemoCaseGenerator(TestDatabase.DefaultNow).Generate(60).Cases
            .GroupBy(c => (c.Kind, c.Status)).Select(g => g.First()).ToList();

        // EF first: its SaveChanges hook stamps the who/when columns on the objects, which the bulk insert then copies.
        await using (var db = viaEf.CreateContext())
        {
            db.CaseFiles.AddRange(samples);
            await db.SaveChangesAsync(Ct);
        }
        await using (var db = viaBulk.CreateContext())
        {
            await db.Database.OpenConnectionAsync(Ct);
            await using var tx = await db.Database.BeginTransactionAsync(Ct);
            if (Provider == DatabaseProvider.PostgreSql)
            {
                // The seeder's path on a server: binary COPY, the cases before their events.
                await BulkInsert.CopyAsync(db, samples, Ct);
                await BulkInsert.CopyAsync(db, samples.SelectMany(c => c.Events), Ct);
            }
            else
            {
                using var cases = BulkInsert.For<CaseFile>(db, tx.GetDbTransaction());
                using var events = BulkInsert.For<CaseEvent>(db, tx.GetDbTransaction());
                foreach (var file in samples)
                {
                    cases.Insert(file);
                    foreach (var e in file.Events)
                        events.Insert(e);
                }
            }
            await tx.CommitAsync(Ct);
        }

        foreach (var table in new[] { "CaseFiles", "CaseEvents" })
        {
            var expected = await RawRowsAsync(viaEf, table);
            var actual = await RawRowsAsync(viaBulk, table);
            Assert.Equal(expected.Count, actual.Count);
            if (table == "CaseFiles")
                Assert.Equal(samples.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
                Assert.Equal(expected[i], actual[i]);
        }
    }

    /// <summary>Every column of every row as the database stores it (type and text), in key order.</summary>
    private static async Task<List<string>> RawRowsAsync(TestDatabase database, string table)
    {
        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY \"Id\"";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            var cells = Enumerable.Range(0, reader.FieldCount).Select(i =>
                reader.IsDBNull(i) ? $"{reader.GetName(i)}=NULL" : $"{reader.GetName(i)}={reader.GetValue(i).GetType().Name}:{Text(reader.GetValue(i))}");
            rows.Add(string.Join(" | ", cells));
        }
        return rows;
    }

    /// <summary>A cell's value in full: a PostgreSQL array element by element, a time to the tick.</summary>
    private static string Text(object value) => value switch
    {
        byte[] bytes => Convert.ToHexString(bytes),
        DateTime time => time.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        string text => text,
        System.Collections.IEnumerable items => $"[{string.Join(", ", items.Cast<object>().Select(Text))}]",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    [GeneratedRegex(@"^(?:DAD|PLT|IND|REQ)-\d{4}-(\d{5})$")]
    private static partial Regex ReferencePattern();
}

public sealed class SqliteDemoSeedTests : DemoSeedTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlDemoSeedTests : DemoSeedTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>The demo generator in memory: no database.</summary>
public sealed class DemoCaseGeneratorTests
{
    [Fact]
    public void Every_demo_case_holds_the_status_its_facts_lead_to()
    {
        var now = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        var cases = new DemoCaseGenerator(now).Generate(600).Cases;
        var today = new DateOnly(2026, 11, 25);

        Assert.All(cases, c => Assert.Empty(CaseSteps.Replay(c).Problems));
        Assert.All(cases.Where(c => !c.IsOpen), c =>
        {
            Assert.NotNull(c.ClosedOn);
            Assert.DoesNotContain(LegalClock.Default.Compute(c, [], today),
                d => d.Actor == Actor.Office && d.State is DeadlineState.Overdue or DeadlineState.Near or DeadlineState.Upcoming);
        });
        // Answered complaints are answered: their answer deadline is met, never « en retard ».
        Assert.All(cases.Where(c => c is Complaint { Status: CaseStatus.Answered, Nature: not ComplaintNature.Praise }), c =>
            Assert.True(LegalClock.Default.Compute(c, [], today).Single(d => d.Code == DelaySettings.ComplaintAnswerTarget).IsDone));
        // Requisitions answered or refused decided on every medical item (CPP 60-1, 56-3).
        Assert.All(cases.OfType<Requisition>().Where(r => r.Status is CaseStatus.Answered or CaseStatus.Refused or CaseStatus.Closed), r =>
            Assert.DoesNotContain(r.Items, i => i.Nature == RequisitionItemNature.Medical && i.Secrecy is null));
    }

    [Fact]
    public void The_generator_is_deterministic_and_writes_French_names_with_accents()
    {
        var first = new DemoCaseGenerator(TestDatabase.DefaultNow).Generate(400).Cases;
        var second = new DemoCaseGenerator(TestDatabase.DefaultNow).Generate(400).Cases;

        Assert.Equal(first.Select(c => (c.Id, c.Reference, c.Summary, c.Patient.FullName, c.Events.Count)),
            second.Select(c => (c.Id, c.Reference, c.Summary, c.Patient.FullName, c.Events.Count)));
        Assert.Contains(first, c => c.Patient.LastName.Any(ch => "éèêëàâîïôöûüç".Contains(ch)));
        Assert.Contains(first, c => c.Patient.FirstName.Any(ch => "éèêëàâîïôöûüç".Contains(ch)));
        Assert.Contains(first, c => c.Services.Contains("Urgences"));
        Assert.DoesNotContain(first, c => c.Summary.Contains("lorem", StringComparison.OrdinalIgnoreCase));
    }
}
