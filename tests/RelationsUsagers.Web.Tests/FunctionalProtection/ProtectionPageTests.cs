using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.FunctionalProtection;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Cases;

namespace RelationsUsagers.Web.Tests.FunctionalProtection;

/// <summary>
/// A protection fonctionnelle file opens for a manager only: its agent, its invoices summed; an officer's direct address
/// shows nothing of it, and the new-case page offers the kind to managers only.
/// </summary>
public sealed class ProtectionPageTests : PortalTestContext
{
    private async Task<CaseFile> CreateAsManagerAsync()
    {
        SignIn("manager", Roles.Manager);
        var file = new ProtectionCase
        {
            ReceivedOn = new DateOnly(2026, 3, 2), Channel = Channel.Mail,
            Patient = new Patient { LastName = "Perrot", FirstName = "Amandine", PatientNumber = "M-20417" },
            Requester = new Party { Name = "Amandine Perrot", Capacity = "l'agent" },
            AgentService = "Urgences", AgentGrade = "Infirmière", FactsOn = new DateOnly(2026, 2, 27),
            Beneficiaries = [new ProtectionBeneficiary()],
            Costs = [new ProtectionCost { InvoiceNumber = "F-1", PaidOn = new DateOnly(2026, 3, 10), AmountCents = 840_00 },
                     new ProtectionCost { InvoiceNumber = "F-2", PaidOn = new DateOnly(2026, 3, 12), AmountCents = 1_250_50 }],
        };
        return await CreateCaseAsync(file);
    }

    [Fact]
    public async Task A_manager_opens_the_file_of_an_agent_with_its_costs_summed_and_an_added_invoice_counts_at_once()
    {
        var file = await CreateAsManagerAsync();
        var page = OpenCase(file);

        Assert.Contains("Agent : <strong>PERROT Amandine</strong>", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Matricule", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Nom de l'agent", page.Markup, StringComparison.Ordinal);
        Assert.Equal("Total des frais payés : 2 090,50 €", Total(page));

        // A third invoice of 100,25 €: the total follows as it is typed, before saving.
        page.Find("#add-cost").Click();
        var row = page.FindAll(".protection-cost")[2];
        row.QuerySelectorAll("input")[0].Change("HG-77");
        page.FindAll(".protection-cost")[2].QuerySelectorAll("input")[2].Change("100,25");
        page.WaitForAssertion(() => Assert.Equal("Total des frais payés : 2 190,75 €", Total(page)));
    }

    [Fact]
    public async Task The_case_page_names_the_agents_dates_as_the_agents()
    {
        var file = await CreateAsManagerAsync();
        var page = OpenCase(file);

        var labels = page.FindAll("label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Contains("Date de naissance de l'agent", labels);
        Assert.Contains("Date de décès de l'agent", labels);
        Assert.DoesNotContain("Date de décès", labels);
        Assert.DoesNotContain("Date de naissance", labels);
        // The form's messages say it the same way.
        var agent = (ProtectionCase)file;
        agent.Patient.BirthDate = new DateOnly(1980, 5, 4);
        agent.Patient.DeathDate = new DateOnly(1979, 1, 1);
        Assert.Contains("La date de décès de l'agent ne peut pas précéder la date de naissance de l'agent.",
            Services.GetRequiredService<CaseValidators>().Validate(agent).Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public async Task A_patients_case_keeps_the_patients_dates()
    {
        SignIn("manager", Roles.Manager);
        var complaint = await CreateCaseAsync(Drafts.Complaint("Quesnoy", "Anatole"));
        var patientLabels = OpenCase(complaint).FindAll("label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Contains("Date de naissance", patientLabels);
        Assert.Contains("Date de décès", patientLabels);
    }

    private static string Total(IRenderedComponent<CaseFilePage> page) =>
        page.Find("#protection-costs-total").TextContent.Trim().Replace('\u00A0', ' ').Replace('\u202F', ' ');

    [Fact]
    public async Task An_officers_direct_address_to_a_protection_file_shows_nothing_of_it()
    {
        var file = await CreateAsManagerAsync();
        SignIn(UserName, Roles.Officer);
        var page = RenderWithDialogs<CaseFilePage>(p => p.Add(c => c.Id, file.Id));

        page.WaitForAssertion(() => Assert.Contains("Ce dossier n'existe pas ou a été supprimé.", page.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(file.Reference, page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Perrot", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_new_case_page_does_not_offer_the_kind_to_an_officer()
    {
        var asOfficer = RenderWithPopovers<NewCasePage>();
        Assert.DoesNotContain("Protection fonctionnelle", asOfficer.Markup, StringComparison.Ordinal);
        Assert.Equal(4, asOfficer.FindAll("label.mud-radio").Count);
    }

    [Fact]
    public void The_new_case_page_offers_the_kind_to_a_manager_with_the_agents_fields()
    {
        SignIn("manager", Roles.Manager);
        var asManager = RenderWithPopovers<NewCasePage>();
        asManager.FindAll("label.mud-radio").Single(l => l.TextContent.Contains("Protection fonctionnelle", StringComparison.Ordinal)).QuerySelector("input")!.Click();
        asManager.WaitForAssertion(() => Assert.NotNull(asManager.Find("#protection-service")));
        Assert.Contains("Nom de l'agent", asManager.Markup, StringComparison.Ordinal);
        Assert.Contains("Cas de protection", asManager.Markup, StringComparison.Ordinal);
    }
}
