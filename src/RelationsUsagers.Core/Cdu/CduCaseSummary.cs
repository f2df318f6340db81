using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Mediation;
using RelationsUsagers.Core.Requisitions;

namespace RelationsUsagers.Core.Cdu;

/// <summary>
/// A case as CDU members see it: pseudonymised (reference, initials, year of birth, texts without names nor contact
/// details), never the <see cref="CaseFile"/> itself. The mediation report, which holds medical content, is given only
/// when the case records the patient's written consent (L.1112-3).
/// </summary>
public sealed record CduCaseSummary
{
    public required string Reference { get; init; }
    public required string KindLabel { get; init; }
    /// <summary>Complaints: "Réclamation", "Plainte" or "Éloge".</summary>
    public string? NatureLabel { get; init; }
    public required string StatusLabel { get; init; }
    public IReadOnlyList<string> Services { get; init; } = [];
    public IReadOnlyList<string> Motives { get; init; } = [];
    public DateOnly ReceivedOn { get; init; }
    public DateOnly? AnswerSentOn { get; init; }
    public string? MediationTypeLabel { get; init; }
    public DateOnly? MediatorReferredOn { get; init; }
    public DateOnly? MediationMeetingOn { get; init; }
    public DateOnly? MediationReportSentOn { get; init; }
    public DateOnly? CduMeetingOn { get; init; }
    public string? CduOpinionLabel { get; init; }
    public string? CduOpinionText { get; init; }
    /// <summary>R.1112-80 I: litigation is shown to the CDU for information, outside its mediation circuit.</summary>
    public bool IsLitigation { get; init; }
    /// <summary>"A. L."</summary>
    public required string PatientInitials { get; init; }
    public int? PatientBirthYear { get; init; }
    /// <summary>The case's summary without names, e-mail addresses, phone numbers nor patient number.</summary>
    public required string Summary { get; init; }
    /// <summary>L.1112-3: the patient (or his heirs) consented in writing to the members seeing medical data.</summary>
    public bool MedicalDataConsent { get; init; }
    /// <summary>A mediation report reached the CDU president (R.1112-94 al.1), whether or not it may be shown.</summary>
    public bool HasMediationReport { get; init; }
    /// <summary>The mediation notes of the timeline, pseudonymised; null without the patient's consent.</summary>
    public string? MediationReport { get; init; }
    /// <summary>Minutes of a meeting were sent to the CDU president (R.1112-94 al.1), whether or not they may be shown.</summary>
    public bool HasMinutes { get; init; }
    /// <summary>Those minutes, section by section, pseudonymised; empty without the patient's consent (L.1112-3).</summary>
    public IReadOnlyList<CduMinutesSummary> Minutes { get; init; } = [];

    /// <summary>Something of the mediation reached the CDU but is withheld for lack of the patient's consent.</summary>
    public bool MediationWithheld => !MedicalDataConsent && (HasMediationReport || HasMinutes);

    public const string ReportWithheld =
        "Compte rendu de médiation non communiqué : le patient n'a pas donné son consentement écrit à l'accès des membres " +
        "de la CDU aux données médicales (art. L.1112-3 du CSP).";

    /// <summary>
    /// Builds the summary; the only way from a case to what a member sees. <paramref name="scrub"/> takes the personal
    /// data out of each text (given with its French label), as it does for the rest of the agenda.
    /// </summary>
    /// <param name="minutes">The case's meetings' minutes sent to the CDU president, with the meeting's date.</param>
    internal static CduCaseSummary From(CaseFile file, Func<string?, string, string> scrub, IEnumerable<(MediationMinutes Minutes, DateOnly MeetingOn)> minutes)
    {
        var sent = minutes.Where(m => m.Minutes.Status >= MinutesStatus.SentToPresident).OrderBy(m => m.MeetingOn).ToList();
        var complaint = file as Complaint;
        var consent = complaint?.MedicalDataConsentOn is not null;
        var reportEvents = file.LiveEvents
            .Where(e => e.Type is CaseEventTypes.MediationMeeting or CaseEventTypes.MedicalMediationMeeting or CaseEventTypes.NonMedicalMediationMeeting
                or CaseEventTypes.MediationReportSent)
            .OrderBy(e => e.OccurredOn).ToList();
        return new CduCaseSummary
        {
            Reference = file.Reference,
            KindLabel = file.Kind.Label(),
            NatureLabel = complaint?.Nature.Label(),
            StatusLabel = file.Status.Label(),
            Services = [.. file.Services],
            Motives = complaint?.Motives.Select(m => m.Label()).ToList() ?? [],
            ReceivedOn = file.ReceivedOn,
            AnswerSentOn = complaint?.AnswerSentOn ?? First(file, CaseEventTypes.AnswerSent),
            MediationTypeLabel = complaint is { MediationType: not MediationType.None } ? complaint.MediationType.Label() : null,
            MediatorReferredOn = First(file, CaseEventTypes.MediatorReferred),
            MediationMeetingOn = First(file, CaseEventTypes.MediationMeeting, CaseEventTypes.MedicalMediationMeeting, CaseEventTypes.NonMedicalMediationMeeting),
            MediationReportSentOn = First(file, CaseEventTypes.MediationReportSent),
            CduMeetingOn = complaint?.CduMeetingOn,
            CduOpinionLabel = complaint?.CduOpinion?.Label(),
            CduOpinionText = complaint?.CduOpinionText is { } opinion ? scrub(opinion, "Avis de la CDU") : null,
            IsLitigation = complaint?.IsLitigation ?? file is IndemnityClaim,
            PatientInitials = Pseudonymiser.Initials(file.Patient.FirstName, file.Patient.LastName),
            PatientBirthYear = file.Patient.BirthDate?.Year,
            Summary = scrub(file.Summary, "Résumé"),
            MedicalDataConsent = consent,
            HasMediationReport = reportEvents.Any(e => e.Type == CaseEventTypes.MediationReportSent),
            MediationReport = consent && reportEvents.Count > 0
                ? scrub(string.Join("\n", reportEvents.Select(ReportLine)), "Compte rendu de médiation")
                : null,
            HasMinutes = sent.Count > 0,
            // Medical content: read (and scrubbed) only with the consent, never otherwise.
            Minutes = consent ? [.. sent.Select(m => CduMinutesSummary.From(m.Minutes, m.MeetingOn, scrub))] : [],
        };
    }

