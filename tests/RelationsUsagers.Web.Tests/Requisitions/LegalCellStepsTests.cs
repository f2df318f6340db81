using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Web.Cases;

namespace RelationsUsagers.Web.Tests.Requisitions;

/// <summary>The insurer's legal cell on the case page: its answer is offered only once a question waits for it.</summary>
public sealed class LegalCellStepsTests : PortalTestContext
{
    private static IReadOnlyList<string> Buttons(IRenderedComponent<CaseFilePage> page) =>
        [.. page.FindAll("[aria-label='Étapes du dossier'] button").Select(b => b.TextContent.Trim())];

    private static void Click(IRenderedComponent<CaseFilePage> page, string step) =>
        page.FindAll("[aria-label='Étapes du dossier'] button").Single(b => b.GetAttribute("aria-label") == $"Étape : {step}").Click();

    [Fact]
    public async Task The_answer_of_the_legal_cell_is_offered_once_it_is_asked_and_both_are_dated_events()
    {
        var file = await CreateCaseAsync(Drafts.Requisition());
        var page = OpenCase(file);
        Assert.Contains("Saisir la cellule juridique de l'assureur", Buttons(page));
        Assert.DoesNotContain("Réponse de la cellule juridique", Buttons(page));

        Click(page, "Saisir la cellule juridique de l'assureur");
        page.Find("#status-step-date").Change("13/03/2026");
        page.Find("#step-text").Change("Faut-il transmettre le compte rendu ?");
        page.Find("#status-step-confirm").Click();
        page.WaitForAssertion(() => Assert.Contains("Réponse de la cellule juridique", Buttons(page)));
        Click(page, "Réponse de la cellule juridique");
        page.Find("#status-step-date").Change("14/03/2026");
        page.Find("#step-text").Change("Non, sauf saisie.");
        page.Find("#status-step-confirm").Click();

        page.WaitForAssertion(() => Assert.DoesNotContain("Réponse de la cellule juridique", Buttons(page)));
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseFileId == file.Id && e.Type != CaseEventTypes.Received)
            .OrderBy(e => e.OccurredOn).Select(e => new { e.Type, e.OccurredOn }).ToListAsync(Ct);
        Assert.Equal([(CaseEventTypes.LegalCellReferred, new DateOnly(2026, 3, 13)), (CaseEventTypes.LegalCellAnswered, new DateOnly(2026, 3, 14))],
            events.Select(e => (e.Type, e.OccurredOn)));
    }
}
