using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Mediation;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Security;

namespace RelationsUsagers.Web.Mediation;

public static class MediationEndpoints
{
    public const string CalendarFilePattern = "/dossiers/{caseId:guid}/mediation/{appointmentId:guid}/invitation.ics";

    public static string CalendarFile(Guid caseId, Guid appointmentId) => $"/dossiers/{caseId}/mediation/{appointmentId}/invitation.ics";

    /// <summary>
    /// The meeting's invitation for the mediator's calendar: an attachment, through an authorised endpoint. It carries the
    /// case reference, the place and the mediators' names only, no health datum.
    /// </summary>
    public static void MapMediationEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet(CalendarFilePattern, async (Guid caseId, Guid appointmentId, IDbContextFactory<AppDbContext> dbFactory,
            HttpResponse response, CancellationToken ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var appointment = await db.MediationAppointments.AsNoTracking()
                .FirstOrDefaultAsync(a => a.Id == appointmentId && a.CaseFileId == caseId, ct);
            if (appointment is null)
                return Results.NotFound();
            var reference = await db.CaseFiles.Where(c => c.Id == caseId).Select(c => c.Reference).FirstAsync(ct);
            var mediators = await db.CduMembers.AsNoTracking().Where(m => appointment.MediatorIds.Contains(m.Id)).ToListAsync(ct);
            var hospital = await db.Establishments.Select(e => e.HospitalName).FirstOrDefaultAsync(ct) ?? "";
            response.Headers.XContentTypeOptions = "nosniff";
            var text = MediationCalendarFile.For(appointment, reference, mediators, hospital);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8",
                $"mediation-{reference}-{appointment.Date:yyyy-MM-dd}.ics");
        }).RequireAuthorization(Permissions.CasesWork).NoStore();
}
