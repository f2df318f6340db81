using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.Cdu;

/// <summary>
/// Demo data for the CDU, written after the demo cases (<see cref="Data.DemoSeed.DemoCaseSeeder"/>): a full composition,
/// a held meeting in each of the last four quarters (minutes, attendance, the complaints examined with their opinion),
/// a meeting in about ten days whose agenda the builder proposed and which is published, a meeting planned next
/// quarter, and recommendations in every status. Does nothing when members exist.
/// </summary>
public static class CduDemoSeeder
{
    /// <summary>Returns the number of members written, 0 when the CDU already had members.</summary>
    public static async Task<int> SeedAsync(IDbContextFactory<AppDbContext> factory, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(clock);
        await using (var check = await factory.CreateDbContextAsync(ct))
        {
            if (await check.CduMembers.AnyAsync(ct))
                return 0;
        }
        var today = ParisCalendar.Today(clock);
        var memberService = new CduMemberService(factory, clock);
        var members = CduDemoData.Members(today);
        foreach (var member in members)
            await memberService.SaveAsync(member, ct);

        var held = await SeedPastMeetingsAsync(factory, members, today, ct);
        var recommendations = new CduRecommendationService(factory);
        foreach (var recommendation in CduDemoData.Recommendations(today, held))
            await recommendations.SaveAsync(recommendation, ct);

        // The next meeting: agenda proposed by the builder, the texts left « À compléter » typed in (serious adverse events,
        // satisfaction; publishing refuses a placeholder), convocation sent today.
        var cases = new CaseFileService(factory, new CaseValidators(clock), clock);
        var meetings = new CduMeetingService(factory, clock, cases, new CaseValidators(clock));
        var next = await meetings.SaveAsync(new CduMeeting { Date = Weekday(today.AddDays(10)), Place = CduDemoData.Place }, ct);
        var agenda = new CduAgendaService(factory, clock);
        // A few dozen cases, the longest waiting first (the builder's order), as a real CDU's agenda: at 1,000,000 cases it
        // proposed ten thousand, each a text for the publication check. The others wait for a later meeting.
        var proposals = (await agenda.ProposeAsync(next.Id, ct)).ToList();
        var beyond = proposals.Where(i => i.CaseFileId is not null).Skip(MaxExaminedPerMeeting).ToHashSet();
        proposals.RemoveAll(beyond.Contains);
        foreach (var item in proposals)
        {
            item.Text = item.Kind switch
            {
                AgendaItemKind.SatisfactionResults => CduDemoData.Satisfaction,
                AgendaItemKind.SeriousAdverseEvents => CduDemoData.AdverseEventsSoFar(next.Date),
                _ => item.Text,
            };
        }
        await agenda.AddAsync(next.Id, proposals, ct);
        await agenda.PublishAsync(next.Id, next.ConcurrencyStamp, today, ct: ct);
        await meetings.SaveAsync(new CduMeeting { Date = Weekday(next.Date.AddDays(91)), Place = CduDemoData.Place }, ct);
        // The mediators of the register meet the complainants in mediation (the demo account « mediator » among them).
        await Mediation.MediationDemoSeeder.SeedAsync(factory, members, today, ct);
        return members.Count;
    }

    /// <summary>Where the demo's meetings sit: tells them from the meetings tests plan.</summary>
    public const string Place = CduDemoData.Place;

    /// <summary>The most complaints a demo meeting examines, held or to come (a real CDU's agenda holds a few dozen).</summary>
    public const int MaxExaminedPerMeeting = 40;

