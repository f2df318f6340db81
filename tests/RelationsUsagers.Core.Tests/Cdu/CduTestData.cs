using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Complaints;

namespace RelationsUsagers.Core.Tests.Cdu;

/// <summary>The CDU services on a test database, and cases, members and meetings written straight into it.</summary>
internal static class CduTestData
{
    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static CduMemberService Members(this TestDatabase database) => new(database.Factory, database.Clock);

    public static CduMeetingService Meetings(this TestDatabase database) =>
        new(database.Factory, database.Clock, database.CreateService(), database.CreateValidators());

    public static CduAgendaService Agenda(this TestDatabase database) => new(database.Factory, database.Clock);

    public static CduMemberViewService MemberView(this TestDatabase database, string userName = "cdu") =>
        new(database.FactoryFor(userName), database.Clock);

    public static CduRecommendationService Recommendations(this TestDatabase database) => new(database.Factory);

    public static AnnualReportService AnnualReport(this TestDatabase database) => new(database.Factory);

    /// <summary>
    /// Writes a case as it stands after its history: reference, status and timeline given, each event also filling its
    /// fact column (<see cref="CaseEventFacts"/>), as the service would have done step by step.
    /// </summary>
    public static async Task<T> AddCaseAsync<T>(this TestDatabase database, T file, string reference, CaseStatus status,
        params (string Type, DateOnly On, string? Note)[] events) where T : CaseFile
    {
        file.Reference = reference;
        file.Status = status;
        file.Events = [new CaseEvent { CaseFileId = file.Id, Type = CaseEventTypes.Received, OccurredOn = file.ReceivedOn }];
        foreach (var (type, on, note) in events)
        {
            file.Events.Add(new CaseEvent { CaseFileId = file.Id, Type = type, OccurredOn = on, Note = note });
            CaseKinds.Of(file).ApplyFact(file, type, on);
        }
        if (status.IsFinal())
            (file.ClosedOn, file.Outcome) = (file.Events.Max(e => e.OccurredOn), "Clos.");
        await using var db = database.CreateContext();
        db.CaseFiles.Add(file);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return file;
    }

    /// <summary>A grievance received on <paramref name="receivedOn"/>, for the services and motives given.</summary>
    public static Complaint Complaint(DateOnly receivedOn, string service = "Urgences", params ComplaintMotive[] motives)
    {
        var complaint = TestCases.Complaint(receivedOn);
        complaint.FactsOn = null;
        complaint.Services = [service];
        complaint.Motives = motives.Length == 0 ? [ComplaintMotive.WaitingTimes] : [.. motives];
        return complaint;
    }

    public static async Task<CduMeeting> AddMeetingAsync(this TestDatabase database, DateOnly date,
        CduMeetingStatus status = CduMeetingStatus.Planned, params AgendaItem[] items)
    {
        var meeting = new CduMeeting { Date = date, Place = "Salle du conseil", Status = status };
        if (status is CduMeetingStatus.AgendaPublished or CduMeetingStatus.Held)
            (meeting.ConvocationSentOn, meeting.AgendaPublishedOn) = (date.AddDays(-10), date.AddDays(-10));
        var order = 0;
        foreach (var item in items)
        {
            (item.MeetingId, item.Order) = (meeting.Id, ++order);
            meeting.Agenda.Add(item);
        }
        await using var db = database.CreateContext();
        db.CduMeetings.Add(meeting);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return meeting;
    }

    public static async Task AddAsync(this TestDatabase database, params object[] entities)
    {
        await using var db = database.CreateContext();
        db.AddRange(entities);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public static CduMember Member(string name, CduCategory category, bool deputy = false, CduOffice office = CduOffice.None,
        string? department = null, DateOnly? start = null) => new()
    {
        FullName = name, Category = category, IsDeputy = deputy, Office = office,
        Department = department ?? (category is CduCategory.MedicalMediator or CduCategory.NonMedicalMediator ? "Cardiologie" : null),
        Association = category == CduCategory.PatientRepresentative ? "France Assos Santé" : null,
        MandateStart = start ?? D(2024, 1, 1), MandateEnd = CduMember.DefaultMandateEnd(start ?? D(2024, 1, 1)),
    };
}
