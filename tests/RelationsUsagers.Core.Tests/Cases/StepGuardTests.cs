using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Requisitions;
using static RelationsUsagers.Core.Tests.Cases.CaseStepTests;

namespace RelationsUsagers.Core.Tests.Cases;

/// <summary>The refusals the law adds to steps, each naming what is missing, in French. Today is 15/03/2026.</summary>
public abstract class StepGuardTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly StepDay = new(2026, 3, 10);

    private static Requisition WithMedicalItem()
    {
        var draft = TestCases.Requisition();
        draft.Items.Add(new RequisitionItem { Description = "Compte rendu d'hospitalisation", Nature = RequisitionItemNature.Medical });
        return draft;
    }

    [Theory]
    [InlineData("send-items")]
    [InlineData("refuse")]
    public async Task A_requisition_is_not_answered_while_a_medical_item_has_no_secrecy_decision(string stepCode)
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var file = await service.CreateAsync(WithMedicalItem(), Ct);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.TakeStepAsync(file.Id, file.ConcurrencyStamp, stepCode, new StepInput(StepDay, "Secret médical."), ct: Ct));

        Assert.StartsWith("Décision sur le secret médical manquante pour : « Compte rendu d'hospitalisation » (art. 60-1 et 56-3 CPP ; art. L.1110-4 CSP).",
            refusal.Message, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Received, (await ReadAsync(database, file.Id)).Status);
    }

    [Fact]
    public async Task Once_decided_the_administrative_items_leave_and_the_withheld_medical_one_stays()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var file = await service.CreateAsync(WithMedicalItem(), Ct);
        // The decision typed in the form, not yet saved: the step saves it with itself.
        var edited = CaseFileEdits.Copy((Requisition)(await service.OpenAsync(file.Id, Ct))!);
        (edited.Items[1].Secrecy, edited.Items[1].ReviewedBy, edited.Items[1].ReviewedOn, edited.Items[1].SecrecyReason) =
            (SecrecyDecision.Withheld, "Dr Hamon (DIM)", new DateOnly(2026, 3, 9), "Pas de consentement du patient.");

        await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "send-items", new StepInput(StepDay), edited, Ct);

        var stored = (Requisition)await ReadAsync(database, file.Id);
        Assert.Equal((CaseStatus.Answered, StepDay, RequisitionResponse.PartlySentAdministrative), (stored.Status, stored.ResponseSentOn, stored.Response));
        Assert.Equal([true, false], stored.Items.Select(i => i.Sent));
    }

    [Fact]
    public async Task A_requisition_with_an_undecided_medical_item_cannot_be_closed()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var file = await service.CreateAsync(TestCases.Requisition(), Ct);
        file = await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "send-items", new StepInput(StepDay), ct: Ct);
        var edited = CaseFileEdits.Copy((Requisition)(await service.OpenAsync(file.Id, Ct))!);
        edited.Items.Add(new RequisitionItem { Description = "Radiographies", Nature = RequisitionItemNature.Medical });

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "close", new StepInput(StepDay, "Réponse transmise."), edited, Ct));

        Assert.Contains("« Radiographies »", refusal.Message, StringComparison.Ordinal);
    }

    /// <summary>L.1111-7 al.2: complete on 13/03/2026 → not before 15/03/2026; a copy on 14/03 needs a confirmed reason.</summary>
    [Fact]
    public async Task A_record_is_not_communicated_inside_the_48_hours_without_a_confirmed_reason()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var file = await service.CreateAsync(TestCases.AccessRequest(), Ct);
        file = await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "complete", new StepInput(new DateOnly(2026, 3, 13)), ct: Ct);

        var floor = Assert.Single(await new RelationsUsagers.Core.Clock.LegalClockService(database.Factory, database.Clock).GetDeadlinesAsync(file.Id, Ct), d => d.IsFloor);
        Assert.Equal((new DateOnly(2026, 3, 15), "Pas avant le 15/03/2026. À compter du dossier complet (13/03/2026) : 48 heures — CSP art. L.1111-7 al.2"),
            (floor.DueOn, floor.Computation));
        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "send-copy", new StepInput(new DateOnly(2026, 3, 14)), ct: Ct));
        Assert.Equal("Communication pas avant le 15/03/2026 (délai de réflexion de 48 heures, CSP art. L.1111-7 al.2) : " +
                     "confirmez la communication anticipée et indiquez-en le motif.", refusal.Message);

        var sent = await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "send-copy",
            new StepInput(new DateOnly(2026, 3, 14)) { EarlyReason = "Transfert urgent vers un autre établissement." }, ct: Ct);
        Assert.Equal(CaseStatus.Sent, sent.Status);
        Assert.Equal("Communication avant la fin du délai de réflexion, confirmée : Transfert urgent vers un autre établissement.",
            sent.Events.Single(e => e.Type == CaseEventTypes.CopySent).Note);
    }

    [Fact]
    public async Task A_copy_by_recorded_delivery_takes_its_number_from_the_step()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var draft = TestCases.AccessRequest();
        draft.CommunicationMode = CommunicationMode.RecordedDelivery;
        var file = await service.CreateAsync(draft, Ct);
        file = await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "complete", new StepInput(new DateOnly(2026, 3, 5)), ct: Ct);

        var sent = (AccessRequest)await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "send-copy",
            new StepInput(new DateOnly(2026, 3, 9)) { RecordedDeliveryNumber = " 1A 104 555 0001 2 " }, ct: Ct);

        Assert.Equal(("1A 104 555 0001 2", new DateOnly(2026, 3, 9)), (sent.RecordedDeliveryNumber, sent.SentOn));
    }

    private static async Task<CaseFile> AwaitingCduAsync(CaseFileService service)
    {
        var file = await service.CreateAsync(TestCases.Complaint(), Ct);
        file = await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "send-to-service", new StepInput(new DateOnly(2026, 3, 4)), ct: Ct);
        return await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "refer-cdu", new StepInput(new DateOnly(2026, 3, 6)), ct: Ct);
    }

    [Fact]
    public async Task A_complaint_waiting_for_the_CDU_is_closed_only_by_a_manager_with_a_reason()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var file = await AwaitingCduAsync(database.CreateService());

        var officer = await Assert.ThrowsAsync<CaseRuleException>(() => database.CreateService()
            .TakeStepAsync(file.Id, file.ConcurrencyStamp, ComplaintKind.ClosePendingCduStep, new StepInput(StepDay, "Plaignant désisté."), ct: Ct));
        var manager = database.CreateService("s.benali");
        var noReason = await Assert.ThrowsAsync<CaseRuleException>(() =>
            manager.TakeStepAsync(file.Id, file.ConcurrencyStamp, ComplaintKind.ClosePendingCduStep, new StepInput(StepDay), ct: Ct));
        var closed = await manager.TakeStepAsync(file.Id, file.ConcurrencyStamp, ComplaintKind.ClosePendingCduStep, new StepInput(StepDay, "Plaignant désisté par écrit."), ct: Ct);

        Assert.Equal("Seul un responsable peut « Clore sans attendre la CDU ».", officer.Message);
        Assert.Equal("« Motif de la clôture avant l'examen de la CDU » est obligatoire.", noReason.Message);
        Assert.Equal((CaseStatus.Closed, "Plaignant désisté par écrit."), (closed.Status, closed.Outcome));
        Assert.DoesNotContain(CaseKinds.Of(CaseKind.Complaint).StepsFrom(CaseStatus.AwaitingCdu), s => s.Closes && !s.ManagerOnly);
    }

    [Fact]
    public async Task The_answer_after_the_CDU_waits_for_its_review()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var file = await AwaitingCduAsync(service);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "answer", new StepInput(StepDay), ct: Ct));
        file = await service.AddEventAsync(file.Id, file.ConcurrencyStamp, CaseEventTypes.CduExamined, new DateOnly(2026, 3, 9), null, Ct);
        var answered = await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "answer", new StepInput(StepDay), ct: Ct);

        Assert.StartsWith("La CDU n'a pas encore examiné ce dossier : la réponse joint son avis (CSP art. R.1112-94 al.3).", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Answered, answered.Status);
    }
}

public sealed class SqliteStepGuardTests : StepGuardTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlStepGuardTests : StepGuardTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
