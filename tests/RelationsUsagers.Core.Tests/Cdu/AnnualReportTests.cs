using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;
using static RelationsUsagers.Core.Cases.CaseEventTypes;
using static RelationsUsagers.Core.Tests.Cdu.CduTestData;

namespace RelationsUsagers.Core.Tests.Cdu;

/// <summary>The annual report's figures on a small set counted by hand (Cdu/AnnualReportService.cs).</summary>
public abstract class AnnualReportTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<AnnualReport> ReportOf2025Async(TestDatabase database)
    {
        // Complaints of 2025: three grievances and one praise; one of December 2024 is out.
        var c1 = Complaint(D(2025, 1, 10), "Urgences", ComplaintMotive.WaitingTimes, ComplaintMotive.Information);
        c1.Channel = Channel.Email;
        await database.AddCaseAsync(c1, "PLT-2025-00001", CaseStatus.Answered, (AnswerSent, D(2025, 1, 20), null));
        var c2 = Complaint(D(2025, 3, 1), "Facturation", ComplaintMotive.Billing);
        (c2.Services, c2.Channel, c2.MediationType, c2.MediatorName) = (["Facturation", "Urgences"], Channel.Mail, MediationType.NonMedical, "Mme Morel");
        (c2.CduOpinion, c2.CduOpinionText) = (CduOpinion.ReasonedClosure, "Classement.");
        await database.AddCaseAsync(c2, "PLT-2025-00002", CaseStatus.Answered, (CduExamined, D(2025, 3, 20), null), (AnswerSent, D(2025, 3, 31), null));
        var c3 = Complaint(D(2025, 6, 1), "Cardiologie", ComplaintMotive.WaitingTimes);
        (c3.Channel, c3.MediationType, c3.MediatorName, c3.IsLitigation) = (Channel.Mail, MediationType.Medical, "Dr Martin", true);
        await database.AddCaseAsync(c3, "PLT-2025-00003", CaseStatus.UnderInvestigation);
        var praise = Complaint(D(2025, 7, 1));
        praise.Nature = ComplaintNature.Praise;
        await database.AddCaseAsync(praise, "PLT-2025-00004", CaseStatus.Received);
        await database.AddCaseAsync(Complaint(D(2024, 12, 20)), "PLT-2024-00090", CaseStatus.Received);

        // Claims: two received in 2025 (one referred to the CCI in 2025), one of 2024 taken to court in 2025.
        await database.AddCaseAsync(TestCases.IndemnityClaim(D(2025, 2, 1)), "IND-2025-00001", CaseStatus.Received);
        var cci = TestCases.IndemnityClaim(D(2025, 5, 1));
        cci.Procedure = ClaimProcedure.Cci;
        await database.AddCaseAsync(cci, "IND-2025-00002", CaseStatus.CciProcedure, (CciReferred, D(2025, 6, 1), null));
        var court = TestCases.IndemnityClaim(D(2024, 10, 1));
        court.Procedure = ClaimProcedure.AdministrativeCourt;
        await database.AddCaseAsync(court, "IND-2024-00009", CaseStatus.Litigation, (CourtReferred, D(2025, 4, 1), null));

        // Record access: 7 days (in time), 11 days (late), and 49 days for information over five years old (in time).
        await database.AddCaseAsync(TestCases.AccessRequest(D(2025, 2, 3)), "DAD-2025-00001", CaseStatus.Sent, (CopySent, D(2025, 2, 10), null));
        await database.AddCaseAsync(TestCases.AccessRequest(D(2025, 3, 3)), "DAD-2025-00002", CaseStatus.Sent, (CopySent, D(2025, 3, 14), null));
        var older = TestCases.AccessRequest(D(2025, 4, 1));
        // Information of 2018: more than five years at receipt (R.1111-1 al.4), as the save stores it.
        (older.MostRecentInformationOn, older.InformationOlderThanFiveYears) = (D(2018, 9, 14), true);
        await database.AddCaseAsync(older, "DAD-2025-00003", CaseStatus.Sent, (CopySent, D(2025, 5, 20), null));

        // Members at the end of 2025 and three held meetings (Q1, Q2, Q4), the Q3 one cancelled.
        var ru1 = Member("M. Gérard Hamon", CduCategory.PatientRepresentative, office: CduOffice.President);
        var ru2 = Member("Mme Josiane Bernard", CduCategory.PatientRepresentative);
        var director = Member("Mme Anne Castel", CduCategory.LegalRepresentative, office: CduOffice.VicePresident);
        var deputy = Member("Mme Colette Barbier", CduCategory.PatientRepresentative, deputy: true);
        await database.AddAsync(ru1, ru2, director, deputy);
        async Task Held(DateOnly date, CduPresence r1, CduPresence r2, CduPresence d)
        {
            var meeting = await database.AddMeetingAsync(date, CduMeetingStatus.Held);
            await database.AddAsync(
                new CduAttendance { MeetingId = meeting.Id, MemberId = ru1.Id, Presence = r1 },
                new CduAttendance { MeetingId = meeting.Id, MemberId = ru2.Id, Presence = r2 },
                new CduAttendance { MeetingId = meeting.Id, MemberId = director.Id, Presence = d },
                new CduAttendance { MeetingId = meeting.Id, MemberId = deputy.Id, Presence = CduPresence.Present });
        }
        await Held(D(2025, 3, 20), CduPresence.Present, CduPresence.Excused, CduPresence.Present);
        await Held(D(2025, 6, 12), CduPresence.DeputyReplacing, CduPresence.Present, CduPresence.Absent);
        await Held(D(2025, 11, 27), CduPresence.Present, CduPresence.Present, CduPresence.Present);
        await database.AddMeetingAsync(D(2025, 9, 18), CduMeetingStatus.Cancelled);

        await database.AddAsync(
            new CduRecommendation { Year = 2025, Text = "A", Owner = "Direction", Status = CduRecommendationStatus.Done },
            new CduRecommendation { Year = 2025, Text = "B", Owner = "Direction", Status = CduRecommendationStatus.InProgress },
            new CduRecommendation { Year = 2025, Text = "C", Owner = "Direction", Status = CduRecommendationStatus.NotDone, FollowUpComment = "Reporté." },
            new CduRecommendation { Year = 2024, Text = "D", Owner = "Direction", Status = CduRecommendationStatus.Planned },
            new CduRecommendation { Year = 2024, Text = "E", Owner = "Direction", Status = CduRecommendationStatus.Done },
            new CduRecommendation { Year = 2026, Text = "F", Owner = "Direction", Status = CduRecommendationStatus.Planned });

        return await database.AnnualReport().GetAsync(2025, Ct);
    }

    private static List<(string, int)> Rows(IEnumerable<CountRow> rows) => rows.Select(r => (r.Label, r.Count)).ToList();

    [Fact]
    public async Task Complaints_are_counted_by_motive_service_and_channel_with_the_average_answer_delay()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var c = (await ReportOf2025Async(database)).Complaints;

        Assert.Equal((3, 1, 2, 1), (c.Received, c.Praise, c.Answered, c.ExaminedByCdu));
        Assert.Equal([("Délais d'attente", 2), ("Facturation", 1), ("Information / communication", 1)], Rows(c.ByMotive));
        Assert.Equal([("Urgences", 2), ("Cardiologie", 1), ("Facturation", 1)], Rows(c.ByService));
        Assert.Equal([("Courrier", 2), ("Courriel", 1)], Rows(c.ByChannel));
        // (10 + 30) / 2 days.
        Assert.Equal(20.0, c.AverageAnswerDays);
    }

    [Fact]
    public async Task Praise_and_the_other_expressions_of_the_quick_log_are_counted_by_service_and_kind()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        static Core.Expressions.UserExpression Expression(Core.Expressions.ExpressionKind kind, string? service, DateOnly on) =>
            new() { Kind = kind, Service = service, OccurredOn = on, Text = "…", RecordedBy = "officer" };
        await database.AddAsync(
            Expression(Core.Expressions.ExpressionKind.Praise, "Maternité", D(2025, 2, 1)),
            Expression(Core.Expressions.ExpressionKind.Praise, "Maternité", D(2025, 8, 1)),
            Expression(Core.Expressions.ExpressionKind.Praise, null, D(2025, 9, 1)),
            Expression(Core.Expressions.ExpressionKind.DeskVisit, "Accueil et admissions", D(2025, 9, 2)),
            Expression(Core.Expressions.ExpressionKind.Praise, "Maternité", D(2024, 12, 31)));

        var report = await ReportOf2025Async(database);

        // One praise file of 2025 (Urgences) and three praise logged in 2025 (one without a service); the one of 2024 is out.
        Assert.Equal(4, report.Complaints.Praise);
        Assert.Equal([("Maternité", 2), ("Non précisé", 1), ("Urgences", 1)], Rows(report.Expressions.PraiseByService));
        Assert.Equal([("Éloge", 3), ("Visite à l'accueil", 1)], Rows(report.Expressions.ByKind));
    }

    [Fact]
    public async Task Mediations_claims_and_record_access_are_counted_for_the_year()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var report = await ReportOf2025Async(database);

        Assert.Equal([("Médicale", 1), ("Non médicale", 1)], Rows(report.MediationsByType));
        var l = report.Litigation;
        Assert.Equal((2, 1, 1, 1), (l.ClaimsReceived, l.CciReferrals, l.CourtReferrals, l.LitigationComplaints));
        Assert.Equal([("Amiable", 1), ("CCI", 1)], Rows(l.ClaimsByProcedure));
        var a = report.RecordAccess;
        Assert.Equal((3, 3, 2, 1, 1, 1), (a.Received, a.Sent, a.SentUnder8Days, a.SentWithin8Days, a.SentUnder2Months, a.SentWithin2Months));
        Assert.Equal((50.0, 100.0, 9.0, 49.0), (a.PercentWithin8Days, a.PercentWithin2Months, a.AverageDays8Days, a.AverageDays2Months));
    }

    [Fact]
    public async Task Meetings_attendance_composition_and_recommendations()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var report = await ReportOf2025Async(database);

        var m = report.Meetings;
        Assert.Equal((3, 1), (m.Held, m.Cancelled));
        Assert.Equal([3], m.QuartersWithoutMeeting);
        // Full members' seats filled: 2 + 2 + 3 out of 9; patient representatives 1 + 2 + 2 out of 6. The deputy is not a seat.
        Assert.Equal((77.8, 83.3), (m.AttendanceRate, m.PatientRepresentativeAttendanceRate));

        var r = report.Recommendations;
        Assert.Equal((3, 1), (r.Total, r.OpenFromEarlierYears));
        Assert.Equal([("En cours", 1), ("Non réalisée", 1), ("Réalisée", 1)], Rows(r.ByStatus));

        var composition = report.Composition;
        Assert.Equal([("Représentant(e) des usagers", 3), ("Représentant(e) légal(e) de l'établissement", 1)], Rows(composition.MembersByCategory));
        Assert.Equal(("Représentant(e) des usagers", "Représentant(e) légal(e) de l'établissement"), (composition.PresidentCategory, composition.VicePresidentCategory));
        Assert.Equal(
        [
            "1 siège de médiateur(trice) médecin titulaire vacant", "1 siège de médiateur(trice) médecin suppléant(e) vacant",
            "1 siège de médiateur(trice) non médecin titulaire vacant", "1 siège de médiateur(trice) non médecin suppléant(e) vacant",
            "1 siège de représentant(e) des usagers suppléant(e) vacant",
        ], composition.VacantSeats);
    }
}

public sealed class SqliteAnnualReportTests : AnnualReportTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlAnnualReportTests : AnnualReportTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
