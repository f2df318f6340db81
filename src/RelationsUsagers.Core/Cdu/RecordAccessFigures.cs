using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.Cdu;

/// <summary>
/// R.1112-80 II c): the number of requests for medical information and the delays in which they were met, over a
/// period. A request counts as met in time when the record was sent (or consulted on site) on or before the legal due
/// date of the <see cref="LegalClock"/> — 8 days, or 2 months for information over five years old or a CDSP referral
/// (L.1111-7 al.2), counted from receipt (R.1111-1 al.4) and never moved by the office's suspensions (no text suspends it).
/// An on-site consultation offered meets the delay on the day it was offered (R.1111-2): that day counts for the delay.
/// </summary>
public sealed record RecordAccessFigures(
    DateOnly From,
    DateOnly To,
    int Received,
    int Sent,
    int SentUnder8Days,
    int SentWithin8Days,
    int SentUnder2Months,
    int SentWithin2Months,
    double? AverageDays8Days,
    double? AverageDays2Months)
{
    public double? PercentWithin8Days => SentUnder8Days == 0 ? null : Math.Round(100.0 * SentWithin8Days / SentUnder8Days, 1);
    public double? PercentWithin2Months => SentUnder2Months == 0 ? null : Math.Round(100.0 * SentWithin2Months / SentUnder2Months, 1);

    /// <summary>The figures in one French paragraph, for the agenda (a non-breaking space before each colon).</summary>
    public string Describe() =>
        $"Du {CduText.Date(From)} au {CduText.Date(To)}{Nbsp}: {N(Received)} demande{S(Received)} reçue{S(Received)}, {N(Sent)} dossier{S(Sent)} " +
        $"communiqué{S(Sent)}.\nDélai de 8 jours (informations de moins de 5 ans){Nbsp}: {N(SentWithin8Days)} sur {N(SentUnder8Days)} dans le délai " +
        $"({CduText.Percent(SentWithin8Days, SentUnder8Days)}).\nDélai de 2 mois (plus de 5 ans ou CDSP saisie){Nbsp}: {N(SentWithin2Months)} sur " +
        $"{N(SentUnder2Months)} dans le délai ({CduText.Percent(SentWithin2Months, SentUnder2Months)}).\n(Art. L.1111-7 et R.1111-1 du CSP ; art. R.1112-80 II c.)";

    private static string S(int n) => n > 1 ? "s" : "";

    private static string N(int n) => CduText.Number(n);

    private const char Nbsp = CduText.Nbsp;

    /// <summary>Requests received in the period, and requests sent in the period with their delay.</summary>
    internal static async Task<RecordAccessFigures> ComputeAsync(AppDbContext db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        string[] sentTypes = [CaseEventTypes.CopySent, CaseEventTypes.OnSiteConsultation];
        var requests = await db.AccessRequests.AsNoTracking().Include(r => r.Events)
            .Where(r => (r.ReceivedOn >= from && r.ReceivedOn <= to) || (r.SentOn >= from && r.SentOn <= to)
                || r.Events.Any(e => !e.IsCancelled && sentTypes.Contains(e.Type) && e.OccurredOn >= from && e.OccurredOn <= to))
            .AsSplitQuery().ToListAsync(ct);
        var ids = requests.Select(r => r.Id).ToList();
        var suspensions = (await db.ClockSuspensions.AsNoTracking().Where(s => ids.Contains(s.CaseFileId)).ToListAsync(ct))
            .ToLookup(s => s.CaseFileId);
        var clock = await LegalClockService.LoadClockAsync(db, ct);

        var received = requests.Count(r => r.ReceivedOn >= from && r.ReceivedOn <= to);
        var sent = new List<(bool TwoMonths, bool InTime, int Days)>();
        foreach (var request in requests)
        {
            if (SentOn(request) is not { } on || on < from || on > to)
                continue;
            var legal = clock.Compute(request, [.. suspensions[request.Id]], on)
                .First(d => d.Code is DelaySettings.Access8Days or DelaySettings.Access2Months && !d.FromCompleteRequest);
            var met = legal.DoneOn is { } done && done < on ? done : on;
            sent.Add((legal.Code == DelaySettings.Access2Months, met <= legal.DueOn, met.DayNumber - request.ReceivedOn.DayNumber));
        }
        var short8 = sent.Where(s => !s.TwoMonths).ToList();
        var long2 = sent.Where(s => s.TwoMonths).ToList();
        return new RecordAccessFigures(from, to, received, sent.Count,
            short8.Count, short8.Count(s => s.InTime), long2.Count, long2.Count(s => s.InTime),
            short8.Count == 0 ? null : Math.Round(short8.Average(s => s.Days), 1),
            long2.Count == 0 ? null : Math.Round(long2.Average(s => s.Days), 1));
    }

    /// <summary>The day the record left, read as the clock reads it: the column or the first "copy sent" / "on-site consultation" event.</summary>
    private static DateOnly? SentOn(AccessRequest r) =>
        CaseFacts.FirstFrom(r, r.ReceivedOn, r.SentOn, CaseEventTypes.CopySent, CaseEventTypes.OnSiteConsultation);
}
