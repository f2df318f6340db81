using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Requisitions;

namespace RelationsUsagers.Core.Tests.Requisitions;

/// <summary>
/// « Prolongation accordée par l'autorité » through the service: the authority's new date becomes the due date, the first
/// one is kept, the status does not move (CPP 60-1, 77-1-1, 99-3 set no delay; the authority alone sets its date). The
/// requisition is received on 2 March 2026 and due on 20 March; today is 15 March.
/// </summary>
public abstract class RequisitionExtensionTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int month, int day) => new(2026, month, day);

    private static async Task<Requisition> StoredAsync(TestDatabase database, Guid id)
    {
        await using var db = database.CreateContext();
        return await db.Requisitions.AsNoTracking().Include(r => r.Events).SingleAsync(r => r.Id == id, Ct);
    }

    private static StepInput Extension(DateOnly grantedOn, DateOnly newDueOn, string? text = null) => new(grantedOn, text) { NewDueOn = newDueOn };

    [Fact]
    public async Task The_authoritys_new_date_becomes_the_due_date_and_the_first_one_is_kept()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var file = await service.CreateAsync(TestCases.Requisition(), Ct);
        file = await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "secrecy-review", new StepInput(D(3, 4)), ct: Ct);

        // On 12/03 the OPJ grants until 03/04.
        file = await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, RequisitionKind.ExtendStep,
            Extension(D(3, 12), D(4, 3), "Courriel du brigadier-chef Dubois"), ct: Ct);

        var stored = await StoredAsync(database, file.Id);
        Assert.Equal((CaseStatus.SecrecyReview, D(4, 3), D(3, 20)), (stored.Status, stored.DueOn, stored.InitialDueOn));
        var ev = Assert.Single(stored.Events, e => e.Type == CaseEventTypes.DueDateExtended);
        Assert.Equal((D(3, 12), "Date limite prolongée du 20/03/2026 au 03/04/2026 — Accord de l'autorité (courriel, appel…) : Courriel du brigadier-chef Dubois"),
            (ev.OccurredOn, ev.Note));
        Assert.Equal((D(4, 3), DelaySettings.RequisitionDueDate), (stored.NextDueOn, stored.NextDueCode));
        var due = Assert.Single(await new LegalClockService(database.Factory, database.Clock).GetDeadlinesAsync(file.Id, Ct));
        Assert.Equal("À compter de la réception de la réquisition (date fixée par l'autorité) (02/03/2026). Date prolongée par l'autorité le " +
                     "12/03/2026 (date initiale : 20/03/2026) — CPP art. 60-1, 77-1-1, 99-3", due.Computation);

        // A second extension on 14/03, until 17/04: the note keeps the first date.
        file = await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, RequisitionKind.ExtendStep, Extension(D(3, 14), D(4, 17)), ct: Ct);
        stored = await StoredAsync(database, file.Id);
        Assert.Equal((D(4, 17), D(3, 20)), (stored.DueOn, stored.InitialDueOn));
        Assert.Equal("Date limite prolongée du 03/04/2026 au 17/04/2026 (date initiale : 20/03/2026)",
            stored.Events.Single(e => e.Type == CaseEventTypes.DueDateExtended && e.OccurredOn == D(3, 14)).Note);
    }

    [Theory]
    [InlineData(3, 15)]
    [InlineData(3, 20)]
    public async Task A_new_date_that_is_not_after_the_current_one_is_refused_in_French(int month, int day)
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var file = await service.CreateAsync(TestCases.Requisition(), Ct);

        var refused = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.TakeStepAsync(file.Id, file.ConcurrencyStamp, RequisitionKind.ExtendStep, Extension(D(3, 12), D(month, day)), ct: Ct));

        Assert.Equal("La nouvelle date limite doit être postérieure à la date limite actuelle (20/03/2026).", refused.Message);
        var stored = await StoredAsync(database, file.Id);
        Assert.Equal((D(3, 20), (DateOnly?)null), (stored.DueOn, stored.InitialDueOn));
        Assert.DoesNotContain(stored.Events, e => e.Type == CaseEventTypes.DueDateExtended);
    }

    [Fact]
    public async Task An_extension_without_its_new_date_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var file = await service.CreateAsync(TestCases.Requisition(), Ct);

        var refused = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.TakeStepAsync(file.Id, file.ConcurrencyStamp, RequisitionKind.ExtendStep, new StepInput(D(3, 12)), ct: Ct));

        Assert.Equal("La nouvelle date limite est obligatoire.", refused.Message);
    }

    [Fact]
    public async Task Cancelling_the_extension_on_the_timeline_brings_the_first_date_back()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var file = await service.CreateAsync(TestCases.Requisition(), Ct);
        file = await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, RequisitionKind.ExtendStep, Extension(D(3, 12), D(4, 3)), ct: Ct);
        var extension = file.Events.Single(e => e.Type == CaseEventTypes.DueDateExtended);
        // A corrected note does not lose the date the extension granted.
        file = await service.CorrectEventAsync(file.Id, file.ConcurrencyStamp, extension.Id, D(3, 12), "Accord téléphonique", "Note plus claire", Ct);
        Assert.Equal(D(4, 3), (await StoredAsync(database, file.Id)).DueOn);

        await service.CancelEventAsync(file.Id, file.ConcurrencyStamp, extension.Id, "Saisie sur la mauvaise réquisition", Ct);

        var stored = await StoredAsync(database, file.Id);
        Assert.Equal((D(3, 20), (DateOnly?)null, D(3, 20)), (stored.DueOn, stored.InitialDueOn, stored.NextDueOn));
    }

    [Fact]
    public async Task The_hospitals_suspension_leaves_the_requisition_due_on_the_authoritys_date()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var file = await database.CreateService().CreateAsync(TestCases.Requisition(), Ct);

        await new LegalClockService(database.Factory, database.Clock).SuspendAsync(file.Id, null, "Attente de l'avis du médecin", D(3, 5), Ct);

        var stored = await StoredAsync(database, file.Id);
        Assert.Equal((D(3, 20), false), (stored.NextDueOn, stored.ClockSuspended));
    }
}

public sealed class SqliteRequisitionExtensionTests : RequisitionExtensionTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlRequisitionExtensionTests : RequisitionExtensionTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
