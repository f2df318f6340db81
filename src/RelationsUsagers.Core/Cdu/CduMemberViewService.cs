using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Cdu;

/// <summary>A published agenda as CDU members see it: no case file, no name (CSP L.1112-3, L.1110-4).</summary>
public sealed record CduMemberAgenda(
    Guid MeetingId,
    DateOnly Date,
    string Place,
    bool IsUrgent,
    DateOnly? ConvocationSentOn,
    DateOnly? AgendaPublishedOn,
    string StatusLabel,
    IReadOnlyList<CduMemberAgendaItem> Items);

/// <summary>One item; <see cref="Case"/> is set for an item about one case.</summary>
public sealed record CduMemberAgendaItem(
    int Order,
    AgendaItemKind Kind,
    string KindLabel,
    string Title,
    string? Text,
    IReadOnlyList<string> Documents,
    CduCaseSummary? Case);

/// <summary>
/// What CDU members (and mediators) read. Every string is scrubbed of personal data (<see cref="Pseudonymiser"/>): the
/// names of every person the database knows, those of the cases the agenda mentions in any case (by link or by reference
/// in a text typed by the officer), numbers, addresses and dates of birth; case items carry a <see cref="CduCaseSummary"/>,
/// never a <see cref="CaseFile"/>, and each summary shown writes an audit line "Consultation (CDU)" in the same call.
/// </summary>
public sealed class CduMemberViewService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const string AuditAction = "Consultation (CDU)";

    /// <summary>
    /// The published agenda of <paramref name="meetingId"/> (published or held, not cancelled), or when null the next
    /// meeting with a published agenda from today on; null when there is none.
    /// </summary>
    public async Task<CduMemberAgenda?> GetPublishedAgendaAsync(Guid? meetingId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = ParisCalendar.Today(clock);
        var meetings = db.CduMeetings.AsNoTracking().Include(m => m.Agenda);
        var meeting = meetingId is { } id
            ? await meetings.FirstOrDefaultAsync(m => m.Id == id && m.AgendaPublishedOn != null && m.Status != CduMeetingStatus.Cancelled, ct)
            : await meetings.Where(m => m.Status == CduMeetingStatus.AgendaPublished && m.Date >= today)
                .OrderBy(m => m.Date).FirstOrDefaultAsync(ct);
        if (meeting is null)
            return null;
        var items = meeting.Agenda.OrderBy(i => i.Order).ToList();

        // The cases the agenda mentions and every person the database knows (patients of other cases too: a free item
        // may name one), read once for the whole agenda.
        var files = await CduMemberAgendaComposer.CasesOfAsync(db, items, ct);
        var index = await PersonNameIndex.LoadAsync(db, ct);
        var minutes = await CduMemberAgendaComposer.MinutesOfAsync(db, files, ct);
        var shown = CduMemberAgendaComposer.Compose(items, files, minutes, new AgendaScrubber(index, files, checkOn: null));
        var byId = files.ToDictionary(f => f.Id);
        foreach (var item in items)
        {
            if (item.CaseFileId is { } caseId && byId.GetValueOrDefault(caseId) is { } file)
                db.AuditEntries.Add(AuditTrail.Line(file, db.UtcNow, db.CurrentUserName, AuditAction,
                    $"Ordre du jour de la séance du {CduText.Date(meeting.Date)}"));
        }
        await db.SaveChangesAsync(ct);
        return new CduMemberAgenda(meeting.Id, meeting.Date, meeting.Place, meeting.IsUrgent, meeting.ConvocationSentOn,
            meeting.AgendaPublishedOn, meeting.Status.Label(), shown);
    }
}
