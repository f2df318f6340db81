using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Queue;
using RelationsUsagers.Web.Queue;

namespace RelationsUsagers.Web.Tests;

/// <summary>
/// The queue past its count's cap. The portal counts up to 10,000 (<see cref="CaseQueueService.DefaultCountCap"/>); a cap
/// of 3, registered before the context's first use, shows the same on four cases.
/// </summary>
public sealed class QueueCountCapTests : PortalTestContext
{
    public QueueCountCapTests()
    {
        Services.AddScoped(sp => new CaseQueueService(sp.GetRequiredService<IDbContextFactory<AppDbContext>>(), Clock) { CountCap = 3 });
    }

    [Fact]
    public async Task Past_the_cap_the_queue_says_more_than_the_cap_and_offers_one_more_page()
    {
        foreach (var (last, first) in new[] { ("Perrin", "Kevin"), ("Ménard", "Joseph"), ("Lefèvre", "Hélène"), ("Bonnet", "Lucie") })
            await CreateCaseAsync(Drafts.Complaint(last, first));

        var page = RenderWithPopovers<QueuePage>();

        page.WaitForAssertion(() => Assert.Equal("Plus de 3 dossiers", page.Find("#queue-total").TextContent.Trim()));
        Assert.Equal(4, page.FindAll("tr.queue-row").Count);
        // One page of 25 counted, and one more: opening it counts on.
        Assert.Equal(["1", "2"], page.FindAll(".mud-pagination-item button").Select(b => b.TextContent.Trim()).Where(t => t.Length > 0));
    }
}
