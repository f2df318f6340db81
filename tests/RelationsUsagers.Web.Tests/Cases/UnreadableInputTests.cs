using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Web.Tests.Cases;

/// <summary>A typed text a field cannot read gets a French message at the field and its field's name in the save summary.</summary>
public sealed class UnreadableInputTests : PortalTestContext
{
    [Fact]
    public async Task A_date_that_does_not_exist_is_said_in_french_at_the_field_and_named_in_the_save_summary_and_nothing_is_saved()
    {
        var file = await CreateCaseAsync(Drafts.Complaint());
        var page = OpenCase(file);

        page.Find("#facts-on").Change("31/02/2026");

        page.WaitForAssertion(() => Assert.Contains("Date non reconnue\u00A0: saisissez-la au format jj/mm/aaaa.",
            page.Find("#facts-on").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("Not a valid", page.Markup, StringComparison.Ordinal);
        Assert.Equal("31/02/2026", page.Find("#facts-on").GetAttribute("value"));

        page.Find("#save-case").Click();

        var problems = page.WaitForElement("#case-problems");
        Assert.Contains("corrigez les champs signalés", page.Find("#case-error").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Date des faits\u00A0: Date non reconnue\u00A0: saisissez-la au format jj/mm/aaaa."],
            problems.QuerySelectorAll("li").Select(li => li.TextContent.Trim()));
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var stored = await db.Set<Complaint>().AsNoTracking().SingleAsync(c => c.Id == file.Id, Ct);
        Assert.Null(stored.FactsOn);
        Assert.Equal(file.ConcurrencyStamp, stored.ConcurrencyStamp);
    }
}
