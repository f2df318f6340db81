using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Insurance;

namespace RelationsUsagers.Core.Tests.Insurance;

/// <summary>
/// The year 2025 of a hospital's insurance ledger, recorded through the service (validation and audit run), as of the test
/// databases' today (15/03/2026). The figures are worked out by hand in <see cref="LedgerBalanceTests"/>.
/// </summary>
internal static class InsuranceTestData
{
    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static InsuranceLedgerService Service(TestDatabase database, int overdueDays = 90) =>
        new(database.Factory, database.Clock, new InsuranceOptions(overdueDays));

    public sealed record Year2025(InsurancePolicy Policy2024, InsurancePolicy Policy2025, IndemnityClaim A, IndemnityClaim B, IndemnityClaim C, IndemnityClaim D);

    public static async Task<IndemnityClaim> ClaimAsync(TestDatabase database, DateOnly received, string? insurerReference, CancellationToken ct)
    {
        var draft = TestCases.IndemnityClaim(received);
        draft.InsurerName = "Mutuelle hospitalière d'assurance";
        draft.InsurerClaimNumber = insurerReference;
        return (IndemnityClaim)await database.CreateService().CreateAsync(draft, ct);
    }

    public static async Task<Year2025> SeedAsync(TestDatabase database, CancellationToken ct)
    {
        var ledger = Service(database);
        var p2024 = await ledger.SavePolicyAsync(new InsurancePolicy
        {
            Insurer = "Mutuelle hospitalière d'assurance", Broker = "Cabinet Arcades Courtage", PolicyNumber = "RCH-2024-0458",
            StartsOn = D(2024, 1, 1), EndsOn = D(2024, 12, 31), DeductiblePerClaim = 15_000m,
        }, ct: ct);
        var p2025 = await ledger.SavePolicyAsync(new InsurancePolicy
        {
            Insurer = "Mutuelle hospitalière d'assurance", Broker = "Cabinet Arcades Courtage", PolicyNumber = "RCH-2025-0458",
            StartsOn = D(2025, 1, 1), EndsOn = D(2025, 12, 31), DeductiblePerClaim = 15_000m,
        }, ct: ct);
        await ledger.SaveCallAsync(new PremiumCall { PolicyId = p2024.Id, Label = "Échéance 4/4", Amount = 10_000m, DueOn = D(2024, 10, 15), PaidOn = D(2025, 1, 15), PaidAmount = 10_000m }, ct: ct);
        await ledger.SaveCallAsync(new PremiumCall { PolicyId = p2025.Id, Label = "Échéance 1/4", Amount = 12_500m, DueOn = D(2025, 1, 15), PaidOn = D(2025, 1, 20), PaidAmount = 12_500m }, ct: ct);
        await ledger.SaveCallAsync(new PremiumCall { PolicyId = p2025.Id, Label = "Échéance 2/4", Amount = 12_500m, DueOn = D(2025, 4, 15), PaidOn = D(2025, 4, 22), PaidAmount = 12_500m }, ct: ct);
        await ledger.SaveCallAsync(new PremiumCall { PolicyId = p2025.Id, Label = "Échéance 3/4", Amount = 12_500m, DueOn = D(2025, 7, 15), PaidOn = D(2025, 7, 25), PaidAmount = 12_000.50m }, ct: ct);
        await ledger.SaveCallAsync(new PremiumCall { PolicyId = p2025.Id, Label = "Échéance 4/4", Amount = 12_500m, DueOn = D(2025, 10, 15) }, ct: ct);
        var twice = await ledger.SaveCallAsync(new PremiumCall { PolicyId = p2025.Id, Label = "Appel en double", Amount = 12_500m, DueOn = D(2025, 1, 15) }, ct: ct);
        await ledger.CancelCallAsync(twice.Id, "Appel émis deux fois par l'assureur.", ct);

        var a = await ClaimAsync(database, D(2025, 1, 6), "SIN-25-0101", ct);
        var b = await ClaimAsync(database, D(2025, 2, 3), "SIN-25-0188", ct);
        var c = await ClaimAsync(database, D(2025, 5, 12), null, ct);
        var d = await ClaimAsync(database, D(2024, 6, 3), "SIN-24-0777", ct);
        async Task<ClaimCover> Cover(IndemnityClaim claim, InsurancePolicy policy) =>
            await ledger.SaveCoverAsync(new ClaimCover { CaseFileId = claim.Id, PolicyId = policy.Id, Deductible = 15_000m }, ct: ct);
        async Task<LedgerEntry> Entry(ClaimCover cover, LedgerEntryKind kind, DateOnly on, decimal amount) =>
            await ledger.SaveEntryAsync(new LedgerEntry { ClaimCoverId = cover.Id, Kind = kind, On = on, Amount = amount }, ct: ct);

        var coverA = await Cover(a, p2025);
        await Entry(coverA, LedgerEntryKind.HospitalPayment, D(2025, 3, 10), 3_200m);
        var mistake = await Entry(coverA, LedgerEntryKind.HospitalPayment, D(2025, 5, 1), 1_000_000m);
        await ledger.CancelEntryAsync(mistake.Id, "Montant saisi par erreur (un million au lieu de mille euros, versement jamais fait).", ct);

        var coverB = await Cover(b, p2025);
        await Entry(coverB, LedgerEntryKind.HospitalPayment, D(2025, 6, 16), 40_000m);
        await Entry(coverB, LedgerEntryKind.RefundRequested, D(2025, 6, 20), 25_000m);
        await Entry(coverB, LedgerEntryKind.RefundReceived, D(2025, 9, 10), 18_750.25m);

        var coverC = await Cover(c, p2025);
        await Entry(coverC, LedgerEntryKind.InsurerPayment, D(2025, 10, 1), 8_000m);
        await Entry(coverC, LedgerEntryKind.DeductiblePaid, D(2025, 12, 15), 5_000m);

        var coverD = await Cover(d, p2024);
        await Entry(coverD, LedgerEntryKind.HospitalPayment, D(2024, 11, 10), 20_000m);
        await Entry(coverD, LedgerEntryKind.RefundRequested, D(2024, 11, 15), 5_000m);
        await Entry(coverD, LedgerEntryKind.RefundReceived, D(2025, 2, 20), 5_000m);
        return new Year2025(p2024, p2025, a, b, c, d);
    }
}
