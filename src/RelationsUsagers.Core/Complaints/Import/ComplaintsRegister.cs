using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Imports;
using static RelationsUsagers.Core.Cases.CaseEventTypes;
using F = RelationsUsagers.Core.Complaints.Import.ComplaintRegisterField;

namespace RelationsUsagers.Core.Complaints.Import;

/// <summary>The values of one line of the complaints register once read (CSP R.1112-91 to R.1112-94).</summary>
public sealed class ComplaintRegisterEntry : IImportEntry
{
    public string? FormerReference { get; internal set; }
    public DateOnly ReceivedOn { get; internal set; }
    public Channel Channel { get; internal set; } = Channel.NotStated;
    public string PatientLastName { get; internal set; } = "";
    public string PatientFirstName { get; internal set; } = "";
    public DateOnly? BirthDate { get; internal set; }
    public string? PatientNumber { get; internal set; }
    public string Complainant { get; internal set; } = "";
    public string? ComplainantCapacity { get; internal set; }
    public IReadOnlyList<string> Services { get; internal set; } = [];
    public IReadOnlyList<string> UnknownServices { get; internal set; } = [];
    public DateOnly? FactsOn { get; internal set; }
    public string Summary { get; internal set; } = "";
    public IReadOnlyList<ComplaintMotive> Motives { get; internal set; } = [];
    public ComplaintNature Nature { get; internal set; } = ComplaintNature.Grievance;
    /// <summary>R.1112-80 I: a claim for damages or an appeal is litigation, kept out of the CDU mediation circuit.</summary>
    public bool IsLitigation { get; internal set; }
    public ComplaintSeverity Severity { get; internal set; } = ComplaintSeverity.Moderate;
    public DateOnly? AcknowledgedOn { get; internal set; }
    public DateOnly? SentToServiceOn { get; internal set; }
    public MediationType MediationType { get; internal set; } = MediationType.None;
    public string? MediatorName { get; internal set; }
    public DateOnly? MediatorReferredOn { get; internal set; }
    public DateOnly? MediationMeetingOn { get; internal set; }
    public DateOnly? MediationReportOn { get; internal set; }
    public DateOnly? CduMeetingOn { get; internal set; }
    public CduOpinion? CduOpinion { get; internal set; }
    public string? CduOpinionText { get; internal set; }
    public DateOnly? AnswerSentOn { get; internal set; }
    DateOnly? IImportEntry.LastStepOn => AnswerSentOn;
    /// <summary>The day the complaint ended: the register's closing date, or its answer when the register keeps no closing column.</summary>
    public DateOnly? ClosedOn { get; internal set; }
    public string? Outcome { get; internal set; }

    /// <summary>Same patient, same receipt date, same complainant: the key that makes a second import of the line a duplicate.</summary>
    public string DuplicateKey => ImportKeys.Of(TextSearch.Normalize($"{PatientLastName} {PatientFirstName}"), ReceivedOn, TextSearch.Normalize(Complainant));
}

/// <summary>
/// The office's hand-kept register of complaints and grievances (CSP R.1112-80 I: every complaint is made available to the
/// CDU): its columns (<see cref="ComplaintRegisterFields"/>), how a line reads into a complaint whose timeline the register's
/// dates give (acknowledgement, service, mediation, report, CDU, answer), and the duplicate key: patient, receipt, complainant.
/// </summary>
public sealed class ComplaintsRegister : ImportRegister<F, ComplaintRegisterEntry>
{
    public static ComplaintsRegister Instance { get; } = new();

    public const string AnsweredOutcome = "Réponse envoyée (reprise du registre des plaintes)";
    public const string ClosedOutcome = "Dossier clos (repris du registre des plaintes)";

    public override string Name => "Registre des plaintes";
    public override string LineNoun => "plainte";
    public override CaseKind Kind => CaseKind.Complaint;
    public override string EventNote => "Repris du registre des plaintes";
    public override ImportVocabulary<F> Vocabulary => ComplaintRegisterFields.Vocabulary;
    public override F ReceivedField => F.ReceivedOn;
    public override F LastStepField => F.AnswerSentOn;

