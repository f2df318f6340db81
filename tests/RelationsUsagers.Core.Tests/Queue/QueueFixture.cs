using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Queue;

namespace RelationsUsagers.Core.Tests.Queue;

/// <summary>
/// A test database (SQLite or PostgreSQL) with the case service and the queue service over it. Cases are created through
/// <see cref="CaseFileService.CreateAsync"/>, so that NextDueOn is the one the legal clock writes on save: an access
/// request received on D is due on D + 8 days (today is 15 March 2026).
/// </summary>
internal sealed class QueueFixture : IAsyncDisposable
{
    private QueueFixture(TestDatabase database)
    {
        Database = database;
        Cases = database.CreateService();
        Queue = new CaseQueueService(database.Factory, database.Clock);
    }

    public TestDatabase Database { get; }

    public CaseFileService Cases { get; }

    public CaseQueueService Queue { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static DateOnly D(int month, int day) => new(2026, month, day);

    public static async Task<QueueFixture> CreateAsync(DatabaseProvider provider) =>
        new(await TestDatabase.CreateAsync(provider, TestDatabase.DefaultUserName, ct: Ct));

    /// <summary>An access request received on <paramref name="receivedOn"/> (due 8 days later), optionally adjusted.</summary>
    public async Task<AccessRequest> AccessAsync(DateOnly receivedOn, Action<AccessRequest>? adjust = null)
    {
        var draft = TestCases.AccessRequest(receivedOn);
        adjust?.Invoke(draft);
        return (AccessRequest)await Cases.CreateAsync(draft, Ct);
    }

    /// <summary>A grievance received on <paramref name="receivedOn"/>: acknowledgement due 8 days later, answer a month later.</summary>
    public async Task<Complaint> ComplaintAsync(DateOnly receivedOn) =>
        (Complaint)await Cases.CreateAsync(TestCases.Complaint(receivedOn), Ct);

    /// <summary>Words of praise: no deadline at all, so the case has no NextDueOn.</summary>
    public async Task<Complaint> PraiseAsync(DateOnly receivedOn)
    {
        var draft = TestCases.Complaint(receivedOn);
        draft.Nature = ComplaintNature.Praise;
        draft.Motives = [];
        draft.Summary = "Remerciements à l'équipe de cardiologie.";
        return (Complaint)await Cases.CreateAsync(draft, Ct);
    }

    public async Task<CaseFile> RefusedAccessAsync(DateOnly receivedOn)
    {
        var created = await AccessAsync(receivedOn);
        return await Cases.TakeStepAsync(created.Id, created.ConcurrencyStamp, "refuse",
            new StepInput(receivedOn, "Demandeur sans qualité pour accéder au dossier."), ct: Ct);
    }

    public async Task<CaseFile> AbandonedAccessAsync(DateOnly receivedOn)
    {
        var created = await AccessAsync(receivedOn);
        return await Cases.TakeStepAsync(created.Id, created.ConcurrencyStamp, "abandon", new StepInput(receivedOn, "Demande retirée."), ct: Ct);
    }

    public async Task<CaseFile> ClosedAccessAsync(DateOnly receivedOn)
    {
        CaseFile file = await AccessAsync(receivedOn);
        file = await Cases.AddEventAsync(file.Id, file.ConcurrencyStamp, CaseEventTypes.ProofsComplete, receivedOn, null, Ct);
        file = await Cases.TakeStepAsync(file.Id, file.ConcurrencyStamp, "send-copy",
            new StepInput(receivedOn) { EarlyReason = "Demande urgente du médecin traitant." }, ct: Ct);
        return await Cases.TakeStepAsync(file.Id, file.ConcurrencyStamp, "close", new StepInput(TestDatabase.Today, "Copie communiquée."), ct: Ct);
    }

    public async Task<PagedResult<CaseListItem>> PageAsync(QueueFilter filter, PageRequest? page = null) =>
        await Queue.GetPageAsync(filter, page ?? new PageRequest(0, 50), Ct);

    /// <summary>The references of the first page, in the order the queue gives them.</summary>
    public async Task<IReadOnlyList<string>> ReferencesAsync(QueueFilter filter, PageRequest? page = null) =>
        (await PageAsync(filter, page)).Items.Select(i => i.Reference).ToList();

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
