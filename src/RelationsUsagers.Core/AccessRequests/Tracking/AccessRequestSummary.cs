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

    public static AccessRequestSummary From(IEnumerable<AccessRequestDashboardRow> rows, DateOnly from, DateOnly to)
    {
        var tally = new AccessRequestTally(from, to);
        foreach (var row in rows)
            tally.Add(row);
        return tally.ToSummary();
    }
}

/// <summary>
/// The <see cref="AccessRequestSummary"/> counted line by line, as the lines stream past: the export never holds them all.
/// </summary>
public sealed class AccessRequestTally
{
    private readonly DateOnly _firstMonth;
    private readonly (int Received, int Sent)[] _months;
    private readonly Figures _eightDays = new(AccessRequestSummary.EightDaysLabel), _twoMonths = new(AccessRequestSummary.TwoMonthsLabel),
        _all = new(AccessRequestSummary.AllLabel), _noMode = new(AccessRequestSummary.NoModeLabel);
    // In the enums' order, as the sheet lists them.
    private readonly (RequesterCapacity Capacity, Figures Figures)[] _byCapacity =
        Enum.GetValues<RequesterCapacity>().Select(c => (c, new Figures(c.Label()))).ToArray();
    private readonly (CommunicationMode Mode, Figures Figures)[] _byMode =
        Enum.GetValues<CommunicationMode>().Select(m => (m, new Figures(m.Label()))).ToArray();
    private int _sent, _incomplete, _refused, _abandoned, _viaDoctor, _onSite;

    public AccessRequestTally(DateOnly from, DateOnly to)
    {
        _firstMonth = new DateOnly(from.Year, from.Month, 1);
        _months = new (int, int)[Math.Max(0, MonthIndex(to) + 1)];
    }

    public void Add(AccessRequestDashboardRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Count(MonthIndex(row.ReceivedOn), received: true);
        if (row.SentOn is { } sentOn)
            Count(MonthIndex(sentOn), received: false);
        // L.1111-7 al.2: 8 days for recent information, 2 months over five years or with the CDSP.
        (row.TwoMonths ? _twoMonths : _eightDays).Add(row);
        _all.Add(row);
        foreach (var (capacity, figures) in _byCapacity)
        {
            if (capacity == row.Capacity)
                figures.Add(row);
        }
        var byMode = _noMode;
        foreach (var (mode, figures) in _byMode)
        {
            if (mode == row.Mode)
                byMode = figures;
        }
        byMode.Add(row);
        if (row.IsSent)
            _sent++;
        // Never complete, never sent, neither refused nor abandoned (those are counted on their own): proofs still awaited.
        if (row.CompletedOn is null && !row.IsSent && row.Status is not (CaseStatus.Refused or CaseStatus.Abandoned))
            _incomplete++;
        if (row.Status == CaseStatus.Refused)
            _refused++;
        if (row.Status == CaseStatus.Abandoned)
            _abandoned++;
        if (row.IsSent && row.Mode == CommunicationMode.ViaDesignatedDoctor)
            _viaDoctor++;
        if (row.IsSent && row.Mode == CommunicationMode.OnSite)
            _onSite++;
    }

    public AccessRequestSummary ToSummary() => new(
        _months.Select((m, i) => new MonthFigures(_firstMonth.AddMonths(i), m.Received, m.Sent)).ToList(),
        _eightDays.ToFigures(), _twoMonths.ToFigures(), _all.ToFigures(),
        _byCapacity.Select(c => c.Figures.ToFigures()).ToList(),
        [.. _byMode.Select(m => m.Figures.ToFigures()), _noMode.ToFigures()],
        _all.Requests, _sent, _incomplete, _refused, _abandoned, _viaDoctor, _onSite);

    private int MonthIndex(DateOnly date) => (date.Year - _firstMonth.Year) * 12 + date.Month - _firstMonth.Month;

    /// <summary>Months of the period only: a copy sent after its end counts in no month.</summary>
    private void Count(int month, bool received)
    {
        if (month < 0 || month >= _months.Length)
            return;
        if (received)
            _months[month].Received++;
        else
            _months[month].Sent++;
    }

    /// <summary>Requests, copies sent, sent on time and the sum of their effective delays, for one breakdown line.</summary>
    private sealed class Figures(string label)
    {
        public int Requests { get; private set; }
        private int _sent, _onTime;
        private long _days;

        public void Add(AccessRequestDashboardRow row)
        {
            Requests++;
            if (!row.IsSent)
                return;
            _sent++;
            if (row.OnTime == true)
                _onTime++;
            _days += row.EffectiveDelayDays!.Value;
        }

        public DelayFigures ToFigures() => new(label, Requests, _sent, _onTime,
            _sent == 0 ? null : (double)_onTime / _sent,
            _sent == 0 ? null : (double)_days / _sent);
    }
}
