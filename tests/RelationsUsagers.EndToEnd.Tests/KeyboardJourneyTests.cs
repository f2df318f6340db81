using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>
/// RGAA 12.13 and 10.7 (WCAG 2.1.1, 2.1.2, 2.4.3, 2.4.7): the officer's main journeys and the CDU member's reading of the
/// agenda with the keyboard alone: Tab, Shift+Tab, Enter, Escape, arrows; text typed only into the field that has the focus.
/// </summary>
public sealed class KeyboardJourneyTests(PortalFixture portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Fr(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>An access request of its own, waiting for the requester's proofs: no other test reads or changes it.</summary>
    private async Task<(Guid Id, string Reference, DateOnly Today)> WaitingAccessRequestAsync()
    {
        using var scope = portal.Services.CreateScope();
        var services = scope.ServiceProvider;
        var today = ParisCalendar.Today(services.GetRequiredService<TimeProvider>());
        var cases = services.GetRequiredService<CaseFileService>();
        var created = await cases.CreateAsync(new AccessRequest
        {
            ReceivedOn = today.AddDays(-6),
            Channel = Channel.Mail,
            Patient = new Patient { LastName = "Tcherkaszyn", FirstName = "Oriane", BirthDate = new DateOnly(1962, 4, 17) },
            Requester = new Party { Name = "Oriane Tcherkaszyn", Capacity = "la patiente" },
            RequesterCapacity = RequesterCapacity.Patient,
            PeriodRequested = "Hospitalisation en pneumologie",
            Services = ["Pneumologie"],
        }, Ct);
        var waiting = await cases.TakeStepAsync(created.Id, created.ConcurrencyStamp, "request-proofs", new StepInput(today.AddDays(-5), "Pièce d'identité"), ct: Ct);
        return (waiting.Id, waiting.Reference, today);
    }

    [Fact]
    public async Task Officer_finds_a_case_records_a_step_uploads_a_document_and_exports_a_register_with_the_keyboard_alone()
    {
        var (id, reference, today) = await WaitingAccessRequestAsync();
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await KeyboardOnly.SignInAsync(page, "officer");

        // The queue: its heading has the focus (FocusOnNavigate). « Aller au contenu » is the page's first stop, shown when
        // it has the focus, and moves the focus to the main content.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "File d'attente", Level = 1 })).ToBeFocusedAsync();
        Assert.Contains("skip-link", await KeyboardOnly.FirstTabStopAsync(page), StringComparison.Ordinal);
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Aller au contenu" });
        await KeyboardOnly.TabToAsync(page, skip, backwards: true);
        await Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main#contenu")).ToBeFocusedAsync();

        // Search box, the case's reference typed, Enter; its link in the list, Enter.
        var search = page.Locator(".filter-search input");
        await KeyboardOnly.TabToAsync(page, search);
        await page.Keyboard.TypeAsync("Tcherkaszyn");
        await page.Keyboard.PressAsync("Enter");
        var link = page.Locator("a.case-link", new() { HasText = reference });
        await Expect(link).ToBeVisibleAsync();
        await KeyboardOnly.TabToAsync(page, link);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/dossiers/{id}$"));
        await PortalFixture.WaitReadyAsync(page);
        await Expect(page.Locator("h1#case-reference")).ToBeFocusedAsync();

        // On a page other than the home page, the skip link stays on the page (an in-page link, not the home page's address).
        await KeyboardOnly.TabToAsync(page, skip, backwards: true);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main#contenu")).ToBeFocusedAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/dossiers/{id}$"));

        // The step « Relancer le demandeur »: its panel opens on its heading; Escape closes it and gives the focus back.
        var remind = page.GetByRole(AriaRole.Button, new() { Name = "Étape : Relancer le demandeur", Exact = true });
        await KeyboardOnly.TabToAsync(page, remind);
        await page.Keyboard.PressAsync("Enter");
        var panel = StepPanel.Open(page);
        await Expect(panel.Locator("h3")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(panel).ToHaveCountAsync(0);
        await Expect(remind).ToBeFocusedAsync();
        await KeyboardOnly.AssertRingAsync(page);

        // Again, with its date typed (Chromium selects a field's text when Tab reaches it: typing replaces it) and confirmed.
        var remindedOn = today.AddDays(-1);
        await page.Keyboard.PressAsync("Enter");
        await Expect(panel.Locator("h3")).ToBeFocusedAsync();
        await KeyboardOnly.TabToAsync(page, panel.Locator("#status-step-date"));
        await page.Keyboard.TypeAsync(Fr(remindedOn));
        await KeyboardOnly.TabToAsync(page, panel.Locator("#step-text"));
        await page.Keyboard.TypeAsync("Pièce d'identité toujours attendue");
        await KeyboardOnly.TabToAsync(page, panel.Locator("#status-step-confirm"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(panel).ToHaveCountAsync(0);
        // The step keeps the status (a reminder): its button is still offered and has the focus back.
        await Expect(remind).ToBeFocusedAsync();
        await KeyboardOnly.AssertRingAsync(page);
        await Expect(page.Locator("#case-announcement")).ToHaveTextAsync($"Relancer le demandeur : enregistré le {Fr(remindedOn)}.");
        using (var scope = portal.Services.CreateScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<CaseFileService>().OpenAsync(id, Ct);
            Assert.Contains(stored!.LiveEvents, e => e.Type == CaseEventTypes.Reminded && e.OccurredOn == remindedOn);
        }

        // The tabs as WAI-ARIA has them: Tab reaches the selected one, the arrows move along the row, Enter opens « Documents ».
        // « Choisir un fichier… », Enter: Chromium opens the system's file chooser, which no keyboard of the test can drive;
        // Playwright answers it with the file, as the user would pick it.
        await KeyboardOnly.TabToAsync(page, page.GetByRole(AriaRole.Tab, new() { Name = "Résumé" }));
        // Blazor listens on the document: a tab's key that reached it would also run MudTabs' own handler on the server,
        // whose late focus moves raced the browser's (Enter then opened the tab the focus had just left).
        await page.EvaluateAsync("() => { window.tabKeysAtDocument = 0; document.addEventListener('keydown', e => { if (e.target.closest && e.target.closest('[role=\"tab\"]')) window.tabKeysAtDocument++; }); }");
        var documents = page.GetByRole(AriaRole.Tab, new() { Name = "Documents" });
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(documents).ToBeFocusedAsync();
        await KeyboardOnly.AssertRingAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await Expect(documents).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(documents).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Chronologie" })).ToHaveAttributeAsync("aria-selected", "false");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.tabKeysAtDocument"));
        var choose = page.Locator("#document-choose");
        await KeyboardOnly.TabToAsync(page, choose);
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Enter"));
        await chooser.SetFilesAsync(new FilePayload { Name = "releve-clavier.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%clavier\n"u8.ToArray() });
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "releve-clavier.pdf" })).ToBeVisibleAsync();
        // The button was disabled while the file was sent: the focus is back on it, not lost on the page's body.
        await Expect(choose).ToBeFocusedAsync();

        // Back to the main menu (Shift+Tab), « Exports »; the complaints' register chosen with an arrow key; Enter downloads.
        var exports = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" }).GetByRole(AriaRole.Link, new() { Name = "Exports" });
        await KeyboardOnly.TabToAsync(page, exports, backwards: true);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Exports Excel", Level = 1 })).ToBeFocusedAsync();
        await KeyboardOnly.TabToAsync(page, page.GetByRole(AriaRole.Radio).First);
        await page.Keyboard.PressAsync("ArrowDown");
        var download = page.Locator("#export-download");
        await Expect(download).ToHaveTextAsync("Exporter le registre des plaintes");
        await KeyboardOnly.TabToAsync(page, download);
        var file = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
        Assert.EndsWith(".xlsx", file.SuggestedFilename, StringComparison.Ordinal);
        await Expect(page.GetByText("Fichier enregistré")).ToBeVisibleAsync();
        await Expect(download).ToBeFocusedAsync();
        await KeyboardOnly.AssertTabMovesOnAsync(page);
        await PortalFixture.ShotAsync(page, "keyboard-officer-export");
    }

    [Fact]
    public async Task The_quick_log_dialog_takes_the_focus_keeps_it_inside_and_gives_it_back_on_Escape()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await KeyboardOnly.SignInAsync(page, "officer");
        var open = page.Locator("#quick-log-open");
        await KeyboardOnly.TabToAsync(page, open, backwards: true);

        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('[role=dialog]')?.contains(document.activeElement)");
        // Tab goes round the dialog's own controls: the page behind it is not reached while the dialog is open.
        for (var i = 0; i < 12; i++)
        {
            await KeyboardOnly.AssertTabMovesOnAsync(page);
            Assert.True(await dialog.EvaluateAsync<bool>("d => d.contains(document.activeElement)"),
                $"Tab left the open dialog for {await KeyboardOnly.FocusedAsync(page)}.");
        }

        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(open).ToBeFocusedAsync();
        await KeyboardOnly.AssertRingAsync(page);
    }

    [Fact]
    public async Task Cdu_member_reads_the_agenda_and_a_case_with_the_keyboard_alone()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await KeyboardOnly.SignInAsync(page, "cdu");

        // Home → the next meeting's agenda.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bienvenue", Level = 1 })).ToBeFocusedAsync();
        var next = page.GetByRole(AriaRole.Link, new() { Name = "Prochaine séance de la Commission des usagers" });
        await KeyboardOnly.TabToAsync(page, next);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Prochaine séance de la CDU", Level = 1 })).ToBeFocusedAsync();
        await Expect(page.Locator("#member-view-meeting")).ToContainTextAsync("Séance du");

        // The summary's entry of the first point about a case: Enter moves the focus to that point, shown and ringed.
        var item = page.Locator("li.member-view-item").Filter(new() { Has = page.Locator("section.member-view-case") }).First;
        var itemId = await item.GetAttributeAsync("id");
        Assert.NotNull(itemId);
        var entry = page.Locator($"#member-view-summary a[href='#{itemId}']");
        await KeyboardOnly.TabToAsync(page, entry);
        await page.Keyboard.PressAsync("Enter");
        await Expect(item).ToBeFocusedAsync();
        await Expect(item.Locator("section.member-view-case")).ToBeInViewportAsync(new() { Ratio = 0.1f });
        await KeyboardOnly.AssertRingAsync(page);
        Assert.EndsWith("/cdu/prochaine-seance", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await PortalFixture.ShotAsync(page, "keyboard-cdu-member-case");
        await KeyboardOnly.AssertTabMovesOnAsync(page);
    }
}
