using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Requisitions;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Tests.Cases;

/// <summary>
/// Every step of every kind, driven by the registry: it records its event with its date, reaches its status, writes its
/// fact, is audited, and leaves a case whose status its facts explain. Received on 2 March 2026, today 15 March 2026.
/// </summary>
public abstract class CaseStepTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Manager = "s.benali";
    private static readonly DateOnly Prepared = new(2026, 3, 5);
    private static readonly DateOnly StepDay = new(2026, 3, 10);

    public static TheoryData<CaseKind, string> EveryStep()
    {
        var data = new TheoryData<CaseKind, string>();
        foreach (var definition in CaseKinds.All)
            foreach (var step in definition.Steps)
                data.Add(definition.Kind, step.Code);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStep))]
    public async Task A_step_records_its_event_reaches_its_status_and_is_audited(CaseKind kind, string stepCode)
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Manager, ct: Ct);
        var service = database.CreateService();
        var step = CaseKinds.Of(kind).Step(stepCode)!;
        var file = await BringToAsync(service, await service.CreateAsync(TestCases.Of(kind), Ct), step);
        var before = file.Status;

        var taken = await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, stepCode, Input(step, StepDay), ct: Ct);

        var stored = await ReadAsync(database, file.Id);
        var ev = stored.Events.OrderBy(e => e.RecordedAtUtc).Last();
        Assert.Equal((step.EventType, StepDay), (ev.Type, ev.OccurredOn));
        Assert.Equal(step.To ?? before, stored.Status);
        Assert.Equal(taken.ConcurrencyStamp, stored.ConcurrencyStamp);
        if (step.Needs.HasFlag(StepNeeds.Text) || step.Needs.HasFlag(StepNeeds.OptionalText))
            Assert.Contains("Texte saisi", ev.Note, StringComparison.Ordinal);
        if (step.Closes)
            Assert.Equal((StepDay, "Texte saisi"), (stored.ClosedOn, stored.Outcome));
        Assert.Empty(CaseSteps.Replay(stored).Problems);
        await using var db = database.CreateContext();
        var line = await db.AuditEntries.Where(a => a.CaseFileId == file.Id && a.Action == AuditActions.StepTaken).OrderBy(a => a.Id).LastAsync(Ct);
        Assert.StartsWith($"{step.Label} le 10/03/2026", line.Details, StringComparison.Ordinal);
    }

    /// <summary>Hand-worked: received 02/03/2026, the step taken on the date given, the deadline's due date and state on 15/03/2026.</summary>
    [Theory]
    // R.1112-92, 8-day target: due 10/03; acknowledged on 09/03 → met; on 12/03 → late.
    [InlineData(CaseKind.Complaint, "acknowledge", "2026-03-09", DelaySettings.ComplaintAcknowledgement, "2026-03-10", DeadlineState.Done)]
    [InlineData(CaseKind.Complaint, "acknowledge", "2026-03-12", DelaySettings.ComplaintAcknowledgement, "2026-03-10", DeadlineState.DoneLate)]
    // 1-month answer target from 02/03 → 02/04, met by the answer.
    [InlineData(CaseKind.Complaint, "answer", "2026-03-10", DelaySettings.ComplaintAnswerTarget, "2026-04-02", DeadlineState.Done)]
    // R.1112-93: the mediator meets within 8 days of referral: 10/03 → 18/03, three days ahead on 15/03.
    [InlineData(CaseKind.Complaint, "refer-mediator", "2026-03-10", DelaySettings.ComplaintMediationMeeting, "2026-03-18", DeadlineState.Upcoming)]
    // L.1142-2 target of 15 days: 02/03 → 17/03, met by the declaration.
    [InlineData(CaseKind.IndemnityClaim, "declare-insurer", "2026-03-10", DelaySettings.ClaimInsurerDeclaration, "2026-03-17", DeadlineState.Done)]
    // L.1142-8: 6 months from the CCI's referral: 10/03 → 10/09.
    [InlineData(CaseKind.IndemnityClaim, "refer-cci", "2026-03-10", DelaySettings.ClaimCciOpinion, "2026-09-10", DeadlineState.Upcoming)]
    // CJA R.421-2: 2 months from 02/03 → 02/05, met by the express decision.
    [InlineData(CaseKind.IndemnityClaim, "notify-decision", "2026-03-10", DelaySettings.ClaimImplicitRejection, "2026-05-02", DeadlineState.Done)]
    // The authority's date (20/03 in the test case), met by the items sent.
    [InlineData(CaseKind.Requisition, "send-items", "2026-03-10", DelaySettings.RequisitionDueDate, "2026-03-20", DeadlineState.Done)]
    [InlineData(CaseKind.Requisition, "refuse", "2026-03-10", DelaySettings.RequisitionDueDate, "2026-03-20", DeadlineState.Done)]
    public async Task A_step_meets_or_starts_its_deadline(CaseKind kind, string stepCode, string on, string code, string due, DeadlineState state)
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Manager, ct: Ct);
        var service = database.CreateService();
        var step = CaseKinds.Of(kind).Step(stepCode)!;
        var file = await BringToAsync(service, await service.CreateAsync(TestCases.Of(kind), Ct), step);

        await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, stepCode, Input(step, DateOnly.Parse(on)), ct: Ct);

        var deadline = Assert.Single(LegalClock.Default.Compute(await ReadAsync(database, file.Id), [], TestDatabase.Today), d => d.Code == code && !d.FromCompleteRequest);
        Assert.Equal((DateOnly.Parse(due), state), (deadline.DueOn, deadline.State));
    }

    [Fact]
    public async Task Sending_the_copy_meets_both_record_access_deadlines()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var file = await service.CreateAsync(TestCases.AccessRequest(), Ct);
        file = await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "complete", new StepInput(new DateOnly(2026, 3, 5)), ct: Ct);
        // L.1111-7: 8 days from receipt 02/03 → 10/03 (legal), from the complete request 05/03 → 13/03 (practice).
        await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "send-copy", new StepInput(new DateOnly(2026, 3, 9)), ct: Ct);

        var deadlines = LegalClock.Default.Compute(await ReadAsync(database, file.Id), [], TestDatabase.Today)
            .Where(d => d.Code == DelaySettings.Access8Days).Select(d => (d.DueOn, d.State)).ToList();
        Assert.Equal([(new DateOnly(2026, 3, 10), DeadlineState.Done), (new DateOnly(2026, 3, 13), DeadlineState.Done)], deadlines);
    }

    [Fact]
    public async Task A_step_not_open_from_the_status_is_refused_naming_the_possible_ones()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var file = await service.CreateAsync(TestCases.Complaint(), Ct);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "send-report", new StepInput(StepDay), ct: Ct));

        Assert.Equal("L'étape « Transmettre le compte rendu de médiation » n'est pas possible au statut « Reçu ». Étapes possibles : " +
                     "« Accuser réception », « Demander l'avis du service », « Saisir le médiateur », « Envoyer la réponse », « Classer sans suite ».", refusal.Message);
        Assert.Single((await ReadAsync(database, file.Id)).Events);
    }

    [Fact]
    public async Task Closing_asks_for_the_outcome()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var file = await service.CreateAsync(TestCases.Requisition(), Ct);
        file = await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "send-items", new StepInput(StepDay), ct: Ct);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "close", new StepInput(StepDay, "  "), ct: Ct));

        Assert.Equal("« Issue du dossier » est obligatoire.", refusal.Message);
        Assert.Equal(CaseStatus.Answered, (await ReadAsync(database, file.Id)).Status);
    }

    [Fact]
    public async Task A_closed_case_offers_no_step()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var file = await service.CreateAsync(TestCases.Complaint(), Ct);
        file = await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "abandon", new StepInput(StepDay, "Retrait de la réclamation."), ct: Ct);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "acknowledge", new StepInput(StepDay), ct: Ct));

        Assert.EndsWith("Aucune étape n'est possible à ce statut.", refusal.Message, StringComparison.Ordinal);
        Assert.Equal((CaseStatus.Abandoned, StepDay, "Retrait de la réclamation."), (file.Status, file.ClosedOn, file.Outcome));
    }

    [Theory]
    [InlineData("2026-03-16", "La date de l'étape ne peut pas être dans le futur.")]
    [InlineData("2026-03-01", "La date de l'étape ne peut pas précéder la réception du dossier (02/03/2026).")]
    public async Task A_step_date_is_neither_in_the_future_nor_before_receipt(string on, string message)
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var file = await service.CreateAsync(TestCases.Complaint(), Ct);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "acknowledge", new StepInput(DateOnly.Parse(on)), ct: Ct));

        Assert.Equal(message, refusal.Message);
    }

    [Fact]
    public async Task A_step_saves_the_unsaved_proof_ticks_with_it()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var draft = TestCases.AccessRequest();
        draft.ProofsReceived = [];
        var file = await service.CreateAsync(draft, Ct);
        var refused = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "complete", new StepInput(StepDay), ct: Ct));
        Assert.Contains("pièces manquantes : Pièce d'identité", refused.Message, StringComparison.Ordinal);

        // Ticked on screen, not saved: the step saves and uses it.
        var edited = CaseFileEdits.Copy((AccessRequest)(await service.OpenAsync(file.Id, Ct))!);
        edited.ProofsReceived = [ProofKind.IdentityDocument];
        await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "complete", new StepInput(StepDay), edited, Ct);

        var stored = (AccessRequest)await ReadAsync(database, file.Id);
        Assert.Equal((CaseStatus.Complete, StepDay), (stored.Status, stored.CompletedOn));
        Assert.Equal([ProofKind.IdentityDocument], stored.ProofsReceived);
    }

    [Fact]
    public async Task A_timeline_event_that_is_a_step_takes_that_step_or_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var complaint = await service.CreateAsync(TestCases.Complaint(), Ct);
        var access = await service.CreateAsync(TestCases.AccessRequest(), Ct);

        var answered = await service.AddEventAsync(complaint.Id, complaint.ConcurrencyStamp, CaseEventTypes.AnswerSent, StepDay, null, Ct);
        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.AddEventAsync(access.Id, access.ConcurrencyStamp, CaseEventTypes.PaymentRequested, StepDay, null, Ct));

        Assert.Equal(CaseStatus.Answered, answered.Status);
        Assert.Equal("« Paiement demandé » est une étape du dossier : elle n'est pas possible au statut « Reçu ».", refusal.Message);
    }

    [Fact]
    public async Task A_fact_that_is_no_step_leaves_the_status()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var file = await service.CreateAsync(TestCases.IndemnityClaim(), Ct);

        var saved = await service.AddEventAsync(file.Id, file.ConcurrencyStamp, CaseEventTypes.Consolidation, StepDay, null, Ct);

        Assert.Equal((CaseStatus.Received, StepDay), (saved.Status, ((Claims.IndemnityClaim)saved).ConsolidatedOn));
    }

    [Fact]
    public async Task Changing_the_status_of_a_missing_case_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            database.CreateService().TakeStepAsync(Guid.NewGuid(), Guid.NewGuid(), "acknowledge", new StepInput(StepDay), ct: Ct));

        Assert.Equal("Ce dossier n'existe plus.", refusal.Message);
    }

    [Fact]
    public async Task The_status_cannot_be_changed_through_an_edit()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var created = await service.CreateAsync(TestCases.Complaint(), Ct);
        var opened = (await service.OpenAsync(created.Id, Ct))!;
        opened.Status = CaseStatus.Acknowledged;

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() => service.UpdateAsync(opened, Ct));

        Assert.Equal("Le statut et la référence se changent par leurs propres actions.", refusal.Message);
        Assert.Equal(CaseStatus.Received, (await ReadAsync(database, created.Id)).Status);
    }

    [Fact]
    public async Task A_date_a_step_writes_cannot_be_typed_in_the_form()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var created = await service.CreateAsync(TestCases.Complaint(), Ct);
        var opened = (Complaints.Complaint)(await service.OpenAsync(created.Id, Ct))!;
        opened.AnswerSentOn = StepDay;

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() => service.UpdateAsync(opened, Ct));

        Assert.Equal("Cette date s'enregistre par l'étape « Envoyer la réponse » ; une date erronée se corrige dans la chronologie.", refusal.Message);
        Assert.Equal(CaseStatus.Received, (await ReadAsync(database, created.Id)).Status);
    }

    [Fact]
    public async Task A_new_case_always_starts_as_received()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var draft = TestCases.Requisition();
        draft.Status = CaseStatus.Answered;

        var created = await database.CreateService().CreateAsync(draft, Ct);

        Assert.Equal(CaseStatus.Received, (await ReadAsync(database, created.Id)).Status);
    }

    [Fact]
    public async Task Editing_a_requisition_saves_its_requested_items_and_their_secrecy_decision()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var created = await service.CreateAsync(TestCases.Requisition(), Ct);
        var opened = (Requisition)(await service.OpenAsync(created.Id, Ct))!;
        opened.Items.Add(new RequisitionItem { Description = "Compte rendu des urgences", Nature = RequisitionItemNature.Medical, Secrecy = SecrecyDecision.SeizureRequired });

        await service.UpdateAsync(opened, Ct);

        var stored = (Requisition)await ReadAsync(database, created.Id);
        Assert.Equal([("Heures d'entrée et de sortie aux urgences le 28/02/2026", null), ("Compte rendu des urgences", SecrecyDecision.SeizureRequired)],
            stored.Items.Select(i => (i.Description, i.Secrecy)));
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /// <summary>What a user would type: a text where the step asks for one, the LRAR number, the reason of an early copy.</summary>
    internal static StepInput Input(CaseStep step, DateOnly on) => new(on, step.Needs == StepNeeds.None ? null : "Texte saisi")
    {
        RecordedDeliveryNumber = "1A 123 456 7890 1",
        EarlyReason = step.NotBeforeFloor ? "Demande urgente du médecin traitant." : null,
        NewDueOn = step.Needs.HasFlag(StepNeeds.NewDueDate) ? new DateOnly(2026, 4, 30) : null,
    };

    /// <summary>Takes the shortest path of steps (on 05/03/2026) from « Reçu » to a status <paramref name="target"/> starts from.</summary>
    internal static async Task<CaseFile> BringToAsync(CaseFileService service, CaseFile file, CaseStep target)
    {
        foreach (var step in PathTo(CaseKinds.Of(file), target.From))
            file = await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, step.Code, Input(step, Prepared), ct: Ct);
        // What the step's guard asks beforehand: a referral for the legal cell to answer, a complete seizure record (CPP 56-3).
        if (target.Code == InsurerLegalCell.AnswerStep)
            file = await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, InsurerLegalCell.ReferStep, new StepInput(Prepared), ct: Ct);
        if (target.Code == RequisitionKind.SeizureStep)
            file = await service.UpdateAsync(TestCases.WithCompleteSeizure((Requisition)(await service.OpenAsync(file.Id, Ct))!), Ct);
        return file;
    }

    private static List<CaseStep> PathTo(CaseKindDefinition definition, CaseStatus[] targets)
    {
        var paths = new Dictionary<CaseStatus, List<CaseStep>> { [CaseStatus.Received] = [] };
        var queue = new Queue<CaseStatus>([CaseStatus.Received]);
        while (queue.Count > 0)
        {
            var status = queue.Dequeue();
            if (targets.Contains(status))
                return paths[status];
            foreach (var step in definition.StepsFrom(status).Where(s => s.To is { } to && !to.IsFinal() && !paths.ContainsKey(to)))
            {
                paths[step.To!.Value] = [.. paths[status], step];
                queue.Enqueue(step.To.Value);
            }
        }
        throw new InvalidOperationException($"No path to {string.Join(", ", targets)}.");
    }

    internal static async Task<CaseFile> ReadAsync(TestDatabase database, Guid id)
    {
        await using var db = database.CreateContext();
        return await db.CaseFiles.AsNoTracking().Include(c => c.Events).SingleAsync(c => c.Id == id, Ct);
    }
}

public sealed class SqliteCaseStepTests : CaseStepTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlCaseStepTests : CaseStepTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
