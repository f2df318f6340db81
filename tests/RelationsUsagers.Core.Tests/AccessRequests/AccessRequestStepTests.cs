using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.Tests.AccessRequests;

/// <summary>The steps of a record-access request refused by its rules (R.1111-1, R.1111-6, R.1111-7, L.1111-7).</summary>
public abstract class AccessRequestStepTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Proofs_complete_is_refused_while_a_required_proof_is_missing()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var service = db.CreateService();
        var draft = TestCases.AccessRequest();
        draft.RequesterCapacity = RequesterCapacity.HeirOrPartner;
        draft.DeceasedMotive = DeceasedAccessMotive.CausesOfDeath;
        draft.Patient.DeathDate = new DateOnly(2026, 1, 20);
        draft.ProofsReceived = [ProofKind.IdentityDocument, ProofKind.DeathCertificate];
        var created = await service.CreateAsync(draft, Ct);

        var refused = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.ProofsComplete, new DateOnly(2026, 3, 5), null, Ct));

        Assert.Equal("La demande ne peut pas être complète : pièces manquantes : Justificatif de la qualité d'ayant droit.", refused.Message);
        var stored = (AccessRequest)(await service.OpenAsync(created.Id, Ct))!;
        Assert.Null(stored.CompletedOn);
        Assert.Equal(CaseStatus.Received, stored.Status);
    }

    [Fact]
    public async Task Proofs_complete_with_every_proof_sets_the_date_and_the_status()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var service = db.CreateService();
        var created = await service.CreateAsync(TestCases.AccessRequest(), Ct);

        var done = (AccessRequest)await service.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.ProofsComplete,
            new DateOnly(2026, 3, 5), null, Ct);

        Assert.Equal(new DateOnly(2026, 3, 5), done.CompletedOn);
        Assert.Equal(CaseStatus.Complete, done.Status);
    }

    [Fact]
    public async Task A_copy_cannot_leave_when_the_patient_objected_before_death()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var service = db.CreateService();
        var draft = TestCases.AccessRequest();
        draft.RequesterCapacity = RequesterCapacity.HeirOrPartner;
        draft.DeceasedMotive = DeceasedAccessMotive.AssertRights;
        draft.Patient.DeathDate = new DateOnly(2026, 1, 20);
        draft.ObjectionBeforeDeath = true;
        draft.ProofsReceived = [ProofKind.IdentityDocument, ProofKind.DeathCertificate, ProofKind.HeirStatusProof];
        var created = await service.CreateAsync(draft, Ct);
        var complete = await service.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.ProofsComplete, new DateOnly(2026, 3, 5), null, Ct);

        var refused = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.AddEventAsync(complete.Id, complete.ConcurrencyStamp, CaseEventTypes.CopySent, new DateOnly(2026, 3, 9), null, Ct));

        Assert.Contains("s'est opposé de son vivant", refused.Message, StringComparison.Ordinal);
        var moveRefused = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.TakeStepAsync(complete.Id, complete.ConcurrencyStamp, AccessRequestKind.OnSiteStep, new StepInput(new DateOnly(2026, 3, 9)), ct: Ct));
        Assert.Contains("refus motivé", moveRefused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parent_cannot_receive_the_parts_a_minor_objected_to()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var service = db.CreateService();
        var draft = TestCases.AccessRequest();
        draft.RequesterCapacity = RequesterCapacity.ParentalAuthority;
        draft.MinorObjection = true;
        draft.ProofsReceived = [ProofKind.IdentityDocument, ProofKind.ParentageProof];
        var created = await service.CreateAsync(draft, Ct);
        created = await service.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.ProofsComplete, new DateOnly(2026, 3, 5), null, Ct);

        var refused = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.AddEventAsync(created.Id, created.ConcurrencyStamp, CaseEventTypes.CopySent, new DateOnly(2026, 3, 9), null, Ct));

        Assert.Contains("art. R.1111-6", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(40, null, 720, true)]     // 40 pages × 0,18 € = 7,20 €
    [InlineData(40, null, 721, false)]
    [InlineData(40, "CD d'imagerie", 995, true)] // + 2,75 € for the disc
    [InlineData(40, "Papier", 995, false)]
    public void Reproduction_fees_are_capped_by_the_copy_cost(int pages, string? medium, long feeCents, bool valid)
    {
        var request = TestCases.AccessRequest();
        request.CommunicationMode = CommunicationMode.RecordedDelivery;
        request.PageCount = pages;
        request.Medium = medium;
        request.ReproductionFeeCents = feeCents;

        var result = new AccessRequestValidator(TimeProvider.System).Validate(request);

        Assert.Equal(valid, result.Errors.All(e => e.PropertyName != nameof(AccessRequest.ReproductionFeeCents)));
    }
}

public sealed class SqliteAccessRequestStepTests : AccessRequestStepTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlAccessRequestStepTests : AccessRequestStepTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
