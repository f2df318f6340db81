using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Data;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>
/// The CDU through the browser: a member reads the next published agenda and never a name (L.1112-3), cannot reach a case
/// nor an export, sees an agenda once it is published; the manager exports the annual report.
/// </summary>
public sealed class CduTests(PortalFixture portal)
{
    private const string MemberViewPath = "/cdu/prochaine-seance";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Paris).DateTime);

    [Fact]
    public async Task Member_reads_the_next_agenda_from_the_menu_and_no_patient_name_of_the_database_is_on_the_page()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "cdu");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" })
            .GetByRole(AriaRole.Link, new() { Name = "Prochaine séance de la CDU" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(MemberViewPath) + "$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Prochaine séance de la CDU", Level = 1 })).ToBeVisibleAsync();
        // The demo publishes the agenda of a meeting about ten days ahead, with case items.
        await Expect(page.Locator("#member-view-meeting")).ToContainTextAsync("Séance du");
        await Expect(page.Locator("section.member-view-case").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Imprimer l'ordre du jour" })).ToBeVisibleAsync();
        await PortalFixture.ShotAsync(page, "cdu-member-view");

        await AssertNoPatientNameAsync(page);
    }

    [Fact]
    public async Task Member_opening_a_case_page_by_its_address_is_refused_and_sees_no_name()
    {
        var (caseId, lastName) = await FirstComplaintAsync();
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "cdu");

        await page.GotoAsync($"/dossiers/{caseId}");
        await PortalFixture.WaitReadyAsync(page);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accès refusé" })).ToBeVisibleAsync();
        await Expect(page.Locator("#case-reference")).ToHaveCountAsync(0);
        Assert.DoesNotContain(Fold(lastName), Fold(await page.Locator("main").InnerTextAsync()), StringComparison.Ordinal);
        await PortalFixture.ShotAsync(page, "cdu-case-page-denied");
    }

    [Theory]
    [InlineData("/exports/demandes-acces?du=2025-01-01&au=2026-12-31")]
    [InlineData("/exports/plaintes?du=2025-01-01&au=2026-12-31")]
    [InlineData("/exports/rapport-annuel?annee=2025")]
    public async Task Member_asking_for_an_export_file_is_refused_and_gets_no_file(string path)
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "cdu");

        // The session's cookie, without following the redirection: the answer itself must not be a file.
        var response = await context.APIRequest.GetAsync(path, new() { MaxRedirects = 0 });
        Assert.Contains(response.Status, new[] { (int)HttpStatusCode.Forbidden, (int)HttpStatusCode.Redirect, (int)HttpStatusCode.Found });
        if (response.Status != (int)HttpStatusCode.Forbidden)
            Assert.Contains("/acces-refuse", response.Headers["location"], StringComparison.Ordinal);
        Assert.DoesNotContain(Xlsx, response.Headers.GetValueOrDefault("content-type") ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("attachment", response.Headers.GetValueOrDefault("content-disposition") ?? "", StringComparison.Ordinal);

        // Followed in the browser, the address ends on the access-denied page.
        await page.GotoAsync(path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accès refusé" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Member_opening_the_exports_page_is_refused()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "cdu");

        await page.GotoAsync("/exports");
        await PortalFixture.WaitReadyAsync(page);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accès refusé" })).ToBeVisibleAsync();
        await Expect(page.Locator("#export-download")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" }).GetByRole(AriaRole.Link, new() { Name = "Exports" }))
            .ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_agenda_the_officer_publishes_is_what_the_member_reads_next()
    {
        // Planned through the Core services (sooner than the demo's meeting) with a complaint on its agenda; the officer
        // then adds a typed item and publishes on the meeting page, the convocation sent today (R.1112-88: 8 days before).
        var services = portal.Services;
        var marker = "Point ajouté par le test de bout en bout " + Guid.NewGuid().ToString("N")[..8];
        var (complaintId, complaintName) = await FirstComplaintAsync();
        CduMeeting meeting;
        using (var scope = services.CreateScope())
        {
            meeting = await scope.ServiceProvider.GetRequiredService<CduMeetingService>()
                .SaveAsync(new CduMeeting { Date = Today.AddDays(9), Place = "Salle Pasteur, bâtiment B" }, Ct);
            await scope.ServiceProvider.GetRequiredService<CduAgendaService>().AddAsync(meeting.Id,
                [new AgendaItem { Kind = AgendaItemKind.ComplaintToExamine, Title = "Réclamation à examiner", CaseFileId = complaintId }], Ct);
        }
        try
        {
            await using (var officerContext = await portal.NewContextAsync())
            {
                var officer = await officerContext.NewPageAsync();
                await portal.SignInAsync(officer, "officer");
                await officer.GotoAsync($"/cdu/seances/{meeting.Id}");
                await PortalFixture.WaitReadyAsync(officer);
                await officer.Locator("#agenda-new-item").ClickAsync();
                await officer.GetByLabel("Intitulé").FillAsync(marker);
                await officer.GetByLabel("Texte (facultatif)").FillAsync("Présentation du projet des usagers.");
                await officer.GetByRole(AriaRole.Button, new() { Name = "Ajouter le point" }).ClickAsync();
                await Expect(officer.GetByText(marker)).ToBeVisibleAsync();
                await officer.Locator("#agenda-publish-button").ClickAsync();
                await Expect(officer.GetByText("Ordre du jour publié ;")).ToBeVisibleAsync();
                await PortalFixture.ShotAsync(officer, "cdu-officer-published");
            }

            await using var context = await portal.NewContextAsync();
            var page = await context.NewPageAsync();
            await portal.SignInAsync(page, "cdu");

            await page.GotoAsync(MemberViewPath);
            await PortalFixture.WaitReadyAsync(page);

            await Expect(page.Locator("#member-view-meeting")).ToContainTextAsync(
                "Séance du " + meeting.Date.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR")));
            await Expect(page.Locator("#member-view-meeting")).ToContainTextAsync("Salle Pasteur, bâtiment B");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = marker, Level = 2 })).ToBeVisibleAsync();
            await Expect(page.Locator(".member-view-item")).ToHaveCountAsync(2);
            await Expect(page.Locator("section.member-view-case")).ToHaveCountAsync(1);
            Assert.DoesNotContain(Fold(complaintName), Fold(await page.Locator("main").InnerTextAsync()), StringComparison.Ordinal);
            await PortalFixture.ShotAsync(page, "cdu-member-view-new-agenda");
        }
        finally
        {
            // Cancelled, the demo's agenda is the next one again for the other tests.
            using var scope = services.CreateScope();
            var meetings = scope.ServiceProvider.GetRequiredService<CduMeetingService>();
            var current = await meetings.GetAsync(meeting.Id, CancellationToken.None);
            await meetings.CancelAsync(meeting.Id, current!.ConcurrencyStamp, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Manager_reads_the_annual_report_and_downloads_its_workbook()
    {
        var year = Today.Year - 1;
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "manager");

        await page.GotoAsync($"/cdu/rapport-annuel?annee={year}");
        await PortalFixture.WaitReadyAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rapport annuel de la CDU", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#figure-complaints-received")).ToHaveTextAsync(new Regex(@"^\d+$"));
        await PortalFixture.ShotAsync(page, "cdu-annual-report");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Exporter en Excel" }).ClickAsync());

        Assert.Equal($"rapport-annuel-cdu-{year}.xlsx", download.SuggestedFilename);
        await using var file = File.OpenRead(await download.PathAsync());
        using var workbook = new XLWorkbook(file);
        Assert.Equal(7, workbook.Worksheets.Count);
        var received = workbook.Worksheet("Plaintes et réclamations").Column(1).CellsUsed()
            .First(c => c.GetString() == "Plaintes et réclamations reçues (hors éloges)").CellRight();
        Assert.Equal(XLDataType.Number, received.DataType);
        Assert.Equal((await page.Locator("#figure-complaints-received").TextContentAsync())!.Trim(),
            received.GetDouble().ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#annual-report-export-message")).ToContainTextAsync("journal d'audit");
    }

    [Fact]
    public async Task Member_view_has_no_serious_wcag_violation()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "cdu");
        await page.GotoAsync(MemberViewPath);
        await PortalFixture.WaitReadyAsync(page);
        await Expect(page.Locator("section.member-view-case").First).ToBeVisibleAsync();

        await Axe.AssertAccessibleAsync(page, "a11y-cdu-member-view");
    }

    /// <summary>
    /// The officer's check before publishing, with texts taken out and a passage signalled: the original beside what
    /// members will read, the marks and the confirmation box pass axe; confirmed, the agenda is published.
    /// </summary>
    [Fact]
    public async Task Publish_check_panel_has_no_serious_wcag_violation_and_a_confirmed_check_publishes()
    {
        var (complaintId, lastName) = await FirstComplaintAsync();
        CduMeeting meeting;
        using (var scope = portal.Services.CreateScope())
        {
            meeting = await scope.ServiceProvider.GetRequiredService<CduMeetingService>()
                .SaveAsync(new CduMeeting { Date = Today.AddDays(9), Place = "Salle Pasteur, bâtiment B" }, Ct);
            await scope.ServiceProvider.GetRequiredService<CduAgendaService>().AddAsync(meeting.Id,
            [
                new AgendaItem { Kind = AgendaItemKind.ComplaintToExamine, Title = "Réclamation à examiner", CaseFileId = complaintId },
                new AgendaItem
                {
                    Kind = AgendaItemKind.FreeItem, Title = $"Courrier de M. {lastName}",
                    Text = "Née le 12/03/1950, joignable au +33 (0)6 12 34 56 78, demeurant 12 rue des Lilas, 44000 Nantes ; pièce 77441122 jointe.",
                    Documents = [new AgendaDocument { Name = $"Lettre {lastName}.pdf" }],
                },
            ], Ct);
        }
        try
        {
            await using var context = await portal.NewContextAsync();
            var page = await context.NewPageAsync();
            await portal.SignInAsync(page, "officer");
            await page.GotoAsync($"/cdu/seances/{meeting.Id}");
            await PortalFixture.WaitReadyAsync(page);

            await Expect(page.Locator("#publish-check-summary")).ToContainTextAsync("passage reste à vérifier");
            await Expect(page.Locator("[data-testid=publish-check-preview]").First).ToBeVisibleAsync();
            await Expect(page.Locator("#publish-check mark.pii-signal").First).ToBeVisibleAsync();
            Assert.DoesNotContain(Fold(lastName), Fold(string.Join("\n", await page.Locator("[data-testid=publish-check-preview]").AllInnerTextsAsync())),
                StringComparison.Ordinal);
            await page.Locator("#publish-check").ScrollIntoViewIfNeededAsync();
            await Axe.AssertAccessibleAsync(page, "a11y-cdu-publish-check");

            await page.Locator("#publish-check").GetByRole(AriaRole.Checkbox).CheckAsync();
            await page.Locator("#agenda-publish-button").ClickAsync();
            await Expect(page.Locator("#meeting-status .meeting-status")).ToHaveTextAsync("Ordre du jour publié");
        }
        finally
        {
            // Cancelled, the demo's agenda is the next one again for the other tests.
            using var scope = portal.Services.CreateScope();
            var meetings = scope.ServiceProvider.GetRequiredService<CduMeetingService>();
            var current = await meetings.GetAsync(meeting.Id, CancellationToken.None);
            await meetings.CancelAsync(meeting.Id, current!.ConcurrencyStamp, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Annual_report_page_has_no_serious_wcag_violation()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "manager");
        await page.GotoAsync($"/cdu/rapport-annuel?annee={Today.Year - 1}");
        await PortalFixture.WaitReadyAsync(page);
        await Expect(page.Locator("#section-recommendations")).ToBeVisibleAsync();

        await Axe.AssertAccessibleAsync(page, "a11y-cdu-annual-report");
    }

    /// <summary>
    /// No patient's nor requester's name of the database on the page (HTML included), accents and case ignored, whole
    /// words. Taken out first: the signed-in member's own name in the app bar and the CDU members' names (a patient
    /// representative may be named in a mediation note), which are not patients' and may coincide with one.
    /// </summary>
    private async Task AssertNoPatientNameAsync(IPage page)
    {
        // Serialised by the browser as ContentAsync does, so that the element is found as such in the page's HTML.
        var user = await page.Locator("[data-testid=signed-in-user]").EvaluateAsync<string>("e => e.outerHTML");
        var html = await page.ContentAsync();
        Assert.Contains(user, html, StringComparison.Ordinal);
        var content = Fold(html.Replace(user, " ", StringComparison.Ordinal));
        var names = new List<string>();
        await using (var connection = new SqliteConnection(await ConnectionStringAsync()))
        {
            await connection.OpenAsync();
            await using (var members = connection.CreateCommand())
            {
                members.CommandText = "SELECT FullName FROM CduMembers";
                await using var reader = await members.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    content = content.Replace(Fold(reader.GetString(0)), " ", StringComparison.Ordinal);
            }
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT Patient_LastName, Patient_FirstName, Requester_Name FROM CaseFiles";
            await using var rows = await command.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                var (last, first, requester) = (rows.GetString(0), rows.GetString(1), rows.GetString(2));
                names.AddRange([last, first, requester, $"{first} {last}"]);
            }
        }
        Assert.True(names.Count > 100, $"Only {names.Count} names read: the demo cases are missing.");
        var found = names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(Fold).Distinct()
            .Where(n => Regex.IsMatch(content, $@"(?<![\p{{L}}\p{{Nd}}]){Regex.Escape(n)}(?![\p{{L}}\p{{Nd}}])")).ToList();
        Assert.True(found.Count == 0, $"Names of the database found on {page.Url}: {string.Join(", ", found)}");
    }

    private static string Fold(string text) => TextSearch.Normalize(text);

    /// <summary>A complaint of the demo and its patient's last name, read from the portal's SQLite file.</summary>
    private async Task<(Guid Id, string LastName)> FirstComplaintAsync()
    {
        await using var connection = new SqliteConnection(await ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Patient_LastName FROM CaseFiles WHERE Reference LIKE 'PLT-%' ORDER BY Reference LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "The demo has no complaint.");
        return (Guid.Parse(reader.GetString(0)), reader.GetString(1));
    }

    private async Task<string> ConnectionStringAsync()
    {
        using var scope = portal.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return db.Database.GetConnectionString() ?? throw new InvalidOperationException("The portal has no connection string.");
    }
}
