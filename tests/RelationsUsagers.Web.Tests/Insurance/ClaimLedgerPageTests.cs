using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Insurance;
using RelationsUsagers.Web.Insurance;

namespace RelationsUsagers.Web.Tests.Insurance;

/// <summary>A claim's page of the ledger: an entry corrected from the page keeps its old value with the reason asked at the field.</summary>
public sealed class ClaimLedgerPageTests : PortalTestContext
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public async Task Correcting_a_refund_beyond_what_was_asked_or_without_a_reason_is_refused_at_the_field_then_the_old_value_is_kept()
    {
        var ledger = Services.GetRequiredService<InsuranceLedgerService>();
        var policy = await ledger.SavePolicyAsync(new InsurancePolicy
        {
            Insurer = "Mutuelle hospitalière d'assurance", PolicyNumber = "RCH-2026-0458", StartsOn = D(2026, 1, 1), EndsOn = D(2026, 12, 31), DeductiblePerClaim = 15_000m,
        }, ct: Ct);
        var claim = await CreateCaseAsync(new IndemnityClaim
        {
            ReceivedOn = D(2026, 1, 5), Channel = Channel.Mail, Patient = new Patient { LastName = "Garnier", FirstName = "Sylvie" },
            Requester = new Party { Name = "Maître Arnaud Rousseau" }, Summary = "Infection du site opératoire.", InsurerClaimNumber = "SIN-26-0042",
            Services = ["Orthopédie"],
        });
        var cover = await ledger.SaveCoverAsync(new ClaimCover { CaseFileId = claim.Id, PolicyId = policy.Id, Deductible = 15_000m }, ct: Ct);
        foreach (var (kind, on, amount) in new[]
        {
            (LedgerEntryKind.HospitalPayment, D(2026, 2, 2), 20_000m), (LedgerEntryKind.RefundRequested, D(2026, 2, 3), 5_000m),
            (LedgerEntryKind.RefundReceived, D(2026, 3, 2), 4_000m),
        })
            await ledger.SaveEntryAsync(new LedgerEntry { ClaimCoverId = cover.Id, Kind = kind, On = on, Amount = amount }, ct: Ct);

        var page = RenderWithDialogs<ClaimLedgerPage>(p => p.Add(c => c.CaseId, claim.Id));
        page.WaitForElement("#claim-ledger-entries");
        Assert.Contains("SIN-26-0042", page.Markup);
        page.Find("button[aria-label=\"Corriger\u00A0: Remboursement reçu de l'assureur du 02/03/2026\"]").Click();
        Dialogs.WaitForElement("#entry-amount");

        Dialogs.Find("#entry-amount").Change("5000,01");
        Dialogs.Find("#entry-save").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Le remboursement dépasse les demandes en attente (5\u00A0000,00\u00A0€).", Dialogs.Markup));

        // Typed with a space between the thousands, as people write it.
        Dialogs.Find("#entry-amount").Change("5 000");
        Dialogs.Find("#entry-save").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Le motif de la correction est obligatoire", Dialogs.Find("#entry-reason").Closest(".mud-input-control")!.TextContent));

        Dialogs.Find("#entry-reason").Change("Relevé bancaire : le virement était de 5 000,00 €.");
        Dialogs.Find("#entry-save").Click();

        page.WaitForAssertion(() => Assert.Contains("Relevé bancaire", page.Find("#claim-ledger-corrections").TextContent));
        var correction = page.Find("#claim-ledger-corrections tbody tr").TextContent;
        Assert.Contains("4\u00A0000,00\u00A0€", correction);
        Assert.Contains("5\u00A0000,00\u00A0€", correction);
        // 20 000,00 paid for a share of 15 000,00: 5 000,00 advanced, now all refunded.
        Assert.Equal("5\u00A0000,00\u00A0€", page.Find("#claim-ledger-position tr[data-line=\"Remboursements reçus\"] td").TextContent);
        Assert.Equal("0,00\u00A0€", page.Find("#claim-ledger-position tr[data-line=\"Reste à recouvrer\"] td").TextContent);
    }

    [Fact]
    public async Task The_claim_s_case_page_links_to_its_ledger_and_a_claim_not_yet_in_it_can_be_inscribed_there()
    {
        var ledger = Services.GetRequiredService<InsuranceLedgerService>();
        await ledger.SavePolicyAsync(new InsurancePolicy
        {
            Insurer = "Mutuelle hospitalière d'assurance", PolicyNumber = "RCH-2026-0458", StartsOn = D(2026, 1, 1), EndsOn = D(2026, 12, 31), DeductiblePerClaim = 12_000m,
        }, ct: Ct);
        var claim = await CreateCaseAsync(new IndemnityClaim
        {
            ReceivedOn = D(2026, 1, 5), Channel = Channel.Mail, Patient = new Patient { LastName = "Garnier", FirstName = "Sylvie" },
            Requester = new Party { Name = "Maître Arnaud Rousseau" }, Summary = "Infection du site opératoire.", Services = ["Orthopédie"],
        });

        var casePage = OpenCase(claim);
        Assert.Equal($"/assurance/sinistres/{claim.Id}", casePage.Find("#case-insurance-ledger").GetAttribute("href"));

        // The case page rendered the dialog and popover providers: the ledger page uses them.
        var page = Render<ClaimLedgerPage>(p => p.Add(c => c.CaseId, claim.Id));
        page.WaitForElement("#claim-ledger-none");
        page.Find("#claim-ledger-inscribe").Click();
        Dialogs.WaitForElement("#cover-save");
        // The policy in force today and its deductible are proposed.
        Assert.Equal("12\u00A0000,00", Dialogs.Find("#cover-deductible").GetAttribute("value"));
        Dialogs.Find("#cover-save").Click();

        page.WaitForAssertion(() => Assert.Contains("Contrat RCH-2026-0458", page.Markup));
        Assert.Equal("12\u00A0000,00\u00A0€", page.Find("#claim-ledger-position tr[data-line=\"Franchise applicable\"] td").TextContent);
    }
}