    // A word matches the start of a word of the text; the first entry found wins, so the specific words come first.
    private static readonly (string Word, Channel Channel)[] Channels =
    [
        ("oral", Channel.OralRecorded), ("consign", Channel.OralRecorded), ("ars", Channel.ViaArs), ("agence regionale", Channel.ViaArs),
        ("defenseur", Channel.ViaDefenseurDesDroits), ("ddd", Channel.ViaDefenseurDesDroits),
        ("representant des usagers", Channel.ViaPatientRepresentative), ("ru", Channel.ViaPatientRepresentative),
        ("main propre", Channel.HandDelivered), ("courriel", Channel.Email), ("mail", Channel.Email), ("messagerie", Channel.Email),
        ("courrier", Channel.Mail), ("lettre", Channel.Mail), ("postal", Channel.Mail), ("guichet", Channel.FrontDesk),
        ("accueil", Channel.FrontDesk), ("telephone", Channel.Phone), ("tel", Channel.Phone), ("fax", Channel.Fax),
        ("telecopie", Channel.Fax), ("formulaire", Channel.WebForm), ("site", Channel.WebForm), ("internet", Channel.WebForm),
    ];

    // The register's usual classification (R.1112-80 I); "dossier medical" before "medical", "paramedical" is its own word.
    private static readonly (string Word, ComplaintMotive Motive)[] Motives =
    [
        ("dossier medical", ComplaintMotive.MedicalRecord), ("acces au dossier", ComplaintMotive.MedicalRecord),
        ("paramedic", ComplaintMotive.NursingCare), ("soins infirm", ComplaintMotive.NursingCare), ("infirm", ComplaintMotive.NursingCare),
        ("nursing", ComplaintMotive.NursingCare), ("aide soignant", ComplaintMotive.NursingCare),
        ("prise en charge medicale", ComplaintMotive.MedicalCare), ("medical", ComplaintMotive.MedicalCare), ("soins medicaux", ComplaintMotive.MedicalCare),
        ("diagnostic", ComplaintMotive.MedicalCare), ("chirurg", ComplaintMotive.MedicalCare), ("traitement", ComplaintMotive.MedicalCare),
        ("prise en charge", ComplaintMotive.MedicalCare),
        ("information", ComplaintMotive.Information), ("communication", ComplaintMotive.Information),
        ("relation", ComplaintMotive.StaffRelations), ("comportement", ComplaintMotive.StaffRelations), ("attitude", ComplaintMotive.StaffRelations),
        ("personnel", ComplaintMotive.StaffRelations), ("politesse", ComplaintMotive.StaffRelations),
        ("accueil", ComplaintMotive.Reception), ("administratif", ComplaintMotive.Reception),
        ("attente", ComplaintMotive.WaitingTimes), ("delai", ComplaintMotive.WaitingTimes), ("rendez vous", ComplaintMotive.WaitingTimes),
        ("hotellerie", ComplaintMotive.Hospitality), ("restauration", ComplaintMotive.Hospitality), ("repas", ComplaintMotive.Hospitality),
        ("chambre", ComplaintMotive.Hospitality), ("proprete", ComplaintMotive.Hospitality),
        ("perte", ComplaintMotive.LostBelongings), ("biens", ComplaintMotive.LostBelongings), ("valeurs", ComplaintMotive.LostBelongings),
        ("vol", ComplaintMotive.LostBelongings), ("objet", ComplaintMotive.LostBelongings),
        ("factur", ComplaintMotive.Billing), ("frais", ComplaintMotive.Billing), ("tarif", ComplaintMotive.Billing),
        ("droit", ComplaintMotive.PatientRights), ("dignite", ComplaintMotive.PatientRights), ("confidentialite", ComplaintMotive.PatientRights),
        ("respect", ComplaintMotive.PatientRights),
        ("sortie", ComplaintMotive.DischargeTransfer), ("transfert", ComplaintMotive.DischargeTransfer),
    ];

