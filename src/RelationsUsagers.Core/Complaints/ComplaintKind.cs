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
        new(MediationReportSent, "Compte rendu transmis au président de la CDU"),
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

    /// <summary>CSP R.1112-92 to R.1112-94.</summary>
    public override IEnumerable<DeadlineDraft> Deadlines(CaseFile file, LegalClock clock)
    {
        var c = (Complaint)file;
        // R.1112-92 covers complaints and grievances; praise has no deadline.
        if (c.Nature == ComplaintNature.Praise)
            yield break;
        yield return new DeadlineDraft(clock.Setting(DelaySettings.ComplaintAcknowledgement), c.ReceivedOn,
            FirstFrom(c, c.ReceivedOn, null, AcknowledgementSent)) { StartLabel = "de la réception de la plainte" };
        // R.1112-93: the mediator meets the complainant within 8 days of being referred to.
        if (Latest(c, null, MediatorReferred) is { } referred)
            yield return new DeadlineDraft(clock.Setting(DelaySettings.ComplaintMediationMeeting), referred, FirstFrom(c, referred, null, MediationMeeting))
                { StartLabel = "de la saisine du médiateur" };
        // R.1112-94 al.1: the report reaches the CDU president within 8 days of the meeting.
        if (Latest(c, null, MediationMeeting) is { } met)
            yield return new DeadlineDraft(clock.Setting(DelaySettings.ComplaintMediationReport), met, FirstFrom(c, met, null, MediationReportSent))
                { StartLabel = "de la rencontre de médiation" };
        // R.1112-94 al.3: the director answers within 8 days of the CDU meeting; an earlier answer does not count.
        if (Latest(c, c.CduMeetingOn, CduExamined) is { } cdu)
            yield return new DeadlineDraft(clock.Setting(DelaySettings.ComplaintAnswerAfterCdu), cdu, FirstFrom(c, cdu, c.AnswerSentOn, AnswerSent))
                { StartLabel = "de la séance de la CDU" };
        yield return new DeadlineDraft(clock.Setting(DelaySettings.ComplaintAnswerTarget), c.ReceivedOn,
            FirstFrom(c, c.ReceivedOn, c.AnswerSentOn, AnswerSent)) { StartLabel = "de la réception de la plainte" };
    }
}
