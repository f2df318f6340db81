namespace RelationsUsagers.Core.Insurance;

/// <summary>
/// Where a claim stands with the insurer on a day, from its live entries up to that day (RULES §4 « franchise », §9). The
/// indemnity is what the victim received from both payers; the hospital bears it up to the deductible (its share), the
/// insurer the rest. What the hospital paid beyond its share is an advance the insurer owes back; what the insurer paid
/// within the deductible is owed to it by the hospital.
/// </summary>
public sealed record ClaimPosition(decimal Deductible, decimal PaidByHospital, decimal PaidByInsurer, decimal DeductiblePaid,
    decimal RefundsAsked, decimal Refunded)
{
    public decimal Indemnity => PaidByHospital + PaidByInsurer;
    public decimal HospitalShare => Math.Min(Indemnity, Deductible);
    public decimal InsurerShare => Indemnity - HospitalShare;
    /// <summary>Paid by the hospital beyond its share: the insurer's part, advanced.</summary>
    public decimal Advanced => Math.Max(0, PaidByHospital + DeductiblePaid - HospitalShare);
    /// <summary>The hospital's share the insurer paid and the hospital has not yet paid back.</summary>
    public decimal DeductibleOwed => Math.Max(0, HospitalShare - PaidByHospital - DeductiblePaid);
    /// <summary>The advance not yet refunded (negative if the insurer refunded more than was advanced).</summary>
    public decimal ToRecover => Advanced - Refunded;
    /// <summary>Advanced but not yet asked back from the insurer.</summary>
    public decimal NotYetAsked => Math.Max(0, Advanced - RefundsAsked);

    public static readonly ClaimPosition None = new(0, 0, 0, 0, 0, 0);
}

/// <summary>A refund request still (partly) unpaid on a day: asked on, how much, how much is still due, for how long.</summary>
public sealed record OpenRefund(DateOnly AskedOn, decimal Asked, decimal StillDue, int DaysOpen, bool Overdue);

/// <summary>
/// The ledger's rules, pure: positions of claims and the year's balance from the entries, calls and a day. Every sum is a
/// <see cref="decimal"/> sum in memory over whole cents, so it is exact (no floating point; SQLite keeps the cents as integers).
/// </summary>
public static class LedgerBalance
{
    /// <summary>The office's default: a refund asked more than 90 days ago and not received is chased (a setting).</summary>
    public const int DefaultRefundOverdueDays = 90;

    public static ClaimPosition Position(decimal deductible, IEnumerable<LedgerEntry> entries, DateOnly asOf)
    {
        decimal Sum(LedgerEntryKind kind) => Live(entries, asOf).Where(e => e.Kind == kind).Sum(e => e.Amount);
        return new ClaimPosition(deductible, Sum(LedgerEntryKind.HospitalPayment), Sum(LedgerEntryKind.InsurerPayment),
            Sum(LedgerEntryKind.DeductiblePaid), Sum(LedgerEntryKind.RefundRequested), Sum(LedgerEntryKind.RefundReceived));
    }

    /// <summary>
    /// The refund requests not fully paid on <paramref name="asOf"/>: each refund received pays the oldest request still
    /// open (first asked, first paid). A request open more than <paramref name="overdueAfterDays"/> days is overdue.
    /// </summary>
    public static IReadOnlyList<OpenRefund> OpenRefunds(IEnumerable<LedgerEntry> entries, DateOnly asOf, int overdueAfterDays)
    {
        var live = Live(entries, asOf).ToList();
        var received = live.Where(e => e.Kind == LedgerEntryKind.RefundReceived).Sum(e => e.Amount);
        var open = new List<OpenRefund>();
        foreach (var request in live.Where(e => e.Kind == LedgerEntryKind.RefundRequested).OrderBy(e => e.On).ThenBy(e => e.RecordedAtUtc))
        {
            var paid = Math.Min(received, request.Amount);
            received -= paid;
            if (paid == request.Amount)
                continue;
            var days = asOf.DayNumber - request.On.DayNumber;
            open.Add(new OpenRefund(request.On, request.Amount, request.Amount - paid, days, days > overdueAfterDays));
        }
        return open;
    }

    /// <summary>The refunds asked and not yet received on a day, in total (what <see cref="LedgerEntryValidator"/> bounds a receipt by).</summary>
    public static decimal OpenRefundTotal(IEnumerable<LedgerEntry> entries, DateOnly asOf) =>
        OpenRefunds(entries, asOf, int.MaxValue).Sum(r => r.StillDue);

    /// <summary>The day a year's balance is drawn: its 31 December, or today while the year runs.</summary>
    public static DateOnly AsOf(int year, DateOnly today)
    {
        var end = new DateOnly(year, 12, 31);
        return end < today ? end : today;
    }

