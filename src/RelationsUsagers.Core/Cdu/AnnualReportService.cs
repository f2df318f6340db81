using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.Cdu;

/// <summary>Computes the annual report's figures from the registers (CSP L.1112-3, R.1112-80 II).</summary>
public sealed class AnnualReportService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<AnnualReport> GetAsync(int year, CancellationToken ct = default)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var complaints = await db.Complaints.AsNoTracking().Where(c => c.ReceivedOn >= from && c.ReceivedOn <= to).ToListAsync(ct);
        var grievances = complaints.Where(c => c.Nature != ComplaintNature.Praise).ToList();
        var answered = grievances.Where(c => c.AnswerSentOn is not null).ToList();

        var claims = await db.IndemnityClaims.AsNoTracking()
            .Where(c => (c.ReceivedOn >= from && c.ReceivedOn <= to) || (c.CciReferredOn >= from && c.CciReferredOn <= to)).ToListAsync(ct);
        var courtReferrals = await db.CaseEvents.AsNoTracking()
            .CountAsync(e => !e.IsCancelled && e.Type == CaseEventTypes.CourtReferred && e.OccurredOn >= from && e.OccurredOn <= to, ct);

        var expressions = await db.UserExpressions.AsNoTracking().Where(e => e.OccurredOn >= from && e.OccurredOn <= to)
            .Select(e => new { e.Kind, e.Service }).ToListAsync(ct);
        var praise = expressions.Where(e => e.Kind == Expressions.ExpressionKind.Praise).Select(e => e.Service ?? "Non précisé")
            .Concat(complaints.Where(c => c.Nature == ComplaintNature.Praise).SelectMany(c => c.Services.Count == 0 ? ["Non précisé"] : c.Services.Distinct()));

        var members = await db.CduMembers.AsNoTracking().ToListAsync(ct);
        var meetings = await db.CduMeetings.AsNoTracking().Include(m => m.Attendance)
            .Where(m => m.Date >= from && m.Date <= to).ToListAsync(ct);
        var recommendations = await db.CduRecommendations.AsNoTracking().Where(r => r.Year <= year).ToListAsync(ct);

        return new AnnualReport
        {
            Year = year,
            Composition = Composition(members, to),
            Meetings = Meetings(meetings, members),
            Complaints = new ComplaintFigures(
                grievances.Count,
                complaints.Count - grievances.Count + expressions.Count(e => e.Kind == Expressions.ExpressionKind.Praise),
                Rows(grievances.SelectMany(c => c.Motives.Distinct()), m => m.Label()),
                Rows(grievances.SelectMany(c => c.Services.Distinct()), s => s),
                Rows(grievances.Select(c => c.Channel), c => c.Label()),
                answered.Count,
                answered.Count == 0 ? null : Math.Round(answered.Average(c => c.AnswerSentOn!.Value.DayNumber - c.ReceivedOn.DayNumber), 1),
                grievances.Count(c => c.CduMeetingOn is not null)),
            MediationsByType = Rows(grievances.Where(c => c.MediationType != MediationType.None).Select(c => c.MediationType), t => t.Label()),
            RecordAccess = await RecordAccessFigures.ComputeAsync(db, from, to, ct),
            Litigation = new LitigationFigures(
                claims.Count(c => c.ReceivedOn >= from && c.ReceivedOn <= to),
                Rows(claims.Where(c => c.ReceivedOn >= from && c.ReceivedOn <= to).Select(c => c.Procedure), p => p.Label()),
                claims.Count(c => c.CciReferredOn >= from && c.CciReferredOn <= to),
                courtReferrals,
                complaints.Count(c => c.IsLitigation)),
            Expressions = new ExpressionFigures(Rows(expressions.Select(e => e.Kind), k => Expressions.ExpressionLabels.Label(k)), Rows(praise, s => s)),
            Recommendations = new RecommendationFigures(
                recommendations.Count(r => r.Year == year),
                Rows(recommendations.Where(r => r.Year == year).Select(r => r.Status), s => s.Label()),
                recommendations.Count(r => r.Year < year && r.IsOpen)),
        };
    }

    private static CompositionFigures Composition(List<CduMember> members, DateOnly yearEnd)
    {
        // Members in office on the last day of the year.
        var sitting = members.Where(m => m.Active && m.MandateStart <= yearEnd && m.MandateEnd >= yearEnd).ToList();
        return new CompositionFigures(
            Rows(sitting.Select(m => m.Category), c => c.Label()),
            CduMandates.VacantSeats(sitting),
            sitting.FirstOrDefault(m => m.Office == CduOffice.President)?.Category.Label(),
            sitting.FirstOrDefault(m => m.Office == CduOffice.VicePresident)?.Category.Label());
    }

    private static MeetingFigures Meetings(List<CduMeeting> meetings, List<CduMember> members)
    {
        var held = meetings.Where(m => m.Status == CduMeetingStatus.Held).ToList();
        var categories = members.ToDictionary(m => m.Id);
        // Full members' seats: filled when present or replaced by the deputy (R.1112-87).
        var seats = held.SelectMany(m => m.Attendance)
            .Where(a => categories.TryGetValue(a.MemberId, out var member) && !member.IsDeputy)
            .Select(a => (categories[a.MemberId].Category, Filled: a.Presence is CduPresence.Present or CduPresence.DeputyReplacing))
            .ToList();
        var ru = seats.Where(s => s.Category == CduCategory.PatientRepresentative).ToList();
        return new MeetingFigures(
            held.Count,
            meetings.Count(m => m.Status == CduMeetingStatus.Cancelled),
            Enumerable.Range(1, 4).Where(q => !held.Any(m => CduText.QuarterOf(m.Date) == q)).ToList(),
            Rate(seats.Count(s => s.Filled), seats.Count),
            Rate(ru.Count(s => s.Filled), ru.Count));
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);

    /// <summary>Counts by label, most frequent first, then by label.</summary>
    private static List<CountRow> Rows<T>(IEnumerable<T> values, Func<T, string> label) =>
        values.GroupBy(label).Select(g => new CountRow(g.Key, g.Count()))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();
}