    /// <summary>
    /// The people named in <paramref name="files"/> (patient, requester, and whoever a field names: lawyer, mediator,
    /// accompanying representative, police officer, magistrate, designated doctor, secrecy reviewer, Ordre
    /// representative) and their patient numbers: looked for in any case in the texts about these cases.
    /// </summary>
    internal static PersonNameIndex NamesOf(IEnumerable<CaseFile> files)
    {
        var index = new PersonNameIndex();
        foreach (var file in files)
        {
            index.AddPerson(file.Patient.FirstName, file.Patient.LastName);
            index.AddPatientNumber(file.Patient.PatientNumber);
            index.AddNamed(file.Requester.Name);
            IEnumerable<string?> others = file switch
            {
                Complaint c => [c.MediatorName, c.AccompanyingRepresentative],
                IndemnityClaim c => [c.LawyerName],
                Requisition r => [r.OfficerName, r.MagistrateName, r.SecrecyReviewBy, r.OrdreRepresentative],
                AccessRequest a => [a.DesignatedDoctor],
                _ => [],
            };
            foreach (var name in others)
                index.AddNamed(name);
        }
        return index;
    }

    /// <summary>
    /// "09/02/2026 — Compte rendu transmis au président de la CDU : the note", the label once: a note that only repeats
    /// it ("Compte rendu transmis au président de la CDU.") or starts with it stands alone after the date.
    /// </summary>
    internal static string ReportLine(CaseEvent e)
    {
        var label = CaseEventTypes.LabelOf(e.Type);
        var note = e.Note?.Trim();
        if (string.IsNullOrEmpty(note) || string.Equals(note.TrimEnd('.', ' ', CduText.Nbsp), label, StringComparison.OrdinalIgnoreCase))
            return $"{CduText.Date(e.OccurredOn)} — {label}";
        return note.StartsWith(label, StringComparison.OrdinalIgnoreCase)
            ? $"{CduText.Date(e.OccurredOn)} — {note}"
            : $"{CduText.Date(e.OccurredOn)} — {label}{CduText.Nbsp}: {note}";
    }

    private static DateOnly? First(CaseFile file, params string[] types) =>
        file.LiveEvents.Where(e => types.Contains(e.Type)).Select(e => (DateOnly?)e.OccurredOn).Min();
}

/// <summary>A meeting's minutes as CDU members read them: the sections written, each scrubbed of personal data.</summary>
public sealed record CduMinutesSummary(DateOnly MeetingOn, DateOnly? SentToPresidentOn, IReadOnlyList<CduMinutesSection> Sections)
{
    internal static CduMinutesSummary From(MediationMinutes minutes, DateOnly meetingOn, Func<string?, string, string> scrub) =>
        new(meetingOn, minutes.SentToPresidentOn,
        [
            .. minutes.Sections().Where(s => !string.IsNullOrWhiteSpace(s.Text))
                .Select(s => new CduMinutesSection(s.Title, scrub(s.Text, $"Compte rendu de la rencontre du {CduText.Date(meetingOn)} — {s.Title}"))),
        ]);
}

/// <summary>One section of the minutes (« Griefs exprimés par le plaignant »...) and its text.</summary>
public sealed record CduMinutesSection(string Title, string Text);
