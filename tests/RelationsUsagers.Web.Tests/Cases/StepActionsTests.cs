using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Web.Cases;

namespace RelationsUsagers.Web.Tests.Cases;

/// <summary>The step buttons of the case page: each asks its date and what it needs, records its event, uses what is unsaved on screen.</summary>
public sealed class StepActionsTests : PortalTestContext
{
    private static void Click(IRenderedComponent<CaseFilePage> page, string step) =>
        page.FindAll("[aria-label='Étapes du dossier'] button").Single(b => b.GetAttribute("aria-label") == $"Étape : {step}").Click();

    private static IReadOnlyList<string> Buttons(IRenderedComponent<CaseFilePage> page) =>
        [.. page.FindAll("[aria-label='Étapes du dossier'] button").Select(b => b.TextContent.Trim())];

    private async Task<AccessRequest> LoadAsync(Guid id)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.AccessRequests.AsNoTracking().Include(r => r.Events).SingleAsync(c => c.Id == id, Ct);
    }

    [Fact]
    public async Task The_on_site_consultation_asks_its_date_and_records_it()
    {
        var file = await CreateCaseAsync(Drafts.AccessRequest());
        await ServiceAs("officer").AddEventAsync(file.Id, file.ConcurrencyStamp, CaseEventTypes.ProofsComplete, new DateOnly(2026, 3, 3), null, Ct);
        var page = OpenCase(file);
        Assert.Equal(["Demander le paiement", "Envoyer la copie", "Proposer une consultation sur place", "Consultation sur place", "Refuser (refus motivé)"], Buttons(page));

        Click(page, "Consultation sur place");
        var step = page.Find("#status-step");
        Assert.Contains("Inscrit « Consultation sur place » dans la chronologie", step.TextContent, StringComparison.Ordinal);
        Assert.Contains("statut « Communiqué »", step.TextContent, StringComparison.Ordinal);
        page.Find("#status-step-date").Change("12/03/2026");
        page.Find("#status-step-confirm").Click();

        await page.WaitForAssertionAsync(async () => Assert.Equal(CaseStatus.Sent, (await LoadAsync(file.Id)).Status));
        var stored = await LoadAsync(file.Id);
        Assert.Equal(new DateOnly(2026, 3, 12), stored.SentOn);
        Assert.Contains(stored.Events, e => e.Type == CaseEventTypes.OnSiteConsultation && e.OccurredOn == new DateOnly(2026, 3, 12));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#status-step")));
        Assert.Equal(["Clore le dossier"], Buttons(page));
    }

    [Fact]
    public async Task Dossier_complet_with_a_missing_proof_is_refused_in_French_and_keeps_the_panel()
    {
        var draft = Drafts.AccessRequest();
        draft.ProofsReceived = [];
        var file = await CreateCaseAsync(draft);
        var page = OpenCase(file);

        Click(page, "Dossier complet");
        page.Find("#status-step-date").Change("10/03/2026");
        page.Find("#status-step-confirm").Click();

        page.WaitForAssertion(() => Assert.Contains("pièces manquantes : Pièce d'identité", page.Find("#step-refusal").TextContent, StringComparison.Ordinal));
        Assert.Equal("10/03/2026", page.Find("#status-step-date").GetAttribute("value"));
        var stored = await LoadAsync(file.Id);
        Assert.Equal((CaseStatus.Received, null), (stored.Status, stored.CompletedOn));
    }

    [Fact]
    public async Task A_step_uses_the_proof_ticked_on_screen_and_saves_it_with_the_step()
    {
        var draft = Drafts.AccessRequest();
        draft.ProofsReceived = [];
        var file = await CreateCaseAsync(draft);
        var page = OpenCase(file);

        // Ticked, not saved.
        page.FindAll("label").Single(l => l.TextContent.Contains("Pièce d'identité", StringComparison.Ordinal)).QuerySelector("input")!.Change(true);
        Click(page, "Dossier complet");
        Assert.Contains("Vos modifications non enregistrées du dossier seront enregistrées avec cette étape.", page.Find("#status-step").TextContent, StringComparison.Ordinal);
        page.Find("#status-step-date").Change("10/03/2026");
        page.Find("#status-step-confirm").Click();

        await page.WaitForAssertionAsync(async () => Assert.Equal(CaseStatus.Complete, (await LoadAsync(file.Id)).Status));
        var stored = await LoadAsync(file.Id);
        Assert.Equal([ProofKind.IdentityDocument], stored.ProofsReceived);
        Assert.Equal(new DateOnly(2026, 3, 10), stored.CompletedOn);
    }

    /// <summary>L.1111-7 al.2: complete on 14/03 → « pas avant le 16/03 », shown before the step is taken.</summary>
    [Fact]
    public async Task The_48_hour_floor_is_shown_before_the_communication_and_an_early_copy_needs_a_reason()
    {
        var file = await CreateCaseAsync(Drafts.AccessRequest());
        await ServiceAs("officer").AddEventAsync(file.Id, file.ConcurrencyStamp, CaseEventTypes.ProofsComplete, new DateOnly(2026, 3, 14), null, Ct);
        var page = OpenCase(file);
        Assert.Contains("Pas avant le 16/03/2026. À compter du dossier complet (14/03/2026)", page.Markup, StringComparison.Ordinal);

        Click(page, "Envoyer la copie");
        Assert.Contains("Pas avant le 16/03/2026", page.Find("#step-floor").TextContent, StringComparison.Ordinal);
        page.Find("#status-step-confirm").Click();
        page.WaitForAssertion(() => Assert.Contains("Communication pas avant le 16/03/2026", page.Find("#step-refusal").TextContent, StringComparison.Ordinal));
        Assert.Equal(CaseStatus.Complete, (await LoadAsync(file.Id)).Status);

        page.Find("#step-early-confirm").Change(true);
        page.Find("#step-early-reason").Change("Transfert urgent vers un autre établissement.");
        page.Find("#status-step-confirm").Click();

        await page.WaitForAssertionAsync(async () => Assert.Equal(CaseStatus.Sent, (await LoadAsync(file.Id)).Status));
        var sent = (await LoadAsync(file.Id)).Events.Single(e => e.Type == CaseEventTypes.CopySent);
        Assert.Equal((PortalTestContext.Today, "Communication avant la fin du délai de réflexion, confirmée : Transfert urgent vers un autre établissement."),
            (sent.OccurredOn, sent.Note));
    }

    [Fact]
    public async Task Closing_a_complaint_before_the_CDU_is_offered_to_managers_only()
    {
        var file = await CreateCaseAsync(Drafts.Complaint("Ménard", "Joseph"));
        var service = ServiceAs("officer");
        file = await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "send-to-service", new StepInput(new DateOnly(2026, 3, 11)), ct: Ct);
        await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "refer-cdu", new StepInput(new DateOnly(2026, 3, 12)), ct: Ct);

        var officerPage = OpenCase(file);
        Assert.Equal(["Envoyer la réponse"], Buttons(officerPage));
        Assert.Contains("En attente de la CDU depuis 3 jours", officerPage.Find("#case-waiting").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_may_close_a_complaint_before_the_CDU_with_a_reason()
    {
        var file = await CreateCaseAsync(Drafts.Complaint("Ménard", "Joseph"));
        var service = ServiceAs("officer");
        file = await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "send-to-service", new StepInput(new DateOnly(2026, 3, 11)), ct: Ct);
        await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "refer-cdu", new StepInput(new DateOnly(2026, 3, 12)), ct: Ct);
        SignIn("manager", RelationsUsagers.Core.Security.Roles.Manager);
        var page = OpenCase(file);

        Click(page, "Clore sans attendre la CDU");
        page.Find("#status-step-confirm").Click();
        page.WaitForAssertion(() => Assert.Equal("« Motif de la clôture avant l'examen de la CDU » est obligatoire.", page.Find("#step-refusal").TextContent));
        page.Find("#step-text").Change("Plaignant désisté par écrit.");
        page.Find("#status-step-confirm").Click();

        page.WaitForAssertion(() => Assert.Equal("Clos", page.Find("#case-status").TextContent.Trim()));
    }

    [Fact]
    public async Task A_requisition_is_answered_once_its_medical_item_has_a_secrecy_decision_chosen_on_screen()
    {
        var draft = Drafts.Requisition();
        draft.Items.Add(new RelationsUsagers.Core.Requisitions.RequisitionItem
        {
            Description = "Compte rendu des urgences", Nature = RelationsUsagers.Core.Requisitions.RequisitionItemNature.Medical,
        });
        var file = await CreateCaseAsync(draft);
        var page = OpenCase(file);

        Click(page, "Transmettre les pièces");
        page.Find("#status-step-confirm").Click();
        page.WaitForAssertion(() => Assert.StartsWith("Décision sur le secret médical manquante pour : « Compte rendu des urgences »",
            page.Find("#step-refusal").TextContent, StringComparison.Ordinal));

        page.Find(".mud-input-control.secrecy-decision").MouseDown();
        Popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Trim() == "Refusé : secret médical").Click();
        // The decision is dated today; whose it is and why are still to say (CSP L.1110-4).
        page.Find("#status-step-confirm").Click();
        page.WaitForAssertion(() => Assert.StartsWith("Examen du secret médical incomplet pour : « Compte rendu des urgences » (décision prise par, motif de la décision).",
            page.Find("#step-refusal").TextContent, StringComparison.Ordinal));
        page.Find(".secrecy-reviewer input").Change("Dr Hamon (DIM)");
        page.Find(".secrecy-reason input").Change("Le patient n'a pas consenti à la communication.");
        page.Find("#status-step-confirm").Click();

        page.WaitForAssertion(() => Assert.Equal("Réponse envoyée", page.Find("#case-status").TextContent.Trim()));
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var stored = await db.Requisitions.AsNoTracking().SingleAsync(r => r.Id == file.Id, Ct);
        Assert.Equal([null, RelationsUsagers.Core.Requisitions.SecrecyDecision.Withheld], stored.Items.Select(i => i.Secrecy));
        Assert.Equal(("Dr Hamon (DIM)", (DateOnly?)Today, "Le patient n'a pas consenti à la communication."),
            (stored.Items[1].ReviewedBy, stored.Items[1].ReviewedOn, stored.Items[1].SecrecyReason));
        Assert.Equal(RelationsUsagers.Core.Requisitions.RequisitionResponse.PartlySentAdministrative, stored.Response);
    }

    /// <summary>Received 12/03/2026, due 30/03: the authority's new date must be later; the first one is kept (CPP 60-1, 77-1-1).</summary>
    [Fact]
    public async Task An_extension_asks_the_authoritys_new_date_refuses_an_earlier_one_at_the_field_then_records_it()
    {
        var file = await CreateCaseAsync(Drafts.Requisition());
        var page = OpenCase(file);

        Click(page, "Prolongation accordée par l'autorité");
        Assert.Contains("Date limite actuelle\u00A0: 30/03/2026", page.Find("#status-step").TextContent, StringComparison.Ordinal);
        page.Find("#step-new-due-on").Change("25/03/2026");
        page.Find("#status-step-confirm").Click();

        const string earlier = "La nouvelle date limite doit être postérieure à la date limite actuelle (30/03/2026).";
        page.WaitForAssertion(() => Assert.Equal(earlier, page.Find("#step-refusal").TextContent));
        Assert.Contains(earlier, page.Find("#step-new-due-on").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
        await using (var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct))
            Assert.Equal(new DateOnly(2026, 3, 30), (await db.Requisitions.AsNoTracking().SingleAsync(r => r.Id == file.Id, Ct)).DueOn);

        page.Find("#step-new-due-on").Change("15/04/2026");
        page.Find("#step-text").Change("Courriel du brigadier-chef Dubois");
        page.Find("#status-step-confirm").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#status-step")));
        await using var read = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var stored = await read.Requisitions.AsNoTracking().Include(r => r.Events).SingleAsync(r => r.Id == file.Id, Ct);
        Assert.Equal((CaseStatus.Received, new DateOnly(2026, 4, 15), new DateOnly(2026, 3, 30)), (stored.Status, stored.DueOn, stored.InitialDueOn));
        Assert.Equal("Date limite prolongée du 30/03/2026 au 15/04/2026 — Accord de l'autorité (courriel, appel…) : Courriel du brigadier-chef Dubois",
            stored.Events.Single(e => e.Type == CaseEventTypes.DueDateExtended).Note);
        // The form's date now moves by that step only, and says where it came from.
        page.WaitForAssertion(() => Assert.Equal("15/04/2026", page.Find("#requisition-due-on").GetAttribute("value")));
        Assert.True(page.Find("#requisition-due-on").HasAttribute("disabled"));
        Assert.Contains("Prolongée par l'autorité (date limite initiale\u00A0: 30/03/2026)",
            page.Find("#requisition-due-on").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
    }
}
