using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Web.Queue;

namespace RelationsUsagers.Web.Tests;

/// <summary>An open queue follows a colleague's saves without losing its filter (issue 3, "Live").</summary>
public sealed class QueueLiveUpdateTests : PortalTestContext
{
    [Fact]
    public async Task A_case_created_by_a_colleague_appears_in_the_open_queue_with_its_filter_kept()
    {
        await CreateCaseAsync(Drafts.AccessRequest("Lefèvre", "Hélène"));
        await CreateCaseAsync(Drafts.Complaint("Ménard", "Joseph"));
        Navigation.NavigateTo("/?type=AccessRequest");
        var page = RenderWithPopovers<QueuePage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tr.queue-row")));

        // The colleague's service publishes through the app's CaseChanges, as every circuit's does.
        var colleague = new CaseFileService(Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Core.Data.AppDbContext>>(),
            new CaseValidators(Clock), Clock, Services.GetRequiredService<CaseChanges>());
        await colleague.CreateAsync(Drafts.AccessRequest("Garnier", "Paul"), Xunit.TestContext.Current.CancellationToken);
        await colleague.CreateAsync(Drafts.Complaint("Perrin", "Lucie"), Xunit.TestContext.Current.CancellationToken);

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tr.queue-row").Count));
        Assert.Contains("GARNIER Paul", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("PERRIN Lucie", page.Markup, StringComparison.Ordinal);
        Assert.EndsWith("/?type=AccessRequest", Navigation.Uri, StringComparison.Ordinal);
    }
}
