using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Insurance;
using RelationsUsagers.Web.Insurance;

namespace RelationsUsagers.Web.Tests.Insurance;

/// <summary>The year's page of the insurance ledger: the balance in euros, the refund awaited too long, a policy recorded from the page.</summary>
public sealed class InsuranceLedgerPageTests : PortalTestContext
{
    private InsuranceLedgerService Ledger => Services.GetRequiredService<InsuranceLedgerService>();

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private async Task<CaseFile> ClaimAsync(string insurerReference) => await CreateCaseAsync(new IndemnityClaim
    {
        ReceivedOn = D(2025, 11, 3), Channel = Channel.Mail,
        Patient = new Patient { LastName = "Garnier", FirstName = "Sylvie", BirthDate = D(1969, 4, 12) },
        Requester = new Party { Name = "Maître Arnaud Rousseau", Capacity = "avocat" }, Summary = "Infection du site opératoire.",
        InsurerName = "Mutuelle hospitalière d'assurance", InsurerClaimNumber = insurerReference, Services = ["Orthopédie"],
    });

    /// <summary>
    /// 2026 on 15/03/2026: two instalments of 32 500,00 called (15/01 paid, 15/04 not yet due); a claim paid 40 000,00 by the
    /// hospital on 05/12/2025, 25 000,00 asked back on 10/12/2025 (95 days on 15/03/2026), 10 000,00 received on 20/02/2026.
    /// </summary>
    private async Task<CaseFile> SeedAsync()
    {
        var p2025 = await Ledger.SavePolicyAsync(new InsurancePolicy
        {
            Insurer = "Mutuelle hospitalière d'assurance", PolicyNumber = "RCH-2025-0458", StartsOn = D(2025, 1, 1), EndsOn = D(2025, 12, 31), DeductiblePerClaim = 15_000m,
        }, ct: Ct);
        var p2026 = await Ledger.SavePolicyAsync(new InsurancePolicy
        {
            Insurer = "Mutuelle hospitalière d'assurance", Broker = "Cabinet Arcades Courtage", PolicyNumber = "RCH-2026-0458",
            StartsOn = D(2026, 1, 1), EndsOn = D(2026, 12, 31), DeductiblePerClaim = 15_000m,
        }, ct: Ct);
        await Ledger.SaveCallAsync(new PremiumCall { PolicyId = p2026.Id, Label = "Échéance 1/2", Amount = 32_500m, DueOn = D(2026, 1, 15), PaidOn = D(2026, 1, 22), PaidAmount = 32_500m }, ct: Ct);
        await Ledger.SaveCallAsync(new PremiumCall { PolicyId = p2026.Id, Label = "Échéance 2/2", Amount = 32_500m, DueOn = D(2026, 4, 15) }, ct: Ct);
        var claim = await ClaimAsync("SIN-25-0912");
        var cover = await Ledger.SaveCoverAsync(new ClaimCover { CaseFileId = claim.Id, PolicyId = p2025.Id, Deductible = 15_000m }, ct: Ct);
        foreach (var (kind, on, amount) in new[]
        {
            (LedgerEntryKind.HospitalPayment, D(2025, 12, 5), 40_000m), (LedgerEntryKind.RefundRequested, D(2025, 12, 10), 25_000m),
            (LedgerEntryKind.RefundReceived, D(2026, 2, 20), 10_000m),
        })
            await Ledger.SaveEntryAsync(new LedgerEntry { ClaimCoverId = cover.Id, Kind = kind, On = on, Amount = amount }, ct: Ct);
        return claim;
    }

    private IRenderedComponent<InsuranceLedgerPage> OpenYear(int year)
    {
        Navigation.NavigateTo($"/assurance?annee={year}");
        return RenderWithDialogs<InsuranceLedgerPage>();
    }

    private static string Amount(IRenderedComponent<InsuranceLedgerPage> page, string line) =>
        page.Find($"#insurance-balance tr[data-line=\"{line}\"] td").TextContent;

    [Fact]
    public async Task The_year_s_balance_shows_in_euros_and_the_refund_awaited_over_90_days_is_highlighted()
    {
        var claim = await SeedAsync();

        var page = OpenYear(2026);

        page.WaitForElement("#insurance-balance");
        Assert.Equal("Situation au 15/03/2026", page.Find("#insurance-as-of").TextContent);
        // Called in 2026: 2 × 32 500,00 = 65 000,00; paid 32 500,00; the 15/04 call is not yet due, nothing outstanding.
        Assert.Equal("65\u00A0000,00\u00A0€", Amount(page, "Cotisations appelées"));
        Assert.Equal("32\u00A0500,00\u00A0€", Amount(page, "Cotisations payées"));
        Assert.Equal("0,00\u00A0€", Amount(page, "Cotisations échues restant à payer"));
        // The advance (40 000,00 − 15 000,00 = 25 000,00) dates from 2025; in 2026 only the 10 000,00 refund; 15 000,00 still to recover.
        Assert.Equal("0,00\u00A0€", Amount(page, "Avancé pour le compte de l'assureur"));
        Assert.Equal("10\u00A0000,00\u00A0€", Amount(page, "Remboursements reçus"));
        Assert.Equal("15\u00A0000,00\u00A0€", Amount(page, "Reste à recouvrer auprès de l'assureur"));
        // 10/12/2025 → 15/03/2026: 21 + 31 + 28 + 15 = 95 days, more than 90.
        var row = page.Find($"#insurance-claims tr[data-claim=\"{claim.Reference}\"]");
        Assert.Contains("overdue", row.ClassList);
        Assert.Contains("15\u00A0000,00\u00A0€ depuis le 10/12/2025 (95 j)", row.TextContent);
        Assert.Contains(claim.Reference, page.Find("#insurance-overdue").TextContent);
        Assert.Equal($"/assurance/sinistres/{claim.Id}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("/exports/assurance?annee=2026", page.Find("#insurance-export").GetAttribute("href"));
    }

    [Fact]
    public async Task A_policy_typed_without_insurer_and_with_a_fraction_of_a_cent_gets_French_messages_at_its_fields_then_is_recorded()
    {
        var page = OpenYear(2026);
        page.WaitForElement("#insurance-no-policy");

        page.Find("#insurance-new-policy").Click();
        Dialogs.WaitForElement("#policy-save");
        Dialogs.Find("#policy-number").Change("RCH-2026-0458");
        Dialogs.Find("#policy-start").Change("01/01/2026");
        Dialogs.Find("#policy-end").Change("31/12/2026");
        Dialogs.Find("#policy-deductible").Change("15000,005");
        Dialogs.Find("#policy-save").Click();

        Dialogs.WaitForAssertion(() => Assert.Contains("L'assureur est obligatoire.", Dialogs.Markup));
        Assert.Contains("Franchise par sinistre\u00A0: deux décimales au plus (les centimes).", Dialogs.Markup);
        await using (var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct))
            Assert.False(await db.InsurancePolicies.AnyAsync(Ct));

        Dialogs.Find("#policy-insurer").Change("Mutuelle hospitalière d'assurance");
        Dialogs.Find("#policy-deductible").Change("15000");
        Dialogs.Find("#policy-save").Click();

        page.WaitForAssertion(() => Assert.Contains("franchise par sinistre 15\u00A0000,00\u00A0€", page.Find("[data-policy=\"RCH-2026-0458\"]").TextContent));
        Assert.Empty(Dialogs.FindAll("#policy-save"));
    }
}
