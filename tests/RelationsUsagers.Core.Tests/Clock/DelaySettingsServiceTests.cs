using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.Tests.Clock;

/// <summary>The référentiel's warning window (« proche » so many days before), changed on each database (SQLite file, PostgreSQL).</summary>
public abstract class DelaySettingsServiceTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_wider_warning_window_makes_a_deadline_near_sooner_and_is_audited()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        // Received 10/03/2026: acknowledgement due 18/03, three days after today (15/03): « à venir » with 2 days' warning.
        var complaint = await database.CreateService().CreateAsync(TestCases.Complaint(new DateOnly(2026, 3, 10)), Ct);
        var clocks = new LegalClockService(database.Factory, database.Clock);
        Assert.Equal(DeadlineState.Upcoming, (await clocks.GetDeadlinesAsync(complaint.Id, Ct)).Single(d => d.Code == DelaySettings.ComplaintAcknowledgement).State);

        var saved = await new DelaySettingsService(database.Factory).SetWarningDaysAsync(DelaySettings.ComplaintAcknowledgement, 3, Ct);

        Assert.Equal(3, saved.WarningDays);
        Assert.Equal(DeadlineState.Near, (await clocks.GetDeadlinesAsync(complaint.Id, Ct)).Single(d => d.Code == DelaySettings.ComplaintAcknowledgement).State);
        Assert.Equal(3, (await new DelaySettingsService(database.Factory).GetAsync(Ct)).Single(s => s.Code == DelaySettings.ComplaintAcknowledgement).WarningDays);
        await using var db = database.CreateContext();
        var line = await db.AuditEntries.SingleAsync(a => a.Action == RelationsUsagers.Core.Security.AuditActions.DelaySettingChanged, Ct);
        Assert.Equal((TestDatabase.DefaultUserName, "Accusé de réception (complaint.acknowledgement)\u00A0: alerte 2 → 3 jours avant l'échéance"),
            (line.UserName, line.Details));
    }

    [Fact]
    public async Task A_negative_warning_window_is_refused_in_French_and_nothing_changes()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = new DelaySettingsService(database.Factory);

        var refused = await Assert.ThrowsAsync<CaseRuleException>(() => service.SetWarningDaysAsync(DelaySettings.ClaimImplicitRejection, -1, Ct));

        Assert.Equal("«\u00A0Alerte (jours avant)\u00A0» doit être un nombre de jours positif ou nul.", refused.Message);
        Assert.Equal(15, (await service.GetAsync(Ct)).Single(s => s.Code == DelaySettings.ClaimImplicitRejection).WarningDays);
        await using var db = database.CreateContext();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == RelationsUsagers.Core.Security.AuditActions.DelaySettingChanged, Ct));
    }

    [Fact]
    public async Task The_referential_lists_every_delay_in_the_order_of_the_defaults_even_a_deleted_row()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        await using (var db = database.CreateContext())
            await db.DelaySettings.Where(s => s.Code == DelaySettings.ComplaintOralCopy).ExecuteDeleteAsync(Ct);
        var service = new DelaySettingsService(database.Factory);

        Assert.Equal(DelaySettings.Defaults.Select(d => d.Code), (await service.GetAsync(Ct)).Select(s => s.Code));
        await service.SetWarningDaysAsync(DelaySettings.ComplaintOralCopy, 0, Ct);
        await using var check = database.CreateContext();
        Assert.Equal(0, (await check.DelaySettings.SingleAsync(s => s.Code == DelaySettings.ComplaintOralCopy, Ct)).WarningDays);
    }
}

public sealed class SqliteDelaySettingsServiceTests : DelaySettingsServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlDelaySettingsServiceTests : DelaySettingsServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