    private static readonly (string Word, ComplaintNature Nature)[] Natures =
    [
        ("eloge", ComplaintNature.Praise), ("remerciement", ComplaintNature.Praise), ("felicitation", ComplaintNature.Praise),
        ("indemn", ComplaintNature.Complaint), ("contentieux", ComplaintNature.Complaint),
        ("plainte", ComplaintNature.Complaint), ("reclamation", ComplaintNature.Grievance), ("doleance", ComplaintNature.Grievance),
    ];

    private static readonly (string Word, ComplaintSeverity Severity)[] Severities =
    [
        ("tres grave", ComplaintSeverity.Critical), ("critique", ComplaintSeverity.Critical), ("4", ComplaintSeverity.Critical),
        ("grave", ComplaintSeverity.Serious), ("majeur", ComplaintSeverity.Serious), ("3", ComplaintSeverity.Serious),
        ("modere", ComplaintSeverity.Moderate), ("moyen", ComplaintSeverity.Moderate), ("2", ComplaintSeverity.Moderate),
        ("mineur", ComplaintSeverity.Minor), ("faible", ComplaintSeverity.Minor), ("1", ComplaintSeverity.Minor),
    ];

    private static readonly (string Word, MediationType Type)[] MediationTypes =
    [
        ("mixte", MediationType.Mixed), ("non medical", MediationType.NonMedical), ("non med", MediationType.NonMedical),
        ("paramedical", MediationType.NonMedical), ("medical", MediationType.Medical), ("medecin", MediationType.Medical),
    ];

    // R.1112-94: after its examination the CDU recommends, informs of the remedies, or advises a reasoned closure.
    private static readonly (string Word, CduOpinion Opinion)[] CduOpinions =
    [
        ("recours", Complaints.CduOpinion.RemediesInformation), ("voies de", Complaints.CduOpinion.RemediesInformation),
        ("classement", Complaints.CduOpinion.ReasonedClosure), ("classe", Complaints.CduOpinion.ReasonedClosure),
        ("recommand", Complaints.CduOpinion.Recommendation),
    ];

    /// <summary>The complainant is the patient himself.</summary>
    private static readonly (string Word, bool Self)[] PatientHimself = [("patient", true), ("lui meme", true), ("elle meme", true), ("interesse", true)];

