using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Insurance;
using static RelationsUsagers.Core.Tests.Insurance.InsuranceTestData;

namespace RelationsUsagers.Core.Tests.Insurance;

/// <summary>The ledger's rules (RULES §4 « franchise », §9), each figure worked out by hand.</summary>
public abstract class LedgerBalanceTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static LedgerEntry E(LedgerEntryKind kind, DateOnly on, decimal amount, bool cancelled = false) =>
        new() { Kind = kind, On = on, Amount = amount, Cancelled = cancelled, RecordedAtUtc = on.ToDateTime(TimeOnly.MinValue) };

    [Fact]
    public async Task The_2025_balance_with_instalments_an_advance_and_a_partial_refund_is_the_one_worked_out_by_hand()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        await SeedAsync(database, Ct);

        // Drawn on 15/03/2026 for 2025: the situation at 31/12/2025.
        var year = (await Service(database).GetYearAsync(2025, Ct)).Balance;

        Assert.Equal(D(2025, 12, 31), year.AsOf);
        // Called in 2025 (by due date): 4 instalments × 12 500,00 = 50 000,00; the call made twice is cancelled, out of the sums;
        // 2024's last instalment was called in 2024.
        Assert.Equal(50_000.00m, year.PremiumsCalled);
        // Paid in 2025 (by payment date): 10 000,00 (2024's 4/4, paid 15/01/2025) + 12 500,00 + 12 500,00 + 12 000,50 = 47 000,50.
        Assert.Equal(47_000.50m, year.PremiumsPaid);
        // Due by 31/12/2025 and unpaid: 3/4 short by 12 500,00 − 12 000,50 = 499,50, plus 4/4 unpaid 12 500,00 = 12 999,50.
        Assert.Equal(12_999.50m, year.PremiumsOutstanding);
        // The hospital's share (up to the 15 000,00 deductible) arising in 2025: A 3 200,00 (under the deductible)
        // + B 15 000,00 (40 000,00 paid, capped) + C 8 000,00 (insurer paid 8 000,00, all within the deductible)
        // + D 0 (its share arose in 2024) = 26 200,00.
        Assert.Equal(26_200.00m, year.DeductiblesCharged);
        // Paid to victims by the hospital in 2025: A 3 200,00 + B 40 000,00 = 43 200,00 (A's 1 000 000,00 entry is cancelled).
        Assert.Equal(43_200.00m, year.PaidByHospital);
        Assert.Equal(8_000.00m, year.PaidByInsurer);
        Assert.Equal(5_000.00m, year.DeductiblesPaid);
        // Advanced in 2025: B paid 40 000,00 for a share of 15 000,00 → 25 000,00; D's 5 000,00 advance dates from 2024.
        Assert.Equal(25_000.00m, year.Advanced);
        Assert.Equal(25_000.00m, year.RefundsAsked);
        // Received in 2025: B 18 750,25 (partial) + D 5 000,00 = 23 750,25.
        Assert.Equal(23_750.25m, year.Refunded);
        // Still to recover at 31/12/2025: B 25 000,00 − 18 750,25 = 6 249,75; D 5 000,00 − 5 000,00 = 0.
        Assert.Equal(6_249.75m, year.ToRecover);
        // C: share 8 000,00 paid by the insurer, 5 000,00 paid back → 3 000,00 still owed to the insurer.
        Assert.Equal(3_000.00m, year.DeductiblesOwed);
        // B's request of 20/06/2025 is open 194 days at 31/12/2025 (10 + 31 + 31 + 30 + 31 + 30 + 31) > 90.
        Assert.Equal(1, year.OverdueRefunds);
        // Premiums 47 000,50 + to victims 43 200,00 + deductible to the insurer 5 000,00 − refunds 23 750,25 = 71 450,25.
        Assert.Equal(71_450.25m, year.NetOutflow);
    }

    [Fact]
    public async Task Each_claim_has_the_share_of_each_payer_and_its_open_refund_with_its_age()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var seeded = await SeedAsync(database, Ct);

        var year = await Service(database).GetYearAsync(2025, Ct);

        var b = year.Claims.Single(c => c.CaseFileId == seeded.B.Id);
        Assert.Equal(("SIN-25-0188", "RCH-2025-0458"), (b.InsurerReference, b.Policy.PolicyNumber));
        // 40 000,00 paid: the hospital's share 15 000,00 (the deductible), the insurer's 25 000,00.
        Assert.Equal((40_000m, 15_000m, 25_000m), (b.Position.Indemnity, b.Position.HospitalShare, b.Position.InsurerShare));
        Assert.Equal([new OpenRefund(D(2025, 6, 20), 25_000m, 6_249.75m, 194, true)], b.OpenRefunds);
        // The policies of 2025: 2024's because its last call was paid in 2025.
        Assert.Equal(["RCH-2024-0458", "RCH-2025-0458"], year.Policies.Select(p => p.Policy.PolicyNumber));
        Assert.Equal(4, year.Claims.Count);
    }

    [Fact]
    public void A_refund_asked_90_days_ago_is_not_yet_overdue_91_days_ago_it_is()
    {
        // 01/01/2026 + 90 days = 01/04/2026 (31 + 28 + 31); the next day it is overdue.
        LedgerEntry[] entries = [E(LedgerEntryKind.HospitalPayment, D(2025, 12, 1), 20_000m), E(LedgerEntryKind.RefundRequested, D(2026, 1, 1), 5_000m)];

        Assert.Equal(new OpenRefund(D(2026, 1, 1), 5_000m, 5_000m, 90, false), Assert.Single(LedgerBalance.OpenRefunds(entries, D(2026, 4, 1), 90)));
        Assert.Equal(new OpenRefund(D(2026, 1, 1), 5_000m, 5_000m, 91, true), Assert.Single(LedgerBalance.OpenRefunds(entries, D(2026, 4, 2), 90)));
    }

    [Fact]
    public void A_refund_received_pays_the_oldest_request_first()
    {
        LedgerEntry[] entries =
        [
            E(LedgerEntryKind.RefundRequested, D(2026, 2, 1), 10_000m), E(LedgerEntryKind.RefundRequested, D(2026, 3, 1), 5_000m),
            E(LedgerEntryKind.RefundReceived, D(2026, 3, 10), 12_000m),
        ];

        // 12 000,00 pays the 10 000,00 of 01/02 in full and 2 000,00 of the 5 000,00 of 01/03: 3 000,00 open, 14 days at 15/03.
        Assert.Equal([new OpenRefund(D(2026, 3, 1), 5_000m, 3_000m, 14, false)], LedgerBalance.OpenRefunds(entries, D(2026, 3, 15), 90));
        Assert.Equal(3_000m, LedgerBalance.OpenRefundTotal(entries, D(2026, 3, 15)));
    }

    [Fact]
    public void Sums_of_cents_are_exact_where_floating_point_would_drift()
    {
        // Ten payments of 0,10: 1,00 exactly (in double, 0.1 added ten times is 0.9999999999999999).
        var entries = Enumerable.Range(1, 10).Select(d => E(LedgerEntryKind.HospitalPayment, D(2026, 1, d), 0.10m)).ToList();

        var position = LedgerBalance.Position(0.50m, entries, D(2026, 1, 31));

        Assert.Equal((1.00m, 0.50m, 0.50m, 0.50m), (position.PaidByHospital, position.HospitalShare, position.InsurerShare, position.Advanced));
        Assert.NotEqual(1.0, Enumerable.Repeat(0.1, 10).Sum());
    }

    [Fact]
    public void Amounts_are_written_the_French_way()
    {
        Assert.Equal("1\u00A0234,56\u00A0€", Euros.Format(1_234.56m));
        Assert.Equal("0,50\u00A0€", Euros.Format(0.5m));
        Assert.Equal("—", Euros.Format((decimal?)null));
    }
}

public sealed class SqliteLedgerBalanceTests : LedgerBalanceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlLedgerBalanceTests : LedgerBalanceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
