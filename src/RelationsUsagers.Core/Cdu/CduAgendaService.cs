using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Cdu;

/// <summary>
/// Builds a meeting's agenda (R.1112-88: set by the president, sent at least 8 days before the meeting): proposals
/// from the cases, then reorder, edit, add, remove, publish. Item changes leave the meeting's concurrency stamp alone:
/// it guards the meeting's own fields (date, convocation, publication). Every change of the agenda and its publication is
/// an audit line in the same save (<see cref="AuditActions.AgendaChanged"/>).
/// </summary>
public sealed partial class CduAgendaService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Opens the texts of the proposals the officer must fill in (serious adverse events, satisfaction).</summary>
    public const string Placeholder = "À compléter";

    /// <summary>
    /// Proposed items, not saved, for the cases since the previous held meeting (or the last 3 months): complaints received
    /// and answered, mediation reports and complaints awaiting the CDU (litigation excluded, R.1112-80 I), claims and
    /// litigation for information, record-access figures, serious adverse events (in the last quarter's meeting, or while
    /// none was presented this year), satisfaction results, open recommendations. Items already on the agenda are skipped.
    /// </summary>
    public async Task<IReadOnlyList<AgendaItem>> ProposeAsync(Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await db.CduMeetings.AsNoTracking().Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == meetingId, ct)
            ?? throw new CaseRuleException("Cette séance n'existe plus.");
        CduMeetingService.EnsureOpen(meeting);
        var previous = await db.CduMeetings.AsNoTracking()
            .Where(m => m.Status == CduMeetingStatus.Held && m.Date < meeting.Date).MaxAsync(m => (DateOnly?)m.Date, ct);
        var from = previous?.AddDays(1) ?? meeting.Date.AddMonths(-3);
        var to = meeting.Date;

        var complaints = await db.Complaints.AsNoTracking().Include(c => c.Events)
            .Where(c => (c.ReceivedOn >= from && c.ReceivedOn <= to) || (c.AnswerSentOn >= from && c.AnswerSentOn <= to)
                || c.Status == CaseStatus.AwaitingCdu
                || (c.CduMeetingOn == null && c.Events.Any(e => !e.IsCancelled && e.Type == CaseEventTypes.MediationReportSent))
                || (c.IsLitigation && c.Status != CaseStatus.Closed && c.Status != CaseStatus.Abandoned))
            .AsSplitQuery().ToListAsync(ct);
        var claims = await db.IndemnityClaims.AsNoTracking()
            .Where(c => (c.ReceivedOn >= from && c.ReceivedOn <= to)
                || (c.Status != CaseStatus.Closed && c.Status != CaseStatus.Abandoned && c.Status != CaseStatus.Refused))
            .ToListAsync(ct);
        var litigation = complaints.Where(c => c.IsLitigation && (c.IsOpen || (c.ReceivedOn >= from && c.ReceivedOn <= to)));
        var access = await RecordAccessFigures.ComputeAsync(db, from, to, ct);
        var open = await CduRecommendationService.OpenAsync(db, ct);
        var year = meeting.Date.Year;
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);
        var adverseEventsPresented = await db.AgendaItems.AnyAsync(i => i.Kind == AgendaItemKind.SeriousAdverseEvents && i.MeetingId != meetingId
            && db.CduMeetings.Any(m => m.Id == i.MeetingId && m.Status != CduMeetingStatus.Cancelled && m.Date >= yearStart && m.Date <= yearEnd), ct);

        var expressions = await db.UserExpressions.AsNoTracking().Where(e => e.OccurredOn >= from && e.OccurredOn <= to && e.Kind == Expressions.ExpressionKind.Praise)
            .GroupBy(e => e.Service).Select(g => new { Service = g.Key, Count = g.Count() }).ToListAsync(ct);
        var praise = expressions.Select(e => new Expressions.ExpressionCount(Expressions.ExpressionKind.Praise, e.Service ?? "Non précisé", e.Count)).ToList();
        var proposals = new List<AgendaItem?> { CduAgendaProposals.ComplaintsReceivedAndAnswered(complaints, from, to, praise) };
        proposals.AddRange(CduAgendaProposals.MediationReportsAwaitingCdu(complaints));
        proposals.AddRange(CduAgendaProposals.ComplaintsToExamine(complaints));
        proposals.Add(CduAgendaProposals.ClaimsForInformation(claims, litigation));
        proposals.Add(CduAgendaProposals.RecordAccess(access));
        if (CduText.QuarterOf(meeting.Date) == 4 || !adverseEventsPresented)
            proposals.Add(CduAgendaProposals.SeriousAdverseEvents(year));
        proposals.Add(CduAgendaProposals.Satisfaction());
        proposals.Add(CduAgendaProposals.RecommendationFollowUp(open));

        var order = meeting.Agenda.Count == 0 ? 0 : meeting.Agenda.Max(i => i.Order);
        var result = new List<AgendaItem>();
        foreach (var item in proposals.OfType<AgendaItem>())
        {
            var present = meeting.Agenda.Any(i => i.Kind == item.Kind && (CduAgendaProposals.IsSingle(item.Kind) || i.CaseFileId == item.CaseFileId));
            if (present)
                continue;
            item.MeetingId = meetingId;
            item.Order = ++order;
            result.Add(item);
        }
        return result;
    }

    private static readonly CaseKind[] RestrictedKinds = [.. CaseKinds.All.Where(k => k.Permission is not null).Select(k => k.Kind)];

    /// <summary>Adds items (proposals or typed ones) at the end of the agenda, in the given order.</summary>
    public async Task<IReadOnlyList<AgendaItem>> AddAsync(Guid meetingId, IEnumerable<AgendaItem> items, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await LoadOpenAsync(db, meetingId, ct);
        var order = meeting.Agenda.Count == 0 ? 0 : meeting.Agenda.Max(i => i.Order);
        var added = new List<AgendaItem>();
        foreach (var item in items)
        {
            Check(item);
            EnsureFinishedIfPublished(meeting, item);
            if (item.CaseFileId is { } caseId && !await db.CaseFiles.AnyAsync(c => c.Id == caseId, ct))
                throw new CaseRuleException("Le dossier de ce point n'existe plus.");
            // A kind kept to a permission (an agent's protection fonctionnelle) is never put before the CDU's members.
            if (item.CaseFileId is { } cited && await db.CaseFiles.AnyAsync(c => c.Id == cited && RestrictedKinds.Contains(c.Kind), ct))
                throw new CaseRuleException("Ce dossier ne peut pas être inscrit à l'ordre du jour de la CDU : son accès est réservé.");
            var copy = new AgendaItem
            {
                MeetingId = meetingId, Order = ++order, Kind = item.Kind, Title = item.Title, Text = item.Text,
                CaseFileId = item.CaseFileId, Documents = Copy(item.Documents),
            };
            db.AgendaItems.Add(copy);
            added.Add(copy);
            await AuditAsync(db, meeting, $"{Point(copy)} ajouté", copy.CaseFileId, ct);
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>Changes an item's title, text and documents (its kind and case stay).</summary>
    public async Task<AgendaItem> UpdateAsync(AgendaItem edited, CancellationToken ct = default)
    {
        Check(edited);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.AgendaItems.FirstOrDefaultAsync(i => i.Id == edited.Id, ct) ?? throw new CaseRuleException("Ce point n'existe plus.");
        var meeting = await LoadOpenAsync(db, item.MeetingId, ct);
        EnsureFinishedIfPublished(meeting, edited);
        var documents = Copy(edited.Documents);
        var changed = new List<string>();
        if (item.Title != edited.Title)
            changed.Add("titre");
        if (item.Text != edited.Text)
            changed.Add("texte");
        if (!item.Documents.Select(d => (d.Name, d.Path)).SequenceEqual(documents.Select(d => (d.Name, d.Path))))
            changed.Add("documents");
        if (changed.Count == 0)
            return item;
        (item.Title, item.Text, item.Documents) = (edited.Title, edited.Text, documents);
        await AuditAsync(db, meeting, $"{Point(item)} modifié ({string.Join(", ", changed)})", item.CaseFileId, ct);
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>Removes an item; the following ones move up.</summary>
    public async Task RemoveAsync(Guid itemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.AgendaItems.FirstOrDefaultAsync(i => i.Id == itemId, ct) ?? throw new CaseRuleException("Ce point n'existe plus.");
        var meeting = await LoadOpenAsync(db, item.MeetingId, ct);
        await AuditAsync(db, meeting, $"{Point(item)} retiré", item.CaseFileId, ct);
        meeting.Agenda.Remove(item);
        db.AgendaItems.Remove(item);
        Renumber(meeting.Agenda.OrderBy(i => i.Order));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Puts the items in the order of <paramref name="orderedItemIds"/>, which must name every item of the agenda once.</summary>
    public async Task ReorderAsync(Guid meetingId, IReadOnlyList<Guid> orderedItemIds, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await LoadOpenAsync(db, meetingId, ct);
        var byId = meeting.Agenda.ToDictionary(i => i.Id);
        if (orderedItemIds.Count != byId.Count || orderedItemIds.Distinct().Count() != byId.Count || !orderedItemIds.All(byId.ContainsKey))
            throw new CaseRuleException("L'ordre du jour a changé entre-temps : rechargez-le avant de déplacer ses points.");
        // Positions before the move, in the new order: "2, 1, 3" is the second item moved up.
        var before = orderedItemIds.Select(id => byId[id].Order).ToList();
        if (before.SequenceEqual(Enumerable.Range(1, before.Count)))
            return;
        Renumber(orderedItemIds.Select(id => byId[id]));
        await AuditAsync(db, meeting, $"points réordonnés (anciens numéros dans le nouvel ordre{CduText.Nbsp}: {string.Join(", ", before)})", null, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Publishes the agenda: it needs at least one item, no item still holding an « À compléter » placeholder (members
    /// would read it as it stands), and a convocation sent (on <paramref name="convocationSentOn"/>, else the date already
    /// recorded, else today) at least 8 days before the meeting, or one clear day if urgent (R.1112-88). When the check
    /// before publishing (<see cref="CduPublicationCheckService"/>) still signals passages that look personal, the officer
    /// must have read them: <paramref name="confirmedCheck"/> is the <see cref="CduPublicationCheck.Fingerprint"/> of the
    /// check he confirmed, and a check that changed since is refused.
    /// </summary>
    public async Task<CduMeeting> PublishAsync(Guid meetingId, Guid stamp, DateOnly? convocationSentOn = null, string? confirmedCheck = null,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await LoadOpenAsync(db, meetingId, ct);
        var today = ParisCalendar.Today(clock);
        if (meeting.Agenda.Count == 0)
            throw new CaseRuleException("L'ordre du jour est vide : ajoutez au moins un point avant de le publier.");
        if (PlaceholderProblem(meeting.Agenda) is { } unfinished)
            throw new CaseRuleException(unfinished);
        var sent = convocationSentOn ?? meeting.ConvocationSentOn ?? today;
        if (sent > today)
            throw new CaseRuleException("La date d'envoi de la convocation ne peut pas être dans le futur.");
        if (CduMeetingRules.ConvocationProblem(meeting.Date, sent, meeting.IsUrgent) is { } problem)
            throw new CaseRuleException(problem);
        var check = await CduPublicationCheckService.CheckAsync(db, meeting.Agenda, today, ct);
        if (!check.IsClean && confirmedCheck != check.Fingerprint)
            throw new CaseRuleException(check.UnconfirmedProblem);
        meeting.ConvocationSentOn = sent;
        meeting.AgendaPublishedOn = today;
        meeting.Status = CduMeetingStatus.AgendaPublished;
        await AuditAsync(db, meeting,
            $"ordre du jour publié ({CduText.Count(meeting.Agenda.Count, "point")}, convocation envoyée le {CduText.Date(sent)})", null, ct);
        await CduMeetingService.SaveAsync(db, meeting, stamp, ct);
        return meeting;
    }

    /// <summary>
    /// The title or text still holds a placeholder: « À compléter » (accent and case ignored) opening the title, the text
    /// or a line, or followed by a colon, an ellipsis or a closing bracket. "Pièces à compléter par le service" is prose.
    /// </summary>
    /// <summary>Members read a published agenda as it is: a placeholder cannot enter it after publication either.</summary>
    private static void EnsureFinishedIfPublished(CduMeeting meeting, AgendaItem item)
    {
        if (meeting.Status == CduMeetingStatus.AgendaPublished && HasPlaceholder(item))
            throw new CaseRuleException(
                $"L'ordre du jour est publié : le point {CduText.Quoted(item.Title ?? "")} ne peut pas contenir {CduText.Quoted(Placeholder)}. Complétez-le d'abord.");
    }

    public static bool HasPlaceholder(AgendaItem item) =>
        PlaceholderPattern().IsMatch(item.Title ?? "") || PlaceholderPattern().IsMatch(item.Text ?? "");

    /// <summary>
    /// Null when no item holds a placeholder; else the French message naming them, in agenda order:
    /// "Le point 6 « Événements indésirables graves 2026 » contient encore « À compléter » : complétez-le ou retirez-le avant de publier l'ordre du jour."
    /// </summary>
    public static string? PlaceholderProblem(IEnumerable<AgendaItem> agenda)
    {
        var ordered = agenda.OrderBy(i => i.Order).ToList();
        var unfinished = ordered.Select((item, index) => (Item: item, Position: index + 1)).Where(x => HasPlaceholder(x.Item))
            .Select(x => $"{x.Position} {CduText.Quoted(x.Item.Title.Trim())}").ToList();
        const char nbsp = CduText.Nbsp;
        return unfinished.Count switch
        {
            0 => null,
            1 => $"Le point {unfinished[0]} contient encore {CduText.Quoted(Placeholder)}{nbsp}: complétez-le ou retirez-le " +
                 "avant de publier l'ordre du jour.",
            _ => $"Les points {string.Join(", ", unfinished[..^1])} et {unfinished[^1]} contiennent encore {CduText.Quoted(Placeholder)}{nbsp}: " +
                 "complétez-les ou retirez-les avant de publier l'ordre du jour.",
        };
    }

    [GeneratedRegex(@"(?:^|\n)[\s\[(«]*[aà]\s+compl[eé]ter\b|[aà]\s+compl[eé]ter\s*(?::|…|\.\.\.|\]|\))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PlaceholderPattern();

    private static async Task<CduMeeting> LoadOpenAsync(AppDbContext db, Guid meetingId, CancellationToken ct)
    {
        var meeting = await db.CduMeetings.Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == meetingId, ct)
            ?? throw new CaseRuleException("Cette séance n'existe plus.");
        CduMeetingService.EnsureOpen(meeting);
        return meeting;
    }

    /// <summary>"point 3 (Réclamation à examiner)": its number and its kind, never its title or text, typed freely (a name may be in them).</summary>
    private static string Point(AgendaItem item) => $"point {item.Order} ({item.Kind.Label()})";

    /// <summary>
    /// "Séance du 26/03/2026 : point 3 (Réclamation à examiner) ajouté", on the case the item cites (so that the case's own
    /// journal shows it went before the CDU), written by the caller's save.
    /// </summary>
    private static async Task AuditAsync(AppDbContext db, CduMeeting meeting, string what, Guid? caseId, CancellationToken ct)
    {
        var reference = caseId is { } id ? await db.CaseFiles.Where(c => c.Id == id).Select(c => c.Reference).FirstOrDefaultAsync(ct) : null;
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = db.UtcNow, UserName = db.CurrentUserName, CaseFileId = caseId, CaseReference = reference,
            Action = AuditActions.AgendaChanged, Details = $"Séance du {CduText.Date(meeting.Date)}{CduText.Nbsp}: {what}",
        });
    }

    private static void Check(AgendaItem item)
    {
        item.Title = item.Title?.Trim() ?? "";
        item.Text = string.IsNullOrWhiteSpace(item.Text) ? null : item.Text.Trim();
        if (!Enum.IsDefined(item.Kind))
            throw new CaseRuleException("Le type du point est invalide.");
        if (item.Title.Length == 0 || item.Title.Length > AgendaItem.TitleMaxLength)
            throw new CaseRuleException($"L'intitulé du point est obligatoire ({AgendaItem.TitleMaxLength} caractères au plus).");
        if (item.Text?.Length > AgendaItem.TextMaxLength)
            throw new CaseRuleException($"Le texte du point ne doit pas dépasser {AgendaItem.TextMaxLength} caractères.");
        if (item.Documents.Any(d => string.IsNullOrWhiteSpace(d.Name)))
            throw new CaseRuleException("Chaque document joint doit avoir un nom.");
    }

    private static List<AgendaDocument> Copy(IEnumerable<AgendaDocument> documents) =>
        documents.Select(d => new AgendaDocument { Name = d.Name.Trim(), Path = d.Path }).ToList();

    private static void Renumber(IEnumerable<AgendaItem> items)
    {
        var order = 0;
        foreach (var item in items)
            item.Order = ++order;
    }
}
