using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using RelationsUsagers.Core.Cdu;

namespace RelationsUsagers.Core.Mediation;

/// <summary>
/// The .ics invitation a mediator adds to his calendar (RFC 5545), in Paris time. It names the case's reference, never the
/// patient: a calendar is no place for health data.
/// </summary>
public static class MediationCalendarFile
{
    public static string For(MediationAppointment appointment, string caseReference, IEnumerable<CduMember> mediators, string hospital)
    {
        var start = new CalDateTime(appointment.StartsAt, "Europe/Paris");
        var meeting = new CalendarEvent
        {
            Uid = $"{appointment.Id:N}@relations-usagers",
            Summary = $"Médiation – dossier {caseReference}",
            Location = appointment.Place,
            Description = $"Rencontre de médiation ({string.Join(", ", mediators.Select(m => m.FullName))}). {hospital}".Trim(),
            DtStart = start,
            DtEnd = new CalDateTime(appointment.EndsAt, "Europe/Paris"),
            Status = appointment.Status == MediationAppointmentStatus.Cancelled ? "CANCELLED" : "CONFIRMED",
            // A moved meeting replaces the one already in the mediator's calendar.
            Sequence = appointment.History.Count,
        };
        var calendar = new Calendar { Method = appointment.Status == MediationAppointmentStatus.Cancelled ? "CANCEL" : "REQUEST" };
        calendar.Events.Add(meeting);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
