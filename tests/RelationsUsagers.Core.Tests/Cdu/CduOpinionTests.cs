using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;
using static RelationsUsagers.Core.Tests.Cdu.CduTestData;

namespace RelationsUsagers.Core.Tests.Cdu;

/// <summary>R.1112-94 al.2-3: the CDU's opinion, recorded on the complaint, starts the director's 8-day answer (Cdu/CduMeetingService.cs).</summary>
public abstract class CduOpinionTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(CduMeeting Meeting, Complaint Complaint)> SeedAsync(TestDatabase database, bool litigation = false)
    {
        var complaint = Complaint(D(2026, 3, 2));
        complaint.IsLitigation = litigation;
        await database.AddCaseAsync(complaint, "PLT-2026-00001", CaseStatus.AwaitingCdu, (CaseEventTypes.AcknowledgementSent, D(2026, 3, 3), null));
        var meeting = await database.AddMeetingAsync(D(2026, 3, 10), CduMeetingStatus.AgendaPublished);
        return (meeting, complaint);
    }

    [Fact]
    public async Task An_opinion_given_at_the_meeting_of_10_March_makes_the_answer_due_on_18_March()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var (meeting, complaint) = await SeedAsync(database);

        var saved = await database.Meetings().RecordOpinionAsync(meeting.Id, complaint.Id, CduOpinion.Recommendation,
            "La CDU recommande d'informer la famille toutes les deux heures.", Ct);

        Assert.Equal((CduOpinion.Recommendation, D(2026, 3, 10)), (saved.CduOpinion, saved.CduMeetingOn));
        var deadline = (await new LegalClockService(database.Factory, database.Clock).GetDeadlinesAsync(complaint.Id, Ct))
            .Single(d => d.Code == DelaySettings.ComplaintAnswerAfterCdu);
        Assert.Equal((D(2026, 3, 10), D(2026, 3, 18), DeadlineState.Upcoming, "CSP art. R.1112-94 al.3"),
            (deadline.StartOn, deadline.DueOn, deadline.State, deadline.Article));
        await using var db = database.CreateContext();
        var stored = await db.Complaints.AsNoTracking().Include(c => c.Events).SingleAsync(c => c.Id == complaint.Id, Ct);
        Assert.Equal("La CDU recommande d'informer la famille toutes les deux heures.", stored.CduOpinionText);
        var examined = Assert.Single(stored.Events, e => e.Type == CaseEventTypes.CduExamined);
        Assert.Equal((D(2026, 3, 10), "Examiné en séance de la CDU du 10/03/2026."), (examined.OccurredOn, examined.Note));
        // The queue sorts the case by the answer due after the CDU (R.1112-94 al.3).
        Assert.Equal((D(2026, 3, 18), DelaySettings.ComplaintAnswerAfterCdu), (stored.NextDueOn, stored.NextDueCode));
    }

    [Fact]
    public async Task Correcting_the_opinion_of_the_same_meeting_adds_no_second_event()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var (meeting, complaint) = await SeedAsync(database);
        var meetings = database.Meetings();

        await meetings.RecordOpinionAsync(meeting.Id, complaint.Id, CduOpinion.Recommendation, "Premier texte.", Ct);
        var corrected = await meetings.RecordOpinionAsync(meeting.Id, complaint.Id, CduOpinion.ReasonedClosure, "Classement motivé.", Ct);

        Assert.Equal((CduOpinion.ReasonedClosure, "Classement motivé."), (corrected.CduOpinion, corrected.CduOpinionText));
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.CaseEvents.CountAsync(e => e.CaseFileId == complaint.Id && e.Type == CaseEventTypes.CduExamined, Ct));
    }

    [Fact]
    public async Task The_opinion_given_at_a_meeting_is_read_back_for_it_only_and_the_read_is_audited()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var (meeting, complaint) = await SeedAsync(database);
        var meetings = database.Meetings();
        Assert.Null(await meetings.RecordedOpinionAsync(meeting.Id, complaint.Id, Ct));

        await meetings.RecordOpinionAsync(meeting.Id, complaint.Id, CduOpinion.Recommendation, "Informer la famille.", Ct);

        Assert.Equal((CduOpinion.Recommendation, "Informer la famille."), await meetings.RecordedOpinionAsync(meeting.Id, complaint.Id, Ct));
        await using var db = database.CreateContext();
        var read = await db.AuditEntries.Where(a => a.CaseFileId == complaint.Id && a.Action == AuditActions.Opened).Select(a => a.Details).ToListAsync(Ct);
        Assert.Equal(["Avis de la CDU lu depuis la séance du 10/03/2026"], read);
    }

    [Fact]
    public async Task Litigation_is_not_examined_by_the_CDU()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var (meeting, complaint) = await SeedAsync(database, litigation: true);

        var error = await Assert.ThrowsAsync<CaseRuleException>(() =>
            database.Meetings().RecordOpinionAsync(meeting.Id, complaint.Id, CduOpinion.RemediesInformation, "Voies de recours.", Ct));

        Assert.Equal("Une réclamation contentieuse n'est pas examinée par la CDU (art. R.1112-80 I du CSP) : elle lui est présentée pour information.",
            error.Message);
    }

    [Fact]
    public async Task No_opinion_before_the_meeting_nor_without_text_and_the_complaint_is_left_untouched()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var (_, complaint) = await SeedAsync(database);
        var future = await database.AddMeetingAsync(D(2026, 3, 26), CduMeetingStatus.AgendaPublished);
        var before = await database.AddMeetingAsync(D(2026, 2, 24), CduMeetingStatus.Held);
        var meetings = database.Meetings();

        var early = await Assert.ThrowsAsync<CaseRuleException>(() =>
            meetings.RecordOpinionAsync(future.Id, complaint.Id, CduOpinion.Recommendation, "Texte.", Ct));
        var empty = await Assert.ThrowsAsync<CaseRuleException>(() =>
            meetings.RecordOpinionAsync(before.Id, complaint.Id, CduOpinion.Recommendation, " ", Ct));
        var beforeReceipt = await Assert.ThrowsAsync<CaseRuleException>(() =>
            meetings.RecordOpinionAsync(before.Id, complaint.Id, CduOpinion.Recommendation, "Texte.", Ct));

        Assert.Equal("La séance du 26/03/2026 n'a pas encore eu lieu.", early.Message);
        Assert.Equal("Le texte de l'avis de la CDU est obligatoire.", empty.Message);
        Assert.Equal("La date de l'événement ne peut pas précéder la réception du dossier.", beforeReceipt.Message);
        await using var db = database.CreateContext();
        var stored = await db.Complaints.AsNoTracking().SingleAsync(c => c.Id == complaint.Id, Ct);
        Assert.Equal((null, null), (stored.CduOpinion, stored.CduMeetingOn));
    }
}

public sealed class SqliteCduOpinionTests : CduOpinionTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlCduOpinionTests : CduOpinionTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
