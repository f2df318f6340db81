using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Audit;

namespace RelationsUsagers.Web.Tests.Audit;

/// <summary>The manager's audit journal: every line, newest first, filtered, its own reading audited, its chain verified.</summary>
public sealed class AuditJournalPageTests : PortalTestContext
{
    private const char Nbsp = '\u00A0';

    /// <summary>An access request created then opened by the officer (lines 1 to 3), and the manager signed in.</summary>
    private async Task<CaseFile> SeedAsync()
    {
        var file = await CreateCaseAsync(Drafts.AccessRequest());
        await Services.GetRequiredService<CaseFileService>().OpenAsync(file.Id, Ct);
        SignIn("manager", Roles.Manager);
        return file;
    }

    private static List<string[]> Rows(IRenderedComponent<AuditJournalPage> page) =>
        page.FindAll("#journal-table tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();

    private async Task<List<AuditEntry>> LinesAsync(string action)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.AuditEntries.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task The_journal_lists_every_line_newest_first_in_paris_time_with_a_link_to_the_case_and_audits_its_reading()
    {
        var file = await SeedAsync();

        var page = RenderWithPopovers<AuditJournalPage>();

        page.WaitForAssertion(() => Assert.Equal(3, Rows(page).Count));
        Assert.Equal(["3", "15/03/2026 11:00:00", UserName, AuditActions.Opened, file.Reference], Rows(page)[0][..5]);
        Assert.Equal([AuditActions.Opened, AuditActions.EventAdded, AuditActions.Created], Rows(page).Select(r => r[3]));
        Assert.Equal($"/dossiers/{file.Id}", page.Find("#journal-table tbody tr a.case-link").GetAttribute("href"));
        Assert.Equal("3 lignes", page.Find("#journal-count").TextContent.Trim());
        var reading = Assert.Single(await LinesAsync(AuditActions.JournalRead));
        Assert.Equal(("manager", (Guid?)null, $"Journal d'audit jusqu'à la ligne n°{Nbsp}3, page 1{Nbsp}; filtre{Nbsp}: tout le journal"),
            (reading.UserName, reading.CaseFileId, reading.Details));
    }

    [Fact]
    public async Task Choosing_an_action_and_searching_puts_it_in_the_url_and_lists_only_its_lines()
    {
        await SeedAsync();
        var page = RenderWithPopovers<AuditJournalPage>();
        page.WaitForAssertion(() => Assert.Equal(3, Rows(page).Count));

        page.Find("#journal-action").Closest(".mud-input-control")!.MouseDown();
        Popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Trim() == AuditActions.Created).Click();
        page.Find("form[role=search]").Submit();

        Assert.Equal("http://localhost/journal?action=Cr%C3%A9ation", Navigation.Uri);
        page.WaitForAssertion(() => Assert.Equal([AuditActions.Created], Rows(page).Select(r => r[3])));
        Assert.Equal("1 ligne", page.Find("#journal-count").TextContent.Trim());
        Assert.Equal(
            [$"Journal d'audit jusqu'à la ligne n°{Nbsp}3, page 1{Nbsp}; filtre{Nbsp}: tout le journal",
             $"Journal d'audit jusqu'à la ligne n°{Nbsp}4, page 1{Nbsp}; filtre{Nbsp}: action «{Nbsp}Création{Nbsp}»"],
            (await LinesAsync(AuditActions.JournalRead)).Select(l => l.Details));
    }

    [Fact]
    public async Task A_shared_link_opens_the_journal_on_its_filter()
    {
        var file = await SeedAsync();
        Navigation.NavigateTo($"/journal?dossier={file.Reference}&utilisateur=OFFICER&du=2026-03-15&au=2026-03-15");

        var page = RenderWithPopovers<AuditJournalPage>();

        page.WaitForAssertion(() => Assert.Equal(3, Rows(page).Count));
        Assert.Equal(file.Reference, page.Find("#journal-reference").GetAttribute("value"));
        Assert.Equal("OFFICER", page.Find("#journal-user").GetAttribute("value"));
    }

    [Fact]
    public async Task Verifying_says_the_journal_is_whole_then_names_the_line_changed_by_hand()
    {
        var file = await SeedAsync();
        var page = RenderWithPopovers<AuditJournalPage>();
        page.WaitForAssertion(() => Assert.Equal(3, Rows(page).Count));

        page.Find("#journal-verify").Click();
        // Lines 1 to 3, and the reading of the journal (line 4).
        page.WaitForAssertion(() => Assert.Equal($"Journal intègre{Nbsp}: 4 lignes vérifiées, chacune à sa place dans la chaîne.",
            page.Find("#journal-integrity").TextContent.Trim()));

        await using (var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct))
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditEntries_NoUpdate; UPDATE AuditEntries SET Details = 'Reçu le 01/01/2026' WHERE Id = 2;", Ct);
        page.Find("#journal-verify").Click();

        page.WaitForAssertion(() => Assert.StartsWith(
            $"Journal altéré{Nbsp}: la ligne n°{Nbsp}2 (15/03/2026 11:00:00, {UserName}, «{Nbsp}{AuditActions.EventAdded}{Nbsp}», dossier {file.Reference}) ne suit pas la précédente",
            page.Find("#journal-integrity").TextContent.Trim(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_period_ending_before_it_starts_is_said_at_the_field_and_not_searched()
    {
        await SeedAsync();
        Navigation.NavigateTo("/journal?du=2026-03-15");
        var page = RenderWithPopovers<AuditJournalPage>();
        page.WaitForAssertion(() => Assert.Equal(3, Rows(page).Count));

        page.Find("#journal-to").Change("01/03/2026");
        page.Find("form[role=search]").Submit();

        page.WaitForAssertion(() => Assert.Contains("La date de fin doit suivre la date de début.", page.Markup, StringComparison.Ordinal));
        Assert.Equal("http://localhost/journal?du=2026-03-15", Navigation.Uri);
    }
}
