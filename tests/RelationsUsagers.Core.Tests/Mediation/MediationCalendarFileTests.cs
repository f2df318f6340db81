using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Mediation;

namespace RelationsUsagers.Core.Tests.Mediation;

public class MediationCalendarFileTests
{
    [Fact]
    public void The_invitation_is_in_Paris_time_names_the_case_not_the_patient_and_follows_each_move()
    {
        var appointment = new MediationAppointment
        {
            Date = new DateOnly(2026, 3, 20), StartTime = new TimeOnly(14, 30), DurationMinutes = 90, Place = "Bureau des usagers",
            History = [new(), new()],
        };
        var ics = MediationCalendarFile.For(appointment, "PLT-2026-00042", [new CduMember { FullName = "Dr Anne Roy" }], "Centre hospitalier de l'Erdre");

        Assert.Contains("BEGIN:VEVENT", ics);
        Assert.Contains("DTSTART;TZID=Europe/Paris:20260320T143000", ics);
        Assert.Contains("DTEND;TZID=Europe/Paris:20260320T160000", ics);
        Assert.Contains("SUMMARY:Médiation – dossier PLT-2026-00042", ics);
        Assert.Contains("SEQUENCE:2", ics);
        Assert.Contains("METHOD:REQUEST", ics);

        appointment.Status = MediationAppointmentStatus.Cancelled;
        Assert.Contains("STATUS:CANCELLED", MediationCalendarFile.For(appointment, "PLT-2026-00042", [], ""));
    }
}
