using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>The officer's desk for the two other kinds: a claim handed to the CCI, a requisition answered once secrecy is decided.</summary>
public sealed class ClaimAndRequisitionStepsTests(PortalFixture portal)
{
    private async Task<IPage> OpenFirstAsync(IBrowserContext context, string query)
    {
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "officer");
        await page.GotoAsync(query);
        await PortalFixture.WaitReadyAsync(page);
        var href = await page.Locator("a.case-link").First.GetAttributeAsync("href");
        Assert.NotNull(href);
        await page.GotoAsync(href);
        await PortalFixture.WaitReadyAsync(page);
        return page;
    }

    [Fact]
    public async Task A_claim_declared_to_the_insurer_brought_before_the_CCI_waits_on_the_CCI()
    {
        await using var context = await portal.NewContextAsync();
        // A claim already declared: the only claim still received is the letters test's (LettersTests), and the
        // test classes run side by side on the same demo data.
        var page = await OpenFirstAsync(context, "/?type=IndemnityClaim&statut=DeclaredToInsurer");
        await Expect(page.Locator("#case-status")).ToHaveTextAsync("Déclaré à l'assureur");
        await StepPanel.TakeAsync(page, "Saisine de la CCI");

        await Expect(page.Locator("#case-status")).ToHaveTextAsync("Procédure CCI");
        await Expect(page.Locator("#case-waiting")).ToHaveTextAsync("En attente de la CCI depuis aujourd'hui");
        // L.1142-8: the CCI's opinion is the CCI's move, said as such.
        await Expect(page.Locator("tr[data-code='claim.cci-opinion'] .deadline-actor")).ToHaveTextAsync("La CCI");
        await PortalFixture.ShotAsync(page, "claim-cci-waiting");
    }

    [Fact]
    public async Task A_requisition_is_reviewed_decided_item_by_item_answered_and_closed()
    {
        await using var context = await portal.NewContextAsync();
        var page = await OpenFirstAsync(context, "/?type=Requisition&statut=Received");

        await StepPanel.TakeAsync(page, "Examiner le secret médical", text: "Dr Hamon (DIM)");
        await Expect(page.Locator("#case-status")).ToHaveTextAsync("Examen du secret médical");
        // Every medical item gets its decision in the form, dated today and attributed to the reviewer named above; its
        // reason is typed. The answering step saves them with it.
        var decisions = page.Locator(".secrecy-decision");
        for (var i = 0; i < await decisions.CountAsync(); i++)
        {
            await decisions.Nth(i).ClickAsync();
            await page.Locator(".mud-popover-open").GetByText("Refusé : secret médical", new() { Exact = true }).ClickAsync();
            await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
            await Expect(page.Locator(".secrecy-reviewer input").Nth(i)).ToHaveValueAsync("Dr Hamon (DIM)");
            await page.Locator(".secrecy-reason input").Nth(i).FillAsync("Pas de consentement du patient.");
        }
        // The review and the seizure form (CPP 56-3) as the officer sees them, accessible.
        if (await page.Locator("#open-seizure").CountAsync() > 0)
            await page.Locator("#open-seizure").ClickAsync();
        await Expect(page.Locator("#seizure-title")).ToHaveTextAsync("Saisie (art. 56-3 CPP)");
        await Axe.AssertAccessibleAsync(page, "requisition-review-and-seizure");
        await StepPanel.TakeAsync(page, "Transmettre les pièces");
        await Expect(page.Locator("#case-status")).ToHaveTextAsync("Réponse envoyée");
        // The investigators heard a nurse: a dated event of the timeline.
        await StepPanel.TakeAsync(page, "Consigner une audition", text: "Mme Léa Roux, infirmière des urgences, témoin");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Chronologie" }).ClickAsync();
        await Expect(page.Locator(".timeline-event", new() { HasText = "Audition (patient ou personnel)" })).ToContainTextAsync("Mme Léa Roux, infirmière des urgences, témoin");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Résumé" }).ClickAsync();
        await StepPanel.TakeAsync(page, "Clore le dossier", text: "Réponse transmise à l'officier requérant.");

        await Expect(page.Locator("#case-status")).ToHaveTextAsync("Clos");
        await PortalFixture.ShotAsync(page, "requisition-closed");
    }
}
