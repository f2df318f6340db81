using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Mediation;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Data.DemoSeed;

namespace RelationsUsagers.Core.Tests.Cdu;

/// <summary>
/// The demo CDU over more cases than a meeting can examine: every meeting, held or to come, keeps a few dozen cases, so
/// that `--seed-demo --cases 1000000` ends (at that size the meeting to come was given ten thousand cases, and its
/// publication check flagged as many passages).
/// </summary>
public abstract class CduDemoAtScaleTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_meeting_to_come_examines_the_forty_longest_waiting_cases_and_is_published_without_confirmation()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        await DemoCaseSeeder.SeedAsync(database.Factory, 6000, database.Clock, Ct);

        Assert.Equal(12, await CduDemoSeeder.SeedAsync(database.Factory, database.Clock, Ct));

        await using var db = database.CreateContext();
        var meetings = await db.CduMeetings.AsNoTracking().Include(m => m.Agenda).OrderBy(m => m.Date).ToListAsync(Ct);
        var next = Assert.Single(meetings, m => m.Status == CduMeetingStatus.AgendaPublished);
        var cited = next.Agenda.Where(i => i.CaseFileId is not null).OrderBy(i => i.Order).ToList();
        Assert.Equal(CduDemoSeeder.MaxExaminedPerMeeting, cited.Count);
        Assert.All(meetings.Where(m => m.Status == CduMeetingStatus.Held),
            m => Assert.InRange(m.Agenda.Count(i => i.CaseFileId is not null), 1, CduDemoSeeder.MaxExaminedPerMeeting));

        // More cases wait than the meeting takes, and those it took are the first the builder proposes: within each kind
        // of item, received first, listed first; none waiting longer was left out for a later one.
        // (The mediation demo, seeded after the agenda, sends reports of its own: those cases came later.)
        var mediated = (await db.MediationAppointments.AsNoTracking().Select(a => a.CaseFileId).ToListAsync(Ct)).ToHashSet();
        var proposedForLater = await database.Agenda().ProposeAsync(meetings.Last().Id, Ct);
        var waitingStill = proposedForLater.Where(i => i.CaseFileId is { } id && !mediated.Contains(id)).Select(i => (i.Kind, i.CaseFileId!.Value)).ToList();
        Assert.NotEmpty(waitingStill);
        var received = await db.CaseFiles.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.ReceivedOn, Ct);
        foreach (var kind in cited.Select(i => i.Kind).Distinct())
        {
            var taken = cited.Where(i => i.Kind == kind).Select(i => received[i.CaseFileId!.Value]).ToList();
            Assert.Equal(taken.Order(), taken);
            var left = waitingStill.Where(w => w.Kind == kind).Select(w => received[w.Value]).ToList();
            if (left.Count > 0 && kind == cited[^1].Kind)
                Assert.True(left.Min() >= taken.Max(), $"{kind}: a case received on {left.Min()} waits while one of {taken.Max()} was taken");
        }

        // The mediators' diaries: a few dozen complaints in mediation, from the most recently referred back, some held with
        // minutes to write, some to come; the others left to book.
        var inMediation = await db.Complaints.AsNoTracking().Include(c => c.Events).Where(c => c.Status == CaseStatus.InMediation).ToListAsync(Ct);
        var appointments = await db.MediationAppointments.AsNoTracking().Select(a => a.CaseFileId).ToListAsync(Ct);
        var referred = inMediation.Where(c => c.LiveEvents.Any(e => e.Type == CaseEventTypes.MediatorReferred))
            .ToDictionary(c => c.Id, c => c.LiveEvents.Where(e => e.Type == CaseEventTypes.MediatorReferred).Max(e => e.OccurredOn));
        var bookedInMediation = referred.Keys.Where(appointments.Contains).ToList();
        Assert.True(referred.Count > MediationDemoSeeder.MaxMeetingsInMediation, $"{referred.Count} complaints referred");
        Assert.InRange(bookedInMediation.Count, MediationDemoSeeder.MaxMeetingsInMediation / 2, MediationDemoSeeder.MaxMeetingsInMediation);
        Assert.Equal(referred.Values.Max(), bookedInMediation.Max(id => referred[id]));
        Assert.True(bookedInMediation.Min(id => referred[id]) < referred.Keys.Except(bookedInMediation).Max(id => referred[id]), "taken from one end only");
        var statuses = await db.MediationAppointments.AsNoTracking().Where(a => bookedInMediation.Contains(a.CaseFileId)).Select(a => a.Status).ToListAsync(Ct);
        Assert.Contains(MediationAppointmentStatus.Planned, statuses);
        Assert.Contains(MediationAppointmentStatus.Held, statuses);

        // Minutes sent to the CDU president: those of every case an agenda cites, and the most recent others, within bounds.
        var sentMinutes = await db.MediationMinutes.AsNoTracking().Where(m => m.Status >= MinutesStatus.SentToPresident).Select(m => m.CaseFileId).ToListAsync(Ct);
        var reportSent = await db.Complaints.AsNoTracking().CountAsync(c => c.Events.Any(e => !e.IsCancelled && e.Type == CaseEventTypes.MediationReportSent), Ct);
        Assert.True(reportSent > MediationDemoSeeder.MaxSentMinutes, $"{reportSent} reports sent");
        Assert.Equal(MediationDemoSeeder.MaxSentMinutes, sentMinutes.Count);
        var citedReports = meetings.SelectMany(m => m.Agenda).Where(i => i.Kind == AgendaItemKind.MediationReportAwaitingCdu).Select(i => i.CaseFileId!.Value).ToList();
        Assert.NotEmpty(citedReports);
        Assert.All(citedReports, id => Assert.Contains(id, sentMinutes));

        // Published by the seeding without a confirmed check: nothing in it looks personal.
        var check = await new CduPublicationCheckService(database.Factory, database.Clock).CheckAsync(next.Id, Ct);
        Assert.NotNull(check);
        Assert.True(check.IsClean, string.Join(" | ", check.Entries.SelectMany(e => e.Result.Signals.Select(s => e.Result.Original.Substring(s.Start, s.Length)))));
    }
}

public sealed class SqliteCduDemoAtScaleTests : CduDemoAtScaleTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlCduDemoAtScaleTests : CduDemoAtScaleTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
