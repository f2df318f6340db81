using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Mediation;

namespace RelationsUsagers.Core.Tests.Mediation;

/// <summary>The mediation's test people and data: a medical mediator of the register, held meetings with their minutes.</summary>
public static class MediationTestData
{
    /// <summary>A full medical mediator of the CDU register, linked to the demo account « mediator ».</summary>
    public static CduMember MedicalMediator(string fullName = "Dr Anne Roy") => new()
    {
        FullName = fullName, Category = CduCategory.MedicalMediator, Department = "Cardiologie", UserName = "mediator",
        MandateStart = new DateOnly(2025, 1, 1), MandateEnd = new DateOnly(2028, 1, 1),
    };

    /// <summary>A held meeting and its minutes written straight into a test database, at the status given.</summary>
    public static async Task<MediationMinutes> AddMinutesAsync(this IDbContextFactory<AppDbContext> factory, Guid caseId, DateOnly meetingOn,
        MinutesStatus status, string personsPresent, string grievances, string proposals = "", CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var appointment = new MediationAppointment
        {
            CaseFileId = caseId, Date = meetingOn, StartTime = new TimeOnly(14, 0), Place = "Bureau des usagers", Status = MediationAppointmentStatus.Held,
        };
        var minutes = new MediationMinutes
        {
            AppointmentId = appointment.Id, CaseFileId = caseId, Status = status, PersonsPresent = personsPresent, Grievances = grievances,
            Proposals = proposals, UpdatedAtUtc = meetingOn.ToDateTime(new TimeOnly(17, 0)), UpdatedBy = "mediator",
            SentToPresidentOn = status >= MinutesStatus.SentToPresident ? meetingOn.AddDays(2) : null,
        };
        db.MediationAppointments.Add(appointment);
        db.MediationMinutes.Add(minutes);
        await db.SaveChangesAsync(ct);
        return minutes;
    }
}
