using System.Reflection;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Cases;

/// <summary>The reason every correction carries: mandatory, bounded.</summary>
public static class CaseCorrections
{
    public const int ReasonMaxLength = 1000;

    /// <summary>The trimmed reason, or the French refusal naming what it is for.</summary>
    public static string RequireReason(string? reason, string missing)
    {
        reason = reason?.Trim() ?? "";
        if (reason.Length == 0)
            throw new CaseRuleException(missing);
        if (reason.Length > ReasonMaxLength)
            throw new CaseRuleException($"Le motif ne doit pas dépasser {ReasonMaxLength} caractères.");
        return reason;
    }
}

/// <summary>
/// Corrections, never erasure: a timeline event is corrected or cancelled, a closed case reopened, each with a reason.
/// The values replaced stay on the event's row (its correction history) and in the audit journal; the facts, the status
/// and the queue's columns follow in the same save.
/// </summary>
public sealed partial class CaseFileService
{
    /// <summary>
    /// Gives an event a new date and/or note. Correcting the receipt also corrects the case's <see cref="CaseFile.ReceivedOn"/>
    /// (the clocks count from it), so the timeline and the deadlines never disagree and the reason is kept; correcting the
    /// closing step's date corrects <see cref="CaseFile.ClosedOn"/>.
    /// </summary>
    public async Task<CaseFile> CorrectEventAsync(Guid id, Guid stamp, Guid eventId, DateOnly occurredOn, string? note, string? reason,
        CancellationToken ct = default)
    {
        reason = CaseCorrections.RequireReason(reason, "Le motif de la correction est obligatoire.");
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = await LoadForChangeAsync(db, id, stamp, ct);
        var ev = EventToCorrect(current, eventId);
        if (occurredOn == ev.OccurredOn && note == ev.Note)
            throw new CaseRuleException("La correction ne change ni la date ni la note de l'événement.");
        if (occurredOn > ParisCalendar.Today(clock))
            throw new CaseRuleException("La date corrigée ne peut pas être dans le futur.");
        if (ev.Type == CaseEventTypes.Received)
        {
            var earlier = current.LiveEvents.Where(e => e != ev && e.OccurredOn < occurredOn).MinBy(e => e.OccurredOn);
            if (earlier is not null)
                throw new CaseRuleException(
                    $"La réception ne peut pas être datée après l'événement « {CaseEventTypes.LabelOf(earlier.Type)} » du {earlier.OccurredOn:dd/MM/yyyy}.");
            current.ReceivedOn = occurredOn;
        }
        else if (occurredOn < current.ReceivedOn)
        {
            throw new CaseRuleException($"La date corrigée ne peut pas précéder la réception du dossier ({current.ReceivedOn:dd/MM/yyyy}).");
        }

        var label = CaseEventTypes.LabelOf(ev.Type);
        var before = CaseSteps.Replay(current);
        var (previousOn, previousNote) = (ev.OccurredOn, ev.Note);
        Append(db, ev, cancelled: false, reason, occurredOn, note);
        (ev.OccurredOn, ev.Note) = (occurredOn, note);
        if (occurredOn != previousOn)
        {
            KeepFactInStep(current, ev.Type, previousOn);
            if (!current.IsOpen && IsLatestClosing(current, ev))
                current.ClosedOn = occurredOn;
        }
        FollowTheFacts(db, current, before, $"correction de « {label} »",
            $"La date du {occurredOn:dd/MM/yyyy} contredit la suite du dossier (statut « {current.Status.Label()} »).");
        validators.EnsureValid(current);

        var changes = new List<string>
        {
            occurredOn != previousOn ? $"{label} : {previousOn:dd/MM/yyyy} → {occurredOn:dd/MM/yyyy}" : $"{label} du {previousOn:dd/MM/yyyy}",
        };
        if (note != previousNote)
            changes.Add($"note « {previousNote ?? "(vide)"} » → « {note ?? "(vide)"} »");
        db.AuditEntries.Add(AuditTrail.Line(current, db.UtcNow, db.CurrentUserName, AuditActions.EventCorrected,
            $"{string.Join(" ; ", changes)} ; motif : {reason}"));
        await SaveCorrectionAsync(db, current, stamp, ct);
        return current;
    }

