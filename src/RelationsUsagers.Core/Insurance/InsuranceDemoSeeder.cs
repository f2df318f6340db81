using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.Insurance;

/// <summary>
/// The demo's insurance ledger: last year's and this year's policy with their quarterly premium calls (the latest one due
/// still unpaid), and five of the demo's indemnity claims — one under the deductible, one advanced and partly refunded
/// with the rest awaited for more than 90 days, one paid by the insurer whose deductible the hospital still owes, one
/// settled last year, one recent advance just asked back. Dates count back from today; no random draw (the case
/// generator's stays untouched).
/// </summary>
public static class InsuranceDemoSeeder
{
    public const string Insurer = "Mutuelle hospitalière d'assurance";
    public const decimal Deductible = 15_000m;

    public static async Task<int> SeedAsync(IDbContextFactory<AppDbContext> factory, DateOnly today, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.InsurancePolicies.AnyAsync(ct))
            return 0;
        var claims = await db.IndemnityClaims.AsNoTracking().OrderBy(c => c.Reference).Select(c => c.Id).Take(5).ToListAsync(ct);
        var recordedAt = today.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);

        var policies = new[] { today.Year - 1, today.Year }.Select(year => new InsurancePolicy
        {
            Insurer = Insurer, Broker = "Cabinet Arcades Courtage", PolicyNumber = $"RCH-{year}-0458",
            StartsOn = new DateOnly(year, 1, 1), EndsOn = new DateOnly(year, 12, 31), DeductiblePerClaim = Deductible,
            RecordedAtUtc = recordedAt, RecordedBy = "manager",
        }).ToList();
        db.InsurancePolicies.AddRange(policies);

        // Quarterly calls; each paid a week after it fell due, but the latest one due, still awaited.
        var dueCalls = new List<PremiumCall>();
        foreach (var (policy, quarter) in policies.SelectMany(p => Enumerable.Range(1, 4).Select(q => (p, q))))
        {
            var due = new DateOnly(policy.StartsOn.Year, quarter * 3 - 2, 15);
            var call = new PremiumCall
            {
                PolicyId = policy.Id, Label = $"Échéance {quarter}/4", Amount = policy.StartsOn.Year == today.Year ? 32_500m : 31_250m, DueOn = due,
                RecordedAtUtc = recordedAt, RecordedBy = "manager",
            };
            if (due <= today)
                dueCalls.Add(call);
            db.PremiumCalls.Add(call);
        }
        foreach (var call in dueCalls.Take(dueCalls.Count - 1))
            (call.PaidOn, call.PaidAmount) = (Min(call.DueOn.AddDays(7), today), call.Amount);

        InsurancePolicy PolicyOn(DateOnly day) => policies.FirstOrDefault(p => p.Covers(day)) ?? policies[0];
        (LedgerEntryKind Kind, int DaysAgo, decimal Amount, string? Note)[][] stories =
        [
            [(LedgerEntryKind.HospitalPayment, 200, 3_200m, "Indemnisation amiable sous la franchise")],
            [(LedgerEntryKind.HospitalPayment, 160, 42_000m, "Transaction signée\u00A0; l'établissement verse la totalité"),
             (LedgerEntryKind.RefundRequested, 150, 27_000m, "Appel de la part de l'assureur au-delà de la franchise"),
             (LedgerEntryKind.RefundReceived, 60, 18_000m, "Virement partiel de l'assureur")],
            [(LedgerEntryKind.InsurerPayment, 120, 9_500m, "Réglé directement par l'assureur")],
            [(LedgerEntryKind.HospitalPayment, 350, 25_000m, null),
             (LedgerEntryKind.RefundRequested, 345, 10_000m, null),
             (LedgerEntryKind.RefundReceived, 300, 10_000m, null)],
            [(LedgerEntryKind.HospitalPayment, 40, 18_000m, "Provision versée après l'avis de la CCI"),
             (LedgerEntryKind.RefundRequested, 30, 3_000m, null)],
        ];
        for (var i = 0; i < Math.Min(claims.Count, stories.Length); i++)
        {
            var first = today.AddDays(-stories[i][0].DaysAgo);
            var cover = new ClaimCover { CaseFileId = claims[i], PolicyId = PolicyOn(first).Id, Deductible = Deductible, RecordedAtUtc = recordedAt, RecordedBy = "officer" };
            db.ClaimCovers.Add(cover);
            foreach (var (kind, daysAgo, amount, note) in stories[i])
                db.LedgerEntries.Add(new LedgerEntry
                {
                    ClaimCoverId = cover.Id, Kind = kind, On = today.AddDays(-daysAgo), Amount = amount, Note = note,
                    RecordedAtUtc = today.AddDays(-daysAgo).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), RecordedBy = "officer",
                });
        }
        await db.SaveChangesAsync(ct);
        return policies.Count;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
