using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Mediation;

/// <summary>
/// Mediation meetings and their minutes: booking (future, no double booking, R.1112-93's 8 days or a reason), moving and
/// cancelling with a reason, the calendar, the minutes from draft to their sending (R.1112-94), each step audited and the
/// case's facts recorded through its steps.
/// </summary>
public sealed class MediationService(IDbContextFactory<AppDbContext> dbFactory, CaseFileService cases, TimeProvider clock,
    CaseChanges? changes = null)
{
    public const string AppointmentAction = AuditActions.MediationAppointment;
    public const string MinutesAction = AuditActions.MediationMinutes;

    /// <summary>The active mediators of the CDU register (never typed twice: the register is the one list).</summary>
    public async Task<IReadOnlyList<CduMember>> MediatorsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CduMembers.AsNoTracking()
            .Where(m => m.Active && (m.Category == CduCategory.MedicalMediator || m.Category == CduCategory.NonMedicalMediator))
            .OrderBy(m => m.Category).ThenBy(m => m.IsDeputy).ThenBy(m => m.FullName).ToListAsync(ct);
    }

    /// <summary>The mediators to propose for the complaint, with the substitution a conflict calls for (R.1112-87).</summary>
    public async Task<IReadOnlyList<(CduMember Mediator, string? Substitution)>> ProposeAsync(Guid caseId, CancellationToken ct = default)
    {
        var complaint = await ComplaintAsync(caseId, ct);
        return MediationBooking.Propose(complaint, await MediatorsAsync(ct));
    }

    public async Task<IReadOnlyList<MediationAppointment>> ForCaseAsync(Guid caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.MediationAppointments.AsNoTracking().Where(a => a.CaseFileId == caseId).OrderBy(a => a.Date).ThenBy(a => a.StartTime).ToListAsync(ct);
    }

    /// <summary>The meetings between two dates (the office's calendar), or one mediator's.</summary>
    public async Task<IReadOnlyList<MediationAppointment>> CalendarAsync(DateOnly from, DateOnly to, Guid? mediatorId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.MediationAppointments.AsNoTracking().Where(a => a.Date >= from && a.Date <= to);
        if (mediatorId is { } id)
            rows = rows.Where(a => a.MediatorIds.Contains(id));
        return await rows.OrderBy(a => a.Date).ThenBy(a => a.StartTime).ToListAsync(ct);
    }

    /// <summary>The references of the meetings' complaints, by case id (a list of meetings names them by it).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> ReferencesAsync(IEnumerable<Guid> caseIds, CancellationToken ct = default)
    {
        var ids = caseIds.Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CaseFiles.Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Reference }).ToDictionaryAsync(c => c.Id, c => c.Reference, ct);
    }

    /// <summary>Books a meeting for a complaint in mediation; refused with every problem named.</summary>
    public async Task<MediationAppointment> BookAsync(Guid caseId, AppointmentRequest request, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var complaint = await db.Complaints.Include(c => c.Events).FirstOrDefaultAsync(c => c.Id == caseId, ct)
            ?? throw new CaseRuleException("Cette réclamation n'existe plus.");
        if (complaint.Status != CaseStatus.InMediation)
            throw new CaseRuleException("Saisissez d'abord le médiateur (étape « Saisir le médiateur ») : la rencontre suit sa saisine (CSP art. R.1112-93).");
        await EnsureBookableAsync(db, complaint, request, null, ct);
        var appointment = new MediationAppointment { CaseFileId = caseId };
        Apply(appointment, request);
        appointment.History.Add(Change(db, $"Rencontre fixée le {Describe(appointment)}", request.LateReason));
        db.MediationAppointments.Add(appointment);
        db.AuditEntries.Add(AuditTrail.Line(complaint, db.UtcNow, db.CurrentUserName, AppointmentAction, $"Fixée le {Describe(appointment)}"));
        await db.SaveChangesAsync(ct);
        await PublishAsync(db, caseId);
        return appointment;
    }

    /// <summary>Moves a planned meeting; the reason is required and the previous date stays in the history.</summary>
    public async Task<MediationAppointment> RescheduleAsync(Guid appointmentId, Guid stamp, AppointmentRequest request, string? reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new CaseRuleException("Le motif du report est obligatoire.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (appointment, complaint) = await LoadPlannedAsync(db, appointmentId, stamp, ct);
        await EnsureBookableAsync(db, complaint, request, appointmentId, ct);
        var before = Describe(appointment);
        Apply(appointment, request);
        appointment.History.Add(Change(db, $"Reportée du {before} au {Describe(appointment)}", reason));
        db.AuditEntries.Add(AuditTrail.Line(complaint, db.UtcNow, db.CurrentUserName, AppointmentAction, $"Reportée du {before} au {Describe(appointment)} : {reason.Trim()}"));
        await SaveAsync(db, appointment, stamp, ct);
        await PublishAsync(db, appointment.CaseFileId);
        return appointment;
    }

    public async Task<MediationAppointment> CancelAsync(Guid appointmentId, Guid stamp, string? reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new CaseRuleException("Le motif de l'annulation est obligatoire.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (appointment, complaint) = await LoadPlannedAsync(db, appointmentId, stamp, ct);
        appointment.Status = MediationAppointmentStatus.Cancelled;
        appointment.History.Add(Change(db, $"Rencontre du {Describe(appointment)} annulée", reason));
        db.AuditEntries.Add(AuditTrail.Line(complaint, db.UtcNow, db.CurrentUserName, AppointmentAction, $"Annulée ({Describe(appointment)}) : {reason.Trim()}"));
        await SaveAsync(db, appointment, stamp, ct);
        await PublishAsync(db, appointment.CaseFileId);
        return appointment;
    }

    /// <summary>
    /// The meeting took place: recorded on the case as the meeting of each mediator (R.1112-92 al.2 for a mixed mediation),
    /// on its date — the start of the 8 days the report has (R.1112-94 al.1).
    /// </summary>
    public async Task<MediationAppointment> RecordHeldAsync(Guid appointmentId, Guid stamp, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The meeting held and its facts on the case are one fact: one transaction, published once after its commit.
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var (appointment, complaint) = await LoadPlannedAsync(db, appointmentId, stamp, ct);
            if (appointment.StartsAt > ParisCalendar.Local(clock.GetUtcNow()))
                throw new CaseRuleException("La rencontre n'a pas encore eu lieu.");
            appointment.Status = MediationAppointmentStatus.Held;
            appointment.History.Add(Change(db, "Rencontre tenue", null));
            await SaveAsync(db, appointment, stamp, ct);
            var mediators = await db.CduMembers.AsNoTracking().Where(m => appointment.MediatorIds.Contains(m.Id)).ToListAsync(ct);
            var caseStamp = complaint.ConcurrencyStamp;
            foreach (var type in MeetingEvents(complaint, mediators))
                caseStamp = (await cases.AddEventWithinAsync(db, complaint.Id, caseStamp, type,
                    new StepInput(appointment.Date, $"Rencontre de médiation ({appointment.Place})"), ct)).ConcurrencyStamp;
            await tx.CommitAsync(ct);
            await PublishAsync(db, complaint.Id);
            return appointment;
        }
    }

    /// <summary>A mixed mediation records which mediator met the complainant; a single one, the meeting.</summary>
    private static IEnumerable<string> MeetingEvents(Complaint complaint, IReadOnlyList<CduMember> mediators)
    {
        if (complaint.MediationType != MediationType.Mixed)
            return [CaseEventTypes.MediationMeeting];
        return mediators.Select(m => m.Category == CduCategory.MedicalMediator ? CaseEventTypes.MedicalMediationMeeting : CaseEventTypes.NonMedicalMediationMeeting)
            .Distinct();
    }

    // ---------------------------------------------------------------- minutes

    /// <summary>The meeting's minutes, a new draft when none was written.</summary>
    public async Task<MediationMinutes> MinutesAsync(Guid appointmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var appointment = await db.MediationAppointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == appointmentId, ct)
            ?? throw new CaseRuleException("Cette rencontre n'existe plus.");
        return await db.MediationMinutes.AsNoTracking().FirstOrDefaultAsync(m => m.AppointmentId == appointmentId, ct)
               ?? new MediationMinutes { AppointmentId = appointmentId, CaseFileId = appointment.CaseFileId };
    }

    /// <summary>Saves the minutes as written (a draft until submitted); refused once sent to the president.</summary>
    public async Task<MediationMinutes> SaveMinutesAsync(MediationMinutes edited, bool submit, CancellationToken ct = default)
    {
        foreach (var (title, text) in edited.Sections())
            if (text.Length > MediationMinutes.TextMaxLength)
                throw new CaseRuleException($"« {title} » ne doit pas dépasser {MediationMinutes.TextMaxLength} caractères.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var appointment = await db.MediationAppointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == edited.AppointmentId, ct)
            ?? throw new CaseRuleException("Cette rencontre n'existe plus.");
        var row = await db.MediationMinutes.FirstOrDefaultAsync(m => m.AppointmentId == edited.AppointmentId, ct);
        if (row is null)
        {
            row = new MediationMinutes { AppointmentId = appointment.Id, CaseFileId = appointment.CaseFileId };
            db.MediationMinutes.Add(row);
        }
        else
        {
            if (row.ConcurrencyStamp != edited.ConcurrencyStamp)
                throw Conflict(row);
            if (row.Status >= MinutesStatus.SentToPresident)
                throw new CaseRuleException("Ce compte rendu a déjà été transmis au président de la CDU : il ne peut plus être modifié.");
        }
        (row.PersonsPresent, row.Grievances, row.Explanations, row.Agreements, row.Disagreements, row.Expectations, row.Proposals, row.RemediesInformation) =
            (Trim(edited.PersonsPresent), Trim(edited.Grievances), Trim(edited.Explanations), Trim(edited.Agreements), Trim(edited.Disagreements),
             Trim(edited.Expectations), Trim(edited.Proposals), Trim(edited.RemediesInformation));
        if (submit)
        {
            if (string.IsNullOrWhiteSpace(row.PersonsPresent) || string.IsNullOrWhiteSpace(row.Grievances))
                throw new CaseRuleException("Indiquez au moins les personnes présentes et les griefs exprimés avant de remettre le compte rendu.");
            row.Status = MinutesStatus.Submitted;
        }
        Touch(db, row);
        var file = await db.CaseFiles.AsNoTracking().FirstAsync(c => c.Id == row.CaseFileId, ct);
        db.AuditEntries.Add(AuditTrail.Line(file, db.UtcNow, db.CurrentUserName, MinutesAction, submit ? "Remis par le médiateur" : "Brouillon enregistré"));
        await SaveAsync(db, row, edited.ConcurrencyStamp, ct);
        await PublishAsync(db, row.CaseFileId);
        return row;
    }

    /// <summary>The parties' approval before the minutes go: approved or not (a refusal is noted and the minutes may still go), dated.</summary>
    public async Task<MediationMinutes> RecordApprovalAsync(Guid appointmentId, Guid stamp, bool approved, DateOnly on, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await LoadMinutesAsync(db, appointmentId, stamp, MinutesStatus.Submitted, ct);
        if (on > ParisCalendar.Today(clock))
            throw new CaseRuleException("La date de l'avis des parties ne peut pas être dans le futur.");
        (row.ApprovedByParties, row.ApprovedOn, row.Status) = (approved, on, MinutesStatus.Approved);
        Touch(db, row);
        var file = await db.CaseFiles.AsNoTracking().FirstAsync(c => c.Id == row.CaseFileId, ct);
        db.AuditEntries.Add(AuditTrail.Line(file, db.UtcNow, db.CurrentUserName, MinutesAction,
            $"{(approved ? "Approuvé" : "Non approuvé")} par les parties le {on:dd/MM/yyyy}"));
        await SaveAsync(db, row, stamp, ct);
        await PublishAsync(db, row.CaseFileId);
        return row;
    }

    /// <summary>
    /// Sent to the CDU president (R.1112-94 al.1, within 8 days of the meeting): the case's step « Transmettre le compte
    /// rendu de médiation », which meets that deadline and starts the forwarding one.
    /// </summary>
    public Task<MediationMinutes> SendToPresidentAsync(Guid appointmentId, Guid stamp, DateOnly on, CancellationToken ct = default) =>
        AdvanceAsync(appointmentId, stamp, on, MinutesStatus.Approved, MinutesStatus.SentToPresident, CaseEventTypes.MediationReportSent,
            "Transmis au président de la CDU", ct);

    /// <summary>Forwarded by the president « sans délai » to the members and the complainant (R.1112-94 al.1).</summary>
    public Task<MediationMinutes> ForwardAsync(Guid appointmentId, Guid stamp, DateOnly on, CancellationToken ct = default) =>
        AdvanceAsync(appointmentId, stamp, on, MinutesStatus.SentToPresident, MinutesStatus.Forwarded, CaseEventTypes.MediationReportForwarded,
            "Adressé aux membres de la CDU et au plaignant", ct);

    private async Task<MediationMinutes> AdvanceAsync(Guid appointmentId, Guid stamp, DateOnly on, MinutesStatus from, MinutesStatus to, string eventType,
        string what, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The case's step and the minutes' state are one fact: one transaction, so that a failure leaves neither (a case
        // « sent to the president » with minutes still « approved » would count the forwarding delay for nothing).
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = await LoadMinutesAsync(db, appointmentId, stamp, from, ct);
        var file = await db.CaseFiles.AsNoTracking().FirstAsync(c => c.Id == row.CaseFileId, ct);
        // The case's fact first (its step, its checks, its deadlines); the minutes follow it.
        await cases.AddEventWithinAsync(db, file.Id, file.ConcurrencyStamp, eventType, new StepInput(on, what), ct);
        row.Status = to;
        if (to == MinutesStatus.SentToPresident)
            row.SentToPresidentOn = on;
        else
            row.ForwardedOn = on;
        Touch(db, row);
        db.AuditEntries.Add(AuditTrail.Line(file, db.UtcNow, db.CurrentUserName, MinutesAction, $"{what} le {on:dd/MM/yyyy}"));
        await SaveAsync(db, row, stamp, ct);
        await tx.CommitAsync(ct);
        // After the commit only: listeners told before it would read the case still « avis des parties recueilli ».
        await PublishAsync(db, file.Id);
        return row;
    }

    /// <summary>The cases a mediator account may open: those whose meetings he is booked for (his CDU register entry's account).</summary>
    public async Task<IReadOnlySet<Guid>> CasesOfMediatorAsync(string userName, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One query: the register entries of the account, and the meetings one of them is booked for.
        var mine = db.CduMembers.Where(m => m.UserName == userName).Select(m => m.Id);
        var cases = await db.MediationAppointments.AsNoTracking().Where(a => a.MediatorIds.Any(id => mine.Contains(id)))
            .Select(a => a.CaseFileId).Distinct().ToListAsync(ct);
        return cases.ToHashSet();
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>Tells the open queues and case pages, after the commit, that the case's mediation changed.</summary>
    private Task PublishAsync(AppDbContext db, Guid caseId) => changes?.PublishAsync(db, caseId) ?? Task.CompletedTask;

    private async Task EnsureBookableAsync(AppDbContext db, Complaint complaint, AppointmentRequest request, Guid? movedId, CancellationToken ct)
    {
        var mediators = await db.CduMembers.AsNoTracking().Where(m => request.MediatorIds.Contains(m.Id)).ToListAsync(ct);
        var start = request.Date.AddDays(-1);
        var end = request.Date.AddDays(1);
        var planned = await db.MediationAppointments.AsNoTracking().Where(a => a.Date >= start && a.Date <= end).ToListAsync(ct);
        var referred = complaint.LiveEvents.Where(e => e.Type == CaseEventTypes.MediatorReferred).Select(e => (DateOnly?)e.OccurredOn).Max();
        var problems = MediationBooking.Problems(request, ParisCalendar.Local(clock.GetUtcNow()), complaint, referred, mediators, planned, movedId);
        if (problems.Count > 0)
            throw new CaseRuleException(string.Join(" ", problems));
    }

    private static void Apply(MediationAppointment appointment, AppointmentRequest request)
    {
        (appointment.Date, appointment.StartTime, appointment.DurationMinutes, appointment.Place) = (request.Date, request.StartTime, request.DurationMinutes, request.Place.Trim());
        appointment.MediatorIds = [.. request.MediatorIds.Distinct()];
        (appointment.ComplainantInvited, appointment.Relatives, appointment.AccompanyingRepresentative, appointment.Professionals) =
            (request.ComplainantInvited, TypedText.NullIfBlank(request.Relatives), TypedText.NullIfBlank(request.AccompanyingRepresentative), TypedText.NullIfBlank(request.Professionals));
        if (!string.IsNullOrWhiteSpace(request.LateReason))
            appointment.LateReason = request.LateReason.Trim();
    }

    private async Task<(MediationAppointment, Complaint)> LoadPlannedAsync(AppDbContext db, Guid appointmentId, Guid stamp, CancellationToken ct)
    {
        var appointment = await db.MediationAppointments.FirstOrDefaultAsync(a => a.Id == appointmentId, ct)
            ?? throw new CaseRuleException("Cette rencontre n'existe plus.");
        if (appointment.ConcurrencyStamp != stamp)
            throw Conflict(appointment);
        if (appointment.Status != MediationAppointmentStatus.Planned)
            throw new CaseRuleException($"Cette rencontre est {appointment.Status.Label().ToLowerInvariant()} : elle ne peut plus être modifiée.");
        var complaint = await db.Complaints.AsNoTracking().Include(c => c.Events).FirstAsync(c => c.Id == appointment.CaseFileId, ct);
        return (appointment, complaint);
    }

    private static async Task<MediationMinutes> LoadMinutesAsync(AppDbContext db, Guid appointmentId, Guid stamp, MinutesStatus expected, CancellationToken ct)
    {
        var row = await db.MediationMinutes.FirstOrDefaultAsync(m => m.AppointmentId == appointmentId, ct)
            ?? throw new CaseRuleException("Aucun compte rendu n'a encore été rédigé pour cette rencontre.");
        if (row.ConcurrencyStamp != stamp)
            throw Conflict(row);
        if (row.Status != expected)
            throw new CaseRuleException($"Le compte rendu est au statut « {row.Status.Label()} » : cette étape n'est pas possible.");
        return row;
    }

    private static async Task SaveAsync(AppDbContext db, MediationAppointment appointment, Guid stamp, CancellationToken ct)
    {
        db.Entry(appointment).Property(a => a.ConcurrencyStamp).OriginalValue = stamp;
        appointment.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Conflict(await db.MediationAppointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == appointment.Id, ct) ?? appointment);
        }
    }

    /// <summary>Saved only if nobody saved the minutes since <paramref name="stamp"/> was read (a check then a write is not enough).</summary>
    private static async Task SaveAsync(AppDbContext db, MediationMinutes row, Guid stamp, CancellationToken ct)
    {
        if (db.Entry(row).State != EntityState.Added)
            db.Entry(row).Property(m => m.ConcurrencyStamp).OriginalValue = stamp;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Conflict(await db.MediationMinutes.AsNoTracking().FirstOrDefaultAsync(m => m.Id == row.Id, ct) ?? row);
        }
    }

    /// <summary>Someone saved the meeting since it was shown: who and when, as the case pages say it.</summary>
    private static CaseConflictException Conflict(MediationAppointment latest) =>
        new(latest.History.LastOrDefault() is { } last
            ? $"Cette rencontre a été modifiée par {last.By} le {When(last.AtUtc)} depuis que vous l'avez ouverte : rechargez-la."
            : "Cette rencontre a été modifiée entre-temps : rechargez-la.");

    /// <summary>Someone saved the minutes since they were shown; what the user typed stays on screen.</summary>
    private static CaseConflictException Conflict(MediationMinutes latest) =>
        new($"Ce compte rendu a été modifié par {latest.UpdatedBy} le {When(latest.UpdatedAtUtc)} depuis que vous l'avez ouvert. " +
            "Vos saisies sont conservées à l'écran : rechargez le compte rendu puis appliquez-les de nouveau.");

    private static string When(DateTime utc) =>
        ParisCalendar.Local(new DateTimeOffset(utc, TimeSpan.Zero)).ToString("dd/MM/yyyy 'à' HH:mm", CultureInfo.InvariantCulture);

    private static void Touch(AppDbContext db, MediationMinutes row)
    {
        (row.UpdatedAtUtc, row.UpdatedBy, row.ConcurrencyStamp) = (db.UtcNow, db.CurrentUserName, Guid.NewGuid());
    }

    private static MediationAppointmentChange Change(AppDbContext db, string what, string? reason) =>
        new() { AtUtc = db.UtcNow, By = db.CurrentUserName, What = what, Reason = TypedText.NullIfBlank(reason) };

    private static string Describe(MediationAppointment a) => $"{a.Date:dd/MM/yyyy} à {a.StartTime:HH\\:mm} ({a.DurationMinutes} min, {a.Place})";

    private static string Trim(string? text) => text?.Trim() ?? "";


    private async Task<Complaint> ComplaintAsync(Guid caseId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Complaints.AsNoTracking().Include(c => c.Events).FirstOrDefaultAsync(c => c.Id == caseId, ct)
            ?? throw new CaseRuleException("Cette réclamation n'existe plus.");
    }
}
