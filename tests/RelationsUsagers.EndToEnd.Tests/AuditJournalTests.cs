using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RelationsUsagers.Core.Security;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>The manager's audit journal: a search of the queue is on record with what it listed, never the name typed.</summary>
public sealed class AuditJournalTests(PortalFixture portal)
{
    [Fact]
    public async Task A_name_searched_in_the_queue_shows_in_the_journal_as_the_references_found_and_the_journal_verifies()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "manager");
        var firstRow = page.Locator("tr.queue-row").First;
        await Expect(firstRow).ToBeVisibleAsync();
        // The patient column reads "LEFEVRE Hélène": the last name, as an officer would type it.
        var lastName = (await firstRow.Locator("td").Nth(2).TextContentAsync())!.Trim().Split(' ')[0];
        var search = page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Textbox);
        await search.FillAsync(lastName.ToLowerInvariant());
        await Expect(page).ToHaveURLAsync(new Regex($@"[?&]q={Regex.Escape(Uri.EscapeDataString(lastName.ToLowerInvariant()))}(&|$)"));
        var reference = (await page.Locator("tr.queue-row a.case-link").First.TextContentAsync())!.Trim();

        await page.GetByRole(AriaRole.Link, new() { Name = "Journal d'audit" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Journal d'audit", Level = 1 })).ToBeVisibleAsync();
        await page.Locator("#journal-reference").FillAsync(reference);
        await page.Locator("#journal-search").ClickAsync();

        var searchLine = page.Locator("#journal-table tbody tr", new() { HasText = AuditActions.QueueSearched }).First;
        await Expect(searchLine).ToContainTextAsync(reference);
        await Expect(searchLine).ToContainTextAsync("recherche par nom ou référence (texte non conservé)");
        Assert.DoesNotContain(lastName, await searchLine.TextContentAsync(), StringComparison.OrdinalIgnoreCase);

        await page.Locator("#journal-verify").ClickAsync();
        await Expect(page.Locator("#journal-integrity")).ToContainTextAsync("Journal intègre");
        await PortalFixture.ShotAsync(page, "journal-search-line");
    }
}
