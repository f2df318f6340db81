using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

using RelationsUsagers.Core.Tests.Timeline;

namespace RelationsUsagers.Core.Tests.Cases;

/// <summary>Two officers on the same case (CaseFileService.UpdateAsync / ChangeStatusAsync / AssignAsync).</summary>
public abstract class ConcurrencyTests
{
    protected abstract DatabaseProvider Provider { get; }

    private const string First = "s.benali";
    private const string Second = "j.roux";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(TestDatabase Database, Complaint Created)> OneComplaintAsync()
    {
        var database = await TestDatabase.CreateAsync(Provider, "accueil", ct: Ct);
        var created = (Complaint)await database.CreateService().CreateAsync(TestCases.Complaint(), Ct);
        return (database, created);
    }

    private static async Task<Complaint> ReadAsync(TestDatabase database, Guid id)
    {
        await using var db = database.CreateContext();
        return await db.Complaints.AsNoTracking().SingleAsync(c => c.Id == id, Ct);
    }

    private static async Task<List<AuditEntry>> AuditByAsync(TestDatabase database, string userName)
    {
        await using var db = database.CreateContext();
        return await db.AuditEntries.Where(a => a.UserName == userName && a.Action != AuditActions.Opened).ToListAsync(Ct);
    }

    [Fact]
    public async Task The_second_save_of_a_case_opened_by_two_users_is_refused_naming_the_first()
    {
        var (database, created) = await OneComplaintAsync();
        await using var _ = database;
        var first = database.CreateService(First);
        var second = database.CreateService(Second);
        var firstCopy = (Complaint)(await first.OpenAsync(created.Id, Ct))!;
        var secondCopy = (Complaint)(await second.OpenAsync(created.Id, Ct))!;

        database.Clock.Advance(TimeSpan.FromMinutes(5));
        firstCopy.Patient.LastName = "Ménard-Leroy";
        await first.UpdateAsync(firstCopy, Ct);
        database.Clock.Advance(TimeSpan.FromMinutes(3));
        secondCopy.Summary = "Attente de dix heures aux urgences, famille non prévenue.";
        secondCopy.Severity = ComplaintSeverity.Serious;
        var conflict = await Assert.ThrowsAsync<CaseConflictException>(() => second.UpdateAsync(secondCopy, Ct));

        Assert.Contains($"modifié par {First} ", conflict.Message, StringComparison.Ordinal);
        // Only the time is pinned: the date in the message follows the thread culture ("15.03.2026" in de-DE) — reported.
        Assert.Contains("11:05", conflict.Message, StringComparison.Ordinal);
        var saved = await ReadAsync(database, created.Id);
        Assert.Equal("Ménard-Leroy", saved.Patient.LastName);
        Assert.Equal(TestCases.Complaint().Summary, saved.Summary);
        Assert.Equal(ComplaintSeverity.Moderate, saved.Severity);
        Assert.Equal(First, saved.UpdatedBy);
        Assert.Empty(await AuditByAsync(database, Second));
    }

    [Fact]
    public async Task A_status_change_with_a_stale_stamp_is_refused_naming_who_saved()
    {
        var (database, created) = await OneComplaintAsync();
        await using var _ = database;
        var first = database.CreateService(First);
        var second = database.CreateService(Second);
        var firstCopy = (await first.OpenAsync(created.Id, Ct))!;
        var secondCopy = (await second.OpenAsync(created.Id, Ct))!;

        await first.TakeStepAsync(firstCopy.Id, firstCopy.ConcurrencyStamp, "acknowledge", new StepInput(TestDatabase.Today), ct: Ct);
        var conflict = await Assert.ThrowsAsync<CaseConflictException>(() =>
            second.TakeStepAsync(secondCopy.Id, secondCopy.ConcurrencyStamp, "send-to-service", new StepInput(TestDatabase.Today), ct: Ct));

        Assert.Contains($"modifié par {First} ", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Acknowledged, (await ReadAsync(database, created.Id)).Status);
        Assert.Empty(await AuditByAsync(database, Second));
    }

