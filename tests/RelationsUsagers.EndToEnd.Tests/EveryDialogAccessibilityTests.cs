using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.Playwright;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Complaints;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>
/// Every dialog and every panel a user opens over a page, opened in Chromium by the profile that may open it, as a keyboard user
/// would (its opener focused, then pressed). Open: no axe-core violation at <see cref="Axe.Level.Full"/> (WCAG 2.1 A/AA and best
/// practices, every impact). A dialog (MudDialog): modal, named by its title (<c>aria-labelledby</c>), the focus inside it, Escape
/// closes it and the focus is back on its opener. A panel: a region named by its heading, which takes the focus; its close button
/// gives the focus back to the opener. A disclosure (a form shown under its <c>aria-expanded</c> button): the button says it is
/// expanded, and closing it gives the focus back to the button. The step panels of the case page are scanned by
/// <see cref="EveryPageAccessibilityTests"/>. Changes nothing: every dialog and panel is closed without saving.
/// </summary>
public sealed class EveryDialogAccessibilityTests(PortalFixture portal)
{
    private enum Kind { Dialog, Panel, Disclosure }

    /// <summary>
    /// One thing to open: its component, the profile, where (a function of the page that goes there), its opener, what appears
    /// (a selector; a dialog is <c>[role=dialog]</c>), its expected name (a dialog's or panel's title), the name of the button
    /// that closes it when not Escape (alternatives split by « | »; none: its opener pressed again).
    /// </summary>
    private sealed record Opening(string Name, Type Component, string Profile, Kind Kind, Func<PortalFixture, IPage, string, Task> GoTo,
        string Opener, string Surface = "[role=dialog]", string? Title = null, string? Close = null);

    private static Func<PortalFixture, IPage, string, Task> At(string path) => (_, page, _) => ScanPages.OpenAsync(page, path);

    /// <summary>The demo case the profile opens in the every-page scan (never one another test changes), on one of its tabs.</summary>
    private static Func<PortalFixture, IPage, string, Task> Case(string name, string? tab = null) => async (portal, page, profile) =>
    {
        var demo = (await ScanPages.CasesAsync(portal, page, profile)).Single(c => c.Name == name);
        await ScanPages.OpenAsync(page, $"/dossiers/{demo.Id}");
        if (tab is not null)
        {
            await page.GetByRole(AriaRole.Tab, new() { Name = tab, Exact = true }).ClickAsync();
            await ScanPages.SettledAsync(page);
        }
    };

