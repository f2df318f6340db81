namespace RelationsUsagers.Core.Cdu;

/// <summary>A meeting (séance) of the CDU: CSP R.1112-88 (convened at least once a quarter, agenda sent 8 days before).</summary>
public sealed class CduMeeting
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateOnly Date { get; set; }
    public string Place { get; set; } = "";
    /// <summary>R.1112-88: in an emergency the convocation may be shorter, but not less than one clear day.</summary>
    public bool IsUrgent { get; set; }
    /// <summary>The day the convocation and the agenda were sent; null while the meeting is only planned.</summary>
    public DateOnly? ConvocationSentOn { get; set; }
    public DateOnly? AgendaPublishedOn { get; set; }
    public CduMeetingStatus Status { get; set; } = CduMeetingStatus.Planned;
    /// <summary>The minutes (procès-verbal), recorded once the meeting was held.</summary>
    public string? Minutes { get; set; }
    /// <summary>Optimistic concurrency: replaced on every save by the services, checked by EF Core.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<AgendaItem> Agenda { get; set; } = [];
    public List<CduAttendance> Attendance { get; set; } = [];
}

public enum CduMeetingStatus { Planned = 1, AgendaPublished = 2, Held = 3, Cancelled = 4 }

/// <summary>One member's presence at a meeting (CSP R.1112-88: attendance list, full member / deputy / excused).</summary>
public sealed class CduAttendance
{
    public Guid MeetingId { get; set; }
    public Guid MemberId { get; set; }
    public CduPresence Presence { get; set; } = CduPresence.Present;
}

/// <summary>
/// <see cref="DeputyReplacing"/> is recorded on the full member: absent, his seat taken by his deputy (R.1112-87);
/// the attendance rate counts his seat as filled.
/// </summary>
public enum CduPresence { Present = 1, DeputyReplacing = 2, Excused = 3, Absent = 4 }

/// <summary>The meeting rules of R.1112-88, as pure functions so that the planner can warn while the officer types.</summary>
public static class CduMeetingRules
{
    /// <summary>R.1112-88: the agenda is sent at least 8 days before the meeting.</summary>
    public const int ConvocationDays = 8;
    /// <summary>R.1112-88: in an emergency, not less than one clear day: sent on D, the meeting is on D+2 at the earliest.</summary>
    public const int UrgentConvocationDays = 2;

    /// <summary>The last day the convocation may be sent for a meeting on <paramref name="meetingOn"/>.</summary>
    public static DateOnly LatestConvocationOn(DateOnly meetingOn, bool isUrgent) =>
        meetingOn.AddDays(-(isUrgent ? UrgentConvocationDays : ConvocationDays));

    /// <summary>Null when the convocation respects R.1112-88, otherwise the French reason.</summary>
    public static string? ConvocationProblem(DateOnly meetingOn, DateOnly? convocationSentOn, bool isUrgent)
    {
        if (convocationSentOn is not { } sent)
            return "La date d'envoi de la convocation est obligatoire.";
        if (sent > meetingOn)
            return "La convocation ne peut pas être envoyée après la séance.";
        var latest = LatestConvocationOn(meetingOn, isUrgent);
        if (sent <= latest)
            return null;
        return isUrgent
            ? $"En urgence, la convocation doit être envoyée au moins un jour franc avant la séance : le {CduText.Date(latest)} " +
              $"au plus tard pour une séance le {CduText.Date(meetingOn)} (art. R.1112-88 du CSP)."
            : $"La convocation et l'ordre du jour doivent être envoyés au moins {ConvocationDays} jours avant la séance : le " +
              $"{CduText.Date(latest)} au plus tard pour une séance le {CduText.Date(meetingOn)} (art. R.1112-88 du CSP). " +
              "En cas d'urgence, un jour franc suffit.";
    }

    /// <summary>
    /// R.1112-88: at least one meeting per calendar quarter. One warning per quarter of <paramref name="year"/> without a
    /// meeting that is not cancelled ("Aucune séance prévue au 2e trimestre 2026 ...").
    /// </summary>
    public static IReadOnlyList<string> QuarterGaps(int year, IEnumerable<CduMeeting> meetings)
    {
        var covered = meetings.Where(m => m.Status != CduMeetingStatus.Cancelled && m.Date.Year == year)
            .Select(m => CduText.QuarterOf(m.Date)).ToHashSet();
        return Enumerable.Range(1, 4).Where(q => !covered.Contains(q))
            .Select(q => $"Aucune séance prévue au {CduText.Quarter(q)} {year} (au moins une séance par trimestre, art. R.1112-88 du CSP).")
            .ToList();
    }
}
