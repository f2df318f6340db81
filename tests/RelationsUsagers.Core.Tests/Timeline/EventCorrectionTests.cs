using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Tests.Timeline;

/// <summary>
/// CaseFileService.CorrectEventAsync / CancelEventAsync on each database (SQLite file, PostgreSQL): the old value stays on the event's row and in
/// the journal, the clocks, the fact columns, the status and the queue follow. Cases are received on 2 March 2026; today is
/// 15 March 2026.
/// </summary>
public abstract class EventCorrectionTests
{
    protected abstract DatabaseProvider Provider { get; }

    private const string Reason = "Date de l'accusé relevée sur le courrier daté du 9 mars";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int month, int day) => new(2026, month, day);

    private static async Task<CaseFile> ReadAsync(TestDatabase database, Guid id)
    {
        await using var db = database.CreateContext();
        return await db.CaseFiles.AsNoTracking().Include(c => c.Events).SingleAsync(c => c.Id == id, Ct);
    }

    private static async Task<List<AuditEntry>> AuditAsync(TestDatabase database, Guid id, string action)
    {
        await using var db = database.CreateContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.CaseFileId == id && a.Action == action).OrderBy(a => a.Id).ToListAsync(Ct);
    }

    private static async Task<Deadline> DeadlineAsync(TestDatabase database, Guid id, string code) =>
        Assert.Single(await new LegalClockService(database.Factory, database.Clock).GetDeadlinesAsync(id, Ct), d => d.Code == code);

    /// <summary>A complaint received on 2 March whose acknowledgement was recorded on 12 March: two days past its 10 March target.</summary>
    private static async Task<(CaseFile Case, CaseEvent Acknowledgement)> LateAcknowledgementAsync(CaseFileService service)
    {
        var created = await service.CreateAsync(TestCases.Complaint(), Ct);
        var acknowledged = await service.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.AcknowledgementSent, D(3, 12), "AR papier", Ct);
        return (acknowledged, acknowledged.Events.Single(e => e.Type == CaseEventTypes.AcknowledgementSent));
    }

    /// <summary>An access request complete on 3 March and whose copy was sent on 9 March (status « Communiqué »).</summary>
    private static async Task<AccessRequest> SentAccessRequestAsync(CaseFileService service)
    {
        var created = await service.CreateAsync(TestCases.AccessRequest(), Ct);
        var complete = await service.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.ProofsComplete, D(3, 3), null, Ct);
        return (AccessRequest)await service.AddEventAsync(complete.Id, complete.ConcurrencyStamp, CaseEventTypes.CopySent, D(3, 9), null, Ct);
    }

    [Fact]
    public async Task Correcting_a_late_acknowledgement_to_the_9th_makes_its_deadline_met_and_keeps_the_12th_with_the_reason()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var (complaint, acknowledgement) = await LateAcknowledgementAsync(service);
        var before = await DeadlineAsync(database, complaint.Id, DelaySettings.ComplaintAcknowledgement);
        Assert.Equal((D(3, 10), D(3, 12), DeadlineState.DoneLate), (before.DueOn, before.DoneOn, before.State));
        database.Clock.Advance(TimeSpan.FromMinutes(20));

        var corrected = await service.CorrectEventAsync(complaint.Id, complaint.ConcurrencyStamp, acknowledgement.Id, D(3, 9), "AR papier",
            "  " + Reason + " ", Ct);

        var after = await DeadlineAsync(database, complaint.Id, DelaySettings.ComplaintAcknowledgement);
        Assert.Equal((D(3, 10), D(3, 9), DeadlineState.Done), (after.DueOn, after.DoneOn, after.State));
        var stored = Assert.Single((await ReadAsync(database, complaint.Id)).Events, e => e.Id == acknowledgement.Id);
        Assert.Equal((D(3, 9), "AR papier", false), (stored.OccurredOn, stored.Note, stored.IsCancelled));
        var history = Assert.Single(stored.Corrections);
        Assert.Equal((false, D(3, 12), "AR papier", D(3, 9), Reason, TestDatabase.DefaultUserName, new DateTime(2026, 3, 15, 10, 20, 0)),
            (history.Cancelled, history.PreviousOccurredOn, history.PreviousNote, history.OccurredOn, history.Reason, history.By, history.AtUtc));
        var audit = Assert.Single(await AuditAsync(database, complaint.Id, AuditActions.EventCorrected));
        Assert.Equal($"Accusé de réception envoyé : 12/03/2026 → 09/03/2026 ; motif : {Reason}", audit.Details);
        Assert.Equal((complaint.Reference, TestDatabase.DefaultUserName), (audit.CaseReference, audit.UserName));
        Assert.NotEqual(complaint.ConcurrencyStamp, corrected.ConcurrencyStamp);
        Assert.DoesNotContain(await AuditAsync(database, complaint.Id, AuditActions.Updated), a => string.IsNullOrEmpty(a.Details));
    }

    [Fact]
    public async Task Correcting_the_copy_sent_moves_SentOn_and_the_queue_date_in_the_same_save()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        // Complete on 3 March, copy not sent yet: the legal 8 days end on 10 March, the queue shows it.
        var created = await service.CreateAsync(TestCases.AccessRequest(), Ct);
        var complete = await service.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.ProofsComplete, D(3, 3), null, Ct);
        var proofs = complete.Events.Single(e => e.Type == CaseEventTypes.ProofsComplete);
        Assert.Equal((D(3, 3), D(3, 10)), (((AccessRequest)complete).CompletedOn, complete.NextDueOn));

        // The proofs were in fact complete on the 5th: the office's 8 days from the complete request now end on the 13th,
        // the legal ones from receipt still on the 10th.
        var corrected = (AccessRequest)await service.CorrectEventAsync(complete.Id, complete.ConcurrencyStamp, proofs.Id, D(3, 5), null,
            "Pièce d'identité reçue le 5, saisie par erreur le 3", Ct);

        var stored = (AccessRequest)await ReadAsync(database, created.Id);
        Assert.Equal((D(3, 5), D(3, 10)), (stored.CompletedOn, stored.NextDueOn));
        Assert.Equal(D(3, 5), corrected.CompletedOn);
        var practice = (await new LegalClockService(database.Factory, database.Clock).GetDeadlinesAsync(created.Id, Ct))
            .Single(d => d.FromCompleteRequest && !d.IsFloor);
        Assert.Equal((D(3, 5), D(3, 13)), (practice.StartOn, practice.DueOn));
    }

    [Fact]
    public async Task Cancelling_the_copy_sent_keeps_the_row_takes_it_off_the_clock_and_returns_the_request_to_complete()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var sent = await SentAccessRequestAsync(service);
        var copy = sent.Events.Single(e => e.Type == CaseEventTypes.CopySent);
        Assert.Equal((CaseStatus.Sent, D(3, 9), (DateOnly?)null), (sent.Status, sent.SentOn, sent.NextDueOn));

        var cancelled = await service.CancelEventAsync(sent.Id, sent.ConcurrencyStamp, copy.Id, "Copie envoyée au mauvais dossier", Ct);

        var stored = (AccessRequest)await ReadAsync(database, sent.Id);
        var row = Assert.Single(stored.Events, e => e.Id == copy.Id);
        Assert.Equal((true, D(3, 9)), (row.IsCancelled, row.OccurredOn));
        Assert.Equal(("Copie envoyée au mauvais dossier", true), (Assert.Single(row.Corrections).Reason, row.Corrections[0].Cancelled));
        Assert.Equal((CaseStatus.Complete, null, D(3, 10), "access.8-days"), (stored.Status, stored.SentOn, stored.NextDueOn, stored.NextDueCode));
        Assert.Equal(CaseStatus.Complete, cancelled.Status);
        var legal = (await new LegalClockService(database.Factory, database.Clock).GetDeadlinesAsync(sent.Id, Ct))
            .Single(d => d.Code == "access.8-days" && !d.FromCompleteRequest);
        Assert.Equal((null, DeadlineState.Overdue), (legal.DoneOn, legal.State));
        Assert.Equal("Copie envoyée du 09/03/2026 annulé ; motif : Copie envoyée au mauvais dossier",
            Assert.Single(await AuditAsync(database, sent.Id, AuditActions.EventCancelled)).Details);
        Assert.Equal("Communiqué → Dossier complet (annulation de « Copie envoyée »)",
            (await AuditAsync(database, sent.Id, AuditActions.StatusChanged))[^1].Details);
    }

    [Fact]
    public async Task Cancelling_the_answer_given_after_a_mediation_sets_the_answer_date_from_the_first_and_returns_to_mediation()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var (complaint, _) = await LateAcknowledgementAsync(service);
        var first = await service.AddEventAsync(complaint.Id, complaint.ConcurrencyStamp, CaseEventTypes.AnswerSent, D(3, 13), null, Ct);
        var mediation = await service.AddEventAsync(first.Id, first.ConcurrencyStamp, CaseEventTypes.MediatorReferred, D(3, 13), null, Ct);
        var second = (Complaint)await service.AddEventAsync(mediation.Id, mediation.ConcurrencyStamp, CaseEventTypes.AnswerSent, D(3, 14), "Réponse après médiation", Ct);
        Assert.Equal((CaseStatus.Answered, D(3, 14)), (second.Status, second.AnswerSentOn));

        await service.CancelEventAsync(second.Id, second.ConcurrencyStamp,
            second.Events.Single(e => e.Type == CaseEventTypes.AnswerSent && e.OccurredOn == D(3, 14)).Id, "Réponse saisie deux fois", Ct);

        var stored = (Complaint)await ReadAsync(database, complaint.Id);
        Assert.Equal((CaseStatus.InMediation, D(3, 13)), (stored.Status, stored.AnswerSentOn));
        Assert.Equal("Réponse envoyée → En médiation (annulation de « Réponse envoyée »)",
            (await AuditAsync(database, complaint.Id, AuditActions.StatusChanged))[^1].Details);
    }

    [Fact]
    public async Task Cancelling_the_only_answer_returns_the_complaint_to_the_status_it_had_before_it()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var (complaint, _) = await LateAcknowledgementAsync(service);
        var investigating = await service.AddEventAsync(complaint.Id, complaint.ConcurrencyStamp, CaseEventTypes.SentToService, D(3, 12), null, Ct);
        var answered = await service.AddEventAsync(investigating.Id, investigating.ConcurrencyStamp, CaseEventTypes.AnswerSent, D(3, 14), null, Ct);

        await service.CancelEventAsync(answered.Id, answered.ConcurrencyStamp,
            answered.Events.Single(e => e.Type == CaseEventTypes.AnswerSent).Id, "Réponse enregistrée sur le mauvais dossier", Ct);

        var stored = (Complaint)await ReadAsync(database, complaint.Id);
        Assert.Equal((CaseStatus.UnderInvestigation, null), (stored.Status, stored.AnswerSentOn));
        Assert.Equal(D(4, 2), stored.NextDueOn);
    }

    [Fact]
    public async Task Cancelling_a_step_a_later_step_depends_on_is_refused_naming_the_status_and_nothing_changes()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var file = await service.CreateAsync(TestCases.Complaint(), Ct);
        file = await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "refer-mediator", new StepInput(D(3, 3)), ct: Ct);
        file = await service.AddEventAsync(file.Id, file.ConcurrencyStamp, CaseEventTypes.MediationMeeting, D(3, 5), null, Ct);
        file = await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "send-report", new StepInput(D(3, 6)), ct: Ct);
        var referral = file.Events.Single(e => e.Type == CaseEventTypes.MediatorReferred);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.CancelEventAsync(file.Id, file.ConcurrencyStamp, referral.Id, "Saisine enregistrée par erreur", Ct));

        Assert.Equal("« Médiateur saisi » du 03/03/2026 ne peut pas être annulé : le statut « En attente d'examen CDU » en dépend. " +
                     "« Compte rendu transmis au président de la CDU » du 06/03/2026 n'est pas une étape possible au statut « Reçu ».", refusal.Message);
        var stored = await ReadAsync(database, file.Id);
        Assert.Equal((CaseStatus.AwaitingCdu, false), (stored.Status, stored.Events.Single(e => e.Id == referral.Id).IsCancelled));
    }

    [Fact]
    public async Task The_closing_of_a_case_is_not_cancelled_but_its_date_is_corrected_with_the_closing_date()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var sent = await SentAccessRequestAsync(service);
        var closed = await service.TakeStepAsync(sent.Id, sent.ConcurrencyStamp, "close", new StepInput(D(3, 12), "Copie remise"), ct: Ct);
        var closing = closed.Events.Single(e => e.Type == CaseEventTypes.Closed);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.CancelEventAsync(closed.Id, closed.ConcurrencyStamp, closing.Id, "Clôture prématurée", Ct));
        var corrected = await service.CorrectEventAsync(closed.Id, closed.ConcurrencyStamp, closing.Id, D(3, 11), closing.Note, "Clos la veille", Ct);

        Assert.Equal("Une clôture ne s'annule pas : corrigez sa date si elle est erronée, ou demandez à un responsable de rouvrir le dossier.", refusal.Message);
        Assert.Equal((CaseStatus.Closed, D(3, 11)), (corrected.Status, corrected.ClosedOn));
        Assert.Equal(D(3, 11), (await ReadAsync(database, sent.Id)).ClosedOn);
    }

    [Fact]
    public async Task Correcting_the_receipt_corrects_the_case_received_date_and_its_deadlines()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var created = await service.CreateAsync(TestCases.AccessRequest(), Ct);
        var received = created.Events.Single(e => e.Type == CaseEventTypes.Received);

        await service.CorrectEventAsync(created.Id, created.ConcurrencyStamp, received.Id, D(3, 4), null, "Cachet d'arrivée du 4 mars", Ct);

        var stored = await ReadAsync(database, created.Id);
        // 4 March + 8 days = 12 March.
        Assert.Equal((D(3, 4), D(3, 12)), (stored.ReceivedOn, stored.NextDueOn));
        Assert.Equal(D(3, 2), Assert.Single(stored.Events.Single(e => e.Id == received.Id).Corrections).PreviousOccurredOn);
    }

    [Fact]
    public async Task The_receipt_cannot_be_moved_after_a_recorded_event_nor_cancelled()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var (complaint, _) = await LateAcknowledgementAsync(service);
        var received = complaint.Events.Single(e => e.Type == CaseEventTypes.Received);

        var late = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.CorrectEventAsync(complaint.Id, complaint.ConcurrencyStamp, received.Id, D(3, 13), null, "Cachet", Ct));
        var cancel = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.CancelEventAsync(complaint.Id, complaint.ConcurrencyStamp, received.Id, "Erreur", Ct));

        Assert.Equal("La réception ne peut pas être datée après l'événement « Accusé de réception envoyé » du 12/03/2026.", late.Message);
        Assert.Equal("La réception du dossier ne s'annule pas : corrigez sa date si elle est erronée.", cancel.Message);
        Assert.Equal(D(3, 2), (await ReadAsync(database, complaint.Id)).ReceivedOn);
    }

    [Fact]
    public async Task A_second_correction_keeps_the_first_one_in_the_history()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var (complaint, acknowledgement) = await LateAcknowledgementAsync(service);
        var once = await service.CorrectEventAsync(complaint.Id, complaint.ConcurrencyStamp, acknowledgement.Id, D(3, 9), "AR papier", "Premier motif", Ct);

        await service.CorrectEventAsync(once.Id, once.ConcurrencyStamp, acknowledgement.Id, D(3, 8), "AR papier et courriel", "Second motif", Ct);

        var history = (await ReadAsync(database, complaint.Id)).Events.Single(e => e.Id == acknowledgement.Id).Corrections;
        Assert.Equal([(D(3, 12), "AR papier", "Premier motif"), (D(3, 9), "AR papier", "Second motif")],
            history.Select(h => (h.PreviousOccurredOn, h.PreviousNote, h.Reason)));
        Assert.Equal("Accusé de réception envoyé : 09/03/2026 → 08/03/2026 ; note « AR papier » → « AR papier et courriel » ; motif : Second motif",
            (await AuditAsync(database, complaint.Id, AuditActions.EventCorrected))[^1].Details);
    }

    [Theory]
    [InlineData(null, 9, "Le motif de la correction est obligatoire.")]
    [InlineData("   ", 9, "Le motif de la correction est obligatoire.")]
    [InlineData(Reason, 16, "La date corrigée ne peut pas être dans le futur.")]
    [InlineData(Reason, 1, "La date corrigée ne peut pas précéder la réception du dossier (02/03/2026).")]
    [InlineData(Reason, 12, "La correction ne change ni la date ni la note de l'événement.")]
    public async Task A_correction_without_reason_in_the_future_before_receipt_or_changing_nothing_is_refused_and_nothing_is_written(
        string? reason, int day, string message)
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var (complaint, acknowledgement) = await LateAcknowledgementAsync(service);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.CorrectEventAsync(complaint.Id, complaint.ConcurrencyStamp, acknowledgement.Id, D(3, day), "AR papier", reason, Ct));

        Assert.Equal(message, refusal.Message);
        var stored = await ReadAsync(database, complaint.Id);
        var row = stored.Events.Single(e => e.Id == acknowledgement.Id);
        Assert.Equal((D(3, 12), 0, complaint.ConcurrencyStamp), (row.OccurredOn, row.Corrections.Count, stored.ConcurrencyStamp));
        Assert.Empty(await AuditAsync(database, complaint.Id, AuditActions.EventCorrected));
    }

    [Fact]
    public async Task A_cancellation_without_reason_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var (complaint, acknowledgement) = await LateAcknowledgementAsync(service);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.CancelEventAsync(complaint.Id, complaint.ConcurrencyStamp, acknowledgement.Id, " ", Ct));

        Assert.Equal("Le motif de l'annulation est obligatoire.", refusal.Message);
        Assert.False((await ReadAsync(database, complaint.Id)).Events.Single(e => e.Id == acknowledgement.Id).IsCancelled);
    }

    [Fact]
    public async Task A_correction_on_a_stale_stamp_is_refused_naming_who_saved_and_the_event_keeps_its_date()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var (complaint, acknowledgement) = await LateAcknowledgementAsync(service);
        var colleague = database.CreateService("j.roux");
        await colleague.CorrectEventAsync(complaint.Id, complaint.ConcurrencyStamp, acknowledgement.Id, D(3, 11), "AR papier", "Relu sur le registre", Ct);

        var conflict = await Assert.ThrowsAsync<CaseConflictException>(() =>
            service.CancelEventAsync(complaint.Id, complaint.ConcurrencyStamp, acknowledgement.Id, "Doublon", Ct));

        Assert.Contains("modifié par j.roux", conflict.Message, StringComparison.Ordinal);
        var row = (await ReadAsync(database, complaint.Id)).Events.Single(e => e.Id == acknowledgement.Id);
        Assert.Equal((D(3, 11), false, 1), (row.OccurredOn, row.IsCancelled, row.Corrections.Count));
    }

    [Fact]
    public async Task Two_corrections_of_the_same_event_at_the_same_time_cannot_overwrite_each_others_history()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var (complaint, acknowledgement) = await LateAcknowledgementAsync(service);
        // The colleague's correction lands between our read and our write (same stamp read by both).
        var colleague = database.CreateService("j.roux");
        var interleaved = database.CreateService(TestDatabase.DefaultUserName, new SaveInterleaver(() =>
            colleague.CorrectEventAsync(complaint.Id, complaint.ConcurrencyStamp, acknowledgement.Id, D(3, 11), "AR papier", "Relu sur le registre", Ct)));

        await Assert.ThrowsAsync<CaseConflictException>(() =>
            interleaved.CorrectEventAsync(complaint.Id, complaint.ConcurrencyStamp, acknowledgement.Id, D(3, 9), "AR papier", Reason, Ct));

        var row = (await ReadAsync(database, complaint.Id)).Events.Single(e => e.Id == acknowledgement.Id);
        Assert.Equal((D(3, 11), "Relu sur le registre"), (row.OccurredOn, Assert.Single(row.Corrections).Reason));
    }

    [Fact]
    public async Task A_cancelled_event_is_neither_corrected_nor_cancelled_again()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var (complaint, acknowledgement) = await LateAcknowledgementAsync(service);
        var cancelled = await service.CancelEventAsync(complaint.Id, complaint.ConcurrencyStamp, acknowledgement.Id, "Doublon", Ct);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.CorrectEventAsync(cancelled.Id, cancelled.ConcurrencyStamp, acknowledgement.Id, D(3, 9), null, Reason, Ct));

        Assert.Equal("Cet événement est déjà annulé : il ne se corrige plus.", refusal.Message);
        // Cancelled, the acknowledgement no longer meets its deadline: overdue since 10 March.
        Assert.Equal(DeadlineState.Overdue, (await DeadlineAsync(database, complaint.Id, DelaySettings.ComplaintAcknowledgement)).State);
    }
}

public sealed class SqliteEventCorrectionTests : EventCorrectionTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlEventCorrectionTests : EventCorrectionTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
