using ClosedXML.Excel;
using Microsoft.Playwright;
using RelationsUsagers.Core.Insurance;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>
/// The insurance ledger in Chromium on the demo data: the year's page and a claim's page pass axe, the refund awaited too
/// long is highlighted, and the ledger's workbook downloads. Read only: the demo's claims stay as the other tests expect them.
/// </summary>
public sealed class InsuranceLedgerTests(PortalFixture portal)
{
    [Fact]
    public async Task The_manager_reads_the_year_s_ledger_and_a_claim_s_entries_and_downloads_the_workbook()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "manager");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" }).GetByRole(AriaRole.Link, new() { Name = "Assurance responsabilité" }).ClickAsync();
        await PortalFixture.WaitReadyAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Assurance responsabilité hospitalière", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#insurance-balance")).ToContainTextAsync("Cotisations appelées");
        // The demo's advance partly refunded: 9 000,00 € awaited for 150 days, more than the 90 of the setting.
        await Expect(page.Locator("#insurance-overdue")).ToContainTextAsync("depuis plus de 90 jours");
        var overdue = page.Locator("#insurance-claims tr.overdue");
        await Expect(overdue).ToHaveCountAsync(1);
        await Expect(overdue).ToContainTextAsync("9\u00A0000,00\u00A0€");
        await Axe.AssertAccessibleAsync(page, "insurance-ledger-year");

        // The page's year (Paris time), read from its export link rather than from this machine's clock.
        var year = int.Parse((await page.Locator("#insurance-export").GetAttributeAsync("href"))!.Split("annee=")[1], System.Globalization.CultureInfo.InvariantCulture);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#insurance-export").ClickAsync());
        Assert.Equal(InsuranceLedgerWorkbook.FileName(year), download.SuggestedFilename);
        using (var workbook = new XLWorkbook(new MemoryStream(await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken))))
        {
            Assert.Equal($"Registre de l'assurance responsabilité — exercice {year}", workbook.Worksheet(InsuranceLedgerWorkbook.BalanceSheet).Cell(1, 1).GetString());
            Assert.Equal("Cotisations appelées", workbook.Worksheet(InsuranceLedgerWorkbook.BalanceSheet).Cell(5, 1).GetString());
        }

        await overdue.GetByRole(AriaRole.Link).ClickAsync();
        await PortalFixture.WaitReadyAsync(page);
        await Expect(page.Locator("#claim-ledger-entries")).ToContainTextAsync("Remboursement reçu de l'assureur");
        await Expect(page.Locator("#claim-ledger-position")).ToContainTextAsync("27\u00A0000,00\u00A0€");
        await Axe.AssertAccessibleAsync(page, "insurance-ledger-claim");
    }

    [Fact]
    public async Task A_CDU_member_is_refused_the_ledger_and_its_workbook()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "cdu");
        await page.GotoAsync("/assurance");
        await PortalFixture.WaitReadyAsync(page);
        await Expect(page.Locator("#insurance-balance")).ToHaveCountAsync(0);

        var response = await page.APIRequest.GetAsync("/exports/assurance?annee=2026", new() { MaxRedirects = 0 });
        Assert.NotEqual(200, response.Status);
    }
}
