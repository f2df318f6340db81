using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Cdu;

/// <summary>A published agenda as CDU members see it: no case file, no name (L.1112-3, DESIGN.md "Security").</summary>
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
/// What CDU members (and mediators) read. Every string is pseudonymised with the names of every case the agenda
/// mentions (by link or by reference in a text typed by the officer), case items carry a <see cref="CduCaseSummary"/>,
/// never a <see cref="CaseFile"/>, and each summary shown writes an audit line "Consultation (CDU)" in the same call.
/// </summary>
public sealed partial class CduMemberViewService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
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

        // Every case the agenda mentions, by link or by reference, so that their names are taken out of every text.
        var linked = items.Where(i => i.CaseFileId is not null).Select(i => i.CaseFileId!.Value).ToList();
        var references = items.SelectMany(i => ReferencePattern().Matches($"{i.Title}\n{i.Text}").Select(m => m.Value))
            .Distinct().ToList();
        var files = await db.CaseFiles.AsNoTracking().Include(c => c.Events)
            .Where(c => linked.Contains(c.Id) || references.Contains(c.Reference))
            .AsSplitQuery().ToListAsync(ct);
        var byId = files.ToDictionary(f => f.Id);

        var shown = new List<CduMemberAgendaItem>();
        foreach (var item in items)
        {
            var file = item.CaseFileId is { } caseId ? byId.GetValueOrDefault(caseId) : null;
            var summary = file is null ? null : CduCaseSummary.From(file);
            // A case's documents may hold medical data: listed only with the patient's consent (L.1112-3).
            var documents = file is not null && summary?.MedicalDataConsent != true
                ? []
                : item.Documents.Select(d => CduCaseSummary.Scrub(d.Name, files)).ToList();
            shown.Add(new CduMemberAgendaItem(item.Order, item.Kind, item.Kind.Label(), CduCaseSummary.Scrub(item.Title, files),
                item.Text is null ? null : CduCaseSummary.Scrub(item.Text, files), documents, summary));
            if (file is not null)
                db.AuditEntries.Add(AuditTrail.Line(file, db.UtcNow, db.CurrentUserName, AuditAction,
                    $"Ordre du jour de la séance du {CduText.Date(meeting.Date)}"));
        }
        await db.SaveChangesAsync(ct);
        return new CduMemberAgenda(meeting.Id, meeting.Date, meeting.Place, meeting.IsUrgent, meeting.ConvocationSentOn,
            meeting.AgendaPublishedOn, meeting.Status.Label(), shown);
    }

    /// <summary>A case reference as <see cref="ReferenceAllocator"/> writes it, e.g. PLT-2026-00042.</summary>
    [GeneratedRegex(@"\b(?:PLT|IND|DAD|REQ)-\d{4}-\d{3,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();
}
