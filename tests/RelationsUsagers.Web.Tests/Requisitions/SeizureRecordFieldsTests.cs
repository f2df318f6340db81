using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Requisitions;
using RelationsUsagers.Web.Cases;

namespace RelationsUsagers.Web.Tests.Requisitions;

/// <summary>
/// The seizure form of a requisition (CPP 56-3) on the case page: it appears once an item is to be seized, says what the
/// record still lacks as it is typed, and « Saisie effectuée » is refused, naming what is missing, until it is complete.
/// Received 12/03/2026, today 15/03/2026.
/// </summary>
public sealed class SeizureRecordFieldsTests : PortalTestContext
{
    private static void Click(IRenderedComponent<CaseFilePage> page, string step) =>
        page.FindAll("[aria-label='Étapes du dossier'] button").Single(b => b.GetAttribute("aria-label") == $"Étape : {step}").Click();

    private void Choose(IRenderedComponent<CaseFilePage> page, string selectClass, string option)
    {
        page.Find($".mud-input-control.{selectClass}").MouseDown();
        Popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Trim() == option).Click();
    }

    private static string State(IRenderedComponent<CaseFilePage> page) => page.Find("#seizure-state").TextContent.Trim();

    private async Task<Requisition> LoadAsync(Guid id)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.Requisitions.AsNoTracking().Include(r => r.Events).SingleAsync(c => c.Id == id, Ct);
    }

    [Fact]
    public async Task The_seizure_record_is_typed_on_the_case_page_and_saisie_effectuee_waits_for_every_piece()
    {
        var draft = Drafts.Requisition();
        draft.Items.Add(new RequisitionItem
        {
            Description = "Dossier des urgences", Nature = RequisitionItemNature.Medical, Secrecy = SecrecyDecision.SeizureRequired,
            ReviewedBy = "Dr Hamon (DIM)", ReviewedOn = new DateOnly(2026, 3, 13), SecrecyReason = "Contenu médical couvert par le secret.",
        });
        var file = await CreateCaseAsync(draft);
        var page = OpenCase(file);

        Assert.Equal("Saisie (art. 56-3 CPP)", page.Find("#seizure-title").TextContent.Trim());
        Assert.StartsWith("Pour enregistrer l'étape « Saisie effectuée », complétez : « Lieu de la saisie », « Magistrat présent à la saisie »",
            State(page).Replace('\u00A0', ' '), StringComparison.Ordinal);
        Assert.Contains("Remis uniquement sur saisie : Dossier des urgences", page.Find(".seizure-record").TextContent, StringComparison.Ordinal);

        // Nothing typed yet: the step is refused, naming every missing piece.
        Click(page, "Saisie effectuée");
        page.Find("#status-step-date").Change("14/03/2026");
        page.Find("#status-step-confirm").Click();
        page.WaitForAssertion(() => Assert.StartsWith("La saisie ne peut pas être enregistrée comme effectuée (art. 56-3 CPP) : la fiche de saisie est " +
            "incomplète. Manque : « Lieu de la saisie », « Magistrat présent à la saisie », « Juridiction du magistrat présent », « OPJ présent à la saisie »",
            page.Find("#step-refusal").TextContent, StringComparison.Ordinal));

        page.Find("#seizure-place").Input("Service des urgences, bureau du cadre");
        page.Find("#seizure-magistrate").Input("Mme Claire Vasseur, juge d'instruction");
        page.Find("#seizure-jurisdiction").Input("Tribunal judiciaire de Nantes");
        page.Find("#seizure-officer").Input("Capitaine Marc Lebreton");
        page.Find("#seizure-ordre").Input("Dr Anne Guillou");
        page.Find("#seizure-head").Input("Pr Yves Le Gall");
        page.Find("#add-service-told").Click();
        page.Find("#service-told-1").Input("Urgences");
        page.WaitForAssertion(() => Assert.Contains("« Personne prévenue » et « Date de l'information du service » pour le service « Urgences »",
            State(page), StringComparison.Ordinal));
        page.Find("#service-told-person-1").Input("Mme Roux, cadre de santé");
        page.Find("#service-told-on-1").Change("13/03/2026");
        page.Find("#seizure-items").Input("Dossier des urgences du 11/03/2026 (12 pages)");
        page.Find("#seizure-seals").Input("Scellés n° 1 et 2");
        Choose(page, "seizure-copy-kept", "Oui");
        page.WaitForAssertion(() => Assert.EndsWith("complétez : « Procès-verbal de saisie reçu » (oui ou non).", State(page).Replace('\u00A0', ' '), StringComparison.Ordinal));
        Choose(page, "seizure-minutes", "Non");
        page.WaitForAssertion(() => Assert.StartsWith("Fiche de saisie complète", State(page), StringComparison.Ordinal));

        // The record typed on screen is saved with the step.
        page.Find("#status-step-confirm").Click();

        await page.WaitForAssertionAsync(async () => Assert.Equal(new DateOnly(2026, 3, 14), (await LoadAsync(file.Id)).SeizureOn));
        var stored = await LoadAsync(file.Id);
        Assert.Equal(("Service des urgences, bureau du cadre", "Mme Claire Vasseur, juge d'instruction", "Tribunal judiciaire de Nantes", "Capitaine Marc Lebreton",
                "Dr Anne Guillou", "Pr Yves Le Gall", "Scellés n° 1 et 2", (bool?)true, (bool?)false),
            (stored.SeizurePlace, stored.SeizureMagistrate, stored.SeizureJurisdiction, stored.SeizureOfficer, stored.OrdreRepresentative,
                stored.HeadOfDepartmentPresent, stored.SealNumbers, stored.SeizureCopyKept, stored.SeizureMinutesReceived));
        var told = Assert.Single(stored.ServicesTold);
        Assert.Equal(("Urgences", "Mme Roux, cadre de santé", (DateOnly?)new DateOnly(2026, 3, 13)), (told.Service, told.Person, told.ToldOn));
        Assert.Contains(stored.Events, e => e.Type == CaseEventTypes.RecordSeized && e.OccurredOn == new DateOnly(2026, 3, 14));
        Assert.Equal(CaseStatus.Received, stored.Status);
        page.WaitForAssertion(() => Assert.Equal("Saisie effectuée le 14/03/2026.", State(page)));
    }

    [Fact]
    public async Task A_requisition_without_an_item_to_seize_offers_to_organise_a_seizure()
    {
        var file = await CreateCaseAsync(Drafts.Requisition());
        var page = OpenCase(file);
        Assert.Empty(page.FindAll(".seizure-record"));

        page.Find("#open-seizure").Click();

        Assert.Equal("Saisie (art. 56-3 CPP)", page.Find("#seizure-title").TextContent.Trim());
    }
}
