using FluentValidation;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using static RelationsUsagers.Core.Cases.CaseEventTypes;
using static RelationsUsagers.Core.Clock.CaseFacts;

namespace RelationsUsagers.Core.Complaints;

/// <summary>Complaints, grievances and praise (CSP R.1112-91 to R.1112-94): acknowledgement, services, mediation, CDU, answer.</summary>
public sealed class ComplaintKind : CaseKindDefinition
{
    public override CaseKind Kind => CaseKind.Complaint;
    public override string Prefix => "PLT";
    public override string Label => "Plainte / réclamation";
    public override string ShortLabel => "Plainte";
    public override string PersonLabel => "Patient";
    public override (string Label, string Hint) RequesterCapacityLabel => (CaseFileFieldNames.RequesterCapacity, "Fille, époux, avocat…");
    public override IReadOnlyDictionary<string, string> OwnFieldNames => ComplaintFieldNames.ByProperty;
    public override string? ValueLabel(object value) => ComplaintFieldNames.ValueLabel(value);

    public override CaseFile New() => new Complaint();

    public override IValidator CreateValidator(TimeProvider clock, AccessRequests.CopyFeeSchedule? copyFees) => new ComplaintValidator(clock);

    public override IReadOnlyList<CaseEventType> EventTypes { get; } =
    [
        new(AcknowledgementSent, "Accusé de réception envoyé"),
        new(SentToService, "Envoyé au service"),
        new(ServiceReplied, "Réponse du service reçue"),
        new(MediatorReferred, "Médiateur saisi"),
        new(MediationMeeting, "Rencontre de médiation"),
        // R.1112-92 al.2: a mixed mediation meets each mediator; each meeting meets its own deadline.
        new(MedicalMediationMeeting, "Rencontre avec le médiateur médecin"),
        new(NonMedicalMediationMeeting, "Rencontre avec le médiateur non médecin"),
        new(MediationReportSent, "Compte rendu transmis au président de la CDU"),
        new(MediationReportForwarded, "Compte rendu envoyé aux membres de la CDU et au plaignant"),
        new(OralCopyHanded, "Copie de la plainte orale remise au plaignant"),
        new(DamageInformationInterview, "Entretien d'information sur le dommage"),
        new(CduReferred, "Inscrit à l'examen de la CDU"),
        new(CduExamined, "Examiné en CDU"),
        new(AnswerSent, "Réponse envoyée"),
    ];

    public const string CloseStep = "close";
    public const string ClosePendingCduStep = "close-pending-cdu";

    public override IReadOnlyList<CaseStep> Steps { get; } =
    [
        new("acknowledge", "Accuser réception", [CaseStatus.Received], CaseStatus.Acknowledged, AcknowledgementSent),
        new("send-to-service", "Demander l'avis du service", [CaseStatus.Received, CaseStatus.Acknowledged], CaseStatus.UnderInvestigation, SentToService)
            { Needs = StepNeeds.OptionalText, TextLabel = "Service(s) sollicité(s)" },
        // R.1112-92 al.1, R.1112-93: the director or the complainant seizes the mediator, from receipt or after an answer that did not satisfy.
        new("refer-mediator", "Saisir le médiateur", [CaseStatus.Received, CaseStatus.Acknowledged, CaseStatus.UnderInvestigation, CaseStatus.Answered], CaseStatus.InMediation, MediatorReferred),
        // R.1112-94 al.1: the report goes to the CDU president within 8 days of the meeting.
        new("send-report", "Transmettre le compte rendu de médiation", [CaseStatus.InMediation], CaseStatus.AwaitingCdu, MediationReportSent),
        new("refer-cdu", "Inscrire à l'examen de la CDU", [CaseStatus.UnderInvestigation, CaseStatus.Answered], CaseStatus.AwaitingCdu, CduReferred),
        new("answer", "Envoyer la réponse", [CaseStatus.Received, CaseStatus.Acknowledged, CaseStatus.UnderInvestigation, CaseStatus.InMediation, CaseStatus.AwaitingCdu], CaseStatus.Answered, AnswerSent),
        new(CloseStep, "Clore le dossier", [CaseStatus.Answered], CaseStatus.Closed, Closed) { Needs = StepNeeds.Text, TextLabel = "Issue du dossier" },
        // R.1112-94 al.2: the CDU's review is due; only a manager may close without it, and says why.
        new(ClosePendingCduStep, "Clore sans attendre la CDU", [CaseStatus.AwaitingCdu], CaseStatus.Closed, Closed)
            { Needs = StepNeeds.Text, TextLabel = "Motif de la clôture avant l'examen de la CDU", ManagerOnly = true },
        new("abandon", "Classer sans suite", [CaseStatus.Received, CaseStatus.Acknowledged, CaseStatus.UnderInvestigation], CaseStatus.Abandoned, Abandoned)
            { Needs = StepNeeds.Text, TextLabel = "Motif du classement" },
    ];

