using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Web.Cases;

namespace RelationsUsagers.Web.Tests;

public sealed class NewCasePageTests : PortalTestContext
{
    private static void ChooseKind(IRenderedComponent<NewCasePage> page, string label) =>
        page.FindAll("label.mud-radio").Single(l => l.TextContent.Contains(label, StringComparison.Ordinal)).QuerySelector("input")!.Click();

    private static void Save(IRenderedComponent<NewCasePage> page) => page.Find("#save-case").Click();

    [Fact]
    public void The_form_appears_once_a_kind_is_chosen()
    {
        var page = RenderWithPopovers<NewCasePage>();
        Assert.Empty(page.FindAll("#save-case"));

        ChooseKind(page, "Accès au dossier patient");

        Assert.NotNull(page.Find("#requester-name"));
        Assert.Contains("Qualité du demandeur", page.Markup, StringComparison.Ordinal);
        Assert.Equal("15/03/2026", page.Find("#received-on").GetAttribute("value"));
    }

    [Fact]
    public async Task Missing_patient_name_shows_the_validator_message_keeps_the_typed_values_and_creates_nothing_then_saving_creates_and_opens_the_case()
    {
        var page = RenderWithPopovers<NewCasePage>();
        ChooseKind(page, "Accès au dossier patient");
        page.Find("#requester-name").Change("Jeanne Dupont");
        page.Find("#summary").Change("Copie de l'hospitalisation de février.");

        Save(page);

        page.WaitForAssertion(() => Assert.Contains("Le nom du patient est obligatoire.", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        var patientField = page.Find("#patient-last-name").Closest(".mud-input-control")!;
        Assert.Contains("Le nom du patient est obligatoire.", patientField.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.Find("#patient-last-name").GetAttribute("aria-invalid"));
        Assert.DoesNotContain("Le nom du demandeur est obligatoire.", page.Markup, StringComparison.Ordinal);
        Assert.Equal("Jeanne Dupont", page.Find("#requester-name").GetAttribute("value"));
        Assert.Equal("Copie de l'hospitalisation de février.", page.Find("#summary").GetAttribute("value"));
        Assert.Equal(0, await CountCasesAsync());
        Assert.Equal("http://localhost/", Navigation.Uri);

        page.Find("#patient-last-name").Change("Durand");
        Save(page);

        page.WaitForAssertion(() => Assert.StartsWith("http://localhost/dossiers/", Navigation.Uri, StringComparison.Ordinal));
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var created = Assert.IsType<AccessRequest>(await db.CaseFiles.SingleAsync(Ct));
        Assert.Equal($"http://localhost/dossiers/{created.Id}", Navigation.Uri);
        Assert.Equal("DAD-2026-00001", created.Reference);
        Assert.Equal("Durand", created.Patient.LastName);
        Assert.Equal("Jeanne Dupont", created.Requester.Name);
        Assert.Equal("Copie de l'hospitalisation de février.", created.Summary);
        Assert.Equal(new DateOnly(2026, 3, 15), created.ReceivedOn);
        Assert.Equal(CaseStatus.Received, created.Status);
        Assert.Equal(UserName, created.CreatedBy);
    }

    [Fact]
    public void Changing_the_kind_keeps_the_shared_fields_already_typed()
    {
        var page = RenderWithPopovers<NewCasePage>();
        ChooseKind(page, "Accès au dossier patient");
        page.Find("#patient-last-name").Change("Durand");
        page.Find("#requester-name").Change("Jeanne Dupont");

        ChooseKind(page, "Plainte / réclamation");

        Assert.Contains("Motifs", page.Find("#motives").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Qualité du demandeur", page.Markup, StringComparison.Ordinal);
        Assert.Equal("Durand", page.Find("#patient-last-name").GetAttribute("value"));
        Assert.Equal("Jeanne Dupont", page.Find("#requester-name").GetAttribute("value"));
    }

    [Fact]
    public async Task A_possible_duplicate_is_shown_before_saving_and_can_be_overridden()
    {
        var existing = await CreateCaseAsync(Drafts.AccessRequest("Durand", "Marie", receivedOn: new DateOnly(2026, 3, 10)));
        var page = RenderWithPopovers<NewCasePage>();
        ChooseKind(page, "Accès au dossier patient");
        page.Find("#patient-last-name").Change("DURAND");
        page.Find("#patient-first-name").Change("Marie");
        page.Find("#requester-name").Change("Marie Durand");

        var panel = page.WaitForElement("#person-cases");
        Assert.Contains("Cette personne a déjà un dossier", panel.TextContent, StringComparison.Ordinal);
        var row = panel.QuerySelector("tr[data-reference=\"DAD-2026-00001\"]")!;
        Assert.Equal($"/dossiers/{existing.Id}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Doublon possible", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("10/03/2026", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Créer quand même", page.Find("#save-case").TextContent.Trim());
        Assert.Equal(1, await CountCasesAsync());

        Save(page);

        page.WaitForAssertion(() => Assert.NotEqual("http://localhost/", Navigation.Uri));
        Assert.Equal(2, await CountCasesAsync());
        Assert.DoesNotContain(existing.Id.ToString(), Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_persons_cases_of_every_kind_and_status_show_as_soon_as_the_IPP_is_typed_before_saving()
    {
        // Her abandoned complaint under her married name (same IPP), and an access request found by her name alone.
        var complaint = Drafts.Complaint("Dubreuil", "Hélène", receivedOn: new DateOnly(2025, 11, 11));
        complaint.Patient.PatientNumber = "700123456";
        complaint.FactsOn = complaint.ReceivedOn;
        var closed = await CreateCaseAsync(complaint);
        closed = await ServiceAs(UserName).TakeStepAsync(closed.Id, closed.ConcurrencyStamp, "abandon", new StepInput(closed.ReceivedOn, "Demande retirée."), ct: Ct);
        var access = await CreateCaseAsync(Drafts.AccessRequest("Lefèvre", "Hélène", receivedOn: new DateOnly(2026, 1, 20)));
        await CreateCaseAsync(Drafts.AccessRequest("Garnier", "Paul"));
        var page = RenderWithPopovers<NewCasePage>();
        ChooseKind(page, "Réquisition");
        page.Find("#patient-last-name").Change("Lefevre");
        page.Find("#patient-first-name").Change("Helene");

        PatientNumberInput(page).Change("700123456");

        var panel = page.WaitForElement("#person-cases");
        Assert.Contains("Cette personne a déjà 2 dossiers", panel.TextContent, StringComparison.Ordinal);
        var rows = panel.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(
            [
                [closed.Reference, "Plainte", "Abandonné", "11/11/2025", "même IPP"],
                [access.Reference, "Accès dossier", "Reçu", "20/01/2026", "même nom seulement"],
            ],
            rows.Select(r => new[] { r[0].Replace(" (nouvel onglet)", "", StringComparison.Ordinal), r[1], r[2], r[3], r[4] }));
        var link = panel.QuerySelector($"a[href=\"/dossiers/{closed.Id}\"]")!;
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Contains("homonyme", panel.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Doublon possible", panel.TextContent, StringComparison.Ordinal);
        Assert.Equal("Créer quand même", page.Find("#save-case").TextContent.Trim());
        Assert.Equal(3, await CountCasesAsync());
        Assert.Equal("http://localhost/", Navigation.Uri);
    }

    private static IElement PatientNumberInput(IRenderedComponent<NewCasePage> page)
    {
        var label = page.FindAll("label").Single(l => l.TextContent.Trim() == "IPP");
        return page.Find($"#{label.GetAttribute("for")}");
    }
}