    /// <summary>
    /// A complaint of its own, referred to the mediator yesterday (no demo complaint is free to book: the others' tests take
    /// them), on its « Médiation » tab, where the booking form opens. Nothing is booked.
    /// </summary>
    private static Func<PortalFixture, IPage, string, Task> OwnComplaintInMediation => async (portal, page, _) =>
    {
        Guid id;
        using (var scope = portal.Services.CreateScope())
        {
            var ct = TestContext.Current.CancellationToken;
            var today = ParisCalendar.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>());
            var cases = scope.ServiceProvider.GetRequiredService<CaseFileService>();
            var created = await cases.CreateAsync(new Complaint
            {
                ReceivedOn = today.AddDays(-5),
                Channel = Channel.Mail,
                Patient = new Patient { LastName = "Trévarec", FirstName = "Solenn", BirthDate = new DateOnly(1971, 9, 3) },
                Requester = new Party { Name = "Solenn Trévarec", Capacity = "la patiente" },
                Summary = "Sortie d'hospitalisation sans ordonnance ; la patiente demande à rencontrer le médecin du service.",
                Motives = [ComplaintMotive.MedicalCare],
                Services = ["Pneumologie"],
                MediationType = MediationType.Medical,
                MediatorName = "Dr Hélène Martin",
                MedicalDataConsentOn = today.AddDays(-2),
            }, ct);
            id = (await cases.TakeStepAsync(created.Id, created.ConcurrencyStamp, "refer-mediator", new StepInput(today.AddDays(-1)), ct: ct)).Id;
        }
        await ScanPages.OpenAsync(page, $"/dossiers/{id}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Médiation", Exact = true }).ClickAsync();
        await ScanPages.SettledAsync(page);
    };

    private static Func<PortalFixture, IPage, string, Task> ClaimLedger => async (portal, page, _) =>
        await ScanPages.OpenAsync(page, $"/assurance/sinistres/{await ScanPages.FirstAsync(portal, db => db.Set<Core.Insurance.ClaimCover>().OrderBy(c => c.RecordedAtUtc).Select(c => c.CaseFileId))}");

    /// <summary>
    /// The demo's CDU meeting to come whose agenda is published (the every-page scan opens it too): its place tells it from
    /// the meetings other test classes plan sooner, publish and delete while this one runs.
    /// </summary>
    private static Func<PortalFixture, IPage, string, Task> MeetingToCome => async (portal, page, _) =>
        await ScanPages.OpenAsync(page, $"/cdu/seances/{await ScanPages.FirstAsync(portal, db => db.CduMeetings.Where(m => m.AgendaPublishedOn != null && m.Status != CduMeetingStatus.Held && m.Place == CduDemoSeeder.Place).OrderBy(m => m.Date).Select(m => m.Id))}");

    /// <summary>The last CDU meeting held (the every-page scan opens it too): its opinions on the complaints examined.</summary>
    private static Func<PortalFixture, IPage, string, Task> MeetingHeld => async (portal, page, _) =>
        await ScanPages.OpenAsync(page, $"/cdu/seances/{await ScanPages.FirstAsync(portal, db => db.CduMeetings.Where(m => m.Status == CduMeetingStatus.Held).OrderByDescending(m => m.Date).Select(m => m.Id))}");

    /// <summary>
    /// Everything opened, by profile. Every MudDialog component of the portal is here (a test checks it by reflection), each
    /// opened where the portal opens it.
    /// </summary>
    private static readonly Opening[] Openings =
    [
        // The office's officer.
        new("quick-log", typeof(Web.Expressions.QuickLogDialog), "officer", Kind.Dialog, At("/"), "#quick-log-open", Title: "Noter une expression"),
        new("convert-expression", typeof(Web.Expressions.ConvertToComplaintDialog), "officer", Kind.Dialog, At("/expressions"), "main button.convert",
            Title: "Transformer en réclamation"),
        new("unsaved-changes", typeof(Web.Components.Shared.UnsavedChangesDialog), "officer", Kind.Dialog, async (_, page, _) =>
        {
            await ScanPages.OpenAsync(page, "/cdu/membres");
            await page.Locator("#member-new").ClickAsync();
            await page.Locator("#member-name").FillAsync("Quelqu'un");
        }, "nav a[href='/expressions']", Title: "Modifications non enregistrées"),
        new("event-correction", typeof(Web.Cases.EventCorrectionPanel), "officer", Kind.Panel, Case("complaint", "Chronologie"),
            "main button[aria-label^=\"Corriger l'événement\"]", "#event-correction", Close: "Fermer"),
        new("suspensions", typeof(Web.Cases.SuspensionsPanel), "officer", Kind.Disclosure, Case("complaint"),
            "#suspensions-toggle", "#suspensions-content"),
        new("deadline-explanation", typeof(Web.Cases.DeadlinesPanel), "officer", Kind.Disclosure, Case("complaint"),
            "main .deadline-explain-toggle", "main .deadline-explanation-row:not([hidden]) .deadline-explanation"),
        new("letter", typeof(Web.Letters.LetterPanel), "officer", Kind.Panel, Case("complaint", "Courriers"),
            "main button[aria-label^='Préparer le courrier']", "#letter-panel", Close: "Fermer"),
        new("mediation-booking", typeof(Web.Mediation.MediationTab), "officer", Kind.Panel, OwnComplaintInMediation,
            "#mediation-book", "#mediation-form", Title: "Fixer une rencontre", Close: "Fermer"),
        new("cdu-member", typeof(Web.Cdu.MemberForm), "officer", Kind.Disclosure, At("/cdu/membres"), "#member-new", "#member-form", Close: "Annuler"),
        new("cdu-member-renew", typeof(Web.Cdu.MembersPage), "officer", Kind.Disclosure, At("/cdu/membres"), "main button[data-renew]",
            ".member-renew-confirm", Close: "Annuler"),
        new("cdu-opinion", typeof(Web.Cdu.MeetingOpinionRow), "officer", Kind.Panel, MeetingHeld, "main button.opinion-correct",
            "main .opinion-form[role=region]", Title: "Corriger l'avis de la CDU", Close: "Annuler"),
        new("cdu-meeting-plan", typeof(Web.Cdu.MeetingPlanForm), "officer", Kind.Disclosure, At("/cdu"), "#plan-meeting", "#meeting-plan-form", Close: "Annuler"),
        new("cdu-recommendation", typeof(Web.Cdu.RecommendationForm), "officer", Kind.Disclosure, At("/cdu/recommandations"), "#recommendation-new",
            "#recommendation-form", Close: "Annuler"),
        new("cdu-agenda-item", typeof(Web.Cdu.AgendaItemEditor), "officer", Kind.Panel, MeetingToCome, "#agenda-new-item", ".agenda-item-editor",
            Title: "Nouveau point", Close: "Annuler"),
        new("cdu-meeting-edit", typeof(Web.Cdu.MeetingPage), "officer", Kind.Panel, MeetingToCome, "#meeting-edit", "#meeting-plan-form",
            Title: "Modifier la séance", Close: "Annuler"),
        new("cdu-meeting-cancel", typeof(Web.Cdu.MeetingPage), "officer", Kind.Disclosure, MeetingToCome, "#meeting-cancel", "#cancel-confirm",
            Close: "Ne pas annuler"),
        new("cdu-agenda-proposals", typeof(Web.Cdu.AgendaProposals), "officer", Kind.Panel, MeetingToCome, "#agenda-propose", "#agenda-proposals",
            Title: "Points proposés", Close: "Fermer|Abandonner les propositions"),
        new("cdu-agenda-remove", typeof(Web.Cdu.AgendaBuilder), "officer", Kind.Disclosure, MeetingToCome, "main button[data-remove-item]",
            ".agenda-remove-confirm", Close: "Garder"),
        new("cdu-convocations", typeof(Web.Letters.ConvocationsPanel), "officer", Kind.Disclosure, MeetingToCome, "#convocations-open", "#convocations-panel"),

        // The office's manager.
        new("reopen", typeof(Web.Cases.ReopenPanel), "manager", Kind.Panel, Case("closed"), "#reopen-case", "#reopen-panel", Title: "Rouvrir le dossier",
            Close: "Fermer"),
        new("insurance-policy", typeof(Web.Insurance.PolicyDialog), "manager", Kind.Dialog, At("/assurance"), "#insurance-new-policy", Title: "Nouveau contrat"),
        new("insurance-premium-call", typeof(Web.Insurance.PremiumCallDialog), "manager", Kind.Dialog, At("/assurance"), "main button.new-call",
            Title: "Nouvel appel de cotisation"),
        new("insurance-cancel-call", typeof(Web.Insurance.CancelDialog), "manager", Kind.Dialog, At("/assurance"), "main button[aria-label^=\"Annuler l'appel\"]"),
        new("insurance-claim-cover", typeof(Web.Insurance.ClaimCoverDialog), "manager", Kind.Dialog, At("/assurance"), "#insurance-new-claim",
            Title: "Inscrire un sinistre"),
        new("insurance-ledger-entry", typeof(Web.Insurance.LedgerEntryDialog), "manager", Kind.Dialog, ClaimLedger, "#claim-ledger-new-entry",
            Title: "Nouvelle écriture"),
        new("insurance-cancel-entry", typeof(Web.Insurance.CancelDialog), "manager", Kind.Dialog, ClaimLedger, "main button[aria-label^='Annuler\u00A0:']"),
        new("letter-template-versions", typeof(Web.Letters.LetterTemplatesPage), "manager", Kind.Disclosure, At("/modeles-courrier"),
            "main button[aria-expanded]:has-text('Versions')", "#template-panel"),

        // The administrator.
        new("admin-new-user", typeof(Web.Admin.NewUserForm), "admin", Kind.Disclosure, At("/administration"), "#new-user-open", "#new-user-form", Close: "Annuler"),
        new("admin-roles", typeof(Web.Admin.EditRolesDialog), "admin", Kind.Dialog, At("/administration"), "main button[aria-label='Modifier les rôles de officer']",
            Title: "Rôles de officer"),
        new("admin-password", typeof(Web.Admin.ResetPasswordDialog), "admin", Kind.Dialog, At("/administration"),
            "main button[aria-label='Réinitialiser le mot de passe de officer']", Title: "Nouveau mot de passe pour officer"),
    ];

    /// <summary>
    /// The components named « …Panel » that no one opens: part of their page as it shows, scanned with it by
    /// <see cref="EveryPageAccessibilityTests"/>. Each with its reason.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> PanelsShownWithTheirPage = new Dictionary<string, string>
    {
        [nameof(Web.Cdu.AgendaPublishPanel)] = "always shown on the page of a meeting to come, under its agenda",
        [nameof(Web.Cases.PersonCasesPanel)] = "no button opens it: the new-case form shows it as a known patient's name is typed",
        [nameof(Web.Queue.WelcomePanel)] = "the home page of the roles that do not work the queue, always shown",
    };

    public static TheoryData<string> Profiles => [.. Openings.Select(o => o.Profile).Distinct()];

    /// <summary>The portal's MudDialog components: those that receive their dialog instance.</summary>
    private static IEnumerable<Type> DialogComponents() =>
        typeof(Program).Assembly.GetTypes().Where(t => typeof(IComponent).IsAssignableFrom(t)
            && t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Any(p => p.PropertyType == typeof(IMudDialogInstance) && p.GetCustomAttribute<CascadingParameterAttribute>() is not null));

    [Fact]
    public void Every_dialog_of_the_portal_is_opened_by_the_scan()
    {
        var dialogs = DialogComponents().Select(t => t.FullName!).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(dialogs);
        var scanned = Openings.Where(o => o.Kind == Kind.Dialog).Select(o => o.Component.FullName!).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(dialogs, scanned);
    }

    [Fact]
    public void Every_panel_of_the_portal_is_opened_by_the_scan_or_shown_with_its_page()
    {
        var panels = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.Name.EndsWith("Panel", StringComparison.Ordinal))
            .Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(panels);
        var covered = Openings.Select(o => o.Component.Name).Concat(PanelsShownWithTheirPage.Keys).ToHashSet(StringComparer.Ordinal);
        Assert.Equal([], panels.Where(p => !covered.Contains(p)).ToArray());
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task Every_dialog_and_panel_the_profile_opens_passes_axe_is_named_takes_the_focus_and_gives_it_back(string profile)
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, profile);

        var failures = new List<string>();
        var openings = Openings.Where(o => o.Profile == profile).ToList();
        foreach (var opening in openings)
        {
            List<string> problems;
            try
            {
                problems = await CheckAsync(page, opening);
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                // One that cannot be opened or closed is reported with the others, not instead of them.
                problems = [$"not opened and closed as expected: {e.Message.Split('\n')[0]}"];
            }
            if (problems.Count == 0)
                continue;
            failures.AddRange(problems.Select(p => $"{opening.Name} ({opening.Component.Name}): {p}"));
            await PortalFixture.ShotAsync(page, $"dialog-{profile}-{opening.Name}");
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"{profile}: {openings.Count} dialogs and panels opened ({string.Join(", ", openings.Select(o => o.Name))}).");
        Assert.True(failures.Count == 0, $"{failures.Count} problem(s) for {profile}:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    /// <summary>Opens one, checks it, closes it: the problems found, one line each.</summary>
    private async Task<List<string>> CheckAsync(IPage page, Opening opening)
    {
        var problems = new List<string>();
        await opening.GoTo(portal, page, opening.Profile);
        var opener = page.Locator(opening.Opener).First;
        await opener.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var surface = page.Locator(opening.Surface).Last;
        await Expect(surface).ToBeVisibleAsync();
        await ScanPages.SettledAsync(page);

        var findings = await Axe.ScanAsync(page, shot: null, Axe.Level.Full);
        problems.AddRange(findings.Blocking.Where(b => !EveryPageAccessibilityTests.ExcludedRules.Keys.Any(r => b.StartsWith($"- {r} ", StringComparison.Ordinal))));

        var focusInside = await surface.EvaluateAsync<bool>("s => s.contains(document.activeElement)");
        switch (opening.Kind)
        {
            case Kind.Dialog:
                if (await surface.GetAttributeAsync("aria-modal") != "true")
                    problems.Add("the dialog is not aria-modal");
                var name = await NameAsync(surface);
                if (string.IsNullOrWhiteSpace(name) || (opening.Title is not null && name != opening.Title))
                    problems.Add($"the dialog is named « {name} » by aria-labelledby, expected « {opening.Title ?? "its title"} »");
                if (!focusInside)
                    problems.Add("the focus did not move into the dialog");
                await page.Keyboard.PressAsync("Escape");
                break;
            case Kind.Panel:
                if (await surface.GetAttributeAsync("role") is not ("region" or "group"))
                    problems.Add("the panel is not a region");
                var heading = await NameAsync(surface);
                if (string.IsNullOrWhiteSpace(heading) || (opening.Title is not null && heading != opening.Title))
                    problems.Add($"the panel is named « {heading} » by aria-labelledby, expected « {opening.Title ?? "its heading"} »");
                if (!await surface.EvaluateAsync<bool>("s => document.activeElement?.matches('h1, h2, h3, h4, h5, h6') && s.contains(document.activeElement)"))
                    problems.Add("the focus did not move to the panel's heading");
                await surface.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^({opening.Close})$") }).Last.ClickAsync();
                break;
            case Kind.Disclosure:
                if (await opener.GetAttributeAsync("aria-expanded") != "true")
                    problems.Add("its button does not say aria-expanded=\"true\" once open");
                if (!focusInside && !await opener.EvaluateAsync<bool>("o => o === document.activeElement"))
                    problems.Add("the focus left its button and is not in what it opened");
                if (opening.Close is null)
                {
                    await opener.FocusAsync();
                    await page.Keyboard.PressAsync("Enter");
                }
                else
                {
                    await surface.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^({opening.Close})$") }).Last.ClickAsync();
                }
                break;
        }

        try
        {
            await Expect(page.Locator(opening.Surface)).ToHaveCountAsync(0, new() { Timeout = 5_000 });
        }
        catch (PlaywrightException)
        {
            problems.Add(opening.Kind == Kind.Dialog ? "Escape did not close the dialog" : "it did not close");
            return problems;
        }
        try
        {
            await Expect(page.Locator(opening.Opener).First).ToBeFocusedAsync(new() { Timeout = 5_000 });
        }
        catch (PlaywrightException)
        {
            var active = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.substring(0, 120) ?? 'nothing'");
            problems.Add($"the focus did not come back to its opener once closed (it is on {active})");
        }
        return problems;
    }

    /// <summary>The text of what aria-labelledby names.</summary>
    private static Task<string?> NameAsync(ILocator surface) => surface.EvaluateAsync<string?>(
        "s => s.getAttribute('aria-labelledby')?.split(' ').map(id => document.getElementById(id)?.textContent.trim() ?? '').join(' ').trim() ?? null");
}