    public override void ApplyFact(CaseFile file, string eventType, DateOnly? on)
    {
        var c = (Complaint)file;
        switch (eventType)
        {
            case CduExamined: c.CduMeetingOn = on; break;
            case AnswerSent: c.AnswerSentOn = on; break;
        }
    }

    /// <summary>Waiting for the CDU's meeting: the answer follows it (R.1112-94 al.3), the office has nothing to send before.</summary>
    public override Waiting? WaitingOn(CaseFile file) =>
        file.Status == CaseStatus.AwaitingCdu && Latest(file, null, CduExamined) is null
            ? new Waiting(Actor.Cdu, Since(file, MediationReportSent, CduReferred)) : null;

    public override IEnumerable<string> Guards(CaseFile file, CaseStep step, StepInput input, LegalClock clock)
    {
        // R.1112-94 al.3: the answer that follows the CDU's review carries its opinion.
        if (step.EventType == AnswerSent && file.Status == CaseStatus.AwaitingCdu
            && Latest(file, null, MediationReportSent, CduReferred) is { } referred && FirstFrom(file, referred, null, CduExamined) is null)
            yield return "La CDU n'a pas encore examiné ce dossier : la réponse joint son avis (CSP art. R.1112-94 al.3). " +
                         "Enregistrez d'abord l'examen en CDU, ou demandez à un responsable de clore le dossier avec un motif.";
    }

    /// <summary>CSP R.1112-91 to R.1112-94, L.1142-4.</summary>
    public override IEnumerable<DeadlineDraft> Deadlines(CaseFile file, LegalClock clock)
    {
        var c = (Complaint)file;
        // L.1142-4: whoever suffers a damage associated with care is told its circumstances and causes within 15 days of
        // its discovery or of the express request (the complaint itself); whatever the letter's tone.
        if (c.CareRelatedDamage)
        {
            var from = c.DamageDiscoveredOn ?? c.ReceivedOn;
            yield return new DeadlineDraft(clock.Setting(DelaySettings.ComplaintDamageInformation), from,
                FirstFrom(c, from, null, DamageInformationInterview))
            {
                StartLabel = c.DamageDiscoveredOn is null ? "de la réception de la plainte (demande expresse)" : "de la découverte du dommage",
            };
        }
        // R.1112-92 covers complaints and grievances; praise has no deadline.
        if (c.Nature == ComplaintNature.Praise)
            yield break;
        yield return Acknowledgement(c, clock);
        // R.1112-91: a complaint written down for the complainant is copied to him « sans délai ».
        if (c.Channel == Channel.OralRecorded)
            yield return WithoutDelay(new DeadlineDraft(clock.Setting(DelaySettings.ComplaintOralCopy), c.ReceivedOn,
                FirstFrom(c, c.ReceivedOn, null, OralCopyHanded)) { StartLabel = "de la réception de la plainte orale" });
        // R.1112-93: the mediator meets the complainant within 8 days of being referred to; R.1112-92 al.2: a mixed
        // mediation seizes both mediators at once, so each has its meeting to hold.
        if (Latest(c, null, MediatorReferred) is { } referred)
        {
            if (c.MediationType == MediationType.Mixed)
            {
                yield return Meeting(c, clock, referred, "médecin", MedicalMediationMeeting);
                yield return Meeting(c, clock, referred, "non médecin", NonMedicalMediationMeeting);
            }
            else
                yield return Meeting(c, clock, referred, null, MediationMeeting, MedicalMediationMeeting, NonMedicalMediationMeeting);
        }
        // R.1112-94 al.1: the report reaches the CDU president within 8 days of the meeting (of the last one a mixed mediation needs).
        if (LastMeeting(c) is { } met)
            yield return new DeadlineDraft(clock.Setting(DelaySettings.ComplaintMediationReport), met, FirstFrom(c, met, null, MediationReportSent))
            {
                StartLabel = c.MediationType == MediationType.Mixed ? "de la dernière des deux rencontres de médiation" : "de la rencontre de médiation",
                Notes = c.MediationType == MediationType.Mixed
                    ? ["Médiation mixte (art. R.1112-92 al.2)\u00A0: compté de la dernière des rencontres avec les deux médiateurs."] : [],
            };
        // R.1112-94 al.1: the president forwards the report « sans délai » to the members and the complainant; the office,
        // as the CDU's secretariat, sends it for him.
        if (Latest(c, null, MediationReportSent) is { } reported)
            yield return WithoutDelay(new DeadlineDraft(clock.Setting(DelaySettings.ComplaintReportForwarding), reported,
                FirstFrom(c, reported, null, MediationReportForwarded)) { StartLabel = "de la transmission du compte rendu au président de la CDU" });
        // R.1112-94 al.3: the director answers within 8 days of the CDU meeting; an earlier answer does not count.
        if (Latest(c, c.CduMeetingOn, CduExamined) is { } cdu)
            yield return new DeadlineDraft(clock.Setting(DelaySettings.ComplaintAnswerAfterCdu), cdu, FirstFrom(c, cdu, c.AnswerSentOn, AnswerSent))
                { StartLabel = "de la séance de la CDU" };
        yield return new DeadlineDraft(clock.Setting(DelaySettings.ComplaintAnswerTarget), c.ReceivedOn,
            FirstFrom(c, c.ReceivedOn, c.AnswerSentOn, AnswerSent)) { StartLabel = "de la réception de la plainte" };
    }