    [Fact]
    public async Task An_edit_with_a_stale_stamp_is_refused_after_a_status_change()
    {
        var (database, created) = await OneComplaintAsync();
        await using var _ = database;
        var second = database.CreateService(Second);
        var secondCopy = (await second.OpenAsync(created.Id, Ct))!;
        await database.CreateService(First).TakeStepAsync(created.Id, created.ConcurrencyStamp, "acknowledge", new StepInput(TestDatabase.Today), ct: Ct);

        // The second user's copy still says "Reçu" and carries the old stamp.
        secondCopy.Summary = "Nouvelle version du résumé.";
        secondCopy.Status = CaseStatus.Acknowledged;
        var conflict = await Assert.ThrowsAsync<CaseConflictException>(() => second.UpdateAsync(secondCopy, Ct));

        Assert.Contains(First, conflict.Message, StringComparison.Ordinal);
        Assert.Equal(TestCases.Complaint().Summary, (await ReadAsync(database, created.Id)).Summary);
    }

    [Fact]
    public async Task The_second_user_can_save_after_reopening_the_case()
    {
        var (database, created) = await OneComplaintAsync();
        await using var _ = database;
        var first = database.CreateService(First);
        var second = database.CreateService(Second);
        var firstCopy = (await first.OpenAsync(created.Id, Ct))!;
        var staleCopy = (await second.OpenAsync(created.Id, Ct))!;
        await first.AssignAsync(firstCopy.Id, firstCopy.ConcurrencyStamp, First, Ct);
        staleCopy.Summary = "Résumé complété après l'appel du fils.";
        await Assert.ThrowsAsync<CaseConflictException>(() => second.UpdateAsync(staleCopy, Ct));

        var fresh = (await second.OpenAsync(created.Id, Ct))!;
        fresh.Summary = "Résumé complété après l'appel du fils.";
        var saved = await second.UpdateAsync(fresh, Ct);

        Assert.Equal(Second, saved.UpdatedBy);
        var stored = await ReadAsync(database, created.Id);
        Assert.Equal(("Résumé complété après l'appel du fils.", First), (stored.Summary, stored.AssignedTo));
    }

    [Fact]
    public async Task A_save_that_loses_the_race_between_read_and_write_is_refused_naming_the_winner()
    {
        var (database, created) = await OneComplaintAsync();
        await using var _ = database;
        var first = database.CreateService(First);
        var firstCopy = (await first.OpenAsync(created.Id, Ct))!;
        firstCopy.Summary = "Version du premier agent.";
        // The first user's save lands after the second's service has checked the stamp, just before it writes.
        var second = database.CreateService(Second, new SaveInterleaver(() => first.UpdateAsync(firstCopy, Ct)));
        var secondCopy = (await database.CreateService(Second).OpenAsync(created.Id, Ct))!;
        secondCopy.Summary = "Version du second agent.";

        var conflict = await Assert.ThrowsAsync<CaseConflictException>(() => second.UpdateAsync(secondCopy, Ct));

        Assert.Contains($"modifié par {First} ", conflict.Message, StringComparison.Ordinal);
        Assert.Equal("Version du premier agent.", (await ReadAsync(database, created.Id)).Summary);
        Assert.Empty(await AuditByAsync(database, Second));
    }

    [Fact]
    public async Task Assigning_with_a_stale_stamp_is_refused()
    {
        var (database, created) = await OneComplaintAsync();
        await using var _ = database;
        var first = database.CreateService(First);
        await first.AssignAsync(created.Id, created.ConcurrencyStamp, First, Ct);

        var conflict = await Assert.ThrowsAsync<CaseConflictException>(() =>
            database.CreateService(Second).AssignAsync(created.Id, created.ConcurrencyStamp, Second, Ct));

        Assert.Contains(First, conflict.Message, StringComparison.Ordinal);
        Assert.Equal(First, (await ReadAsync(database, created.Id)).AssignedTo);
    }

    [Fact]
    public async Task Each_save_gives_the_case_a_new_stamp()
    {
        var (database, created) = await OneComplaintAsync();
        await using var _ = database;
        var service = database.CreateService(First);
        var opened = (await service.OpenAsync(created.Id, Ct))!;
        opened.Summary = "Résumé précisé.";

        var saved = await service.UpdateAsync(opened, Ct);
        var moved = await service.TakeStepAsync(saved.Id, saved.ConcurrencyStamp, "acknowledge", new StepInput(TestDatabase.Today), ct: Ct);

        Assert.Equal(created.ConcurrencyStamp, opened.ConcurrencyStamp);
        Assert.NotEqual(opened.ConcurrencyStamp, saved.ConcurrencyStamp);
        Assert.NotEqual(saved.ConcurrencyStamp, moved.ConcurrencyStamp);
        Assert.Equal(moved.ConcurrencyStamp, (await ReadAsync(database, created.Id)).ConcurrencyStamp);
    }
}

public sealed class SqliteConcurrencyTests : ConcurrencyTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlConcurrencyTests : ConcurrencyTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
