using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Tests.Timeline;

/// <summary>
/// CaseFileService.AddEventAsync on each database (SQLite file, PostgreSQL): an event fills its fact column, is audited and refreshes the
/// queue's due date. The access request is received on 2 March 2026 (due 10 March); today is 15 March.
/// </summary>
public abstract class AddEventTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int month, int day) => new(2026, month, day);

    private async Task<(TestDatabase Database, CaseFileService Service, AccessRequest Created)> ArrangeAsync()
    {
        var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var created = (AccessRequest)await service.CreateAsync(TestCases.AccessRequest(), Ct);
        return (database, service, created);
    }

    private static async Task<AccessRequest> ReadAsync(TestDatabase database, Guid id)
    {
        await using var db = database.CreateContext();
        return await db.AccessRequests.AsNoTracking().Include(c => c.Events).SingleAsync(c => c.Id == id, Ct);
    }

    private static async Task<List<AuditEntry>> AuditAsync(TestDatabase database, Guid id, string action)
    {
        await using var db = database.CreateContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.CaseFileId == id && a.Action == action).ToListAsync(Ct);
    }

    [Fact]
    public async Task A_copy_sent_by_recorded_delivery_without_its_number_is_refused_and_nothing_is_saved()
    {
        var (database, service, created) = await ArrangeAsync();
        await using var _ = database;
        created.CommunicationMode = CommunicationMode.RecordedDelivery;
        var updated = await service.UpdateAsync(created, Ct);
        var complete = await service.AddEventAsync(updated.Id, updated.ConcurrencyStamp, CaseEventTypes.ProofsComplete, D(3, 3), null, Ct);

        var refused = await Assert.ThrowsAsync<CaseValidationException>(() =>
            service.AddEventAsync(complete.Id, complete.ConcurrencyStamp, CaseEventTypes.CopySent, D(3, 9), null, Ct));

        Assert.Equal("Le numéro de recommandé est obligatoire pour un envoi en recommandé avec AR.", Assert.Single(refused.Errors).ErrorMessage);
        var stored = await ReadAsync(database, created.Id);
        Assert.Equal((CaseStatus.Complete, null), (stored.Status, stored.SentOn));
        Assert.DoesNotContain(stored.Events, e => e.Type == CaseEventTypes.CopySent);
    }

    [Fact]
    public async Task Recording_proofs_complete_sets_the_completion_date_and_writes_an_audit_line()
    {
        var (database, service, created) = await ArrangeAsync();
        await using var _ = database;

        var returned = (AccessRequest)await service.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.ProofsComplete,
            D(3, 6), "  Pièce d'identité reçue par courrier  ", Ct);

        var saved = await ReadAsync(database, created.Id);
        Assert.Equal(D(3, 6), returned.CompletedOn);
        Assert.Equal(D(3, 6), saved.CompletedOn);
        var ev = Assert.Single(saved.Events, e => e.Type == CaseEventTypes.ProofsComplete);
        Assert.Equal((D(3, 6), "Pièce d'identité reçue par courrier", TestDatabase.DefaultUserName), (ev.OccurredOn, ev.Note, ev.RecordedBy));
        // The creation wrote the first line ("Demande reçue"); the new event writes its own.
        var audit = Assert.Single(await AuditAsync(database, created.Id, AuditActions.EventAdded), a => a.Details != "Demande reçue le 02/03/2026");
        Assert.Equal(("Événement ajouté", "Pièces complètes reçues le 06/03/2026", created.Reference, TestDatabase.DefaultUserName),
            (audit.Action, audit.Details, audit.CaseReference, audit.UserName));
    }

    [Fact]
    public async Task Recording_an_event_that_fills_a_fact_replaces_the_concurrency_stamp()
    {
        var (database, service, created) = await ArrangeAsync();
        await using var _ = database;

        var returned = await service.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.ProofsComplete, D(3, 6), null, Ct);

        Assert.NotEqual(created.ConcurrencyStamp, returned.ConcurrencyStamp);
        Assert.Equal(returned.ConcurrencyStamp, (await ReadAsync(database, created.Id)).ConcurrencyStamp);
    }

    [Fact]
    public async Task A_blank_note_is_stored_as_no_note()
    {
        var (database, service, created) = await ArrangeAsync();
        await using var _ = database;

        await service.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.Note, D(3, 6), "   ", Ct);

        Assert.Null(Assert.Single((await ReadAsync(database, created.Id)).Events, e => e.Type == CaseEventTypes.Note).Note);
    }

    [Fact]
    public async Task Recording_the_copy_sent_sets_SentOn_and_clears_the_due_date_because_the_deadline_is_met()
    {
        var (database, service, created) = await ArrangeAsync();
        await using var _ = database;
        Assert.Equal(D(3, 10), created.NextDueOn);
        var complete = await service.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.ProofsComplete, D(3, 3), null, Ct);

        var returned = (AccessRequest)await service.AddEventAsync(created.Id, complete.ConcurrencyStamp, CaseEventTypes.CopySent, D(3, 9), null, Ct);

        var saved = await ReadAsync(database, created.Id);
        Assert.Equal((D(3, 9), D(3, 9)), (returned.SentOn, saved.SentOn));
        Assert.Null(saved.NextDueOn);
        Assert.Null(saved.NextDueCode);
        Assert.False(saved.ClockSuspended);
    }

    [Fact]
    public async Task A_copy_sent_late_also_clears_the_due_date()
    {
        var (database, service, created) = await ArrangeAsync();
        await using var _ = database;

        var complete = await service.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.ProofsComplete, D(3, 3), null, Ct);
        await service.AddEventAsync(created.Id, complete.ConcurrencyStamp, CaseEventTypes.CopySent, TestDatabase.Today, null, Ct);

        Assert.Null((await ReadAsync(database, created.Id)).NextDueOn);
    }

    [Fact]
    public async Task Recording_an_event_of_an_earlier_step_keeps_the_earliest_deadline()
    {
        var (database, service, created) = await ArrangeAsync();
        await using var _ = database;

        // Complete on 6 March: the office's 8 days run to the 14th, the legal ones from receipt still end on the 10th.
        await service.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.ProofsComplete, D(3, 6), null, Ct);

        Assert.Equal(D(3, 10), (await ReadAsync(database, created.Id)).NextDueOn);
    }

    [Fact]
    public async Task A_date_in_the_future_is_refused_and_nothing_is_written()
    {
        var (database, service, created) = await ArrangeAsync();
        await using var _ = database;

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.MedicalValidation, D(3, 16), null, Ct));

        Assert.Equal("La date de l'événement ne peut pas être dans le futur.", refusal.Message);
        var saved = await ReadAsync(database, created.Id);
        Assert.Equal([CaseEventTypes.Received], saved.Events.Select(e => e.Type));
        Assert.Equal(created.ConcurrencyStamp, saved.ConcurrencyStamp);
        Assert.Equal("Demande reçue le 02/03/2026", Assert.Single(await AuditAsync(database, created.Id, AuditActions.EventAdded)).Details);
    }

    [Fact]
    public async Task Today_is_the_Paris_date_so_an_evening_event_is_not_refused_as_future()
    {
        // 23:30 UTC on 15 March is 00:30 on 16 March in Paris.
        await using var database = await TestDatabase.CreateAsync(Provider, TestDatabase.DefaultUserName, new DateTimeOffset(2026, 3, 15, 23, 30, 0, TimeSpan.Zero), Ct);
        var service = database.CreateService();
        var created = await service.CreateAsync(TestCases.AccessRequest(), Ct);

        await service.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.ProofsComplete, D(3, 16), null, Ct);

        Assert.Equal(D(3, 16), (await ReadAsync(database, created.Id)).CompletedOn);
    }

    [Fact]
    public async Task A_date_before_receipt_is_refused()
    {
        var (database, service, created) = await ArrangeAsync();
        await using var _ = database;

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.MedicalValidation, D(3, 1), null, Ct));

        Assert.Equal("La date de l'événement ne peut pas précéder la réception du dossier.", refusal.Message);
        Assert.Null((await ReadAsync(database, created.Id)).CompletedOn);
    }

    [Fact]
    public async Task An_event_on_the_day_of_receipt_is_accepted()
    {
        var (database, service, created) = await ArrangeAsync();
        await using var _ = database;

        await service.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.ProofsComplete, created.ReceivedOn, null, Ct);

        Assert.Equal(created.ReceivedOn, (await ReadAsync(database, created.Id)).CompletedOn);
    }

    [Theory]
    [InlineData(CaseEventTypes.AnswerSent)]   // a complaint's
    [InlineData(CaseEventTypes.ItemsSent)]    // a requisition's
    [InlineData(CaseEventTypes.CciReferred)]  // an indemnity claim's
    [InlineData(CaseEventTypes.Received)]     // written once, by the creation
    [InlineData("copy-lost")]
    public async Task An_event_type_that_is_not_of_the_case_kind_is_refused(string type)
    {
        var (database, service, created) = await ArrangeAsync();
        await using var _ = database;

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.AddEventAsync(created.Id, created.ConcurrencyStamp, type, D(3, 6), null, Ct));

        Assert.Equal("Ce type d'événement n'existe pas pour ce dossier.", refusal.Message);
        Assert.Single((await ReadAsync(database, created.Id)).Events);
    }

    [Fact]
    public async Task A_complaint_answer_sets_its_own_fact_column()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var created = await service.CreateAsync(TestCases.Complaint(), Ct);

        await service.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.AnswerSent, D(3, 12), null, Ct);

        await using var db = database.CreateContext();
        Assert.Equal(D(3, 12), (await db.Complaints.AsNoTracking().SingleAsync(c => c.Id == created.Id, Ct)).AnswerSentOn);
    }

    [Fact]
    public async Task A_stale_concurrency_stamp_is_refused_as_a_conflict()
    {
        var (database, service, created) = await ArrangeAsync();
        await using var _ = database;
        var colleague = database.CreateService("j.roux");
        database.Clock.Advance(TimeSpan.FromMinutes(5));
        await colleague.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.ProofsComplete, D(3, 9), null, Ct);

        var conflict = await Assert.ThrowsAsync<CaseConflictException>(() =>
            service.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.ProofsComplete, D(3, 12), null, Ct));

        Assert.Contains("modifié par j.roux ", conflict.Message, StringComparison.Ordinal);
        var saved = await ReadAsync(database, created.Id);
        Assert.Equal(D(3, 9), saved.CompletedOn);
        Assert.Single(saved.Events, e => e.Type == CaseEventTypes.ProofsComplete);
    }

    [Fact]
    public async Task A_stamp_that_changed_between_the_read_and_the_write_is_refused_as_a_conflict()
    {
        var (database, service, created) = await ArrangeAsync();
        await using var _ = database;
        var colleague = database.CreateService("j.roux");
        var interleaved = new SaveInterleaver(() =>
            colleague.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.ProofsComplete, D(3, 9), null, Ct));
        var racing = database.CreateService(TestDatabase.DefaultUserName, interleaved);

        await Assert.ThrowsAsync<CaseConflictException>(() =>
            racing.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.ProofsComplete, D(3, 12), null, Ct));

        var saved = await ReadAsync(database, created.Id);
        Assert.Equal(D(3, 9), saved.CompletedOn);
        Assert.Single(saved.Events, e => e.Type == CaseEventTypes.ProofsComplete);
    }

    [Fact]
    public async Task An_event_on_a_case_that_does_not_exist_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            database.CreateService().AddEventAsync(Guid.NewGuid(), Guid.NewGuid(), CaseEventTypes.Note, D(3, 6), null, Ct));

        Assert.Equal("Ce dossier n'existe plus.", refusal.Message);
    }

    [Fact]
    public async Task The_opened_case_shows_its_timeline_in_date_order()
    {
        var (database, service, created) = await ArrangeAsync();
        await using var _ = database;
        var after = await service.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.MedicalValidation, D(3, 9), null, Ct);
        await service.AddEventAsync(created.Id, after.ConcurrencyStamp, CaseEventTypes.ProofsComplete, D(3, 6), null, Ct);

        var opened = (await service.OpenAsync(created.Id, Ct))!;

        Assert.Equal([CaseEventTypes.Received, CaseEventTypes.ProofsComplete, CaseEventTypes.MedicalValidation], opened.Events.Select(e => e.Type));
    }
}

public sealed class SqliteAddEventTests : AddEventTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlAddEventTests : AddEventTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
