using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.Mediation;

/// <summary>
/// The demo's mediation meetings: each complaint in mediation gets its meeting with the mediators the rules propose — the
/// coming ones planned (the demo account « mediator » has some to prepare), the past ones held with minutes to finish.
/// Written directly, as the demo cases are (no audit line: nobody real booked them).
/// </summary>
public static class MediationDemoSeeder
{
    public static async Task<int> SeedAsync(IDbContextFactory<AppDbContext> factory, IReadOnlyList<CduMember> members, DateOnly today, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.MediationAppointments.AnyAsync(ct))
            return 0;
        var complaints = await db.Complaints.AsNoTracking().Include(c => c.Events)
            .Where(c => c.Status == CaseStatus.InMediation).OrderBy(c => c.Reference).ToListAsync(ct);
        var rooms = new[] { "Bureau des usagers, bâtiment A", "Salle de médiation, 2e étage du bâtiment administratif" };
        var i = 0;
        foreach (var complaint in complaints)
        {
            var referred = complaint.LiveEvents.Where(e => e.Type == CaseEventTypes.MediatorReferred).Select(e => (DateOnly?)e.OccurredOn).Max();
            if (referred is null)
                continue;
            var mediators = MediationBooking.Propose(complaint, members).Select(p => p.Mediator.Id).ToList();
            if (mediators.Count == 0)
                continue;
            // Within the 8 days of R.1112-93, at 10:00 or 14:30; a meeting in the past was held and awaits its minutes.
            var date = referred.Value.AddDays(2 + i % 5);
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                date = date.AddDays(date.DayOfWeek == DayOfWeek.Saturday ? 2 : 1);
            var appointment = new MediationAppointment
            {
                CaseFileId = complaint.Id, Date = date, StartTime = i % 2 == 0 ? new TimeOnly(10, 0) : new TimeOnly(14, 30),
                Place = rooms[i % rooms.Length], MediatorIds = mediators, AccompanyingRepresentative = complaint.AccompanyingRepresentative,
                Status = date < today ? MediationAppointmentStatus.Held : MediationAppointmentStatus.Planned,
                LateReason = date > referred.Value.AddDays(MediationBooking.MeetingDays) ? "Premier créneau accepté par le plaignant." : null,
                History = [new MediationAppointmentChange { AtUtc = referred.Value.ToDateTime(new TimeOnly(9, 0)), By = "officer", What = "Rencontre fixée" }],
            };
            db.MediationAppointments.Add(appointment);
            if (appointment.Status == MediationAppointmentStatus.Held)
                db.MediationMinutes.Add(new MediationMinutes
                {
                    AppointmentId = appointment.Id, CaseFileId = complaint.Id, Status = i % 3 == 0 ? MinutesStatus.Submitted : MinutesStatus.Draft,
                    PersonsPresent = $"{complaint.Requester.Name} ({complaint.Requester.Capacity ?? "plaignant"}) ; le médiateur",
                    Grievances = "« " + complaint.Summary.TrimEnd('.') + ". »",
                    Explanations = i % 3 == 0 ? "Le médiateur a rappelé le déroulement de la prise en charge et les contraintes du service." : "",
                    UpdatedAtUtc = date.ToDateTime(new TimeOnly(17, 0)), UpdatedBy = "mediator",
                });
            i++;
        }
        await db.SaveChangesAsync(ct);
        return i;
    }
}