    /// <summary>
    /// Cancels an event: the row stays (struck through on the timeline), the clocks and the fact columns no longer count it.
    /// The status follows the live timeline: cancelling the step that brought the current status (the only « réponse
    /// envoyée ») takes the case back to the status before it, so a status never holds without its fact and a mistaken step
    /// is undone without leaving the case stuck. Refused when a later step depends on it (the copy sent needs the complete
    /// request) and for a closing (a manager reopens the case instead, which keeps the closing on the timeline).
    /// </summary>
    public async Task<CaseFile> CancelEventAsync(Guid id, Guid stamp, Guid eventId, string? reason, CancellationToken ct = default)
    {
        reason = CaseCorrections.RequireReason(reason, "Le motif de l'annulation est obligatoire.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = await LoadForChangeAsync(db, id, stamp, ct);
        var ev = EventToCorrect(current, eventId);
        if (ev.Type == CaseEventTypes.Received)
            throw new CaseRuleException("La réception du dossier ne s'annule pas : corrigez sa date si elle est erronée.");
        if (IsClosing(current, ev.Type))
            throw new CaseRuleException("Une clôture ne s'annule pas : corrigez sa date si elle est erronée, ou demandez à un responsable de rouvrir le dossier.");

        var label = CaseEventTypes.LabelOf(ev.Type);
        var before = CaseSteps.Replay(current);
        Append(db, ev, cancelled: true, reason, ev.OccurredOn, ev.Note);
        ev.IsCancelled = true;
        KeepFactInStep(current, ev.Type, ev.OccurredOn);
        FollowTheFacts(db, current, before, $"annulation de « {label} »",
            $"« {label} » du {ev.OccurredOn:dd/MM/yyyy} ne peut pas être annulé : le statut « {current.Status.Label()} » en dépend.");
        validators.EnsureValid(current);
        db.AuditEntries.Add(AuditTrail.Line(current, db.UtcNow, db.CurrentUserName, AuditActions.EventCancelled,
            $"{label} du {ev.OccurredOn:dd/MM/yyyy} annulé ; motif : {reason}"));
        await SaveCorrectionAsync(db, current, stamp, ct);
        return current;
    }

    /// <summary>
    /// Reopens a closed, refused or abandoned case (managers only): it returns to the status it had before its closing step,
    /// its closing date and outcome are cleared (kept in the "reopened" event and the journal), and its clocks run again.
    /// </summary>
    public async Task<CaseFile> ReopenAsync(Guid id, Guid stamp, string? reason, CancellationToken ct = default)
    {
        reason = CaseCorrections.RequireReason(reason, "Le motif de la réouverture est obligatoire.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = await LoadForChangeAsync(db, id, stamp, ct);
        if (!await UserPermissions.ActingUserHasAsync(db, Permissions.CasesCorrect, ct))
            throw new CaseRuleException("Seul un responsable peut rouvrir un dossier clos.");
        if (current.IsOpen)
            throw new CaseRuleException($"Ce dossier est au statut « {current.Status.Label()} » : il n'est pas clos.");

        var (closed, closedOn, outcome) = (current.Status, current.ClosedOn, current.Outcome);
        var closing = $"« {closed.Label()} »{(closedOn is { } on ? $" le {on:dd/MM/yyyy}" : "")}{(outcome is null ? "" : $", issue « {outcome} »")}";
        var ev = new CaseEvent
        {
            CaseFileId = current.Id, Type = CaseEventTypes.Reopened, OccurredOn = ParisCalendar.Today(clock),
            // Set now, not only by the save: the replay orders the same day's events by it, the closing first.
            RecordedAtUtc = db.UtcNow,
            Note = $"Motif : {reason}. Clôture levée : {closing}.",
        };
        current.Events.Add(ev);
        db.CaseEvents.Add(ev);
        var (back, _) = CaseSteps.Replay(current);
        if (back.IsFinal())
            throw new CaseRuleException("La chronologie de ce dossier ne dit pas où il en était avant sa clôture : il ne peut pas être rouvert.");
        (current.Status, current.ClosedOn, current.Outcome) = (back, null, null);
        validators.EnsureValid(current);
        db.AuditEntries.Add(AuditTrail.Line(current, db.UtcNow, db.CurrentUserName, AuditActions.Reopened,
            $"{closed.Label()} → {back.Label()} ; clôture levée : {closing} ; motif : {reason}"));
        await SaveCorrectionAsync(db, current, stamp, ct);
        return current;
    }

    private static CaseEvent EventToCorrect(CaseFile file, Guid eventId)
    {
        var ev = file.Events.FirstOrDefault(e => e.Id == eventId)
            ?? throw new CaseRuleException("Cet événement n'existe plus dans la chronologie du dossier.");
        if (ev.IsCancelled)
            throw new CaseRuleException("Cet événement est déjà annulé : il ne se corrige plus.");
        if (ev.Type == CaseEventTypes.Reopened)
            throw new CaseRuleException("La réouverture du dossier ne se corrige pas : si elle était une erreur, clôturez de nouveau le dossier.");
        return ev;
    }

    /// <summary>Adds a line to the event's history; the list is replaced, not mutated, so EF Core writes the JSON column.</summary>
    private static void Append(AppDbContext db, CaseEvent ev, bool cancelled, string reason, DateOnly occurredOn, string? note) =>
        ev.Corrections =
        [
            .. ev.Corrections,
            new CaseEventCorrection
            {
                Cancelled = cancelled, AtUtc = db.UtcNow, By = db.CurrentUserName, Reason = reason,
                PreviousOccurredOn = ev.OccurredOn, PreviousNote = ev.Note, OccurredOn = occurredOn, Note = note,
            },
        ];

    /// <summary>
    /// Saves with a new concurrency stamp even when only the timeline changed: the case's row guards its events' history, so
    /// two corrections made at the same time cannot overwrite each other's.
    /// </summary>
    private async Task SaveCorrectionAsync(AppDbContext db, CaseFile current, Guid stamp, CancellationToken ct)
    {
        db.Entry(current).Property(c => c.ConcurrencyStamp).OriginalValue = stamp;
        current.ConcurrencyStamp = Guid.NewGuid();
        await SaveAsync(db, current, ct);
    }

    /// <summary>
    /// The status follows the live timeline: after a correction or cancellation the case takes the status its step events now
    /// lead to (<see cref="CaseSteps.Replay"/>), audited. Refused (<paramref name="refusal"/> and the step that no longer fits)
    /// when the steps stop making a path, and when the case would leave its closing, which is a manager's reopening. A case
    /// whose status already disagreed with its facts (an imported one) keeps it.
    /// </summary>
    private static void FollowTheFacts(AppDbContext db, CaseFile file, (CaseStatus Status, IReadOnlyList<string> Problems) before, string change,
        string refusal)
    {
        var after = CaseSteps.Replay(file);
        var broken = PathProblems(file, after).Except(PathProblems(file, before)).ToList();
        if (broken.Count > 0)
            throw new CaseRuleException($"{refusal} {broken[0]}");
        if (before.Status != file.Status || after.Status == file.Status)
            return;
        if (!file.IsOpen)
            throw new CaseRuleException(
                $"Le dossier est au statut « {file.Status.Label()} » : sa clôture ne s'annule pas ici, un responsable peut rouvrir le dossier.");
        db.AuditEntries.Add(AuditTrail.Line(file, db.UtcNow, db.CurrentUserName, AuditActions.StatusChanged,
            $"{file.Status.Label()} → {after.Status.Label()} ({change})"));
        file.Status = after.Status;
    }

    /// <summary>The replay's problems with the steps themselves (the last line tells a status that differs; it is not one).</summary>
    private static IEnumerable<string> PathProblems(CaseFile file, (CaseStatus Status, IReadOnlyList<string> Problems) replay) =>
        replay.Status != file.Status ? replay.Problems.SkipLast(1) : replay.Problems;

    /// <summary>Whether <paramref name="type"/> is the event of a closing step of the case's kind (closed, abandoned, refused).</summary>
    public static bool IsClosing(CaseFile file, string type) => CaseKinds.Of(file).Steps.Any(s => s.Closes && s.EventType == type);

    private static bool IsLatestClosing(CaseFile file, CaseEvent ev) =>
        IsClosing(file, ev.Type) && file.LiveEvents.Where(e => IsClosing(file, e.Type)).MaxBy(e => (e.OccurredOn, e.RecordedAtUtc)) == ev;

    /// <summary>
    /// After a correction or cancellation of an event of <paramref name="type"/>, the fact column its kind fills from it
    /// (<see cref="CaseKindDefinition.ApplyFact"/>) takes the date of the latest live event that fills it; with none left, it
    /// is cleared if it held the replaced date (a date typed in the form is the user's, not the event's).
    /// </summary>
    private static void KeepFactInStep(CaseFile file, string type, DateOnly replaced)
    {
        var definition = CaseKinds.Of(file);
        if (FactColumn(definition, type) is not { } column)
            return;
        var sameColumn = definition.AllEventTypes.Select(t => t.Code).Where(t => FactColumn(definition, t)?.Name == column.Name).ToList();
        var latest = file.LiveEvents.Where(e => sameColumn.Contains(e.Type)).MaxBy(e => (e.OccurredOn, e.RecordedAtUtc));
        if (latest is not null)
            definition.ApplyFact(file, latest.Type, latest.OccurredOn);
        else if ((DateOnly?)column.GetValue(file) == replaced)
            definition.ApplyFact(file, type, null);
    }

    /// <summary>The date column <see cref="CaseKindDefinition.ApplyFact"/> fills for <paramref name="type"/>, found on a blank case.</summary>
    private static PropertyInfo? FactColumn(CaseKindDefinition definition, string type)
    {
        var probe = definition.New();
        definition.ApplyFact(probe, type, DateOnly.MaxValue);
        return probe.GetType().GetProperties()
            .FirstOrDefault(p => p.PropertyType == typeof(DateOnly?) && p.CanWrite && (DateOnly?)p.GetValue(probe) == DateOnly.MaxValue);
    }
}
