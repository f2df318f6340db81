using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using static RelationsUsagers.Core.Tests.Cdu.CduTestData;

namespace RelationsUsagers.Core.Tests.Cdu;

/// <summary>R.1112-88: a meeting each quarter; the agenda sent 8 days before, or one clear day if urgent (Cdu/CduMeeting.cs).</summary>
public sealed class CduMeetingRulesTests
{
    [Theory]
    [InlineData(2026, 3, 4)]
    [InlineData(2026, 2, 20)]
    public void A_convocation_sent_8_days_or_more_before_the_meeting_is_in_time(int year, int month, int day) =>
        Assert.Null(CduMeetingRules.ConvocationProblem(D(2026, 3, 12), D(year, month, day), isUrgent: false));

    [Fact]
    public void A_convocation_sent_7_days_before_is_late_and_the_message_gives_the_last_day()
    {
        Assert.Equal(
            "La convocation et l'ordre du jour doivent être envoyés au moins 8 jours avant la séance : le 04/03/2026 au plus tard " +
            "pour une séance le 12/03/2026 (art. R.1112-88 du CSP). En cas d'urgence, un jour franc suffit.",
            CduMeetingRules.ConvocationProblem(D(2026, 3, 12), D(2026, 3, 5), isUrgent: false));
    }

    [Fact]
    public void In_an_emergency_one_clear_day_is_enough_sent_on_the_10th_for_the_12th()
    {
        // Sent Tuesday 10 March, Wednesday 11 is the clear day, the meeting is on Thursday 12.
        Assert.Null(CduMeetingRules.ConvocationProblem(D(2026, 3, 12), D(2026, 3, 10), isUrgent: true));
        Assert.Equal(D(2026, 3, 10), CduMeetingRules.LatestConvocationOn(D(2026, 3, 12), isUrgent: true));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void In_an_emergency_the_day_before_or_the_day_itself_leaves_no_clear_day(int sentDay)
    {
        Assert.Equal(
            "En urgence, la convocation doit être envoyée au moins un jour franc avant la séance : le 10/03/2026 au plus tard " +
            "pour une séance le 12/03/2026 (art. R.1112-88 du CSP).",
            CduMeetingRules.ConvocationProblem(D(2026, 3, 12), D(2026, 3, sentDay), isUrgent: true));
    }

    [Fact]
    public void A_convocation_after_the_meeting_or_missing_is_refused()
    {
        Assert.Equal("La convocation ne peut pas être envoyée après la séance.",
            CduMeetingRules.ConvocationProblem(D(2026, 3, 12), D(2026, 3, 13), isUrgent: true));
        Assert.Equal("La date d'envoi de la convocation est obligatoire.", CduMeetingRules.ConvocationProblem(D(2026, 3, 12), null, false));
    }

    [Fact]
    public void A_quarter_whose_only_meeting_was_cancelled_is_a_gap()
    {
        CduMeeting Meeting(DateOnly date, CduMeetingStatus status) => new() { Date = date, Status = status };
        var meetings = new[]
        {
            Meeting(D(2026, 3, 31), CduMeetingStatus.Held),
            Meeting(D(2026, 4, 1), CduMeetingStatus.Cancelled),
            Meeting(D(2026, 9, 30), CduMeetingStatus.Planned),
            Meeting(D(2026, 10, 1), CduMeetingStatus.AgendaPublished),
            Meeting(D(2027, 5, 1), CduMeetingStatus.Planned),
        };

        Assert.Equal(["Aucune séance prévue au 2e trimestre 2026 (au moins une séance par trimestre, art. R.1112-88 du CSP)."],
            CduMeetingRules.QuarterGaps(2026, meetings));
        Assert.Equal(
            ["Aucune séance prévue au 1er trimestre 2027 (au moins une séance par trimestre, art. R.1112-88 du CSP).",
             "Aucune séance prévue au 3e trimestre 2027 (au moins une séance par trimestre, art. R.1112-88 du CSP).",
             "Aucune séance prévue au 4e trimestre 2027 (au moins une séance par trimestre, art. R.1112-88 du CSP)."],
            CduMeetingRules.QuarterGaps(2027, meetings));
    }
}

/// <summary>The meetings as the service stores them, on each database: refusals write nothing, stale stamps, minutes, attendance.</summary>
public abstract class CduMeetingServiceTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Planning_a_meeting_with_a_late_convocation_is_refused_and_nothing_is_written()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var meetings = database.Meetings();

