namespace RelationsUsagers.Core.Clock;

/// <summary>
/// One line of a case's suspension log: a clock (or all clocks of the case) stopped for a reason, then resumed.
/// Append-only: once written only <see cref="EndedOn"/> and <see cref="EndedBy"/> may be set, once
/// (<see cref="LegalClockService"/> and a SQLite trigger both refuse anything else), so the log shows why a due date moved.
/// </summary>
public sealed class ClockSuspension
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseFileId { get; set; }
    /// <summary>A code of <see cref="DelaySettings"/>; null suspends every clock of the case.</summary>
    public string? ClockCode { get; set; }
    public string Reason { get; set; } = "";
    /// <summary>First suspended day.</summary>
    public DateOnly StartedOn { get; set; }
    /// <summary>Day the clock runs again (not suspended); null while the suspension is open.</summary>
    public DateOnly? EndedOn { get; set; }
    public string StartedBy { get; set; } = "";
    public string? EndedBy { get; set; }

    public bool IsOpen => EndedOn is null;

    public bool Applies(string code) => ClockCode is null || ClockCode == code;
}
