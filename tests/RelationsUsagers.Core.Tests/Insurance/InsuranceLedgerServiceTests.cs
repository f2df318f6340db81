using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Insurance;
using RelationsUsagers.Core.Security;
using static RelationsUsagers.Core.Tests.Insurance.InsuranceTestData;

namespace RelationsUsagers.Core.Tests.Insurance;

/// <summary>Recording the ledger: French messages at the fields, corrections that keep the old value with a reason, every change audited.</summary>
public abstract class InsuranceLedgerServiceTests : IAsyncLifetime
{
    protected abstract DatabaseProvider Provider { get; }

    private TestDatabase _database = null!;
    private InsuranceLedgerService _ledger = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider, Ct);
        _ledger = Service(_database);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private Task<InsurancePolicy> PolicyAsync() => _ledger.SavePolicyAsync(new InsurancePolicy
    {
        Insurer = "Mutuelle hospitalière d'assurance", PolicyNumber = "RCH-2026-0458", StartsOn = D(2026, 1, 1), EndsOn = D(2026, 12, 31),
        DeductiblePerClaim = 15_000m,
    }, ct: Ct);

    private static IEnumerable<(string, string)> Messages(FluentValidation.Results.ValidationResult result) =>
        result.Errors.Select(e => (e.PropertyName, e.ErrorMessage));

    [Fact]
    public void A_policy_without_insurer_ending_before_it_starts_with_a_fraction_of_a_cent_is_refused_in_French_at_each_field()
    {
        var draft = new InsurancePolicy { Insurer = " ", PolicyNumber = "RCH-1", StartsOn = D(2026, 1, 1), EndsOn = D(2025, 12, 31), DeductiblePerClaim = 15_000.005m };

        Assert.Equal(
            [
                (nameof(InsurancePolicy.Insurer), "L'assureur est obligatoire."),
                (nameof(InsurancePolicy.EndsOn), "La fin du contrat doit être postérieure à son début."),
                (nameof(InsurancePolicy.DeductiblePerClaim), "Franchise par sinistre\u00A0: deux décimales au plus (les centimes)."),
            ],
            Messages(new InsurancePolicyValidator().Validate(draft)));
    }

    [Fact]
    public void A_policy_without_its_dates_says_so_at_each_date()
    {
        Assert.Equal(
            [
                (nameof(InsurancePolicy.StartsOn), "La date de début du contrat est obligatoire."),
                (nameof(InsurancePolicy.EndsOn), "La date de fin du contrat est obligatoire."),
            ],
            Messages(new InsurancePolicyValidator().Validate(new InsurancePolicy { Insurer = "Mutuelle", PolicyNumber = "RCH-1", DeductiblePerClaim = 0m })));
    }

    [Fact]
    public void A_payment_above_the_call_or_without_its_date_is_refused_at_the_field()
    {
        var call = new PremiumCall { Label = "Échéance 1/4", Amount = 12_500m, DueOn = D(2026, 1, 15), PaidAmount = 12_500.01m };

        Assert.Equal(
            [
                (nameof(PremiumCall.PaidOn), "Indiquez la date du paiement."),
                (nameof(PremiumCall.PaidAmount), "Le montant payé ne peut pas dépasser le montant appelé (12\u00A0500,00\u00A0€)."),
            ],
            Messages(new PremiumCallValidator(TestDatabase.Today).Validate(call)));
        Assert.Equal([(nameof(PremiumCall.Amount), "Montant appelé\u00A0: indiquez un montant supérieur à zéro.")],
            Messages(new PremiumCallValidator(TestDatabase.Today).Validate(new PremiumCall { Label = "Échéance 1/4", Amount = 0, DueOn = D(2026, 1, 15) })));
        // Paid tomorrow: not yet.
        Assert.Equal([(nameof(PremiumCall.PaidOn), "La date de paiement ne peut pas être dans le futur.")],
            Messages(new PremiumCallValidator(TestDatabase.Today).Validate(new PremiumCall
            {
                Label = "Échéance 1/4", Amount = 100m, DueOn = D(2026, 1, 15), PaidOn = TestDatabase.Today.AddDays(1), PaidAmount = 100m,
            })));
    }

    [Fact]
    public async Task A_refund_received_beyond_what_was_asked_or_dated_tomorrow_is_refused_and_nothing_is_written()
    {
        var policy = await PolicyAsync();
        var claim = await ClaimAsync(_database, D(2026, 1, 5), "SIN-26-0001", Ct);
        var cover = await _ledger.SaveCoverAsync(new ClaimCover { CaseFileId = claim.Id, PolicyId = policy.Id, Deductible = 15_000m }, ct: Ct);
        await _ledger.SaveEntryAsync(new LedgerEntry { ClaimCoverId = cover.Id, Kind = LedgerEntryKind.HospitalPayment, On = D(2026, 2, 1), Amount = 20_000m }, ct: Ct);
        await _ledger.SaveEntryAsync(new LedgerEntry { ClaimCoverId = cover.Id, Kind = LedgerEntryKind.RefundRequested, On = D(2026, 2, 2), Amount = 5_000m }, ct: Ct);

        var tooMuch = new LedgerEntry { ClaimCoverId = cover.Id, Kind = LedgerEntryKind.RefundReceived, On = D(2026, 3, 16), Amount = 5_000.01m };

        Assert.Equal(
            [
                (nameof(LedgerEntry.On), "La date de l'écriture ne peut pas être dans le futur."),
                (nameof(LedgerEntry.Amount), "Le remboursement dépasse les demandes en attente (5\u00A0000,00\u00A0€)."),
            ],
            Messages(await _ledger.ValidateEntryAsync(tooMuch, Ct)));
        await Assert.ThrowsAsync<CaseRuleException>(() => _ledger.SaveEntryAsync(tooMuch, ct: Ct));
        await using var db = _database.CreateContext();
        Assert.Equal(2, await db.LedgerEntries.CountAsync(Ct));
    }

    [Fact]
    public async Task Changing_a_recorded_deductible_needs_a_reason_which_is_kept_with_the_old_value_and_audited()
    {
        var policy = await PolicyAsync();
        var corrected = new InsurancePolicy
        {
            Id = policy.Id, Insurer = policy.Insurer, PolicyNumber = policy.PolicyNumber, StartsOn = policy.StartsOn, EndsOn = policy.EndsOn,
            DeductiblePerClaim = 20_000m,
        };

        var refused = await Assert.ThrowsAsync<CaseRuleException>(() => _ledger.SavePolicyAsync(corrected, " ", Ct));
        Assert.Equal("Le motif de la correction est obligatoire\u00A0: franchise par sinistre déjà enregistré(s).", refused.Message);

        await _ledger.SavePolicyAsync(corrected, "Avenant n° 2 du 01/03/2026", Ct);

        await using var db = _database.CreateContext();
        Assert.Equal(20_000m, (await db.InsurancePolicies.SingleAsync(Ct)).DeductiblePerClaim);
        var kept = await db.LedgerCorrections.SingleAsync(Ct);
        Assert.Equal(("Contrat RCH-2026-0458", "Franchise par sinistre", "15\u00A0000,00\u00A0€", "20\u00A0000,00\u00A0€", "Avenant n° 2 du 01/03/2026", TestDatabase.DefaultUserName),
            (kept.Subject, kept.Field, kept.OldValue, kept.NewValue, kept.Reason, kept.UserName));
        var audit = await db.AuditEntries.Where(a => a.Action == AuditActions.InsuranceLedgerCorrected).SingleAsync(Ct);
        Assert.Equal("Contrat RCH-2026-0458 — Franchise par sinistre\u00A0: 15\u00A0000,00\u00A0€ → 20\u00A0000,00\u00A0€ (motif\u00A0: Avenant n° 2 du 01/03/2026)", audit.Details);
    }

    [Fact]
    public async Task Recording_a_payment_on_a_call_needs_no_reason_but_changing_it_afterwards_does()
    {
        var policy = await PolicyAsync();
        var call = await _ledger.SaveCallAsync(new PremiumCall { PolicyId = policy.Id, Label = "Échéance 1/4", Amount = 32_500m, DueOn = D(2026, 1, 15) }, ct: Ct);

        call.PaidOn = D(2026, 1, 20);
        call.PaidAmount = 32_500m;
        await _ledger.SaveCallAsync(call, ct: Ct);
        call.PaidAmount = 32_000m;
        await Assert.ThrowsAsync<CaseRuleException>(() => _ledger.SaveCallAsync(call, null, Ct));
        await _ledger.SaveCallAsync(call, "Virement rejeté pour 500,00 € : montant réellement débité.", Ct);

        await using var db = _database.CreateContext();
        var correction = await db.LedgerCorrections.SingleAsync(Ct);
        Assert.Equal(("Montant payé", "32\u00A0500,00\u00A0€", "32\u00A0000,00\u00A0€"), (correction.Field, correction.OldValue, correction.NewValue));
        // The policy, then the call created, paid, corrected: the correction under its own action.
        Assert.Equal([AuditActions.InsuranceLedger, AuditActions.InsuranceLedger, AuditActions.InsuranceLedger, AuditActions.InsuranceLedgerCorrected],
            await db.AuditEntries.Where(a => a.Action.StartsWith("Assurance")).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_cancelled_entry_stays_with_its_reason_out_of_the_sums_and_its_claim_s_journal_shows_it()
    {
        var policy = await PolicyAsync();
        var claim = await ClaimAsync(_database, D(2026, 1, 5), "SIN-26-0002", Ct);
        var cover = await _ledger.SaveCoverAsync(new ClaimCover { CaseFileId = claim.Id, PolicyId = policy.Id, Deductible = 15_000m }, ct: Ct);
        var entry = await _ledger.SaveEntryAsync(new LedgerEntry { ClaimCoverId = cover.Id, Kind = LedgerEntryKind.HospitalPayment, On = D(2026, 2, 1), Amount = 2_500m }, ct: Ct);

        await Assert.ThrowsAsync<CaseRuleException>(() => _ledger.CancelEntryAsync(entry.Id, "", Ct));
        await _ledger.CancelEntryAsync(entry.Id, "Versement annulé par la trésorerie.", Ct);

        var ledger = await _ledger.GetClaimAsync(claim.Id, Ct);
        Assert.NotNull(ledger);
        Assert.True(Assert.Single(ledger.Entries).Cancelled);
        Assert.Equal(0m, ledger.Position.PaidByHospital);
        var correction = Assert.Single(await _ledger.CorrectionsAsync(claim.Id, Ct));
        Assert.Equal(("Annulation", "2\u00A0500,00\u00A0€", "annulé", "Versement annulé par la trésorerie."),
            (correction.Field, correction.OldValue, correction.NewValue, correction.Reason));
        await using var db = _database.CreateContext();
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.CaseFileId == claim.Id && a.Action.StartsWith("Assurance"), Ct));
    }

    [Fact]
    public async Task A_claim_is_put_in_the_ledger_once_and_only_an_indemnity_claim()
    {
        var policy = await PolicyAsync();
        var claim = await ClaimAsync(_database, D(2026, 1, 5), null, Ct);
        var complaint = await _database.CreateService().CreateAsync(TestCases.Complaint(), Ct);
        await _ledger.SaveCoverAsync(new ClaimCover { CaseFileId = claim.Id, PolicyId = policy.Id, Deductible = 15_000m }, ct: Ct);

        var twice = await Assert.ThrowsAsync<CaseRuleException>(() =>
            _ledger.SaveCoverAsync(new ClaimCover { CaseFileId = claim.Id, PolicyId = policy.Id, Deductible = 15_000m }, ct: Ct));
        Assert.Equal($"Le dossier {claim.Reference} est déjà inscrit au registre de l'assurance.", twice.Message);
        var notAClaim = await Assert.ThrowsAsync<CaseRuleException>(() =>
            _ledger.SaveCoverAsync(new ClaimCover { CaseFileId = complaint.Id, PolicyId = policy.Id, Deductible = 15_000m }, ct: Ct));
        Assert.Equal("Ce dossier n'est pas une demande d'indemnisation.", notAClaim.Message);
        Assert.Empty(await _ledger.UncoveredClaimsAsync(Ct));
    }

    [Fact]
    public async Task The_demo_ledger_has_two_policies_partly_paid_an_advance_partly_refunded_and_a_refund_awaited_too_long()
    {
        await RelationsUsagers.Core.Data.DemoSeed.DemoCaseSeeder.SeedAsync(_database.Factory, 40, _database.Clock, Ct);

        Assert.Equal(2, await InsuranceDemoSeeder.SeedAsync(_database.Factory, TestDatabase.Today, Ct));
        Assert.Equal(0, await InsuranceDemoSeeder.SeedAsync(_database.Factory, TestDatabase.Today, Ct));

        var year = await _ledger.GetYearAsync(2026, Ct);
        // Last year's policy is all paid in its year: this year shows this year's.
        Assert.Equal(["RCH-2026-0458"], year.Policies.Select(p => p.Policy.PolicyNumber));
        Assert.Equal(4, (await _ledger.GetYearAsync(2025, Ct)).Policies.Single().Calls.Count(c => c.PaidOn is not null));
        // 15/03/2026: only 15/01/2026's call has fallen due this year, and it is the one left unpaid (32 500,00).
        Assert.Equal((32_500m * 4, 0m, 32_500m), (year.Balance.PremiumsCalled, year.Balance.PremiumsPaid, year.Balance.PremiumsOutstanding));
        var advanced = Assert.Single(year.Claims, c => c.Position.Refunded > 0 && c.Position.ToRecover > 0);
        // 42 000,00 paid, 15 000,00 share → 27 000,00 advanced, 18 000,00 refunded, 9 000,00 awaited since 150 days.
        Assert.Equal((27_000m, 18_000m, 9_000m), (advanced.Position.Advanced, advanced.Position.Refunded, advanced.Position.ToRecover));
        Assert.True(advanced.HasOverdueRefund);
        Assert.Contains(year.Claims, c => c.Position.DeductibleOwed == 9_500m);
    }
}

public sealed class SqliteInsuranceLedgerServiceTests : InsuranceLedgerServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlInsuranceLedgerServiceTests : InsuranceLedgerServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
