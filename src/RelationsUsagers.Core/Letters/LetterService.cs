using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Documents;
using RelationsUsagers.Core.Mediation;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Letters;

/// <summary>A letter that fits a case, with its recipients and, for the first, what is still missing to write it.</summary>
public sealed record LetterProposal(LetterDefinition Letter, IReadOnlyList<LetterRecipient> Recipients, IReadOnlyList<string> Missing)
{
    public bool Ready => Missing.Count == 0;
}

/// <summary>A letter ready to be written or refused: its values, what is missing (in French), its text for the preview.</summary>
/// <remarks><see cref="Typed"/>: the fields the officer types for it (those the case does not fill).</remarks>
public sealed record LetterDraft(LetterDefinition Letter, LetterRecipient Recipient, IReadOnlyDictionary<string, string?> Values,
    IReadOnlyList<string> Missing, IReadOnlyList<string> Preview)
{
    public bool Ready => Missing.Count == 0;

    public IReadOnlyList<LetterField> Typed { get; init; } = [];
}

/// <summary>
/// Writes the office's letters from a case (or a CDU meeting) with the current template of each, files them in the case's
/// documents, records their sending, and keeps the templates' versions and the establishment's letterhead.
/// </summary>
public sealed class LetterService(IDbContextFactory<AppDbContext> dbFactory, CaseDocumentService documents, CaseFileService cases,
    TimeProvider clock)
{
    /// <summary>The letterhead; a new one (to fill in) when none was saved.</summary>
    public async Task<Establishment> GetEstablishmentAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Establishments.AsNoTracking().OrderBy(e => e.Id).FirstOrDefaultAsync(ct) ?? new Establishment();
    }

    /// <summary>Saves the letterhead, checked by <see cref="EstablishmentValidator"/>; only a holder of <see cref="Permissions.LettersManage"/>.</summary>
    public async Task<Establishment> SaveEstablishmentAsync(Establishment edited, CancellationToken ct = default)
    {
        var result = new EstablishmentValidator().Validate(edited);
        if (!result.IsValid)
            throw new CaseValidationException(result.Errors);
        if (edited.Logo is { Length: > 0 } logo)
        {
            if (logo.Length > Establishment.MaxLogoBytes)
                throw new CaseRuleException("Le logo dépasse 512 Ko.");
            if (edited.LogoContentType is not ("image/png" or "image/jpeg") || LetterDocx.LogoSize(logo).Width == 0)
                throw new CaseRuleException("Le logo doit être une image PNG ou JPEG.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureManagerAsync(db, "Seul un responsable peut modifier l'en-tête des courriers.", ct);
        var row = await db.Establishments.OrderBy(e => e.Id).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            row = new Establishment();
            db.Establishments.Add(row);
        }
        db.Entry(row).CurrentValues.SetValues(edited);
        (row.Id, row.UpdatedAtUtc, row.UpdatedBy) = (Establishment.SingletonId, db.UtcNow, db.CurrentUserName);
        db.AuditEntries.Add(new AuditEntry { AtUtc = db.UtcNow, UserName = db.CurrentUserName, Action = AuditActions.EstablishmentChanged,
            Details = "En-tête des courriers modifié." });
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>The letters that fit the case as it stands, each with its recipients and what its first recipient still lacks.</summary>
    public async Task<IReadOnlyList<LetterProposal>> ProposeAsync(Guid caseId, CancellationToken ct = default)
    {
        var loaded = await LoadCaseAsync(caseId, ct);
        var (file, establishment) = (loaded.File, loaded.Establishment);
        var proposals = new List<LetterProposal>();
        foreach (var letter in LetterCatalog.For(file.Kind).Where(l => l.Fits(file)))
        {
            var recipients = letter.Recipients(file, establishment);
            // Fields the officer types are asked in the panel: not « missing » yet.
            var draft = Draft(letter, Context(loaded, recipients[0], new Dictionary<string, string?>()), null, askedStillToType: true);
            proposals.Add(new LetterProposal(letter, recipients, draft.Missing));
        }
        return proposals;
    }

    /// <summary>The letter's values and preview for this recipient and the typed fields, or what is missing to write it.</summary>
    public async Task<LetterDraft> PrepareAsync(Guid caseId, string letterCode, string? recipientKey, IReadOnlyDictionary<string, string?> asked,
        CancellationToken ct = default)
    {
        var letter = Find(letterCode);
        var loaded = await LoadCaseAsync(caseId, ct);
        var recipient = Recipient(letter, loaded.File, loaded.Establishment, recipientKey);
        var template = await CurrentTemplateAsync(letter, ct);
        return Draft(letter, Context(loaded, recipient, asked), template.Content);
    }

    /// <summary>Writes the letter, files it in the case's documents (audited) and returns it; refused with what is missing.</summary>
    public async Task<(CaseDocument Document, byte[] Content)> GenerateAsync(Guid caseId, string letterCode, string? recipientKey,
        IReadOnlyDictionary<string, string?> asked, CancellationToken ct = default)
    {
        var (letter, file, recipient, content) = await WriteAsync(caseId, letterCode, recipientKey, asked, ct);
        var fileName = $"{ParisCalendar.Today(clock):yyyy-MM-dd} {letter.Title} {file.Reference}.docx";
        using var stream = new MemoryStream(content, writable: false);
        var document = await documents.UploadAsync(caseId, fileName, stream, content.Length, $"Courrier : {letter.Title} – à {recipient.Name}", ct);
        return (document, content);
    }

    /// <summary>Writes the letter without filing it (the command line's <c>letters render</c>), audited all the same.</summary>
    public async Task<byte[]> RenderAsync(Guid caseId, string letterCode, string? recipientKey, IReadOnlyDictionary<string, string?> asked,
        CancellationToken ct = default) => (await WriteAsync(caseId, letterCode, recipientKey, asked, ct)).Content;

    private async Task<(LetterDefinition Letter, CaseFile File, LetterRecipient Recipient, byte[] Content)> WriteAsync(Guid caseId, string letterCode,
        string? recipientKey, IReadOnlyDictionary<string, string?> asked, CancellationToken ct)
    {
        var letter = Find(letterCode);
        var loaded = await LoadCaseAsync(caseId, ct);
        var (file, establishment) = (loaded.File, loaded.Establishment);
        var recipient = Recipient(letter, file, establishment, recipientKey);
        var template = await CurrentTemplateAsync(letter, ct);
        var draft = Draft(letter, Context(loaded, recipient, asked), null);
        if (!draft.Ready)
            throw new CaseRuleException("Courrier impossible à établir : " + string.Join(" ", draft.Missing));
        var content = LetterDocx.Fill(template.Content, draft.Values, establishment.Logo, establishment.LogoContentType);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditEntries.Add(AuditTrail.Line(file, db.UtcNow, db.CurrentUserName, AuditActions.LetterGenerated,
            $"{letter.Title} ({template.Label}), destinataire : {recipient.Capacity}"));
        await db.SaveChangesAsync(ct);
        return (letter, file, recipient, content);
    }

    /// <summary>
    /// Records that the letter was sent (date, mode, LRAR number in <paramref name="input"/>): its event — or its step — on the
    /// case, which meets the deadline the letter answers, and what the letter establishes, in one transaction.
    /// </summary>
    public async Task<CaseFile> RecordSendingAsync(Guid caseId, Guid stamp, string letterCode, StepInput input, CancellationToken ct = default)
    {
        var letter = Find(letterCode);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var file = await db.CaseFiles.AsNoTracking().Include(c => c.Events).FirstOrDefaultAsync(c => c.Id == caseId, ct)
            ?? throw new CaseRuleException("Ce dossier n'existe plus.");
        var eventType = letter.SendingEvent(file) ?? throw new CaseRuleException("L'envoi de ce courrier ne s'enregistre pas sur le dossier.");
        var note = string.IsNullOrWhiteSpace(input.Text) ? $"Courrier : {letter.Title}" : input.Text;
        return await cases.RecordSendingAsync(caseId, stamp, eventType, input with { Text = note }, letter.OnSent, ct);
    }

    /// <summary>The convocation of every active member, full and deputy, to the meeting, in one document (one letter per page).</summary>
    public async Task<byte[]> ConvocationsAsync(Guid meetingId, IReadOnlyDictionary<string, string?> asked, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await ConvocationBatchAsync(db, meetingId, asked, ct);
        if (batch.Problems.Count > 0)
            throw new CaseRuleException("Convocations impossibles à établir : " + string.Join(" ", batch.Problems));
        var letter = CduLetters.Convocation;
        db.AuditEntries.Add(new AuditEntry { AtUtc = db.UtcNow, UserName = db.CurrentUserName, Action = AuditActions.LetterGenerated,
            Details = $"{letter.Title} du {batch.Meeting.Date:dd/MM/yyyy} : {batch.Drafts.Count} membre(s) convoqué(s)" });
        await db.SaveChangesAsync(ct);
        var template = await CurrentTemplateAsync(letter, ct);
        return LetterDocx.FillMany(template.Content, batch.Drafts.Select(d => d.Values).ToList(), batch.Establishment.Logo, batch.Establishment.LogoContentType);
    }

    /// <summary>What stops the convocations from being written (in French), and how many members they go to: the page asks before offering the download.</summary>
    public async Task<(int Members, IReadOnlyList<string> Problems)> CheckConvocationsAsync(Guid meetingId, IReadOnlyDictionary<string, string?> asked,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await ConvocationBatchAsync(db, meetingId, asked, ct);
        return (batch.Drafts.Count, batch.Problems);
    }

    private sealed record ConvocationBatch(CduMeeting Meeting, Establishment Establishment, IReadOnlyList<LetterDraft> Drafts, IReadOnlyList<string> Problems);

    private async Task<ConvocationBatch> ConvocationBatchAsync(AppDbContext db, Guid meetingId, IReadOnlyDictionary<string, string?> asked, CancellationToken ct)
    {
        var meeting = await db.CduMeetings.AsNoTracking().Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == meetingId, ct)
            ?? throw new CaseRuleException("Cette séance n'existe plus.");
        var members = await db.CduMembers.AsNoTracking().Where(m => m.Active).OrderBy(m => m.IsDeputy).ThenBy(m => m.FullName).ToListAsync(ct);
        var establishment = await db.Establishments.AsNoTracking().OrderBy(e => e.Id).FirstOrDefaultAsync(ct) ?? new Establishment();
        var drafts = members.Select(m => Draft(CduLetters.Convocation, new LetterContext
        {
            Establishment = establishment, Today = ParisCalendar.Today(clock), Asked = asked, Meeting = meeting, Member = m,
            Recipient = new LetterRecipient("member", m.Category.Label(), m.FullName, m.Email, MayReceiveMedicalContent: true),
        }, null)).ToList();
        var problems = members.Count == 0 ? ["Aucun membre actif à convoquer."] : drafts.SelectMany(d => d.Missing).Distinct().ToList();
        return new ConvocationBatch(meeting, establishment, drafts, problems);
    }

    // ---------------------------------------------------------------- templates

    /// <summary>A template as the office downloads it: its content, its version (0: the default one) and a French label.</summary>
    public sealed record TemplateFile(byte[] Content, int Version, string Label);

    public async Task<TemplateFile> CurrentTemplateAsync(LetterDefinition letter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.LetterTemplates.AsNoTracking().Where(t => t.LetterCode == letter.Code).OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct);
        return row is null ? new TemplateFile(LetterDocx.BuildDefault(letter), 0, "modèle par défaut") : new TemplateFile(row.Content, row.Version, $"modèle version {row.Version}");
    }

    /// <summary>Every uploaded version of the letter's template, newest first (content not loaded).</summary>
    public async Task<IReadOnlyList<LetterTemplate>> VersionsAsync(string letterCode, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.LetterTemplates.AsNoTracking().Where(t => t.LetterCode == letterCode).OrderByDescending(t => t.Version)
            .Select(t => new LetterTemplate { Id = t.Id, LetterCode = t.LetterCode, Version = t.Version, FileName = t.FileName,
                UploadedAtUtc = t.UploadedAtUtc, UploadedBy = t.UploadedBy, Note = t.Note })
            .ToListAsync(ct);
    }

    public async Task<byte[]?> VersionContentAsync(string letterCode, int version, CancellationToken ct = default)
    {
        if (version == 0)
            return LetterDocx.BuildDefault(Find(letterCode));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.LetterTemplates.AsNoTracking().Where(t => t.LetterCode == letterCode && t.Version == version).Select(t => t.Content).FirstOrDefaultAsync(ct);
    }

    /// <summary>Stores an uploaded template as the newest version, or refuses it with every problem named (<see cref="LetterDocx.Check"/>).</summary>
    public async Task<LetterTemplate> UploadTemplateAsync(string letterCode, string fileName, byte[] content, string? note, CancellationToken ct = default)
    {
        var letter = Find(letterCode);
        if (content.Length > DocumentTypes.MaxBytes)
            throw new CaseRuleException("Le modèle dépasse 20 Mo.");
        if (!fileName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
            throw new CaseRuleException("Le modèle doit être un document Word (.docx).");
        var problems = LetterDocx.Check(letter, content);
        if (problems.Count > 0)
            throw new CaseRuleException("Modèle refusé : " + string.Join(" ", problems));
        return await AddVersionAsync(letter, DocumentTypes.CleanName(fileName), content, note, ct);
    }

    /// <summary>Makes an old version (0: the default) the current one, as a new version: the history never changes.</summary>
    public async Task<LetterTemplate> RestoreAsync(string letterCode, int version, CancellationToken ct = default)
    {
        var letter = Find(letterCode);
        var content = await VersionContentAsync(letterCode, version, ct) ?? throw new CaseRuleException("Cette version n'existe pas.");
        return await AddVersionAsync(letter, $"{letter.Code}.docx", content,
            version == 0 ? "Retour au modèle par défaut" : $"Restauration de la version {version}", ct);
    }

    private async Task<LetterTemplate> AddVersionAsync(LetterDefinition letter, string fileName, byte[] content, string? note, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureManagerAsync(db, "Seul un responsable peut changer les modèles de courrier.", ct);
        var last = await db.LetterTemplates.Where(t => t.LetterCode == letter.Code).MaxAsync(t => (int?)t.Version, ct) ?? 0;
        var row = new LetterTemplate
        {
            LetterCode = letter.Code, Version = last + 1, Content = content, FileName = fileName, UploadedAtUtc = db.UtcNow,
            UploadedBy = db.CurrentUserName, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
        db.LetterTemplates.Add(row);
        db.AuditEntries.Add(new AuditEntry { AtUtc = db.UtcNow, UserName = db.CurrentUserName, Action = AuditActions.LetterTemplateChanged,
            Details = $"{letter.Title} : version {row.Version}{(row.Note is null ? "" : $" ({row.Note})")}" });
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>The newest uploaded version of each letter that has one, by letter code (content not loaded).</summary>
    public async Task<IReadOnlyDictionary<string, LetterTemplate>> LatestVersionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.LetterTemplates.AsNoTracking()
            .Select(t => new LetterTemplate { Id = t.Id, LetterCode = t.LetterCode, Version = t.Version, FileName = t.FileName,
                UploadedAtUtc = t.UploadedAtUtc, UploadedBy = t.UploadedBy, Note = t.Note })
            .ToListAsync(ct);
        return rows.GroupBy(t => t.LetterCode).ToDictionary(g => g.Key, g => g.MaxBy(t => t.Version)!);
    }

    /// <summary>A hidden button is no protection: the letterhead and the templates change only for a manager.</summary>
    private static async Task EnsureManagerAsync(AppDbContext db, string refusal, CancellationToken ct)
    {
        if (!await UserPermissions.ActingUserHasAsync(db, Permissions.LettersManage, ct))
            throw new CaseRuleException(refusal);
    }

    // ---------------------------------------------------------------- drafting

    public static LetterDefinition Find(string code) =>
        LetterCatalog.Find(code) ?? throw new CaseRuleException($"Courrier inconnu : {code}.");

    /// <summary>The values, what is missing and (with a template) the preview of a letter in a context.</summary>
    /// <remarks><paramref name="askedStillToType"/>: the fields the officer types are not counted missing (the proposals' list).</remarks>
    public static LetterDraft Draft(LetterDefinition letter, LetterContext context, byte[]? template, bool askedStillToType = false)
    {
        var values = new Dictionary<string, string?>();
        foreach (var (field, value) in LetterValues.Common(letter, context).Concat(letter.Values(context)))
            values[field.Code] = value;
        var typedFields = letter.AskedIn(context);
        foreach (var field in typedFields)
            if (context.AskedValue(field) is { } typed)
                values[field.Code] = typed;
        var missing = new List<string>();
        foreach (var field in letter.Required.Where(f => string.IsNullOrWhiteSpace(values.GetValueOrDefault(f.Code))
                     && !(askedStillToType && typedFields.Contains(f))))
            missing.Add($"« {field.Label} » inconnu(e) : {letter.Hints.GetValueOrDefault(field.Code) ?? DefaultHint(field)}.");
        missing.AddRange(letter.Checks(context));
        if (letter.Confidential && !context.Recipient.MayReceiveMedicalContent)
            missing.Add($"Ce courrier contient des informations médicales : {context.Recipient.Name} ({context.Recipient.Capacity}) ne peut le recevoir " +
                        "tant que sa qualité n'est pas établie (CSP art. L.1110-4, L.1111-7).");
        var preview = template is null || missing.Count > 0 ? [] : LetterDocx.Paragraphs(LetterDocx.Fill(template, values));
        return new LetterDraft(letter, context.Recipient, values, missing, preview) { Typed = typedFields };
    }

    private static string DefaultHint(LetterField field) =>
        field.Code.StartsWith("service", StringComparison.Ordinal) || field.Code is "hospital" or "signatory" or "signatory-title" or "place-and-date" or "court"
            ? "complétez la page Établissement"
            : "complétez le dossier ou saisissez-le ci-dessous";

    private LetterContext Context(LoadedCase loaded, LetterRecipient recipient, IReadOnlyDictionary<string, string?> asked) => new()
    {
        Case = loaded.File, Establishment = loaded.Establishment, Deadlines = loaded.Deadlines, Clock = loaded.Clock, Mediation = loaded.Mediation,
        Recipient = recipient, Asked = asked, Today = ParisCalendar.Today(clock),
    };

    private sealed record LoadedCase(CaseFile File, Establishment Establishment, IReadOnlyList<Deadline> Deadlines, LegalClock Clock, BookedMediation? Mediation);

    private static LetterRecipient Recipient(LetterDefinition letter, CaseFile file, Establishment establishment, string? key)
    {
        if (letter.Kind != file.Kind)
            throw new CaseRuleException("Ce courrier ne concerne pas ce type de dossier.");
        var recipients = letter.Recipients(file, establishment);
        return key is null ? recipients[0] : recipients.FirstOrDefault(r => r.Key == key)
            ?? throw new CaseRuleException("Ce destinataire ne peut pas recevoir ce courrier.");
    }

    private async Task<LoadedCase> LoadCaseAsync(Guid caseId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var file = await db.CaseFiles.AsNoTracking().Include(c => c.Events).FirstOrDefaultAsync(c => c.Id == caseId, ct)
            ?? throw new CaseRuleException("Ce dossier n'existe plus.");
        var establishment = await db.Establishments.AsNoTracking().OrderBy(e => e.Id).FirstOrDefaultAsync(ct) ?? new Establishment();
        var suspensions = await db.ClockSuspensions.AsNoTracking().Where(s => s.CaseFileId == caseId).ToListAsync(ct);
        var legalClock = await LegalClockService.LoadClockAsync(db, ct);
        // The next meeting booked (a mediation invitation is written from it), with its mediators from the CDU register.
        var today = ParisCalendar.Today(clock);
        var planned = await db.MediationAppointments.AsNoTracking()
            .Where(a => a.CaseFileId == caseId && a.Status == MediationAppointmentStatus.Planned && a.Date >= today).ToListAsync(ct);
        var mediatorIds = planned.SelectMany(a => a.MediatorIds).Distinct().ToList();
        var mediators = await db.CduMembers.AsNoTracking().Where(m => mediatorIds.Contains(m.Id)).ToListAsync(ct);
        return new LoadedCase(file, establishment, legalClock.Compute(file, suspensions, clock), legalClock, BookedMediation.Next(planned, mediators, today));
    }
}
