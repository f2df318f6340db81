using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>The officer's desk: a complaint from intake to its answer through its steps only, and the queue's « en retard ».</summary>
public sealed class ComplaintJourneyTests(PortalFixture portal)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task Officer_works_a_complaint_from_intake_to_answer_through_its_steps_and_every_deadline_is_met()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Paris).DateTime);
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "officer");

        await page.GotoAsync("/dossiers/nouveau");
        await PortalFixture.WaitReadyAsync(page);
        await page.GetByLabel("Plainte / réclamation").CheckAsync();
        await page.Locator("#patient-last-name").FillAsync("Quéméneur");
        await page.Locator("#patient-first-name").FillAsync("Yvonne");
        await page.Locator("#requester-name").FillAsync("Loïc Quéméneur");
        await page.Locator("#summary").FillAsync("Attente de six heures aux urgences sans nouvelles données à la famille.");
        await page.Locator("#motives").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("Délais d'attente", new() { Exact = true }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.Locator("#save-case").ClickAsync();
        var duplicate = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Doublon possible" });
        await Expect(page.Locator("#case-reference").Or(duplicate)).ToBeVisibleAsync();
        if (await duplicate.IsVisibleAsync())
            await page.Locator("#save-case").ClickAsync();
        await Expect(page.Locator("#case-status")).ToHaveTextAsync("Reçu");

        await StepPanel.TakeAsync(page, "Accuser réception");
        await Expect(page.Locator("#case-status")).ToHaveTextAsync("Accusé de réception envoyé");
        await StepPanel.TakeAsync(page, "Demander l'avis du service", text: "Urgences");
        await Expect(page.Locator("#case-status")).ToHaveTextAsync("En instruction");
        await StepPanel.TakeAsync(page, "Envoyer la réponse");
        await Expect(page.Locator("#case-status")).ToHaveTextAsync("Réponse envoyée");

        // Acknowledgement (8 days) and answer (1 month), both met today, each naming who had to act and from when.
        var rows = page.Locator("tr[data-code]");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Locator(".deadline-state").Filter(new() { HasNotText = "respecté" })).ToHaveCountAsync(0);
        await Expect(rows.First.Locator(".deadline-actor")).ToHaveTextAsync("Le service");
        await Expect(rows.First.Locator(".deadline-computation"))
            .ToContainTextAsync($"À compter de la réception de la plainte ({today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)})");
        await PortalFixture.ShotAsync(page, "complaint-1-answered");

        await StepPanel.ChooseAsync(page, "Clore le dossier");
        await Axe.AssertAccessibleAsync(page, "a11y-complaint-closing-step");
        await StepPanel.ConfirmAsync(page, text: "Réponse jugée satisfaisante par le réclamant.");
        await Expect(page.Locator("#case-status")).ToHaveTextAsync("Clos");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Chronologie" }).ClickAsync();
        foreach (var fact in new[] { "Accusé de réception envoyé", "Envoyé au service", "Réponse envoyée", "Dossier clos" })
            await Expect(page.Locator(".case-timeline")).ToContainTextAsync(fact);
        await PortalFixture.ShotAsync(page, "complaint-2-closed");
    }

    [Fact]
    public async Task The_queues_late_cases_are_the_offices_and_waiting_cases_say_on_whom()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "officer");

        await page.GotoAsync("/?retard=1");
        await PortalFixture.WaitReadyAsync(page);
        var late = page.Locator("tr.queue-row");
        await Expect(late.First).ToBeVisibleAsync();
        await Expect(late.Filter(new() { Has = page.Locator(".deadline-chip[data-state='dépassé']") })).ToHaveCountAsync(await late.CountAsync());

        await page.GotoAsync("/?attente=1");
        await PortalFixture.WaitReadyAsync(page);
        var waiting = page.Locator("tr.queue-row");
        await Expect(waiting.First).ToBeVisibleAsync();
        await Expect(waiting.Filter(new() { Has = page.Locator(".waiting") })).ToHaveCountAsync(await waiting.CountAsync());
        await Expect(waiting.Locator(".waiting").First).ToContainTextAsync("En attente ");
        await PortalFixture.ShotAsync(page, "queue-waiting");
    }
}