    public override ImportRow<F, ComplaintRegisterEntry> Parse(RowReader<F> line)
    {
        var e = new ComplaintRegisterEntry();
        var remarks = new List<string>();
        e.FormerReference = line.Text(F.FormerReference);
        line.MaxLength(F.FormerReference, e.FormerReference ?? "", 50);
        if (line.Date(F.ReceivedOn, null) is { } received)
            e.ReceivedOn = received;
        else if (line.Cell(F.ReceivedOn).IsEmpty)
            line.Error(F.ReceivedOn, "la cellule est vide ; la date de réception est obligatoire.");
        var start = e.ReceivedOn == default ? (DateOnly?)null : e.ReceivedOn;

        if (line.PatientName(F.PatientName, F.PatientFirstName) is { } name)
            (e.PatientLastName, e.PatientFirstName) = name;
        line.MaxLength(F.PatientName, e.PatientLastName, 100);
        e.BirthDate = line.Date(F.BirthDate, null);
        e.PatientNumber = line.Text(F.PatientNumber);
        var patient = $"{e.PatientLastName} {e.PatientFirstName}".Trim();

        // The complainant is the patient unless the register names someone else (R.1112-91: any user, or a relative).
        e.ComplainantCapacity = line.Text(F.ComplainantCapacity);
        e.Complainant = line.Text(F.Complainant) ?? "";
        var himself = e.ComplainantCapacity is null || ImportWords.Find(PatientHimself, e.ComplainantCapacity) is not null;
        if (e.Complainant.Length == 0 && himself)
            e.Complainant = patient;
        else if (e.Complainant.Length == 0 && !line.Has(F.Complainant))
            line.Error(F.Complainant, "nom du plaignant absent : aucune colonne ne le donne (voir l'en-tête).");
        else if (e.Complainant.Length == 0)
            line.Error(F.Complainant, $"le nom du plaignant est obligatoire lorsque sa qualité est « {e.ComplainantCapacity} ».");
        line.MaxLength(F.Complainant, e.Complainant, 200);

        (e.Services, e.UnknownServices) = line.Services(F.Services);
        // An empty or unknown channel is « Non renseigné », never a guess; the words typed stay in the summary.
        if (line.Text(F.Channel) is { } channel)
        {
            if (ImportWords.Find(Channels, channel) is { } known)
                e.Channel = known;
            else
                remarks.Add($"{F.Channel.Label()} : « {channel} »");
        }

        e.FactsOn = line.Date(F.FactsOn, null);
        if (e.FactsOn is { } facts && start is { } r && facts > r)
            line.Invalid<DateOnly?>(F.FactsOn, "suit la date de réception : les faits précèdent la plainte.", null);

        if (line.Text(F.Nature) is { } nature)
        {
            e.Nature = ImportWords.Find(Natures, nature) ?? line.Invalid(F.Nature, "n'est pas une nature reconnue (réclamation, plainte, éloge).", ComplaintNature.Grievance);
            // R.1112-80 I: a claim for damages or an appeal is litigation.
            e.IsLitigation = TextSearch.Normalize(nature) is var n && (n.Contains("indemn", StringComparison.Ordinal) || n.Contains("contentieux", StringComparison.Ordinal));
        }
        if (line.Text(F.Severity) is { } severity)
            e.Severity = ImportWords.Find(Severities, severity) ?? line.Invalid(F.Severity, "n'est pas une gravité reconnue (mineure, modérée, grave, critique).", ComplaintSeverity.Moderate);

        var motives = line.Text(F.Motives);
        var parts = (motives ?? "").Split(['/', ',', ';', '+', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknownMotives = parts.Where(p => ImportWords.Find(Motives, p) is null).ToList();
        e.Motives = parts.Select(p => ImportWords.Find(Motives, p)).OfType<ComplaintMotive>().Distinct().ToList();
        if (unknownMotives.Count > 0)
            line.Error(F.Motives, $"« {string.Join(" / ", unknownMotives)} » n'est pas un motif reconnu ({string.Join(", ", Enum.GetValues<ComplaintMotive>().Select(m => m.Label().ToLowerInvariant()))}).");
        else if (e.Motives.Count == 0 && e.Nature != ComplaintNature.Praise)
            line.Error(F.Motives, line.Has(F.Motives)
                ? "la cellule est vide ; au moins un motif de réclamation est obligatoire."
                : "motif absent : aucune colonne ne le donne (voir l'en-tête).");
        // The object of the complaint, or its motives as written when the register keeps no object column.
        e.Summary = line.Text(F.Summary) ?? motives ?? "";
        if (e.Summary.Length == 0)
            line.Error(F.Summary, "la cellule est vide ; l'objet de la réclamation est obligatoire.");

        // An open line says where it stands in words where the date will go: « en attente », « en cours ».
        e.AcknowledgedOn = line.DateOrPending(F.AcknowledgedOn, start, out var pendingAck);
        e.SentToServiceOn = line.DateOrPending(F.SentToServiceOn, start, out var pendingService);
        ReadMediation(line, e, start, remarks);
        e.CduMeetingOn = line.Date(F.CduMeetingOn, start);
        ReadCduOpinion(line, e, remarks);
        e.AnswerSentOn = line.DateOrPending(F.AnswerSentOn, start, out var pendingAnswer);
        e.Outcome = line.Text(F.Outcome);
        var closed = line.DateOrPending(F.ClosedOn, start, out var pendingClosing);
        // A register without a closing column is done with a line once it is answered; with one, the line stays open until closed.
        e.ClosedOn = closed ?? (line.Has(F.ClosedOn) ? null : e.AnswerSentOn);
        if (e.ClosedOn is { } end && e.AnswerSentOn is { } answered && end < answered)
            line.Invalid<DateOnly?>(F.ClosedOn, $"précède la date de réponse ({answered:dd/MM/yyyy}).", null);

        // Nothing typed is lost: the remarks and the words read instead of a date stay with the object.
        remarks.InsertRange(0, new[]
        {
            line.Text(F.Remarks) is { } text ? $"{F.Remarks.Label()} : {text}" : null,
            pendingAck is null ? null : $"{F.AcknowledgedOn.Label()} : « {pendingAck} »",
            pendingService is null ? null : $"{F.SentToServiceOn.Label()} : « {pendingService} »",
            pendingAnswer is null ? null : $"{F.AnswerSentOn.Label()} : « {pendingAnswer} »",
            pendingClosing is null ? null : $"{F.ClosedOn.Label()} : « {pendingClosing} »",
            e.ClosedOn is null && e.Outcome is { } outcome ? $"{F.Outcome.Label()} : {outcome}" : null,
        }.OfType<string>());
        if (remarks.Count > 0)
            e.Summary = string.Join("\n", remarks.Prepend(e.Summary).Where(t => t.Length > 0));
        line.MaxLength(F.Summary, e.Summary, 8000);
        return line.Result(e, patient, F.ReceivedOn, F.AnswerSentOn);
    }

    /// <summary>
    /// The mediation (R.1112-92, R.1112-93): a « Médiation » cell holding the referral's date, a type or Oui / Non, and the
    /// columns of its type, mediator and dates. A type without the mediator's name is kept in words, not as a mediation the
    /// portal would require a mediator for.
    /// </summary>
    private static void ReadMediation(RowReader<F> line, ComplaintRegisterEntry e, DateOnly? start, List<string> remarks)
    {
        var referred = line.Date(F.MediatorReferredOn, start);
        var type = MediationType.None;
        var cell = line.Cell(F.Mediation);
        if (!cell.IsEmpty)
        {
            if (cell.TryDate(line.Today, out _))
                referred ??= line.Date(F.Mediation, start);
            else if (line.Text(F.Mediation) is { } words && ImportWords.Find(MediationTypes, words) is { } written)
                type = written;
            else if (cell.YesNo() is null)
                line.Invalid<DateOnly?>(F.Mediation, "n'est ni une date, ni un type de médiation (médicale, non médicale, mixte), ni Oui / Non.", null);
            else if (cell.YesNo() == true)
                remarks.Add($"{F.Mediation.Label()} : « {cell.Display} »");
        }
        if (line.Text(F.MediationType) is { } typeText)
            type = ImportWords.Find(MediationTypes, typeText)
                ?? line.Invalid(F.MediationType, "n'est pas un type de médiation reconnu (médicale, non médicale, mixte).", MediationType.None);
        e.MediatorName = line.Text(F.MediatorName);
        line.MaxLength(F.MediatorName, e.MediatorName ?? "", 200);
        if (type != MediationType.None && e.MediatorName is null)
            remarks.Add($"{F.MediationType.Label()} : « {type.Label()} » (médiateur non renseigné)");
        else
            e.MediationType = type;
        e.MediatorReferredOn = referred;
        e.MediationMeetingOn = line.Date(F.MediationMeetingOn, referred ?? start);
        e.MediationReportOn = line.Date(F.MediationReportOn, e.MediationMeetingOn ?? referred ?? start);
    }

    /// <summary>
    /// The CDU's opinion (R.1112-94): its words become the opinion's text, and its kind when they name one. An opinion needs the
    /// meeting that gave it: without the CDU's date the words stay with the object, no meeting is invented.
    /// </summary>
    private static void ReadCduOpinion(RowReader<F> line, ComplaintRegisterEntry e, List<string> remarks)
    {
        if (line.Text(F.CduOpinion) is not { } words)
            return;
        if (e.CduMeetingOn is null)
        {
            remarks.Add($"{F.CduOpinion.Label()} : « {words} » (séance de la CDU non renseignée)");
            return;
        }
        e.CduOpinionText = words;
        e.CduOpinion = ImportWords.Find(CduOpinions, words);
        line.MaxLength(F.CduOpinion, words, 4000);
    }

    /// <summary>Said at the header, once: a missing column that rejects lines (the complainant's name, the motive).</summary>
    public override IEnumerable<string> HeaderWarnings(IReadOnlyList<ImportColumn<F>> columns, IReadOnlyList<ImportRow<F, ComplaintRegisterEntry>> rows) =>
        MissingColumn(columns, rows, F.Complainant, "le nom du plaignant", "dont le plaignant n'est pas le patient")
            .Concat(MissingColumn(columns, rows, F.Motives, "le motif", "sans motif"));

    /// <summary>
    /// The complaint and its timeline, so that the legal clock finds the same facts as for a complaint followed in the portal
    /// (R.1112-92 to R.1112-94): received, acknowledged, sent to the service, mediator referred, met, report sent, examined in
    /// CDU, answered, closed. Status: the furthest step its dates reach; an open line keeps its deadlines running.
    /// </summary>
    public override CaseFile ToCase(ComplaintRegisterEntry e, string source)
    {
        var c = new Complaint
        {
            ReceivedOn = e.ReceivedOn,
            Channel = e.Channel,
            Patient = new Patient { LastName = e.PatientLastName, FirstName = e.PatientFirstName, BirthDate = e.BirthDate, PatientNumber = e.PatientNumber },
            Requester = new Party { Name = e.Complainant, Capacity = e.ComplainantCapacity },
            Services = [.. e.Services],
            Summary = e.Summary,
            Nature = e.Nature,
            Motives = [.. e.Motives],
            FactsOn = e.FactsOn,
            Severity = e.Severity,
            IsLitigation = e.IsLitigation,
            MediationType = e.MediationType,
            MediatorName = e.MediatorName,
            CduMeetingOn = e.CduMeetingOn,
            CduOpinion = e.CduOpinion,
            CduOpinionText = e.CduOpinionText,
            AnswerSentOn = e.AnswerSentOn,
            ImportSource = source,
            FormerReference = e.FormerReference,
            Status = e.ClosedOn is not null ? CaseStatus.Closed
                : e.AnswerSentOn is not null ? CaseStatus.Answered
                : e.CduMeetingOn is not null || e.MediationReportOn is not null ? CaseStatus.AwaitingCdu
                : e.MediatorReferredOn is not null || e.MediationMeetingOn is not null ? CaseStatus.InMediation
                : e.SentToServiceOn is not null ? CaseStatus.UnderInvestigation
                : e.AcknowledgedOn is not null ? CaseStatus.Acknowledged
                : CaseStatus.Received,
        };
        if (e.ClosedOn is { } closed)
        {
            c.ClosedOn = closed;
            c.Outcome = e.Outcome ?? (e.AnswerSentOn is null ? ClosedOutcome : AnsweredOutcome);
        }
        AddEvent(c, Received, e.ReceivedOn);
        AddEvent(c, AcknowledgementSent, e.AcknowledgedOn);
        AddEvent(c, SentToService, e.SentToServiceOn);
        AddEvent(c, MediatorReferred, e.MediatorReferredOn);
        // R.1112-92 al.2: a mixed mediation meets both mediators; the register gives one date for the meeting.
        if (e.MediationType == MediationType.Mixed)
        {
            AddEvent(c, MedicalMediationMeeting, e.MediationMeetingOn);
            AddEvent(c, NonMedicalMediationMeeting, e.MediationMeetingOn);
        }
        else
            AddEvent(c, MediationMeeting, e.MediationMeetingOn);
        AddEvent(c, MediationReportSent, e.MediationReportOn);
        AddEvent(c, CduExamined, e.CduMeetingOn);
        AddEvent(c, AnswerSent, e.AnswerSentOn);
        AddEvent(c, Closed, c.ClosedOn);
        return c;
    }
}
