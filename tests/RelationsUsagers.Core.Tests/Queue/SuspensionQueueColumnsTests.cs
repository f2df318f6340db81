using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Queue;
using static RelationsUsagers.Core.Tests.Queue.QueueFixture;

namespace RelationsUsagers.Core.Tests.Queue;

/// <summary>
/// LegalClockService.SuspendAsync / ResumeAsync keep the queue's columns (NextDueOn, NextDueCode, ClockSuspended) in step
/// without touching the case's concurrency stamp. The complaint is received on 2 March: acknowledgement due 10 March (overdue
/// today), answer due 2 April. A record request's legal delay is never suspended (L.1111-7): it stays in the queue.
/// </summary>
public abstract class SuspensionQueueColumnsTests
{
    protected abstract DatabaseProvider Provider { get; }

    private sealed record Row(DateOnly? NextDueOn, string? NextDueCode, bool ClockSuspended, Guid ConcurrencyStamp, DateTime UpdatedAtUtc, string UpdatedBy);

    private static async Task<Row> RowAsync(QueueFixture queue, Guid id)
    {
        await using var db = queue.Database.CreateContext();
        return await db.CaseFiles.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new Row(c.NextDueOn, c.NextDueCode, c.ClockSuspended, c.ConcurrencyStamp, c.UpdatedAtUtc, c.UpdatedBy))
            .SingleAsync(Ct);
    }

    private async Task<(QueueFixture Queue, LegalClockService Clock, CaseFile Created)> ArrangeAsync()
    {
        var queue = await QueueFixture.CreateAsync(Provider);
        var created = await queue.ComplaintAsync(D(3, 2));
        return (queue, new LegalClockService(queue.Database.Factory, queue.Database.Clock), created);
    }

    [Fact]
    public async Task Suspending_every_clock_of_an_open_complaint_flags_it_suspended_with_no_due_date()
    {
        var (queue, clock, created) = await ArrangeAsync();
        await using var _ = queue;
        var before = await RowAsync(queue, created.Id);
        Assert.Equal((D(3, 10), "complaint.acknowledgement", false), (before.NextDueOn, before.NextDueCode, before.ClockSuspended));
        queue.Database.Clock.Advance(TimeSpan.FromMinutes(10));

        await clock.SuspendAsync(created.Id, null, "Attente du mandat du patient", D(3, 5), Ct);

        var after = await RowAsync(queue, created.Id);
        Assert.True(after.ClockSuspended);
        Assert.Null(after.NextDueOn);
        Assert.Equal("complaint.acknowledgement", after.NextDueCode);
        Assert.Equal((before.ConcurrencyStamp, before.UpdatedAtUtc, before.UpdatedBy), (after.ConcurrencyStamp, after.UpdatedAtUtc, after.UpdatedBy));
    }

    [Fact]
    public async Task A_suspended_case_leaves_the_overdue_list_and_shows_as_suspended_at_the_end_of_the_queue()
    {
        var (queue, clock, created) = await ArrangeAsync();
        await using var _ = queue;
        var other = await queue.AccessAsync(D(3, 12));

        await clock.SuspendAsync(created.Id, null, "Attente du mandat du patient", D(3, 5), Ct);

        Assert.Empty(await queue.ReferencesAsync(new QueueFilter { OverdueOnly = true }));
        var items = (await queue.PageAsync(new QueueFilter())).Items;
        Assert.Equal([other.Reference, created.Reference], items.Select(i => i.Reference));
        Assert.True(items[1].ClockSuspended);
        Assert.Equal(0, (await queue.Queue.GetCountersAsync(null, Ct)).Overdue);
    }

    [Fact]
    public async Task Resuming_brings_the_due_date_back_moved_later_by_the_suspended_days()
    {
        var (queue, clock, created) = await ArrangeAsync();
        await using var _ = queue;
        var before = await RowAsync(queue, created.Id);
        var suspension = await clock.SuspendAsync(created.Id, null, "Attente du mandat du patient", D(3, 5), Ct);

        // Suspended on 5, 6, 7 and 8 March; the clock runs again on the 9th: 10 March + 4 days.
        await clock.ResumeAsync(suspension.Id, D(3, 9), Ct);

        var after = await RowAsync(queue, created.Id);
        Assert.Equal((D(3, 14), "complaint.acknowledgement", false), (after.NextDueOn, after.NextDueCode, after.ClockSuspended));
        Assert.Equal(before.ConcurrencyStamp, after.ConcurrencyStamp);
        Assert.Equal([created.Reference], await queue.ReferencesAsync(new QueueFilter { OverdueOnly = true }));
    }

    [Fact]
    public async Task Resuming_today_moves_the_due_date_into_this_week()
    {
        var (queue, clock, created) = await ArrangeAsync();
        await using var _ = queue;
        var suspension = await clock.SuspendAsync(created.Id, null, "Attente du mandat du patient", D(3, 5), Ct);

        // 5 to 14 March suspended: 10 days, due 20 March.
        await clock.ResumeAsync(suspension.Id, TestDatabase.Today, Ct);

        Assert.Equal(D(3, 20), (await RowAsync(queue, created.Id)).NextDueOn);
        Assert.Equal([created.Reference], await queue.ReferencesAsync(new QueueFilter { DueThisWeek = true }));
    }

    [Fact]
    public async Task Suspending_every_running_clock_by_its_code_also_flags_the_case()
    {
        var (queue, clock, created) = await ArrangeAsync();
        await using var _ = queue;

        await clock.SuspendAsync(created.Id, DelaySettings.ComplaintAcknowledgement, "Attente du mandat du patient", D(3, 5), Ct);
        Assert.Equal((D(4, 2), false), ((await RowAsync(queue, created.Id)).NextDueOn, (await RowAsync(queue, created.Id)).ClockSuspended));
        await clock.SuspendAsync(created.Id, DelaySettings.ComplaintAnswerTarget, "Attente du mandat du patient", D(3, 5), Ct);

        var row = await RowAsync(queue, created.Id);
        Assert.Equal((null, true), (row.NextDueOn, row.ClockSuspended));
    }

    [Fact]
    public async Task Suspending_every_clock_of_a_record_request_leaves_its_legal_date_in_the_queue()
    {
        // Received and complete on 2 March: legal due 10 March; L.1111-7 gives no suspension, only the office's own count stops.
        var queue = await QueueFixture.CreateAsync(Provider);
        await using var _ = queue;
        var clock = new LegalClockService(queue.Database.Factory, queue.Database.Clock);
        var created = await queue.AccessAsync(D(3, 2), r => r.CompletedOn = D(3, 2));

        await clock.SuspendAsync(created.Id, null, "Attente du choix du mode de communication", D(3, 5), Ct);

        var row = await RowAsync(queue, created.Id);
        Assert.Equal((D(3, 10), "access.8-days", false), (row.NextDueOn, row.NextDueCode, row.ClockSuspended));
        Assert.Equal([created.Reference], await queue.ReferencesAsync(new QueueFilter { OverdueOnly = true }));
    }

    [Fact]
    public async Task An_officer_who_opened_the_case_before_the_suspension_can_still_save()
    {
        var (queue, clock, created) = await ArrangeAsync();
        await using var _ = queue;
        var opened = (await queue.Cases.OpenAsync(created.Id, Ct))!;
        var suspension = await clock.SuspendAsync(created.Id, null, "Attente du mandat du patient", D(3, 5), Ct);

        opened.Summary = "Demande de copie du compte rendu opératoire.";
        var saved = await queue.Cases.UpdateAsync(opened, Ct);

        // The save recomputes the columns with the suspension log: still suspended.
        Assert.Equal((null, true), (saved.NextDueOn, saved.ClockSuspended));
        await clock.ResumeAsync(suspension.Id, D(3, 9), Ct);
        var reopened = (await queue.Cases.OpenAsync(created.Id, Ct))!;
        Assert.Equal(saved.ConcurrencyStamp, reopened.ConcurrencyStamp);
        Assert.Equal(D(3, 14), reopened.NextDueOn);
    }

    [Fact]
    public async Task Recording_an_event_on_a_suspended_case_keeps_it_suspended()
    {
        var (queue, clock, created) = await ArrangeAsync();
        await using var _ = queue;
        await clock.SuspendAsync(created.Id, null, "Attente du mandat du patient", D(3, 5), Ct);

        await queue.Cases.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.Note, D(3, 12), "Relance téléphonique", Ct);

        var row = await RowAsync(queue, created.Id);
        Assert.Equal((null, true), (row.NextDueOn, row.ClockSuspended));
    }

    [Fact]
    public async Task Suspending_a_finished_case_leaves_its_queue_columns_empty()
    {
        var (queue, clock, _) = await ArrangeAsync();
        await using var __ = queue;
        var refused = await queue.RefusedAccessAsync(D(3, 2));

        await clock.SuspendAsync(refused.Id, null, "Recours du demandeur", D(3, 5), Ct);

        var row = await RowAsync(queue, refused.Id);
        Assert.Equal((null, null, false), (row.NextDueOn, row.NextDueCode, row.ClockSuspended));
    }
}

public sealed class SqliteSuspensionQueueColumnsTests : SuspensionQueueColumnsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlSuspensionQueueColumnsTests : SuspensionQueueColumnsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
