using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.FunctionalProtection;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>What the every-page and every-dialog scans share: the demo cases a profile opens, and opening a page until it settles.</summary>
internal static class ScanPages
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed record DemoCase(string Name, Guid Id);

    /// <summary>
    /// The cases the profile opens: for the officer one open case of each of his kinds (the complaint in mediation, for its tab),
    /// for the manager a protection fonctionnelle file (his only), a complaint (his journal tab) and a closed case (his reopening).
    /// None of the queue's first lines nor of the statuses other tests take their case from, and not the protection file
    /// ProtectionAccessTests counts the reads of.
    /// </summary>
    public static async Task<IReadOnlyList<DemoCase>> CasesAsync(PortalFixture portal, IPage page, string profile)
    {
        await OpenAsync(page, "/");
        var queueTop = (await page.Locator("a.case-link").EvaluateAllAsync<string[]>("links => links.slice(0, 12).map(a => a.getAttribute('href'))"))
            .Select(h => Guid.Parse(h.Split('/')[^1])).ToHashSet();
        (CaseKind, CaseStatus)[] takenByOthers =
        [
            (CaseKind.AccessRequest, CaseStatus.Complete), (CaseKind.IndemnityClaim, CaseStatus.DeclaredToInsurer),
            (CaseKind.IndemnityClaim, CaseStatus.Received), (CaseKind.Requisition, CaseStatus.Received),
        ];
        using var scope = portal.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var all = (await db.CaseFiles.AsNoTracking().ToListAsync(Ct))
            .Where(c => !queueTop.Contains(c.Id) && !takenByOthers.Contains((c.Kind, c.Status))
                        && c is not ProtectionCase { Decision: ProtectionDecision.GrantedInFull, Costs.Count: 2 })
            .OrderByDescending(c => c.Reference, StringComparer.Ordinal)
            .ToList();
        CaseFile Pick(Func<CaseFile, bool> test, string what) =>
            all.FirstOrDefault(test) ?? throw new InvalidOperationException($"The demo data has no {what} for the scan.");

        return profile == "manager"
            ?
            [
                new("protection", Pick(c => c.Kind == CaseKind.FunctionalProtection && c.IsOpen, "open protection file").Id),
                new("complaint", Pick(c => c.Kind == CaseKind.Complaint && c.IsOpen, "open complaint").Id),
                new("closed", Pick(c => c.Kind != CaseKind.FunctionalProtection && !c.IsOpen, "closed case").Id),
            ]
            :
            [
                // In mediation if one is free (its « Médiation » tab), else any open complaint.
                new("complaint", (all.FirstOrDefault(c => c.Kind == CaseKind.Complaint && c.Status == CaseStatus.InMediation)
                                  ?? Pick(c => c.Kind == CaseKind.Complaint && c.IsOpen, "open complaint")).Id),
                new("access-request", Pick(c => c.Kind == CaseKind.AccessRequest && c.IsOpen, "open access request").Id),
                new("claim", Pick(c => c.Kind == CaseKind.IndemnityClaim && c.IsOpen, "open claim").Id),
                new("requisition", Pick(c => c.Kind == CaseKind.Requisition && c.IsOpen, "open requisition").Id),
            ];
    }

    public static async Task<Guid> FirstAsync(PortalFixture portal, Func<AppDbContext, IQueryable<Guid>> query)
    {
        using var scope = portal.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await query(db).FirstAsync(Ct);
    }

    /// <summary>Opens an address and waits until the page has drawn its data (its h1, no loading bar, the DOM still a moment).</summary>
    public static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        if (await page.Locator("#app-ready").CountAsync() > 0)
            await PortalFixture.WaitReadyAsync(page);
        await SettledAsync(page);
    }

    public static async Task SettledAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync("() => document.querySelector('h1') !== null && document.querySelector('main [role=progressbar]') === null");
        }
        catch (TimeoutException)
        {
            // A page without h1 (or forever loading) is scanned as it is: the heading check reports it.
        }
        // Quiet for 300 ms: the last rows of a list drawn from the circuit have arrived.
        await page.EvaluateAsync("""
            () => new Promise(resolve => {
                let timer = setTimeout(done, 300);
                const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, 300); });
                function done() { observer.disconnect(); resolve(); }
                observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
            })
            """);
    }
}
