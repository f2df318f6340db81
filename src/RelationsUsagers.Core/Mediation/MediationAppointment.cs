namespace RelationsUsagers.Core.Mediation;

/// <summary>
/// A meeting between the mediator(s) and the complainant (R.1112-93: within 8 days of the referral, before discharge if
/// hospitalised). Booked in the future; rescheduled or cancelled with a reason, each change kept in <see cref="History"/>.
/// </summary>
public sealed class MediationAppointment
{
    public const int DefaultMinutes = 60;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseFileId { get; set; }
    /// <summary>Paris wall-clock date and time of the meeting.</summary>
    public DateOnly Date { get; set; }
    public TimeOnly StartTime { get; set; }
    public int DurationMinutes { get; set; } = DefaultMinutes;
    public string Place { get; set; } = "";
    /// <summary>The mediators meeting the complainant (both for a mixed mediation, R.1112-92 al.2): CDU members' ids.</summary>
    public List<Guid> MediatorIds { get; set; } = [];
    /// <summary>Who is invited besides the complainant: relatives, the user representative accompanying, professionals.</summary>
    public bool ComplainantInvited { get; set; } = true;
    public string? Relatives { get; set; }
    public string? AccompanyingRepresentative { get; set; }
    public string? Professionals { get; set; }
    public MediationAppointmentStatus Status { get; set; } = MediationAppointmentStatus.Planned;
    /// <summary>Why the meeting is later than the 8 days of R.1112-93 or after the planned discharge.</summary>
    public string? LateReason { get; set; }
    public List<MediationAppointmentChange> History { get; set; } = [];
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public DateTime StartsAt => Date.ToDateTime(StartTime);
    public DateTime EndsAt => StartsAt.AddMinutes(DurationMinutes);

    public bool Overlaps(DateTime start, DateTime end) => StartsAt < end && start < EndsAt;
}

public enum MediationAppointmentStatus { Planned = 1, Held = 2, Cancelled = 3 }

/// <summary>One line of an appointment's history: booked, moved (from what), cancelled, held — who, when, why.</summary>
public sealed class MediationAppointmentChange
{
    public DateTime AtUtc { get; set; }
    public string By { get; set; } = "";
    public string What { get; set; } = "";
    public string? Reason { get; set; }
}

public static class MediationLabels
{
    public static string Label(this MediationAppointmentStatus status) => status switch
    {
        MediationAppointmentStatus.Planned => "Prévue",
        MediationAppointmentStatus.Held => "Tenue",
        MediationAppointmentStatus.Cancelled => "Annulée",
        _ => status.ToString(),
    };
}
