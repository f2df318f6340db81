using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Data.DemoSeed;
using RelationsUsagers.Core.Tests.Validation;
using static RelationsUsagers.Core.Tests.Cdu.CduTestData;

namespace RelationsUsagers.Core.Tests.Cdu;

/// <summary>The demo CDU written after the demo cases (Cdu/CduDemoSeeder.cs).</summary>
public abstract class CduDemoSeedTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<TestDatabase> SeededAsync()
    {
        var database = await TestDatabase.CreateAsync(Provider, Ct);
        await DemoCaseSeeder.SeedAsync(database.Factory, database.Clock, Ct);
        Assert.Equal(12, await CduDemoSeeder.SeedAsync(database.Factory, database.Clock, Ct));
        return database;
    }

    [Fact]
    public async Task Seeding_twice_writes_the_CDU_once()
    {
        await using var database = await SeededAsync();

        Assert.Equal(0, await CduDemoSeeder.SeedAsync(database.Factory, database.Clock, Ct));

        await using var db = database.CreateContext();
        Assert.Equal((12, 6), (await db.CduMembers.CountAsync(Ct), await db.CduMeetings.CountAsync(Ct)));
    }

    [Fact]
    public async Task The_demo_members_form_a_valid_full_committee_with_the_demo_accounts_and_a_mandate_ending_soon()
    {
        await using var database = await SeededAsync();
        var members = await database.Members().ListAsync(ct: Ct);

        Assert.All(members, m => ValidationAssert.Passes(new CduMemberValidator(members).Validate(m)));
        Assert.Empty(CduMandates.VacantSeats(members));
        var president = Assert.Single(members, m => m.Office == CduOffice.President);
        var vice = Assert.Single(members, m => m.Office == CduOffice.VicePresident);
        Assert.NotEqual(president.LegalCategory, vice.LegalCategory);
        Assert.Equal(CduCategory.PatientRepresentative, members.Single(m => m.UserName == "cdu").Category);
        Assert.Equal(CduCategory.MedicalMediator, members.Single(m => m.UserName == "mediator").Category);
        Assert.Equal("Mme Odile Prévost", Assert.Single(CduMandates.MandateAlerts(members, TestDatabase.Today, monthsAhead: 4)).FullName);
    }

    [Fact]
    public async Task Each_of_the_last_four_quarters_has_a_held_meeting_with_minutes_attendance_and_examined_complaints()
    {
        await using var database = await SeededAsync();
        await using var db = database.CreateContext();
        var held = await db.CduMeetings.AsNoTracking().Include(m => m.Agenda).Include(m => m.Attendance)
            .Where(m => m.Status == CduMeetingStatus.Held).OrderBy(m => m.Date).ToListAsync(Ct);

        // Today is 15 March 2026: the four quarters of 2025.
        Assert.Equal([1, 2, 3, 4], held.Select(m => (m.Date.Month - 1) / 3 + 1));
        Assert.All(held, m => Assert.Equal(2025, m.Date.Year));
        Assert.All(held, m =>
        {
            Assert.False(string.IsNullOrWhiteSpace(m.Minutes));
            Assert.NotEmpty(m.Attendance);
            Assert.Null(CduMeetingRules.ConvocationProblem(m.Date, m.ConvocationSentOn, m.IsUrgent));
        });
        var examined = held.SelectMany(m => m.Agenda.Where(i => i.CaseFileId is not null).Select(i => (m.Date, i.CaseFileId!.Value))).ToList();
        Assert.NotEmpty(examined);
        foreach (var (date, caseId) in examined)
        {
            var complaint = await db.Complaints.AsNoTracking().SingleAsync(c => c.Id == caseId, Ct);
            Assert.Equal(date, complaint.CduMeetingOn);
            Assert.NotNull(complaint.CduOpinion);
        }
    }

    [Fact]
    public async Task The_next_meeting_in_about_ten_days_has_a_published_agenda_the_members_can_read()
    {
        await using var database = await SeededAsync();

        var agenda = await database.MemberView().GetPublishedAgendaAsync(ct: Ct);

        Assert.NotNull(agenda);
        Assert.InRange(agenda.Date.DayNumber - TestDatabase.Today.DayNumber, 10, 12);
        Assert.Equal(TestDatabase.Today, agenda.ConvocationSentOn);
        Assert.Contains(agenda.Items, i => i.Kind == AgendaItemKind.ComplaintsReceivedAndAnswered);
        Assert.Contains(agenda.Items, i => i.Kind == AgendaItemKind.RecordAccessFigures);
        Assert.Contains(agenda.Items, i => i.Case is not null);
        Assert.DoesNotContain(agenda.Items, i => i.Case?.IsLitigation == true);
        // This meeting covers the first quarter, the one planned three months later the second.
        var gaps = await database.Meetings().QuarterGapsAsync(2026, Ct);
        Assert.Equal(2, gaps.Count);
        Assert.All(gaps, g => Assert.Matches("au [34]e trimestre 2026", g));

        var recommendations = await database.Recommendations().ListAsync(ct: Ct);
        Assert.True(recommendations.Select(r => r.Status).Distinct().Count() >= 3);
    }

    [Fact]
    public async Task The_demo_mediator_account_has_meetings_to_prepare_and_minutes_to_write()
    {
        await using var database = await SeededAsync();
        var mediation = new Core.Mediation.MediationService(database.Factory, database.CreateService(), database.Clock);

        var cases = await mediation.CasesOfMediatorAsync("mediator", Ct);

        Assert.NotEmpty(cases);
        await using var db = database.CreateContext();
        var appointments = await db.MediationAppointments.AsNoTracking().ToListAsync(Ct);
        Assert.Contains(appointments, a => a.Status == Core.Mediation.MediationAppointmentStatus.Planned && a.Date >= TestDatabase.Today);
        Assert.Contains(appointments, a => a.Status == Core.Mediation.MediationAppointmentStatus.Held);
        Assert.All(appointments, a => Assert.NotEmpty(a.MediatorIds));
        Assert.NotEmpty(await db.MediationMinutes.AsNoTracking().ToListAsync(Ct));
    }

    [Fact]
    public async Task The_demo_members_read_the_minutes_sent_where_the_patient_consented_and_only_there()
    {
        await using var database = await SeededAsync();

        var cases = (await database.MemberView().GetPublishedAgendaAsync(ct: Ct))!.Items.Select(i => i.Case).OfType<CduCaseSummary>().ToList();

        await using var db = database.CreateContext();
        var sent = await db.MediationMinutes.AsNoTracking().Where(m => m.Status >= Core.Mediation.MinutesStatus.SentToPresident).ToListAsync(Ct);
        Assert.NotEmpty(sent);
        Assert.All(sent, m => Assert.NotNull(m.SentToPresidentOn));
        Assert.Contains(cases, c => c.Minutes.Count > 0 && c.Minutes[0].Sections.Count >= 6);
        Assert.All(cases.Where(c => !c.MedicalDataConsent), c => Assert.Empty(c.Minutes));
    }

    [Theory]
    [InlineData(2026, 1, 2)]
    [InlineData(2026, 11, 25)]
    [InlineData(2026, 12, 30)]
    public async Task Seeding_works_whatever_the_day_of_the_year(int year, int month, int day)
    {
        var now = new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.Zero);
        await using var database = await TestDatabase.CreateAsync(Provider, "c.martin", now, Ct);
        await DemoCaseSeeder.SeedAsync(database.Factory, database.Clock, Ct);

        Assert.Equal(12, await CduDemoSeeder.SeedAsync(database.Factory, database.Clock, Ct));

        var agenda = await database.MemberView().GetPublishedAgendaAsync(ct: Ct);
        Assert.NotNull(agenda);
        Assert.InRange(agenda.Date.DayNumber - DateOnly.FromDateTime(now.Date).DayNumber, 10, 12);
        Assert.Equal(4, (await database.Meetings().ListAsync(ct: Ct)).Count(m => m.Status == CduMeetingStatus.Held));
        // R.1112-80 II f: proposed in a last-quarter meeting, or in a first-quarter one since none was presented that year yet.
        Assert.Contains(agenda.Items, i => i.Kind == AgendaItemKind.SeriousAdverseEvents);
        // Members never read a placeholder: the demo typed every text the builder leaves « À compléter ».
        Assert.All(agenda.Items, i => Assert.DoesNotContain("compléter", $"{i.Title}\n{i.Text}", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("Depuis ", agenda.Items.Single(i => i.Kind == AgendaItemKind.SeriousAdverseEvents).Text, StringComparison.Ordinal);
    }
}

public sealed class SqliteCduDemoSeedTests : CduDemoSeedTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlCduDemoSeedTests : CduDemoSeedTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