        var error = await Assert.ThrowsAsync<CaseRuleException>(() => meetings.SaveAsync(
            new CduMeeting { Date = D(2026, 3, 20), Place = "Salle du conseil", ConvocationSentOn = D(2026, 3, 15) }, Ct));

        Assert.StartsWith("La convocation et l'ordre du jour doivent être envoyés au moins 8 jours avant la séance : le 12/03/2026", error.Message,
            StringComparison.Ordinal);
        Assert.Empty(await meetings.ListAsync(2026, Ct));
        Assert.Equal(4, (await meetings.QuarterGapsAsync(2026, Ct)).Count);
    }

    [Fact]
    public async Task A_stale_stamp_is_refused_with_a_reload_message()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var meetings = database.Meetings();
        var meeting = await meetings.SaveAsync(new CduMeeting { Date = D(2026, 4, 9), Place = "Salle du conseil" }, Ct);
        var stale = meeting.ConcurrencyStamp;
        await meetings.SaveAsync(new CduMeeting { Id = meeting.Id, Date = D(2026, 4, 10), Place = "Salle B", ConcurrencyStamp = stale }, Ct);

        var error = await Assert.ThrowsAsync<CaseConflictException>(() => meetings.CancelAsync(meeting.Id, stale, Ct));

        Assert.Contains("rechargez-la", error.Message, StringComparison.Ordinal);
        Assert.Equal(CduMeetingStatus.Planned, (await meetings.GetAsync(meeting.Id, Ct))!.Status);
    }

    [Fact]
    public async Task Minutes_make_the_meeting_held_but_not_before_its_date()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var meetings = database.Meetings();
        var past = await database.AddMeetingAsync(D(2026, 3, 10), CduMeetingStatus.AgendaPublished);
        var future = await database.AddMeetingAsync(D(2026, 3, 26));

        var held = await meetings.RecordMinutesAsync(past.Id, past.ConcurrencyStamp, "Procès-verbal.", Ct);
        var error = await Assert.ThrowsAsync<CaseRuleException>(() => meetings.RecordMinutesAsync(future.Id, future.ConcurrencyStamp, "PV", Ct));

        Assert.Equal(CduMeetingStatus.Held, held.Status);
        Assert.Equal("La séance du 26/03/2026 n'a pas encore eu lieu.", error.Message);
    }

    [Fact]
    public async Task Attendance_replaces_the_list_and_refuses_a_deputy_replaced_by_a_deputy()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var full = Member("M. Gérard Hamon", CduCategory.PatientRepresentative);
        var deputy = Member("Mme Colette Barbier", CduCategory.PatientRepresentative, deputy: true);
        await database.AddAsync(full, deputy);
        var meeting = await database.AddMeetingAsync(D(2026, 3, 10), CduMeetingStatus.AgendaPublished);
        var meetings = database.Meetings();

        var error = await Assert.ThrowsAsync<CaseRuleException>(() => meetings.RecordAttendanceAsync(meeting.Id, meeting.ConcurrencyStamp,
            new Dictionary<Guid, CduPresence> { [deputy.Id] = CduPresence.DeputyReplacing }, Ct));
        var saved = await meetings.RecordAttendanceAsync(meeting.Id, meeting.ConcurrencyStamp,
            new Dictionary<Guid, CduPresence> { [full.Id] = CduPresence.DeputyReplacing, [deputy.Id] = CduPresence.Present }, Ct);

        Assert.Equal("Mme Colette Barbier est membre suppléant : seul un membre titulaire est remplacé par son suppléant (art. R.1112-87 du CSP).", error.Message);
        Assert.Equal(2, (await meetings.GetAsync(saved.Id, Ct))!.Attendance.Count);
    }
}

public sealed class SqliteCduMeetingServiceTests : CduMeetingServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlCduMeetingServiceTests : CduMeetingServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
