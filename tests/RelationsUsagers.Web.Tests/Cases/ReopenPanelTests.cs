using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Web.Tests.Cases;

/// <summary>« Rouvrir le dossier » on a closed case: managers only, a reason asked at the field, the status before closing restored.</summary>
public sealed class ReopenPanelTests : PortalTestContext
{
    private const string Manager = "manager";

    // The manager acts: the page shows the button by role, the service checks the role of the acting user again.
    public ReopenPanelTests() => SignIn(Manager, Roles.Manager);

    private async Task<CaseFile> LoadAsync(Guid id)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.CaseFiles.AsNoTracking().Include(c => c.Events).SingleAsync(c => c.Id == id, Ct);
    }

    /// <summary>A complaint acknowledged on 4 March and abandoned on 5 March (« Plaignant injoignable »).</summary>
    private async Task<CaseFile> AbandonedComplaintAsync()
    {
        var file = await CreateCaseAsync(Drafts.Complaint(receivedOn: new DateOnly(2026, 3, 2)));
        var service = ServiceAs(Manager);
        var acknowledged = await service.AddEventAsync(file.Id, file.ConcurrencyStamp, CaseEventTypes.AcknowledgementSent, new DateOnly(2026, 3, 4), null, Ct);
        return await service.TakeStepAsync(acknowledged.Id, acknowledged.ConcurrencyStamp, "abandon",
            new StepInput(new DateOnly(2026, 3, 5), "Plaignant injoignable"), ct: Ct);
    }

    [Fact]
    public async Task Reopening_asks_for_the_reason_at_the_field_then_the_case_returns_to_its_status_before_closing()
    {
        var file = await AbandonedComplaintAsync();
        var page = OpenCase(file);
        Assert.Equal("Abandonné", page.Find("#case-status").TextContent.Trim());

        page.Find("#reopen-case").Click();
        page.Find("#reopen-confirm").Click();

        page.WaitForAssertion(() => Assert.Contains("Le motif de la réouverture est obligatoire.", page.Find("#reopen-panel").TextContent, StringComparison.Ordinal));
        Assert.Equal(CaseStatus.Abandoned, (await LoadAsync(file.Id)).Status);

        page.Find("#reopen-reason").Change("Le plaignant a rappelé le 14 mars");
        page.Find("#reopen-confirm").Click();

        page.WaitForAssertion(() => Assert.Equal("Accusé de réception envoyé", page.Find("#case-status").TextContent.Trim()));
        Assert.Empty(page.FindAll("#reopen-case"));
        var stored = await LoadAsync(file.Id);
        Assert.Equal((CaseStatus.Acknowledged, null), (stored.Status, stored.ClosedOn));
        Assert.Contains(stored.Events, e => e.Type == CaseEventTypes.Reopened);
    }

    [Fact]
    public async Task An_officer_is_not_offered_to_reopen_a_closed_case()
    {
        var file = await AbandonedComplaintAsync();
        SignIn(UserName, Roles.Officer);

        var page = OpenCase(file);

        Assert.Equal("Abandonné", page.Find("#case-status").TextContent.Trim());
        Assert.Empty(page.FindAll("#reopen-case"));
        // The closing itself is corrected (its date), never cancelled: reopening is the manager's action.
        page.FindAll("[role=tab]").Single(t => t.TextContent.Trim() == "Chronologie").Click();
        var names = page.FindAll(".case-timeline button").Select(b => b.GetAttribute("aria-label")).ToList();
        Assert.Contains("Corriger l'événement Classé sans suite du 05/03/2026", names);
        Assert.DoesNotContain("Annuler l'événement Classé sans suite du 05/03/2026", names);
    }
}
