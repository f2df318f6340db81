using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Requisitions;

namespace RelationsUsagers.Core.Tests.Timeline;

/// <summary>CaseFileEdits: the editing copy of a case, and "reload and re-apply my changes" after a conflict.</summary>
public abstract class CaseFileEditsTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AccessRequest Saved()
    {
        var saved = TestCases.AccessRequest();
        saved.Reference = "DAD-2026-00007";
        saved.Services = ["Cardiologie", "Urgences"];
        return saved;
    }

    [Fact]
    public void Changing_the_copys_patient_name_does_not_touch_the_original()
    {
        var original = Saved();

        var copy = CaseFileEdits.Copy(original);
        copy.Patient.LastName = "Lefèvre-Martin";
        copy.Requester.Email = "autre@example.fr";

        Assert.NotSame(original.Patient, copy.Patient);
        Assert.Equal("Lefèvre", original.Patient.LastName);
        Assert.Equal("helene.lefevre@example.fr", original.Requester.Email);
    }

    [Fact]
    public void Changing_the_copys_services_does_not_touch_the_original()
    {
        var original = Saved();

        var copy = CaseFileEdits.Copy(original);
        copy.Services.Add("Pédiatrie");
        copy.Services.Remove("Urgences");
        copy.ProofsReceived.Add(ProofKind.ParentageProof);

        Assert.Equal(["Cardiologie", "Urgences"], original.Services);
        Assert.Equal([ProofKind.IdentityDocument], original.ProofsReceived);
    }

    [Fact]
    public void A_requisitions_items_are_copied_deeply()
    {
        var original = TestCases.Requisition();

        var copy = CaseFileEdits.Copy(original);
        copy.Items[0].Sent = true;
        copy.Items.Add(new RequisitionItem { Description = "Compte rendu de passage" });

        Assert.False(Assert.Single(original.Items).Sent);
    }

    [Fact]
    public void The_copy_keeps_the_identity_stamp_and_kind_specific_fields()
    {
        var original = Saved();
        original.CompletedOn = new DateOnly(2026, 3, 6);
        original.NextDueOn = new DateOnly(2026, 3, 10);

        var copy = CaseFileEdits.Copy(original);

        Assert.IsType<AccessRequest>(copy);
        Assert.Equal((original.Id, original.Reference, original.ConcurrencyStamp, original.Status, original.NextDueOn),
            (copy.Id, copy.Reference, copy.ConcurrencyStamp, copy.Status, copy.NextDueOn));
        Assert.Equal((original.CompletedOn, original.PeriodRequested, original.Patient.BirthDate),
            (copy.CompletedOn, copy.PeriodRequested, copy.Patient.BirthDate));
    }

    [Fact]
    public void Reapply_lays_only_the_users_changed_fields_over_the_latest_version()
    {
        var original = Saved();
        var edited = CaseFileEdits.Copy(original);
        edited.PeriodRequested = "Hospitalisations de 2025 et 2026";
        var latest = CaseFileEdits.Copy(original);
        latest.Services = ["Cardiologie", "Urgences", "Réanimation"]; // the colleague's change
        latest.ConcurrencyStamp = Guid.NewGuid();

        var merged = (AccessRequest)CaseFileEdits.Reapply(original, edited, latest);

        Assert.Equal("Hospitalisations de 2025 et 2026", merged.PeriodRequested);
        Assert.Equal(["Cardiologie", "Urgences", "Réanimation"], merged.Services);
        Assert.Equal(latest.ConcurrencyStamp, merged.ConcurrencyStamp);
        Assert.Equal([nameof(AccessRequest.PeriodRequested)], CaseFileEdits.ChangedFields(original, edited));
    }

    [Fact]
    public void Reapply_does_not_share_the_users_lists_with_the_merged_version()
    {
        var original = Saved();
        var edited = CaseFileEdits.Copy(original);
        edited.Services = ["Pédiatrie"];
        var latest = CaseFileEdits.Copy(original);

        var merged = CaseFileEdits.Reapply(original, edited, latest);
        merged.Services.Add("Urgences");

        Assert.Equal(["Pédiatrie"], edited.Services);
    }

    [Fact]
    public async Task After_a_conflict_the_reapplied_changes_save_and_keep_the_colleagues_change()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var created = await database.CreateService().CreateAsync(TestCases.AccessRequest(), Ct);
        var mine = database.CreateService("c.martin");
        var colleague = database.CreateService("j.roux");
        var original = (AccessRequest)(await mine.OpenAsync(created.Id, Ct))!;
        var edited = CaseFileEdits.Copy(original);
        edited.PeriodRequested = "Hospitalisations de 2025 et 2026";

        var theirs = (AccessRequest)(await colleague.OpenAsync(created.Id, Ct))!;
        theirs.Summary = "Demande transmise par la cadre de santé.";
        await colleague.UpdateAsync(theirs, Ct);
        await Assert.ThrowsAsync<CaseConflictException>(() => mine.UpdateAsync(edited, Ct));

        var latest = (await mine.OpenAsync(created.Id, Ct))!;
        var saved = (AccessRequest)await mine.UpdateAsync(CaseFileEdits.Reapply(original, edited, latest), Ct);

        Assert.Equal(("Hospitalisations de 2025 et 2026", "Demande transmise par la cadre de santé."), (saved.PeriodRequested, saved.Summary));
        var reread = (AccessRequest)(await mine.OpenAsync(created.Id, Ct))!;
        Assert.Equal((saved.PeriodRequested, saved.Summary, "c.martin"), (reread.PeriodRequested, reread.Summary, reread.UpdatedBy));
    }
}

public sealed class SqliteCaseFileEditsTests : CaseFileEditsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlCaseFileEditsTests : CaseFileEditsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
