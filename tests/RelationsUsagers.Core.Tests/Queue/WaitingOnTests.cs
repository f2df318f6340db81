using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Queue;
using static RelationsUsagers.Core.Tests.Queue.QueueFixture;

namespace RelationsUsagers.Core.Tests.Queue;

/// <summary>
/// Whose move it is: « en retard » counts only the office's own deadlines; a case waiting on the requester, the CCI or the
/// court is shown as waiting, with a reminder proposed 15 days after it started waiting or after the last reminder.
/// Today is 15 March 2026.
/// </summary>
public abstract class WaitingOnTests
{
    protected abstract DatabaseProvider Provider { get; }

    [Fact]
    public async Task A_request_waiting_for_the_requesters_proofs_is_not_the_offices_late_case()
    {
        await using var fixture = await CreateAsync(Provider);
        // Received 01/02: the 8-day delay (09/02) has long passed; proofs asked on 03/02.
        var file = await fixture.AccessAsync(D(2, 1), r => r.ProofsReceived = []);
        var late = await fixture.AccessAsync(D(2, 2));
        await fixture.Cases.TakeStepAsync(file.Id, file.ConcurrencyStamp, "request-proofs", new StepInput(D(2, 3), "Pièce d'identité"), ct: Ct);

        var item = (await fixture.PageAsync(new QueueFilter())).Items.Single(i => i.Id == file.Id);
        var counters = await fixture.Queue.GetCountersAsync(null, Ct);
        var overdue = await fixture.PageAsync(new QueueFilter { OverdueOnly = true });
        var waiting = await fixture.PageAsync(new QueueFilter { WaitingOnly = true });

        Assert.Equal((null, Actor.Requester, D(2, 3), D(2, 18)), (item.NextDueOn, item.WaitingOn, item.WaitingSince, item.ReminderDueOn));
        Assert.Equal("En attente du demandeur depuis 40 jours", item.WaitingText(TestDatabase.Today));
        Assert.True(item.ReminderProposed(TestDatabase.Today));
        Assert.Equal((1, 1), (counters.Overdue, counters.Waiting));
        Assert.Equal([late.Id], overdue.Items.Select(i => i.Id));
        Assert.Equal([file.Id], waiting.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task A_reminder_moves_the_next_proposal_and_the_proofs_bring_the_case_back_to_the_office()
    {
        await using var fixture = await CreateAsync(Provider);
        CaseFile file = await fixture.AccessAsync(D(3, 2), r => r.ProofsReceived = []);
        file = await fixture.Cases.TakeStepAsync(file.Id, file.ConcurrencyStamp, "request-proofs", new StepInput(D(3, 3)), ct: Ct);
        file = await fixture.Cases.TakeStepAsync(file.Id, file.ConcurrencyStamp, "remind", new StepInput(D(3, 10), "Relance par courriel"), ct: Ct);
        Assert.Equal((CaseStatus.AwaitingProofs, D(3, 3), D(3, 25)), (file.Status, file.WaitingSince, file.ReminderDueOn));

        var edited = CaseFileEdits.Copy(file);
        ((RelationsUsagers.Core.AccessRequests.AccessRequest)edited).ProofsReceived = [RelationsUsagers.Core.AccessRequests.ProofKind.IdentityDocument];
        file = await fixture.Cases.TakeStepAsync(file.Id, file.ConcurrencyStamp, "complete", new StepInput(D(3, 12)), edited, Ct);

        // Legal delay from receipt: 02/03 + 8 days = 10/03, passed: the office is late again.
        Assert.Equal((null, null, D(3, 10), DelaySettings.Access8Days), (file.WaitingOn, file.ReminderDueOn, file.NextDueOn, file.NextDueCode));
    }

    [Theory]
    [InlineData("refer-cci", Actor.Cci)]
    [InlineData("refer-court", Actor.Court)]
    public async Task A_claim_before_the_CCI_or_the_court_waits_on_them(string stepCode, Actor who)
    {
        await using var fixture = await CreateAsync(Provider);
        CaseFile file = await fixture.Cases.CreateAsync(TestCases.IndemnityClaim(D(1, 5)), Ct);
        file = await fixture.Cases.TakeStepAsync(file.Id, file.ConcurrencyStamp, "declare-insurer", new StepInput(D(1, 10), "SHAM-26-01234"), ct: Ct);
        file = await fixture.Cases.TakeStepAsync(file.Id, file.ConcurrencyStamp, stepCode, new StepInput(D(2, 20)), ct: Ct);

        Assert.Equal((who, D(2, 20), (DateOnly?)null), (file.WaitingOn!.Value, file.WaitingSince!.Value, file.NextDueOn));
        Assert.Equal(0, (await fixture.Queue.GetCountersAsync(null, Ct)).Overdue);
    }

    [Fact]
    public async Task The_CCIs_opinion_hands_the_move_to_the_insurer_whose_offer_deadline_is_its_own()
    {
        await using var fixture = await CreateAsync(Provider);
        CaseFile file = await fixture.Cases.CreateAsync(TestCases.IndemnityClaim(D(1, 5)), Ct);
        file = await fixture.Cases.TakeStepAsync(file.Id, file.ConcurrencyStamp, "refer-cci", new StepInput(D(1, 20)), ct: Ct);
        file = await fixture.Cases.AddEventAsync(file.Id, file.ConcurrencyStamp, CaseEventTypes.CciOpinion, D(3, 1), null, Ct);

        var deadlines = await new LegalClockService(fixture.Database.Factory, fixture.Database.Clock).GetDeadlinesAsync(file.Id, Ct);
        // L.1142-14: the insurer offers within 4 months of the opinion: 01/03 → 01/07.
        var offer = Assert.Single(deadlines, d => d.Code == DelaySettings.ClaimInsurerOffer);
        Assert.Equal((Actor.Insurer, D(7, 1)), (offer.Actor, offer.DueOn));
        Assert.Equal((Actor.Insurer, D(3, 1)), (file.WaitingOn!.Value, file.WaitingSince!.Value));
    }

    [Fact]
    public async Task The_queue_names_the_deadline_it_shows()
    {
        await using var fixture = await CreateAsync(Provider);
        var file = await fixture.Cases.CreateAsync(TestCases.Complaint(D(3, 9)), Ct);

        var item = (await fixture.PageAsync(new QueueFilter())).Items.Single(i => i.Id == file.Id);

        // R.1112-92, 8-day target: 09/03 → 17/03.
        Assert.Equal(("Accusé de réception", D(3, 17)), (item.NextDueName, item.NextDueOn));
        await using var db = fixture.Database.CreateContext();
        Assert.Equal(DelaySettings.ComplaintAcknowledgement, await db.CaseFiles.Where(c => c.Id == file.Id).Select(c => c.NextDueCode).SingleAsync(Ct));
    }

    [Fact]
    public async Task After_the_upgrade_the_queue_columns_of_open_cases_are_rewritten_from_their_facts()
    {
        await using var fixture = await CreateAsync(Provider);
        CaseFile file = await fixture.AccessAsync(D(2, 1), r => r.ProofsReceived = []);
        file = await fixture.Cases.TakeStepAsync(file.Id, file.ConcurrencyStamp, "request-proofs", new StepInput(D(2, 3)), ct: Ct);
        await using var db = fixture.Database.CreateContext();
        // As a previous version stored it: the legal delay as the next deadline, nobody waited on.
        await db.CaseFiles.Where(c => c.Id == file.Id).ExecuteUpdateAsync(u => u
            .SetProperty(c => c.NextDueOn, D(2, 9)).SetProperty(c => c.WaitingOn, (Actor?)null).SetProperty(c => c.WaitingSince, (DateOnly?)null), Ct);

        await QueueColumns.RefreshOpenCasesAsync(db, fixture.Database.Clock, Ct);

        var row = await db.CaseFiles.AsNoTracking().SingleAsync(c => c.Id == file.Id, Ct);
        Assert.Equal((null, Actor.Requester, D(2, 3), file.ConcurrencyStamp), (row.NextDueOn, row.WaitingOn, row.WaitingSince, row.ConcurrencyStamp));
    }
}

public sealed class SqliteWaitingOnTests : WaitingOnTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlWaitingOnTests : WaitingOnTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
