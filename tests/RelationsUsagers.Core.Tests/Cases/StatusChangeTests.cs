using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Requisitions;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Tests.Cases;

/// <summary>CaseFileService.ChangeStatusAsync: the workflow, the closing rules, what is stored.</summary>
public sealed class StatusChangeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<CaseFile> ReadAsync(TestDatabase database, Guid id)
    {
        await using var db = database.CreateContext();
        return await db.CaseFiles.AsNoTracking().SingleAsync(c => c.Id == id, Ct);
    }

    /// <summary>A requisition moved to "Réponse envoyée", one step from closing.</summary>
    private static async Task<CaseFile> AnsweredRequisitionAsync(CaseFileService service)
    {
        var created = await service.CreateAsync(TestCases.Requisition(), Ct);
        return await service.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.ItemsSent, created.ReceivedOn, null, Ct);
    }

    [Fact]
    public async Task A_step_whose_date_is_a_fact_is_refused_as_a_bare_status_and_taken_as_its_dated_event()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        var service = database.CreateService();
        var created = await service.CreateAsync(TestCases.AccessRequest(), Ct);
        var complete = await service.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.ProofsComplete, created.ReceivedOn, null, Ct);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.ChangeStatusAsync(complete.Id, complete.ConcurrencyStamp, CaseStatus.Sent, ct: Ct));

        Assert.Equal("Le passage au statut « Communiqué » s'enregistre avec sa date : ajoutez l'événement « Copie envoyée ».",
            refusal.Message);
        Assert.Equal((CaseStatus.Complete, null), ((await ReadAsync(database, created.Id)).Status, ((AccessRequest)await ReadAsync(database, created.Id)).SentOn));
        var sent = await service.AddEventAsync(complete.Id, complete.ConcurrencyStamp, CaseEventTypes.CopySent, TestDatabase.Today, null, Ct);
        Assert.Equal((CaseStatus.Sent, TestDatabase.Today), (sent.Status, ((AccessRequest)sent).SentOn));
    }

    /// <summary>Each dated step's events move the case to that status and fill a date column (the fact the clocks read).</summary>
    [Fact]
    public void Every_dated_step_event_leads_to_its_status_and_fills_a_date()
    {
        var steps = 0;
        foreach (var kind in Enum.GetValues<CaseKind>())
        {
            foreach (var status in Enum.GetValues<CaseStatus>())
            {
                foreach (var type in CaseEventFacts.EventsInto(kind, status))
                {
                    steps++;
                    Assert.Equal(status, CaseEventFacts.StatusAfter(kind, type));
                    var file = TestCases.Of(kind);
                    var before = DatesOf(file);
                    CaseEventFacts.Apply(file, type, new DateOnly(2026, 3, 4));
                    Assert.NotEqual(before, DatesOf(file));
                }
            }
        }
        Assert.True(steps >= 7);
    }

    private static string DatesOf(CaseFile file) => string.Join(";", file.GetType().GetProperties()
        .Where(p => p.PropertyType == typeof(DateOnly?)).Select(p => $"{p.Name}={p.GetValue(file)}"));

    [Fact]
    public async Task A_legal_move_is_saved()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        var service = database.CreateService();
        var created = await service.CreateAsync(TestCases.AccessRequest(), Ct);

        var moved = await service.ChangeStatusAsync(created.Id, created.ConcurrencyStamp, CaseStatus.AwaitingProofs, ct: Ct);

        Assert.Equal(CaseStatus.AwaitingProofs, moved.Status);
        var stored = await ReadAsync(database, created.Id);
        Assert.Equal(CaseStatus.AwaitingProofs, stored.Status);
        Assert.Null(stored.ClosedOn);
        Assert.True(stored.IsOpen);
    }

    [Fact]
    public async Task An_illegal_move_is_refused_with_the_French_reason_and_nothing_is_saved()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        var service = database.CreateService();
        var created = await service.CreateAsync(TestCases.Complaint(), Ct);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.ChangeStatusAsync(created.Id, created.ConcurrencyStamp, CaseStatus.Closed, TestDatabase.Today, "Classé", Ct));

        Assert.StartsWith("Un dossier « Plainte / réclamation » ne peut pas passer de « Reçu » à « Clos ».", refusal.Message);
        var stored = await ReadAsync(database, created.Id);
        Assert.Equal((CaseStatus.Received, null, null), (stored.Status, stored.ClosedOn, stored.Outcome));
        Assert.Equal(created.ConcurrencyStamp, stored.ConcurrencyStamp);
        await using var db = database.CreateContext();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.StatusChanged, Ct));
    }

    [Fact]
    public async Task Moving_a_closed_case_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        var service = database.CreateService();
        var answered = await AnsweredRequisitionAsync(service);
        var closed = await service.ChangeStatusAsync(answered.Id, answered.ConcurrencyStamp, CaseStatus.Closed, outcome: "Pièces transmises à l'OPJ.", ct: Ct);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.ChangeStatusAsync(closed.Id, closed.ConcurrencyStamp, CaseStatus.Answered, ct: Ct));

        Assert.Equal("Un dossier « Réquisition » au statut « Clos » ne peut plus changer de statut.", refusal.Message);
    }

    [Fact]
    public async Task Closing_without_an_outcome_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        var service = database.CreateService();
        var answered = await AnsweredRequisitionAsync(service);

        var error = await Assert.ThrowsAsync<CaseValidationException>(() =>
            service.ChangeStatusAsync(answered.Id, answered.ConcurrencyStamp, CaseStatus.Closed, TestDatabase.Today, outcome: " ", ct: Ct));

        var failure = Assert.Single(error.Errors);
        Assert.Equal(("Outcome", "L'issue du dossier est obligatoire pour le clore."), (failure.PropertyName, failure.ErrorMessage));
        var stored = await ReadAsync(database, answered.Id);
        Assert.Equal((CaseStatus.Answered, null), (stored.Status, stored.ClosedOn));
    }

    [Fact]
    public async Task Closing_sets_the_closing_date_to_today_in_Paris_and_keeps_the_outcome()
    {
        // 23:30 UTC on 15 March: already 16 March in Paris.
        await using var database = await TestDatabase.CreateAsync("s.benali", new DateTimeOffset(2026, 3, 15, 23, 30, 0, TimeSpan.Zero), Ct);
        var service = database.CreateService();
        var answered = await AnsweredRequisitionAsync(service);

        var closed = await service.ChangeStatusAsync(answered.Id, answered.ConcurrencyStamp, CaseStatus.Closed,
            outcome: "Pièces transmises à l'OPJ.", ct: Ct);

        Assert.Equal(new DateOnly(2026, 3, 16), closed.ClosedOn);
        var stored = await ReadAsync(database, answered.Id);
        Assert.Equal((CaseStatus.Closed, new DateOnly(2026, 3, 16), "Pièces transmises à l'OPJ."), (stored.Status, stored.ClosedOn, stored.Outcome));
        Assert.False(stored.IsOpen);
    }

    [Fact]
    public async Task Closing_keeps_the_closing_date_given()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        var service = database.CreateService();
        var answered = await AnsweredRequisitionAsync(service);

        await service.ChangeStatusAsync(answered.Id, answered.ConcurrencyStamp, CaseStatus.Closed, new DateOnly(2026, 3, 13), "Pièces transmises.", Ct);

        Assert.Equal(new DateOnly(2026, 3, 13), (await ReadAsync(database, answered.Id)).ClosedOn);
    }

    [Fact]
    public async Task Closing_before_the_receipt_date_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        var service = database.CreateService();
        var answered = await AnsweredRequisitionAsync(service);

        var error = await Assert.ThrowsAsync<CaseValidationException>(() =>
            service.ChangeStatusAsync(answered.Id, answered.ConcurrencyStamp, CaseStatus.Closed, new DateOnly(2026, 2, 1), "Pièces transmises.", Ct));

        var failure = Assert.Single(error.Errors);
        Assert.Equal(("ClosedOn", "La date de clôture ne peut pas précéder la date de réception."), (failure.PropertyName, failure.ErrorMessage));
        Assert.Equal(CaseStatus.Answered, (await ReadAsync(database, answered.Id)).Status);
    }

    [Fact]
    public async Task Abandoning_needs_no_outcome_and_stamps_the_closing_date()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        var service = database.CreateService();
        var created = await service.CreateAsync(TestCases.IndemnityClaim(), Ct);

        await service.ChangeStatusAsync(created.Id, created.ConcurrencyStamp, CaseStatus.Abandoned, ct: Ct);

        var stored = await ReadAsync(database, created.Id);
        Assert.Equal((CaseStatus.Abandoned, TestDatabase.Today), (stored.Status, stored.ClosedOn));
        Assert.False(stored.IsOpen);
    }

    [Fact]
    public async Task Refusing_an_access_request_without_a_reason_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        var service = database.CreateService();
        var created = await service.CreateAsync(TestCases.AccessRequest(), Ct);

        var error = await Assert.ThrowsAsync<CaseValidationException>(() =>
            service.ChangeStatusAsync(created.Id, created.ConcurrencyStamp, CaseStatus.Refused, ct: Ct));

        var failure = Assert.Single(error.Errors);
        Assert.Equal(("RefusalReason", "Un refus doit être motivé (art. R.1111-7 du CSP)."), (failure.PropertyName, failure.ErrorMessage));
        Assert.Equal(CaseStatus.Received, (await ReadAsync(database, created.Id)).Status);
    }

    [Fact]
    public async Task Refusing_an_access_request_whose_reason_was_recorded_is_saved()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        var service = database.CreateService();
        var created = await service.CreateAsync(TestCases.AccessRequest(), Ct);
        var opened = (AccessRequest)(await service.OpenAsync(created.Id, Ct))!;
        opened.RefusalReason = "Demande présentée par un tiers sans qualité pour agir.";
        var saved = await service.UpdateAsync(opened, Ct);

        await service.ChangeStatusAsync(saved.Id, saved.ConcurrencyStamp, CaseStatus.Refused, ct: Ct);

        var stored = (AccessRequest)await ReadAsync(database, created.Id);
        Assert.Equal((CaseStatus.Refused, TestDatabase.Today), (stored.Status, stored.ClosedOn));
        Assert.Equal("Demande présentée par un tiers sans qualité pour agir.", stored.RefusalReason);
    }

    [Fact]
    public async Task Changing_the_status_of_a_missing_case_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            database.CreateService().ChangeStatusAsync(Guid.NewGuid(), Guid.NewGuid(), CaseStatus.Acknowledged, ct: Ct));

        Assert.Equal("Ce dossier n'existe plus.", refusal.Message);
    }

    [Fact]
    public async Task The_status_cannot_be_changed_through_an_edit()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        var service = database.CreateService();
        var created = await service.CreateAsync(TestCases.Complaint(), Ct);
        var opened = (await service.OpenAsync(created.Id, Ct))!;
        opened.Status = CaseStatus.Acknowledged;

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() => service.UpdateAsync(opened, Ct));

        Assert.Equal("Le statut et la référence se changent par leurs propres actions.", refusal.Message);
        Assert.Equal(CaseStatus.Received, (await ReadAsync(database, created.Id)).Status);
    }

    [Fact]
    public async Task A_new_case_always_starts_as_received()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        var draft = TestCases.Requisition();
        draft.Status = CaseStatus.Answered;

        var created = await database.CreateService().CreateAsync(draft, Ct);

        Assert.Equal(CaseStatus.Received, (await ReadAsync(database, created.Id)).Status);
    }

    // BUG (reported): the items are saved, but the "Modification" audit line of this edit has empty Details:
    // AuditTrail.Changes (Security/AuditTrail.cs, loop over entry.ComplexProperties) skips complex collections
    // such as Requisition.Items. Once fixed, assert here that the line names "Items".
    [Fact]
    public async Task Editing_a_requisition_saves_its_requested_items()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        var service = database.CreateService();
        var created = await service.CreateAsync(TestCases.Requisition(), Ct);
        var opened = (Requisition)(await service.OpenAsync(created.Id, Ct))!;
        opened.Items.Add(new RequisitionItem { Description = "Registre des visites du 28/02/2026" });

        await service.UpdateAsync(opened, Ct);

        var stored = (Requisition)await ReadAsync(database, created.Id);
        Assert.Equal(
            ["Heures d'entrée et de sortie aux urgences le 28/02/2026", "Registre des visites du 28/02/2026"],
            stored.Items.Select(i => i.Description));
    }
}
