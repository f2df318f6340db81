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
    /// <summary>The most complaints in mediation the demo books: the mediators' diaries of a hospital, not of a group.</summary>
    public const int MaxMeetingsInMediation = 60;

    /// <summary>The most past meetings whose minutes went to the CDU president the demo writes, besides those an agenda cites.</summary>
    public const int MaxSentMinutes = 200;

    public static async Task<int> SeedAsync(IDbContextFactory<AppDbContext> factory, IReadOnlyList<CduMember> members, DateOnly today, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.MediationAppointments.AnyAsync(ct))
            return 0;
        var complaints = await db.Complaints.AsNoTracking().Include(c => c.Events)
            .Where(c => c.Status == CaseStatus.InMediation).OrderBy(c => c.Reference).ToListAsync(ct);
        var rooms = new[] { "Bureau des usagers, bâtiment A", "Salle de médiation, 2e étage du bâtiment administratif" };
        var referredOn = complaints.ToDictionary(c => c.Id,
            c => c.LiveEvents.Where(e => e.Type == CaseEventTypes.MediatorReferred).Select(e => (DateOnly?)e.OccurredOn).Max());
        // The mediators' diaries hold a few dozen, taken evenly from the most recently referred back (meetings to prepare
        // and held ones with minutes to write); at 1,000,000 cases the others (thousands, which would all sit in the same
        // few slots) are left for the officer to book.
        var latestFirst = complaints.Where(c => referredOn[c.Id] is not null).OrderByDescending(c => referredOn[c.Id])
            .ThenBy(c => c.Reference, StringComparer.Ordinal).ToList();
        var stride = Math.Max(1, (latestFirst.Count + MaxMeetingsInMediation - 1) / MaxMeetingsInMediation);
        var booked = latestFirst.Where((_, k) => k % stride == 0).Take(MaxMeetingsInMediation).Select(c => c.Id).ToHashSet();
        var i = 0;
        foreach (var complaint in complaints)
        {
            var referred = referredOn[complaint.Id];
            if (referred is null || !booked.Contains(complaint.Id))
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
        i += await SeedSentMinutesAsync(db, members, rooms, ct);
        await db.SaveChangesAsync(ct);
        return i;
    }

    /// <summary>
    /// The complaints whose report already went to the CDU president (R.1112-94 al.1) get the meeting and the minutes it
    /// came from, dated by their timeline: the CDU members' view shows them where the patient consented (L.1112-3).
    /// </summary>
    private static async Task<int> SeedSentMinutesAsync(AppDbContext db, IReadOnlyList<CduMember> members, string[] rooms, CancellationToken ct)
    {
        var complaints = await db.Complaints.AsNoTracking().Include(c => c.Events)
            .Where(c => c.Events.Any(e => !e.IsCancelled && e.Type == CaseEventTypes.MediationReportSent)).OrderBy(c => c.Reference).ToListAsync(ct);
        // Every complaint a CDU agenda cites, then the most recent reports: at 1,000,000 cases, a hundred thousand past
        // meetings filled the mediators' diaries, several dozen in the same slot.
        var cited = (await db.AgendaItems.Where(i => i.CaseFileId != null).Select(i => i.CaseFileId!.Value).ToListAsync(ct)).ToHashSet();
        var kept = complaints.OrderByDescending(c => cited.Contains(c.Id))
            .ThenByDescending(c => c.LiveEvents.Where(e => e.Type == CaseEventTypes.MediationReportSent).Min(e => e.OccurredOn))
            .ThenBy(c => c.Reference, StringComparer.Ordinal).Take(Math.Max(MaxSentMinutes, cited.Count)).Select(c => c.Id).ToHashSet();
        var n = 0;
        foreach (var complaint in complaints.Where(c => kept.Contains(c.Id)))
        {
            var sentOn = complaint.LiveEvents.Where(e => e.Type == CaseEventTypes.MediationReportSent).Min(e => e.OccurredOn);
            var met = complaint.LiveEvents.Where(e => e.Type is CaseEventTypes.MediationMeeting or CaseEventTypes.MedicalMediationMeeting
                or CaseEventTypes.NonMedicalMediationMeeting && e.OccurredOn <= sentOn).Select(e => (DateOnly?)e.OccurredOn).Max() ?? sentOn.AddDays(-3);
            var forwardedOn = complaint.LiveEvents.Where(e => e.Type == CaseEventTypes.MediationReportForwarded).Select(e => (DateOnly?)e.OccurredOn).Min();
            var mediators = MediationBooking.Propose(complaint, members).Select(p => p.Mediator).ToList();
            var appointment = new MediationAppointment
            {
                CaseFileId = complaint.Id, Date = met, StartTime = n % 2 == 0 ? new TimeOnly(10, 0) : new TimeOnly(14, 30), Place = rooms[n % rooms.Length],
                MediatorIds = [.. mediators.Select(m => m.Id)], AccompanyingRepresentative = complaint.AccompanyingRepresentative,
                Status = MediationAppointmentStatus.Held,
                History = [new MediationAppointmentChange { AtUtc = met.AddDays(-3).ToDateTime(new TimeOnly(9, 0)), By = "officer", What = "Rencontre fixée" }],
            };
            db.MediationAppointments.Add(appointment);
            db.MediationMinutes.Add(new MediationMinutes
            {
                AppointmentId = appointment.Id, CaseFileId = complaint.Id,
                Status = forwardedOn is null ? MinutesStatus.SentToPresident : MinutesStatus.Forwarded,
                PersonsPresent = $"{complaint.Requester.Name} ({complaint.Requester.Capacity ?? "plaignant"})"
                                 + (complaint.AccompanyingRepresentative is { } ru ? $" ; {ru}, représentant des usagers" : "")
                                 + string.Concat(mediators.Select(m => $" ; {m.FullName}, {(m.Category == CduCategory.MedicalMediator ? "médiateur médecin" : "médiateur non médecin")}")),
                Grievances = "« " + complaint.Summary.TrimEnd('.') + ". »",
                Explanations = Explanations[n % Explanations.Length],
                Agreements = "Le plaignant reconnaît la disponibilité de l'équipe une fois le contact établi.",
                Disagreements = n % 3 == 0 ? "Le plaignant maintient que l'information donnée à la famille a été insuffisante." : "",
                Expectations = "Que les faits soient examinés par la commission et que le service en tire des mesures.",
                Proposals = Proposals[n % Proposals.Length],
                RemediesInformation = "Le plaignant a été informé de la possibilité de saisir la CCI et des voies de recours contentieuses.",
                ApprovedByParties = n % 5 != 4, ApprovedOn = sentOn, SentToPresidentOn = sentOn, ForwardedOn = forwardedOn,
                UpdatedAtUtc = sentOn.ToDateTime(new TimeOnly(16, 0)), UpdatedBy = "officer",
            });
            n++;
        }
        return n;
    }

    private static readonly string[] Explanations =
    [
        "Le médiateur a retracé la prise en charge avec le dossier et rappelé les contraintes du service ce jour-là.",
        "Le cadre de santé a expliqué l'organisation des transmissions entre les équipes de jour et de nuit.",
        "Le médecin médiateur a expliqué les choix thérapeutiques et les délais de l'examen complémentaire.",
    ];

    private static readonly string[] Proposals =
    [
        "Un rendez-vous avec le chef de service est proposé ; la procédure d'information des familles sera rappelée aux équipes.",
        "Le service revoit l'affichage des délais d'attente et le point d'information des familles.",
        "Une présentation du cas en revue de morbi-mortalité est proposée ; le plaignant sera informé de ses conclusions.",
    ];
}