    /// <summary>
    /// The balance of <paramref name="year"/> on <see cref="AsOf"/>: the flows of the year (premiums called by due date and
    /// paid by payment date; payments, advances, refunds by their dates, an advance or a share counted in the year it arose)
    /// and what is still outstanding that day.
    /// </summary>
    public static LedgerYear Year(int year, DateOnly today, IEnumerable<PremiumCall> calls, IEnumerable<(decimal Deductible, IReadOnlyList<LedgerEntry> Entries)> claims,
        int overdueAfterDays = DefaultRefundOverdueDays)
    {
        var asOf = AsOf(year, today);
        var before = new DateOnly(year - 1, 12, 31);
        var live = calls.Where(c => !c.Cancelled).ToList();
        var called = live.Where(c => c.DueOn.Year == year).Sum(c => c.Amount);
        var paid = live.Where(c => c.PaidOn is { } on && on.Year == year && on <= asOf).Sum(c => c.PaidAmount ?? 0);
        var unpaid = live.Where(c => c.DueOn <= asOf).Sum(c => c.Amount - (c.PaidOn is { } on && on <= asOf ? c.PaidAmount ?? 0 : 0));

        decimal charged = 0, hospital = 0, insurer = 0, deductiblePaid = 0, advanced = 0, asked = 0, refunded = 0, toRecover = 0, owed = 0;
        var overdue = 0;
        foreach (var (deductible, entries) in claims)
        {
            var end = Position(deductible, entries, asOf);
            var start = Position(deductible, entries, before);
            charged += end.HospitalShare - start.HospitalShare;
            hospital += end.PaidByHospital - start.PaidByHospital;
            insurer += end.PaidByInsurer - start.PaidByInsurer;
            deductiblePaid += end.DeductiblePaid - start.DeductiblePaid;
            advanced += end.Advanced - start.Advanced;
            asked += end.RefundsAsked - start.RefundsAsked;
            refunded += end.Refunded - start.Refunded;
            toRecover += end.ToRecover;
            owed += end.DeductibleOwed;
            overdue += OpenRefunds(entries, asOf, overdueAfterDays).Count(r => r.Overdue);
        }
        return new LedgerYear(year, asOf, called, paid, unpaid, charged, hospital, insurer, deductiblePaid, advanced, asked, refunded, toRecover,
            owed, overdue);
    }

    private static IEnumerable<LedgerEntry> Live(IEnumerable<LedgerEntry> entries, DateOnly asOf) =>
        entries.Where(e => !e.Cancelled && e.On <= asOf);
}

/// <summary>
/// A year of the ledger on <see cref="AsOf"/>. Flows of the year: premiums called and paid, the hospital's share of the
/// claims (deductibles), payments to victims, advances, refunds asked and received. Outstanding that day: premiums due
/// and unpaid, advances not refunded, deductibles owed to the insurer, overdue refund requests.
/// </summary>
public sealed record LedgerYear(int Year, DateOnly AsOf, decimal PremiumsCalled, decimal PremiumsPaid, decimal PremiumsOutstanding,
    decimal DeductiblesCharged, decimal PaidByHospital, decimal PaidByInsurer, decimal DeductiblesPaid, decimal Advanced, decimal RefundsAsked,
    decimal Refunded, decimal ToRecover, decimal DeductiblesOwed, int OverdueRefunds)
{
    /// <summary>What the hospital spent in the year, net of what came back: premiums, payments to victims and to the insurer, less refunds.</summary>
    public decimal NetOutflow => PremiumsPaid + PaidByHospital + DeductiblesPaid - Refunded;

    /// <summary>Each figure with its French label, in the order the page and the workbook show them.</summary>
    public IReadOnlyList<(string Label, decimal Amount)> Lines =>
    [
        ("Cotisations appelées", PremiumsCalled),
        ("Cotisations payées", PremiumsPaid),
        ("Cotisations échues restant à payer", PremiumsOutstanding),
        ("Franchises à la charge de l'établissement", DeductiblesCharged),
        ("Versé aux victimes par l'établissement", PaidByHospital),
        ("Versé aux victimes par l'assureur", PaidByInsurer),
        ("Franchises réglées à l'assureur", DeductiblesPaid),
        ("Avancé pour le compte de l'assureur", Advanced),
        ("Remboursements demandés", RefundsAsked),
        ("Remboursements reçus", Refunded),
        ("Reste à recouvrer auprès de l'assureur", ToRecover),
        ("Franchises restant dues à l'assureur", DeductiblesOwed),
        ("Solde des décaissements de l'exercice", NetOutflow),
    ];
}
