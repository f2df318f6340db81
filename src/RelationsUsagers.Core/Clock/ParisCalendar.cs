namespace RelationsUsagers.Core.Cases;

/// <summary>The office works on Paris dates: "today" and deadlines are Europe/Paris calendar days.</summary>
public static class ParisCalendar
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Local(clock.GetUtcNow()));

    public static DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>The UTC instant the Paris day <paramref name="day"/> begins (midnight is never skipped by a clock change in Paris).</summary>
    public static DateTime StartUtc(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);
}