    /// <summary>
    /// R.1112-92: the director answers « dans les meilleurs délais »; an answer sent before any acknowledgement
    /// acknowledges the complaint too, so the first of the two meets the target.
    /// </summary>
    private static DeadlineDraft Acknowledgement(Complaint c, LegalClock clock)
    {
        var acknowledged = FirstFrom(c, c.ReceivedOn, null, AcknowledgementSent);
        var answered = FirstFrom(c, c.ReceivedOn, c.AnswerSentOn, AnswerSent);
        var answerFirst = answered is { } a && (acknowledged is null || a < acknowledged);
        return new DeadlineDraft(clock.Setting(DelaySettings.ComplaintAcknowledgement), c.ReceivedOn, Min(acknowledged, answered))
        {
            StartLabel = "de la réception de la plainte",
            Notes = answerFirst ? [$"Réponse envoyée le {answered:dd/MM/yyyy} avant tout accusé de réception\u00A0: elle en tient lieu."] : [],
        };
    }

    /// <summary>
    /// One mediator's meeting (R.1112-93): 8 days from the referral, brought forward to the planned discharge of a
    /// hospitalised patient (« si possible avant sa sortie »); a discharge on or before the referral leaves the 8 days.
    /// </summary>
    private static DeadlineDraft Meeting(Complaint c, LegalClock clock, DateOnly referred, string? mediator, params string[] meetings)
    {
        var setting = clock.Setting(DelaySettings.ComplaintMediationMeeting);
        var discharge = c.PatientHospitalised && c.PlannedDischargeOn is { } d && d > referred && d < setting.DueFrom(referred) ? d : (DateOnly?)null;
        return new DeadlineDraft(setting, referred, FirstFrom(c, referred, null, meetings))
        {
            Label = mediator is null ? null : $"{setting.Label} {mediator} ({setting.DurationLabel()})",
            StartLabel = "de la saisine du médiateur",
            FixedDue = discharge,
            Notes = discharge is { } on
                ? [$"Avancée à la sortie prévue du patient le {on:dd/MM/yyyy} (au lieu du {setting.DueFrom(referred):dd/MM/yyyy}, {setting.DurationLabel()} après la saisine)."]
                : [],
        };
    }

    /// <summary>The meeting the report counts from: the latest one, or for a mixed mediation the later of the two mediators' once both met.</summary>
    private static DateOnly? LastMeeting(Complaint c)
    {
        if (c.MediationType != MediationType.Mixed)
            return Latest(c, null, MediationMeeting, MedicalMediationMeeting, NonMedicalMediationMeeting);
        return Latest(c, null, MedicalMediationMeeting) is { } medical && Latest(c, null, NonMedicalMediationMeeting) is { } other
            ? medical > other ? medical : other
            : null;
    }

    /// <summary>The texts say « sans délai »: the office flags what takes longer than its set days, and says so.</summary>
    private static DeadlineDraft WithoutDelay(DeadlineDraft draft) => draft with
    {
        Notes = [$"Le texte dit «\u00A0sans délai\u00A0»\u00A0: signalé au-delà de {draft.Setting.DurationLabel()} (réglage du service)."],
    };
}
