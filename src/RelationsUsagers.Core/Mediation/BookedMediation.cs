using RelationsUsagers.Core.Cdu;

namespace RelationsUsagers.Core.Mediation;

/// <summary>The next meeting booked for a complaint (planned, not cancelled) and its mediators: what its invitation says.</summary>
public sealed record BookedMediation(MediationAppointment Appointment, IReadOnlyList<CduMember> Mediators)
{
    /// <summary>The case's next planned meeting from <paramref name="today"/> on, or null when none is booked.</summary>
    public static BookedMediation? Next(IEnumerable<MediationAppointment> appointments, IEnumerable<CduMember> members, DateOnly today)
    {
        var next = appointments.Where(a => a.Status == MediationAppointmentStatus.Planned && a.Date >= today)
            .OrderBy(a => a.Date).ThenBy(a => a.StartTime).FirstOrDefault();
        if (next is null)
            return null;
        var byId = members.ToDictionary(m => m.Id);
        return new BookedMediation(next, [.. next.MediatorIds.Select(id => byId.GetValueOrDefault(id)).OfType<CduMember>()]);
    }
}
