using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Web.Tests.Cases;

/// <summary>The case page gives the case to a colleague chosen by name, and says who is in charge by name.</summary>
public sealed class AssignBoxTests : PortalTestContext
{
    [Fact]
    public async Task The_officer_gives_the_case_to_a_colleague_chosen_by_name()
    {
        var file = await CreateCaseAsync(Drafts.AccessRequest());
        var page = OpenCase(file);
        Assert.Contains("chargé(e) : non attribué", page.Markup, StringComparison.Ordinal);

        page.Find("#assignee").Closest(".mud-input-control")!.MouseDown();
        var options = Popovers.WaitForElements(".mud-list-item").Select(i => i.TextContent.Trim()).ToList();
        Assert.Equal(["Non attribué", "Claire Dubois (officer)", "Marc Lemoine (manager)"], options);
        Popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == "Marc Lemoine (manager)").Click();
        page.Find("#assign-case").Click();

        await page.WaitForAssertionAsync(async () =>
        {
            await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
            Assert.Equal("manager", (await db.CaseFiles.AsNoTracking().SingleAsync(c => c.Id == file.Id, Ct)).AssignedTo);
        });
        page.WaitForAssertion(() => Assert.Contains("chargé(e) : Marc Lemoine", page.Markup, StringComparison.Ordinal));
    }
}
