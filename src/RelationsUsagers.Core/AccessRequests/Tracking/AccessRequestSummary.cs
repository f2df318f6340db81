using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.AccessRequests.Tracking;

/// <summary>One line of a breakdown: requests, copies sent, sent on time, rate and average effective delay.</summary>
public sealed record DelayFigures(string Label, int Requests, int Sent, int OnTime, double? OnTimeRate, double? AverageDelayDays);

/// <summary>Requests received and copies sent in one month (of the requests received in the period).</summary>
public sealed record MonthFigures(DateOnly Month, int Received, int Sent);

/// <summary>
/// The figures of the CDU annual report on record access (CSP R.1112-80 II 1° c; usual ARS indicators),
/// computed from the dashboard lines so that the summary and the table never disagree.
/// </summary>
public sealed record AccessRequestSummary(
    IReadOnlyList<MonthFigures> Months,
    DelayFigures EightDays,
    DelayFigures TwoMonths,
    DelayFigures All,
    IReadOnlyList<DelayFigures> ByCapacity,
    IReadOnlyList<DelayFigures> ByMode,
    int Received,
    int Sent,
    int Incomplete,
    int Refused,
    int Abandoned,
    int ViaDoctor,
    int OnSite)
{
    public const string EightDaysLabel = "Moins de 5 ans (8 jours)";
    public const string TwoMonthsLabel = "Plus de 5 ans ou CDSP (2 mois)";
    public const string AllLabel = "Ensemble";
    public const string NoModeLabel = "Non renseigné";

    public static AccessRequestSummary From(IReadOnlyList<AccessRequestDashboardRow> rows, DateOnly from, DateOnly to)
    {
        var months = new List<MonthFigures>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var m = month;
            months.Add(new MonthFigures(m,
                rows.Count(r => SameMonth(r.ReceivedOn, m)),
                rows.Count(r => r.SentOn is { } s && SameMonth(s, m))));
        }
        return new AccessRequestSummary(
            months,
            // L.1111-7 al.2: 8 days for recent information, 2 months over five years or with the CDSP.
            Figures(EightDaysLabel, rows.Where(r => !r.TwoMonths)),
            Figures(TwoMonthsLabel, rows.Where(r => r.TwoMonths)),
            Figures(AllLabel, rows),
            Enum.GetValues<RequesterCapacity>().Select(c => Figures(c.Label(), rows.Where(r => r.Capacity == c))).ToList(),
            Enum.GetValues<CommunicationMode>().Select(m => Figures(m.Label(), rows.Where(r => r.Mode == m)))
                .Append(Figures(NoModeLabel, rows.Where(r => r.Mode is null))).ToList(),
            rows.Count,
            rows.Count(r => r.IsSent),
            // Never complete, never sent, neither refused nor abandoned (those are counted on their own): proofs still awaited.
            rows.Count(r => r.CompletedOn is null && !r.IsSent && r.Status is not (CaseStatus.Refused or CaseStatus.Abandoned)),
            rows.Count(r => r.Status == CaseStatus.Refused),
            rows.Count(r => r.Status == CaseStatus.Abandoned),
            rows.Count(r => r.IsSent && r.Mode == CommunicationMode.ViaDesignatedDoctor),
            rows.Count(r => r.IsSent && r.Mode == CommunicationMode.OnSite));
    }

    private static bool SameMonth(DateOnly date, DateOnly month) => date.Year == month.Year && date.Month == month.Month;

    private static DelayFigures Figures(string label, IEnumerable<AccessRequestDashboardRow> rows)
    {
        var list = rows.ToList();
        var sent = list.Where(r => r.IsSent).ToList();
        var onTime = sent.Count(r => r.OnTime == true);
        return new DelayFigures(label, list.Count, sent.Count, onTime,
            sent.Count == 0 ? null : (double)onTime / sent.Count,
            sent.Count == 0 ? null : sent.Average(r => (double)r.EffectiveDelayDays!.Value));
    }
}
