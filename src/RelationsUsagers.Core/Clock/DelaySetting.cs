namespace RelationsUsagers.Core.Clock;

/// <summary>
/// One row of the delay settings ("référentiel des délais"): durations live in a table, not in code, so that a
/// change in the law is a change of settings (the texts count calendar days).
/// </summary>
public sealed class DelaySetting
{
    /// <summary>Stable code, e.g. "access.8-days"; the key the clock looks for.</summary>
    public string Code { get; set; } = "";
    public int Duration { get; set; }
    public DelayUnit Unit { get; set; } = DelayUnit.Days;
    /// <summary>What starts the count: a code of <see cref="Cases.CaseEventTypes"/> or the name of a date field.</summary>
    public string StartEvent { get; set; } = "";
    /// <summary>Legal source shown next to the due date, e.g. "CSP art. L.1111-7 al.2".</summary>
    public string Article { get; set; } = "";
    /// <summary>French label shown to the officer.</summary>
    public string Label { get; set; } = "";
    /// <summary>
    /// A deadline due within this many days turns « proche »: two days for the office's short delays, more where a party
    /// must be warned well before (the implicit rejection of a claim, 15 days).
    /// </summary>
    public int WarningDays { get; set; } = DefaultWarningDays;

    public const int DefaultWarningDays = 2;

    /// <summary>
    /// The due date in calendar days (the CSP counts calendar days: no business-day logic; a weekend or holiday due date stays put).
    /// Months use <see cref="DateOnly.AddMonths"/>, which clamps to the month end: 31 Jan + 2 months = 31 Mar,
    /// 30 Dec + 2 months = 28/29 Feb. Hours on a date are rounded up to whole days.
    /// </summary>
    public DateOnly DueFrom(DateOnly start) => Unit switch
    {
        DelayUnit.Hours => start.AddDays((Duration + 23) / 24),
        DelayUnit.Days => start.AddDays(Duration),
        DelayUnit.Months => start.AddMonths(Duration),
        DelayUnit.Years => start.AddYears(Duration),
        _ => throw new InvalidOperationException($"Unité de délai inconnue : {Unit}."),
    };
}

public enum DelayUnit
{
    Hours = 1,
    Days = 2,
    Months = 3,
    Years = 4,
}

public static class DelayUnitLabels
{
    public static string Label(this DelayUnit unit) => unit switch
    {
        DelayUnit.Hours => "heures",
        DelayUnit.Days => "jours",
        DelayUnit.Months => "mois",
        DelayUnit.Years => "ans",
        _ => unit.ToString(),
    };
}
