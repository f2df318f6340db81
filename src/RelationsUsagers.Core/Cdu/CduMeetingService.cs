using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Cdu;

/// <summary>
/// Plans meetings (R.1112-88), and after a meeting records the attendance, the minutes and the CDU's opinion on each
/// complaint examined (R.1112-94). The agenda has its own service (<see cref="CduAgendaService"/>).
/// </summary>
public sealed class CduMeetingService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, CaseFileService cases,
    CaseValidators validators)
{
    public const int PlaceMaxLength = 200;
    public const int MinutesMaxLength = 20000;

    /// <summary>The meetings of <paramref name="year"/> (every year when null), by date.</summary>
    public async Task<IReadOnlyList<CduMeeting>> ListAsync(int? year = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var from = new DateOnly(year ?? 1, 1, 1);
        var to = new DateOnly(year ?? 9999, 12, 31);
        return await db.CduMeetings.AsNoTracking().Where(m => m.Date >= from && m.Date <= to).OrderBy(m => m.Date).ToListAsync(ct);
    }

    /// <summary>A meeting with its agenda (in order) and attendance; null if it does not exist.</summary>
    public async Task<CduMeeting?> GetAsync(Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await db.CduMeetings.AsNoTracking().Include(m => m.Agenda).Include(m => m.Attendance).AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        meeting?.Agenda.Sort((a, b) => a.Order.CompareTo(b.Order));
        return meeting;
    }

    /// <summary>R.1112-88 warnings for the planner: quarters of <paramref name="year"/> without a meeting.</summary>
    public async Task<IReadOnlyList<string>> QuarterGapsAsync(int year, CancellationToken ct = default) =>
        CduMeetingRules.QuarterGaps(year, await ListAsync(year, ct));

    /// <summary>
    /// Plans a meeting or changes its date, place, urgency or convocation date. A convocation date, once given, must
    /// respect R.1112-88. Status, agenda and minutes change through their own actions.
    /// </summary>
    public async Task<CduMeeting> SaveAsync(CduMeeting meeting, CancellationToken ct = default)
    {
        meeting.Place = meeting.Place.Trim();
        if (meeting.Date == default)
            throw new CaseRuleException("La date de la séance est obligatoire.");
        if (meeting.Place.Length == 0 || meeting.Place.Length > PlaceMaxLength)
            throw new CaseRuleException($"Le lieu de la séance est obligatoire ({PlaceMaxLength} caractères au plus).");
        if (meeting.ConvocationSentOn is not null && CduMeetingRules.ConvocationProblem(meeting.Date, meeting.ConvocationSentOn, meeting.IsUrgent) is { } problem)
            throw new CaseRuleException(problem);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = await db.CduMeetings.FirstOrDefaultAsync(m => m.Id == meeting.Id, ct);
        if (current is null)
        {
            meeting.Status = CduMeetingStatus.Planned;
            meeting.AgendaPublishedOn = null;
            meeting.Minutes = null;
            meeting.ConcurrencyStamp = Guid.NewGuid();
            db.CduMeetings.Add(new CduMeeting
            {
                Id = meeting.Id, Date = meeting.Date, Place = meeting.Place, IsUrgent = meeting.IsUrgent,
                ConvocationSentOn = meeting.ConvocationSentOn, ConcurrencyStamp = meeting.ConcurrencyStamp,
            });
            await db.SaveChangesAsync(ct);
            return meeting;
        }
        EnsureOpen(current);
        (current.Date, current.Place, current.IsUrgent, current.ConvocationSentOn) = (meeting.Date, meeting.Place, meeting.IsUrgent, meeting.ConvocationSentOn);
        await SaveAsync(db, current, meeting.ConcurrencyStamp, ct);
        return current;
    }

    public async Task<CduMeeting> CancelAsync(Guid meetingId, Guid stamp, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await LoadAsync(db, meetingId, ct);
        EnsureOpen(meeting);
        meeting.Status = CduMeetingStatus.Cancelled;
        await SaveAsync(db, meeting, stamp, ct);
        return meeting;
    }

    /// <summary>Replaces the attendance list. <see cref="CduPresence.DeputyReplacing"/> is for full members only (R.1112-87).</summary>
    public async Task<CduMeeting> RecordAttendanceAsync(Guid meetingId, Guid stamp, IReadOnlyDictionary<Guid, CduPresence> presences,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await db.CduMeetings.Include(m => m.Attendance).FirstOrDefaultAsync(m => m.Id == meetingId, ct)
            ?? throw new CaseRuleException("Cette séance n'existe plus.");
        EnsureHeldOrDue(meeting);
        var members = await db.CduMembers.AsNoTracking().Where(m => presences.Keys.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        foreach (var (memberId, presence) in presences)
        {
            if (!members.TryGetValue(memberId, out var member))
                throw new CaseRuleException("Un des membres de la liste de présence n'existe plus.");
            if (presence == CduPresence.DeputyReplacing && member.IsDeputy)
                throw new CaseRuleException($"{member.FullName} est membre suppléant : seul un membre titulaire est remplacé par son suppléant (art. R.1112-87 du CSP).");
        }
        meeting.Attendance.Clear();
        meeting.Attendance.AddRange(presences.Select(p => new CduAttendance { MeetingId = meetingId, MemberId = p.Key, Presence = p.Value }));
        await SaveAsync(db, meeting, stamp, ct);
        return meeting;
    }

    /// <summary>Records the minutes (procès-verbal): the meeting is then held. Not before its date.</summary>
    public async Task<CduMeeting> RecordMinutesAsync(Guid meetingId, Guid stamp, string minutes, CancellationToken ct = default)
    {
        minutes = minutes?.Trim() ?? "";
        if (minutes.Length == 0 || minutes.Length > MinutesMaxLength)
            throw new CaseRuleException($"Le procès-verbal est obligatoire ({MinutesMaxLength} caractères au plus).");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await LoadAsync(db, meetingId, ct);
        EnsureHeldOrDue(meeting);
        meeting.Minutes = minutes;
        meeting.Status = CduMeetingStatus.Held;
        await SaveAsync(db, meeting, stamp, ct);
        return meeting;
    }

    /// <summary>
    /// R.1112-94 al.2-3: records the CDU's opinion on a complaint and the timeline event "Examiné en CDU" dated the day of
    /// the meeting, through <see cref="CaseFileService"/>, so that the director's 8-day answer clock
    /// (<c>complaint.answer-after-cdu</c>) starts from the meeting. Litigation is refused (R.1112-80 I).
    /// </summary>
    public async Task<Complaint> RecordOpinionAsync(Guid meetingId, Guid complaintId, CduOpinion opinion, string text, CancellationToken ct = default)
    {
        text = text?.Trim() ?? "";
        if (!Enum.IsDefined(opinion))
            throw new CaseRuleException("L'avis de la CDU est invalide.");
        if (text.Length == 0)
            throw new CaseRuleException("Le texte de l'avis de la CDU est obligatoire.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await LoadAsync(db, meetingId, ct);
        EnsureHeldOrDue(meeting);
        var complaint = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == complaintId, ct)
            ?? throw new CaseRuleException("Cette réclamation n'existe plus.");
        if (complaint.IsLitigation)
            throw new CaseRuleException("Une réclamation contentieuse n'est pas examinée par la CDU (art. R.1112-80 I du CSP) : elle lui est présentée pour information.");
        // Checked before the event is written, so that a complaint the validator refuses is left as it was.
        var draft = CaseFileEdits.Copy(complaint);
        (draft.CduMeetingOn, draft.CduOpinion, draft.CduOpinionText) = (meeting.Date, opinion, text);
        validators.EnsureValid(draft);
        var current = complaint.CduMeetingOn == meeting.Date
            ? complaint
            : (Complaint)await cases.AddEventAsync(complaint.Id, complaint.ConcurrencyStamp, CaseEventTypes.CduExamined, meeting.Date,
                $"Examiné en séance de la CDU du {CduText.Date(meeting.Date)}.", ct);
        current.CduOpinion = opinion;
        current.CduOpinionText = text;
        return (Complaint)await cases.UpdateAsync(current, ct);
    }

    /// <summary>
    /// The opinion recorded on a complaint at this meeting (null when it was examined at another one, or not yet), to show
    /// and correct it on the meeting page. A read of the case: audited as a consultation.
    /// </summary>
    public async Task<(CduOpinion Opinion, string Text)?> RecordedOpinionAsync(Guid meetingId, Guid complaintId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await LoadAsync(db, meetingId, ct);
        var complaint = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == complaintId, ct);
        if (complaint is not { CduOpinion: { } opinion } || complaint.CduMeetingOn != meeting.Date)
            return null;
        db.AuditEntries.Add(AuditTrail.Line(complaint, db.UtcNow, db.CurrentUserName, AuditActions.Opened,
            $"Avis de la CDU lu depuis la séance du {CduText.Date(meeting.Date)}"));
        await db.SaveChangesAsync(ct);
        return (opinion, complaint.CduOpinionText ?? "");
    }

    internal static async Task<CduMeeting> LoadAsync(AppDbContext db, Guid meetingId, CancellationToken ct) =>
        await db.CduMeetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct) ?? throw new CaseRuleException("Cette séance n'existe plus.");

    /// <summary>Saves a changed meeting if nobody saved it since <paramref name="stamp"/> was read; gives it a new stamp.</summary>
    internal static async Task SaveAsync(AppDbContext db, CduMeeting meeting, Guid stamp, CancellationToken ct)
    {
        db.Entry(meeting).Property(m => m.ConcurrencyStamp).OriginalValue = stamp;
        meeting.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new CaseConflictException("Cette séance a été modifiée par quelqu'un d'autre depuis que vous l'avez ouverte : rechargez-la.");
        }
    }

    internal static void EnsureOpen(CduMeeting meeting)
    {
        if (meeting.Status is CduMeetingStatus.Held or CduMeetingStatus.Cancelled)
            throw new CaseRuleException($"La séance du {CduText.Date(meeting.Date)} est {meeting.Status.Label().ToLowerInvariant()} : elle ne peut plus être modifiée.");
    }

    private void EnsureHeldOrDue(CduMeeting meeting)
    {
        if (meeting.Status == CduMeetingStatus.Cancelled)
            throw new CaseRuleException($"La séance du {CduText.Date(meeting.Date)} a été annulée.");
        if (meeting.Date > ParisCalendar.Today(clock))
            throw new CaseRuleException($"La séance du {CduText.Date(meeting.Date)} n'a pas encore eu lieu.");
    }
}
