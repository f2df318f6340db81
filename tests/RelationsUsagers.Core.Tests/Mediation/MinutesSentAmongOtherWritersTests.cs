using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Mediation;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Tests.Mediation;

/// <summary>
/// The minutes sent and forwarded (the case's step and the minutes' state in one transaction) while other cases are
/// changed in parallel, as in the portal with several users: each sending lands, and a listener told of it — run on the
/// publishing thread as an idle Blazor circuit runs it, reading the case and writing its own audit line on its own
/// connection, as the queue's audited search does — reads the case already moved and is never kept waiting for the lock.
/// On PostgreSQL the listener is told by the portal's own LISTEN connection, after the NOTIFY the sending committed.
/// </summary>
public abstract class MinutesSentAmongOtherWritersTests : IAsyncLifetime
{
    protected abstract DatabaseProvider Provider { get; }

    private const int OtherWriters = 3;

    private readonly CaseChanges _changes = new();
    private TestDatabase _database = null!;
    private CaseFileService _cases = null!;
    private MediationService _mediation = null!;
    private readonly List<(Guid CaseId, MediationMinutes Minutes)> _approved = [];
    private readonly List<CaseFile> _others = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider, Ct);
        var mediator = MediationTestData.MedicalMediator();
        await using (var db = _database.CreateContext())
        {
            db.CduMembers.Add(mediator);
            await db.SaveChangesAsync(Ct);
        }
        _cases = new CaseFileService(_database.Factory, _database.CreateValidators(), _database.Clock, _changes);
        _mediation = new MediationService(_database.Factory, _cases, _database.Clock, _changes);
        // Three complaints referred on 13 March, each met on a different hour of the 16th; today becomes the 17th.
        var meetings = new List<(Guid CaseId, MediationAppointment Meeting)>();
        for (var i = 0; i < 3; i++)
        {
            var created = await _cases.CreateAsync(TestCases.Complaint(), Ct);
            var referred = await _cases.TakeStepAsync(created.Id, created.ConcurrencyStamp, "refer-mediator", new StepInput(new DateOnly(2026, 3, 13)), ct: Ct);
            var booked = await _mediation.BookAsync(referred.Id,
                new AppointmentRequest(new DateOnly(2026, 3, 16), new TimeOnly(9 + 2 * i, 0), 60, "Bureau des usagers", [mediator.Id]), Ct);
            meetings.Add((referred.Id, booked));
        }
        _database.Clock.Advance(TimeSpan.FromDays(2));
        foreach (var (caseId, meeting) in meetings)
        {
            await _mediation.RecordHeldAsync(meeting.Id, meeting.ConcurrencyStamp, Ct);
            var minutes = await _mediation.MinutesAsync(meeting.Id, Ct);
            minutes.PersonsPresent = "Mme Garnier, plaignante ; Dr Roy, médiateur";
            minutes.Grievances = "« On ne m'a rien expliqué avant l'opération. »";
            var submitted = await _mediation.SaveMinutesAsync(await _mediation.SaveMinutesAsync(minutes, submit: false, Ct), submit: true, Ct);
            _approved.Add((caseId, await _mediation.RecordApprovalAsync(meeting.Id, submitted.ConcurrencyStamp, true, new DateOnly(2026, 3, 17), Ct)));
        }
        for (var i = 0; i < OtherWriters; i++)
            _others.Add(await _cases.CreateAsync(TestCases.AccessRequest(), Ct));
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Each_sending_lands_while_other_cases_change_and_a_listener_told_reads_it_sent_and_writes_without_waiting()
    {
        var seen = new ConcurrentQueue<(Guid CaseId, CaseStatus Status, MinutesStatus? Minutes)>();
        var listenerFailures = new ConcurrentQueue<Exception>();
        var searches = 0;
        _changes.Changed += caseId =>
        {
            if (caseId is not { } id)
                return;
            try
            {
                // Synchronously, on the thread that published (Microsoft.Data.Sqlite's async calls are synchronous too), or on
                // PostgreSQL on the thread of the listener's connection.
                using var db = _database.CreateContext("j.roux");
                var status = db.CaseFiles.AsNoTracking().Where(c => c.Id == id).Select(c => c.Status).Single();
                var minutes = db.MediationMinutes.AsNoTracking().Where(m => m.CaseFileId == id).Select(m => (MinutesStatus?)m.Status).SingleOrDefault();
                seen.Enqueue((id, status, minutes));
                db.AuditEntries.Add(new AuditEntry
                {
                    AtUtc = db.UtcNow, UserName = "j.roux", Action = AuditActions.QueueSearched,
                    Details = $"Recherche n° {Interlocked.Increment(ref searches)}",
                });
                db.SaveChanges();
            }
            catch (Exception ex)
            {
                listenerFailures.Enqueue(ex);
            }
        };
        // Listening from now on: the changes of the setup above were published before.
        await using var listening = await _database.ListenAsync(_changes, Ct);
        using var stop = new CancellationTokenSource();
        var saves = new int[OtherWriters];
        var writers = Enumerable.Range(0, OtherWriters).Select(i => Task.Run(async () =>
        {
            var stamp = _others[i].ConcurrencyStamp;
            while (!stop.IsCancellationRequested)
            {
                stamp = (await _cases.AssignAsync(_others[i].Id, stamp, saves[i] % 2 == 0 ? "j.roux" : null, CancellationToken.None)).ConcurrencyStamp;
                Interlocked.Increment(ref saves[i]);
            }
        }, CancellationToken.None)).ToArray();
        // The sendings start once every other writer is under way.
        while (saves.Any(n => n == 0) && !writers.Any(w => w.IsFaulted))
            await Task.Delay(5, Ct);

        var on = new DateOnly(2026, 3, 17);
        var moved = new List<(Guid CaseId, CaseStatus AfterSending)>();
        try
        {
            foreach (var (caseId, approved) in _approved)
            {
                var sent = await _mediation.SendToPresidentAsync(approved.AppointmentId, approved.ConcurrencyStamp, on, Ct);
                // SQLite told the listener before the sending returned; PostgreSQL tells it once the notification arrives:
                // forwarding before then would let it read the minutes forwarded rather than sent. A minute guards a hang.
                var told = Stopwatch.StartNew();
                while (!seen.Any(s => s.CaseId == caseId) && listenerFailures.IsEmpty && told.Elapsed < TimeSpan.FromMinutes(1))
                    await Task.Delay(5, Ct);
                await using (var db = _database.CreateContext())
                    moved.Add((caseId, await db.CaseFiles.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync(Ct)));
                await _mediation.ForwardAsync(approved.AppointmentId, sent.ConcurrencyStamp, on, Ct);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        // Stopped: no reading of a late notification is left to write its audit line after the count below.
        await listening.DisposeAsync();
        Assert.Empty(listenerFailures);
        Assert.All(saves, n => Assert.True(n > 0));
        await using var check = _database.CreateContext();
        foreach (var (caseId, afterSending) in moved)
        {
            Assert.Equal(CaseStatus.AwaitingCdu, afterSending);
            var file = await check.CaseFiles.AsNoTracking().Include(c => c.Events).SingleAsync(c => c.Id == caseId, Ct);
            Assert.Single(file.Events, e => e.Type == CaseEventTypes.MediationReportSent);
            Assert.Single(file.Events, e => e.Type == CaseEventTypes.MediationReportForwarded);
            Assert.Equal(MinutesStatus.Forwarded, (await check.MediationMinutes.AsNoTracking().SingleAsync(m => m.CaseFileId == caseId, Ct)).Status);
            // Told of the sending, the listener read the case moved and the minutes sent: never the state before the commit.
            Assert.Contains((caseId, CaseStatus.AwaitingCdu, (MinutesStatus?)MinutesStatus.SentToPresident), seen);
            Assert.DoesNotContain(seen, s => s.CaseId == caseId && s.Status == CaseStatus.AwaitingCdu && s.Minutes == MinutesStatus.Approved);
        }
        Assert.Equal(Volatile.Read(ref searches), await check.AuditEntries.CountAsync(a => a.Action == AuditActions.QueueSearched, Ct));
        Assert.True((await AuditChain.VerifyAsync(check, Ct)).IsWhole);
    }
}

public sealed class SqliteMinutesSentAmongOtherWritersTests : MinutesSentAmongOtherWritersTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlMinutesSentAmongOtherWritersTests : MinutesSentAmongOtherWritersTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
