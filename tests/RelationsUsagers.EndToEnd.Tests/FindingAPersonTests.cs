using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Queue;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>The officer's desk, finding a person: part of an IPP typed in the queue's search box, and closed cases offered.</summary>
public sealed class FindingAPersonTests(PortalFixture portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Typing_part_of_an_IPP_finds_the_case_and_a_person_with_only_closed_cases_is_offered_them()
    {
        var (openReference, ipp) = await OpenCaseWithIppAsync();
        var ippPart = ipp.Part;
        var (closedReference, closedIpp, closedCount) = await PersonWithOnlyClosedCasesAsync();

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "officer");
        await Expect(page.Locator("a.case-link").First).ToBeVisibleAsync();
        var search = page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Textbox);

        // Typed, not submitted: the queue follows after the pause.
        await search.PressSequentiallyAsync(ippPart);

        await Expect(page).ToHaveURLAsync(new Regex($@"[?&]q={ippPart}(&|$)"));
        await Expect(page.Locator("tr.queue-row a.case-link", new() { HasText = openReference })).ToBeVisibleAsync();
        await Expect(search).ToHaveValueAsync(ippPart);
        await PortalFixture.ShotAsync(page, "find-person-1-ipp");

        await search.FillAsync(closedIpp);

        var offer = page.Locator("#closed-matches");
        await Expect(offer).ToContainTextAsync(closedCount == 1
            ? "Aucun dossier ouvert. 1 dossier clos correspond\u00A0: l'afficher"
            : $"Aucun dossier ouvert. {closedCount} dossiers clos correspondent\u00A0: les afficher");
        await Expect(page.Locator("tr.queue-row")).ToHaveCountAsync(0);
        await Axe.AssertAccessibleAsync(page, "find-person-2-closed-offer");

        await offer.GetByRole(AriaRole.Button).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]clos=1(&|$)"));
        await Expect(page.Locator("tr.queue-row a.case-link", new() { HasText = closedReference })).ToBeVisibleAsync();
        await Expect(page.Locator("tr.queue-row")).ToHaveCountAsync(closedCount);
    }

    [Fact]
    public async Task A_new_case_for_a_patient_already_known_by_IPP_shows_their_case_before_saving()
    {
        var (reference, ipp) = await OpenCaseWithIppAsync();

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "officer");
        await page.GotoAsync("/dossiers/nouveau");
        await PortalFixture.WaitReadyAsync(page);
        await page.GetByLabel("Plainte / réclamation").CheckAsync();
        await page.GetByLabel("IPP").FillAsync(ipp.Full);
        await page.GetByLabel("IPP").PressAsync("Tab");

        var panel = page.Locator("#person-cases");
        var row = panel.Locator($"tr[data-reference=\"{reference}\"]");
        await Expect(row).ToContainTextAsync("même IPP");
        await Expect(row.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("target", "_blank");
        await Expect(page.Locator("#save-case")).ToHaveTextAsync("Créer quand même");
        await Axe.AssertAccessibleAsync(page, "find-person-3-new-case");
    }

    /// <summary>An open demo case with an IPP, and five digits from the middle of that IPP (as read on a letter).</summary>
    private async Task<(string Reference, (string Full, string Part) Ipp)> OpenCaseWithIppAsync()
    {
        using var scope = portal.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var open = await db.CaseFiles.AsNoTracking()
            .Where(c => c.Status != CaseStatus.Closed && c.Status != CaseStatus.Refused && c.Status != CaseStatus.Abandoned)
            .Where(c => c.Patient.PatientNumber != null && c.Patient.PatientNumber.Length >= 8)
            .OrderBy(c => c.Reference).Select(c => new { c.Reference, c.Patient.PatientNumber }).FirstAsync(Ct);
        return (open.Reference, (open.PatientNumber!, open.PatientNumber!.Substring(2, 5)));
    }

    /// <summary>A closed demo case whose IPP no open case matches, and how many closed cases that IPP finds.</summary>
    private async Task<(string Reference, string Ipp, int ClosedCount)> PersonWithOnlyClosedCasesAsync()
    {
        using var scope = portal.Services.CreateScope();
        var services = scope.ServiceProvider;
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var closed = await db.CaseFiles.AsNoTracking()
            .Where(c => c.Status == CaseStatus.Closed && c.Patient.PatientNumber != null)
            .OrderBy(c => c.Reference).Select(c => new { c.Reference, c.Patient.PatientNumber }).ToListAsync(Ct);
        var queue = services.GetRequiredService<CaseQueueService>();
        foreach (var c in closed)
        {
            var filter = new QueueFilter { Search = c.PatientNumber };
            if ((await queue.GetPageAsync(filter, new PageRequest(0, 1), Ct)).TotalCount == 0)
                return (c.Reference, c.PatientNumber!, await queue.CountClosedMatchesAsync(filter, Ct));
        }
        throw new InvalidOperationException("Every closed demo case shares its IPP with an open one.");
    }
}
