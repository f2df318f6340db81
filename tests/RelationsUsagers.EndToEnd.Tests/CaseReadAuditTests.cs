using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>Health data: each opening of a case in the browser is one line of the audit trail, not two.</summary>
public sealed class CaseReadAuditTests(PortalFixture portal)
{
    [Fact]
    public async Task Opening_a_case_page_writes_exactly_one_consultation_line()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "officer");
        var link = page.Locator("a.case-link").Nth(3);
        var reference = (await link.TextContentAsync())!.Trim();
        var before = await ConsultationsAsync(reference);

        await page.GotoAsync((await link.GetAttributeAsync("href"))!);
        await PortalFixture.WaitReadyAsync(page);
        await Expect(page.Locator("#case-reference")).ToHaveTextAsync(reference);
        // Leave time for a second load (a prerender followed by the circuit's) to show up if there were one.
        await page.WaitForTimeoutAsync(1500);

        Assert.Equal(before + 1, await ConsultationsAsync(reference));
    }

    private async Task<int> ConsultationsAsync(string reference)
    {
        using var scope = portal.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>()
            .CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.AuditEntries.CountAsync(a => a.CaseReference == reference && a.Action == AuditActions.Opened,
            TestContext.Current.CancellationToken);
    }
}