    /// <summary>
    /// One held meeting per quarter over the four quarters before the current one. Its date is taken among the CDU dates
    /// the demo complaints already carry, so that most complaints examined that quarter fit it (mediation report sent
    /// before, answer after); those are moved to it, written as the meeting's case items, and keep their opinion. Like the
    /// demo cases themselves, the move is written directly (no audit line: demo data was changed by nobody real).
    /// </summary>
    private static async Task<List<CduMeeting>> SeedPastMeetingsAsync(IDbContextFactory<AppDbContext> factory, List<CduMember> members,
        DateOnly today, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var quarterStart = new DateOnly(today.Year, (CduText.QuarterOf(today) - 1) * 3 + 1, 1);
        // Only the complaints the four meetings can list or examine: those of the last five quarters (at 1,000,000 cases,
        // every complaint with its events took gigabytes).
        var since = quarterStart.AddMonths(-15);
        var complaints = await db.Complaints.AsNoTracking()
            .Where(c => c.ReceivedOn >= since || c.AnswerSentOn >= since || c.CduMeetingOn >= since)
            .Include(c => c.Events).AsSplitQuery().ToListAsync(ct);
        var examined = complaints.Where(c => c.CduOpinion is not null && c.CduMeetingOn is not null && !c.IsLitigation).ToList();
        var random = new Random(2026);
        var meetings = new List<CduMeeting>();
        DateOnly? previous = null;
        for (var k = 4; k >= 1; k--)
        {
            var (from, to) = (quarterStart.AddMonths(-3 * k), quarterStart.AddMonths(-3 * (k - 1)).AddDays(-1));
            var candidates = examined.Where(c => c.CduMeetingOn >= from && c.CduMeetingOn <= to).ToList();
            // Each date once: counting the fits for every candidate's date was quadratic (minutes at 1,000,000 cases).
            var date = candidates.Select(c => c.CduMeetingOn!.Value).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                .Distinct().OrderByDescending(d => candidates.Count(c => Fits(c, d))).ThenBy(d => d).Cast<DateOnly?>().FirstOrDefault()
                ?? Weekday(from.AddMonths(1).AddDays(10));
            // A meeting examines a few dozen complaints, not a hospital group's thousands: the others keep their own dates.
            var fits = candidates.Where(c => Fits(c, date)).Take(MaxExaminedPerMeeting).ToList();
            // A thousand complaints per statement: one round trip each took more than 15 minutes at 1,000,000 cases.
            foreach (var moved in fits.Where(c => c.CduMeetingOn != date).Select(c => c.Id).Chunk(1000))
            {
                await db.Complaints.Where(c => moved.Contains(c.Id)).ExecuteUpdateAsync(u => u.SetProperty(c => c.CduMeetingOn, date), ct);
                await db.CaseEvents.Where(e => moved.Contains(e.CaseFileId) && e.Type == CaseEventTypes.CduExamined)
                    .ExecuteUpdateAsync(u => u.SetProperty(e => e.OccurredOn, date), ct);
            }

            var meeting = new CduMeeting
            {
                Date = date, Place = CduDemoData.Place, ConvocationSentOn = date.AddDays(-12), AgendaPublishedOn = date.AddDays(-12),
                Status = CduMeetingStatus.Held, Minutes = CduDemoData.Minutes(date, fits.Count),
            };
            var periodStart = previous?.AddDays(1) ?? date.AddMonths(-3);
            var items = new List<AgendaItem?> { CduAgendaProposals.ComplaintsReceivedAndAnswered(complaints, periodStart, date) };
            items.AddRange(fits.Select(c => new AgendaItem
            {
                Kind = AgendaItemKind.MediationReportAwaitingCdu, CaseFileId = c.Id,
                Title = $"Compte rendu de médiation — {c.Reference} ({string.Join(", ", c.Services)})",
                Text = $"Avis de la CDU : {c.CduOpinion!.Value.Label().ToLowerInvariant()}.",
            }));
            items.Add(CduAgendaProposals.RecordAccess(await RecordAccessFigures.ComputeAsync(db, periodStart, date, ct)));
            if (CduText.QuarterOf(date) == 4)
                items.Add(new AgendaItem { Kind = AgendaItemKind.SeriousAdverseEvents, Title = $"Événements indésirables graves {date.Year}", Text = CduDemoData.AdverseEvents });
            items.Add(new AgendaItem { Kind = AgendaItemKind.SatisfactionResults, Title = "Résultats des enquêtes de satisfaction", Text = CduDemoData.Satisfaction });
            var order = 0;
            foreach (var item in items.OfType<AgendaItem>())
            {
                (item.MeetingId, item.Order) = (meeting.Id, ++order);
                meeting.Agenda.Add(item);
            }
            meeting.Attendance.AddRange(Attendance(meeting, members, random));
            db.CduMeetings.Add(meeting);
            meetings.Add(meeting);
            previous = date;
        }
        await db.SaveChangesAsync(ct);
        return meetings;
    }

    /// <summary>Full and optional members mostly present; a full member now and then replaced by a deputy of his category.</summary>
    private static IEnumerable<CduAttendance> Attendance(CduMeeting meeting, List<CduMember> members, Random random)
    {
        var sitting = members.Where(m => m.MandateStart <= meeting.Date).ToList();
        var deputies = sitting.Where(m => m.IsDeputy).ToList();
        foreach (var member in sitting.Where(m => !m.IsDeputy))
        {
            var roll = random.Next(100);
            var deputy = deputies.FirstOrDefault(d => d.Category == member.Category);
            var presence = roll < 75 ? CduPresence.Present
                : roll < 90 && deputy is not null ? CduPresence.DeputyReplacing
                : roll < 95 ? CduPresence.Excused : CduPresence.Absent;
            yield return new CduAttendance { MeetingId = meeting.Id, MemberId = member.Id, Presence = presence };
            if (presence == CduPresence.DeputyReplacing)
            {
                deputies.Remove(deputy!);
                yield return new CduAttendance { MeetingId = meeting.Id, MemberId = deputy!.Id, Presence = CduPresence.Present };
            }
        }
    }

    /// <summary>The complaint could have been examined on <paramref name="date"/>: after its mediation report, before its answer.</summary>
    private static bool Fits(Complaint c, DateOnly date)
    {
        var report = c.Events.Where(e => e.Type is CaseEventTypes.MediationReportSent or CaseEventTypes.MediationMeeting)
            .Select(e => (DateOnly?)e.OccurredOn).Max() ?? c.ReceivedOn;
        return report <= date && (c.AnswerSentOn is null || date <= c.AnswerSentOn) && (c.ClosedOn is null || date <= c.ClosedOn);
    }

    private static DateOnly Weekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(2),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };
}
