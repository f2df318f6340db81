using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.FunctionalProtection;
using RelationsUsagers.Core.Security;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>
/// Protection fonctionnelle in the browser: the manager opens a demo file (its agent, its invoices summed, audited, axe
/// clean); the officer's direct address shows nothing of it and the CDU member's is refused. Reads only: no other test
/// uses these files.
/// </summary>
public sealed class ProtectionAccessTests(PortalFixture portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The demo file granted in full, with its two invoices (840,00 € and 1 250,50 €).</summary>
    private async Task<ProtectionCase> GrantedFileAsync()
    {
        using var scope = portal.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var files = await db.Set<ProtectionCase>().AsNoTracking().ToListAsync(Ct);
        return files.Single(f => f.Decision == ProtectionDecision.GrantedInFull && f.Costs.Count == 2);
    }

    private async Task<int> ConsultationsAsync(string reference)
    {
        using var scope = portal.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.AuditEntries.CountAsync(a => a.CaseReference == reference && a.Action == AuditActions.Opened, Ct);
    }

    [Fact]
    public async Task The_manager_opens_an_agents_file_with_its_costs_summed_and_the_read_is_audited()
    {
        var file = await GrantedFileAsync();
        var before = await ConsultationsAsync(file.Reference);
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "manager");

        await page.GotoAsync($"/dossiers/{file.Id}");
        await PortalFixture.WaitReadyAsync(page);

        await Expect(page.Locator("#case-reference")).ToHaveTextAsync(file.Reference);
        await Expect(page.GetByText("Agent : ")).ToContainTextAsync(file.Patient.LastName.ToUpperInvariant());
        await Expect(page.Locator("#protection-costs-total")).ToContainTextAsync("2\u202F090,50\u00A0€");
        Assert.Equal(before + 1, await ConsultationsAsync(file.Reference));
        await Axe.AssertAccessibleAsync(page, "protection-manager");
    }

    [Fact]
    public async Task The_officers_direct_address_shows_nothing_and_the_queue_never_lists_the_kind()
    {
        var file = await GrantedFileAsync();
        var before = await ConsultationsAsync(file.Reference);
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "officer");
        await Expect(page.Locator(".queue-counters")).Not.ToContainTextAsync("Protection fonctionnelle");

        await page.GotoAsync($"/dossiers/{file.Id}");
        await PortalFixture.WaitReadyAsync(page);

        await Expect(page.GetByText("Ce dossier n'existe pas ou a été supprimé.")).ToBeVisibleAsync();
        await Expect(page.Locator("#case-reference")).ToHaveCountAsync(0);
        Assert.DoesNotContain(file.Patient.LastName, await page.Locator("main").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await ConsultationsAsync(file.Reference));
        await PortalFixture.ShotAsync(page, "protection-officer-refused");
    }

    [Fact]
    public async Task The_cdu_members_direct_address_is_refused()
    {
        var file = await GrantedFileAsync();
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "cdu");

        await page.GotoAsync($"/dossiers/{file.Id}");
        await PortalFixture.WaitReadyAsync(page);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accès refusé" })).ToBeVisibleAsync();
        Assert.DoesNotContain(file.Patient.LastName, await page.Locator("main").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
