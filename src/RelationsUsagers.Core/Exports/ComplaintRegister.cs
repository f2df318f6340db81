using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Complaints;
using static RelationsUsagers.Core.AccessRequests.Tracking.AccessRequestDashboardRow;

namespace RelationsUsagers.Core.Exports;

/// <summary>One line of the "registre des plaintes et réclamations" (CSP R.1112-80 I; usual columns the model holds).</summary>
public sealed record ComplaintRegisterRow
{
    public string Reference { get; init; } = "";
    public DateOnly ReceivedOn { get; init; }
    public string Channel { get; init; } = "";
    public string Nature { get; init; } = "";
    public string Author { get; init; } = "";
    public string? AuthorCapacity { get; init; }
    public string Patient { get; init; } = "";
    public string Services { get; init; } = "";
    public DateOnly? FactsOn { get; init; }
    public string Summary { get; init; } = "";
    public string Motives { get; init; } = "";
    public string Severity { get; init; } = "";
    public DateOnly? AcknowledgedOn { get; init; }
    public string Mediation { get; init; } = "";
    public string? Mediator { get; init; }
    public DateOnly? MediatorReferredOn { get; init; }
    public DateOnly? MediationMeetingOn { get; init; }
    public string? Representative { get; init; }
    public DateOnly? MediationReportOn { get; init; }
    public DateOnly? CduMeetingOn { get; init; }
    public string? CduOpinion { get; init; }
    public DateOnly? AnswerSentOn { get; init; }
    /// <summary>Answer − receipt, in days (the register's "délai de réponse").</summary>
    public int? AnswerDelayDays { get; init; }
    /// <summary>Answered within the internal target (R.1112-92 "meilleurs délais", setting complaint.answer-target).</summary>
    public bool? AnsweredOnTarget { get; init; }
    public bool Litigation { get; init; }
    public string Status { get; init; } = "";
    public DateOnly? ClosedOn { get; init; }
    public string? Outcome { get; init; }
    public bool IsOverdue { get; init; }

    internal static ComplaintRegisterRow Build(Complaint c, IReadOnlyList<ClockSuspension> suspensions, LegalClock clock, DateOnly today)
    {
        var deadlines = clock.Compute(c, suspensions, today);
        var answer = CaseFacts.FirstFrom(c, c.ReceivedOn, c.AnswerSentOn, CaseEventTypes.AnswerSent);
        var target = deadlines.FirstOrDefault(d => d.Code == DelaySettings.ComplaintAnswerTarget);
        return new ComplaintRegisterRow
        {
            Reference = c.Reference, ReceivedOn = c.ReceivedOn, Channel = c.Channel.Label(), Nature = c.Nature.Label(),
            Author = c.Requester.Name, AuthorCapacity = c.Requester.Capacity, Patient = c.Patient.FullName,
            Services = string.Join(", ", c.Services), FactsOn = c.FactsOn, Summary = c.Summary,
            Motives = string.Join(", ", c.Motives.Select(m => m.Label())), Severity = c.Severity.Label(),
            AcknowledgedOn = RegisterQuery.First(c, CaseEventTypes.AcknowledgementSent),
            Mediation = c.MediationType.Label(), Mediator = c.MediatorName,
            MediatorReferredOn = RegisterQuery.First(c, CaseEventTypes.MediatorReferred),
            MediationMeetingOn = RegisterQuery.First(c, CaseEventTypes.MediationMeeting, CaseEventTypes.MedicalMediationMeeting,
                CaseEventTypes.NonMedicalMediationMeeting),
            Representative = c.AccompanyingRepresentative,
            MediationReportOn = RegisterQuery.First(c, CaseEventTypes.MediationReportSent),
            CduMeetingOn = CaseFacts.Latest(c, c.CduMeetingOn, CaseEventTypes.CduExamined), CduOpinion = c.CduOpinion?.Label(),
            AnswerSentOn = answer, AnswerDelayDays = answer is { } a ? a.DayNumber - c.ReceivedOn.DayNumber : null,
            AnsweredOnTarget = answer is { } on && target is not null ? on <= target.DueOn : null,
            Litigation = c.IsLitigation, Status = c.Status.Label(), ClosedOn = c.ClosedOn, Outcome = c.Outcome,
            IsOverdue = c.IsOpen && deadlines.Any(d => d.State == DeadlineState.Overdue),
        };
    }

    public static IReadOnlyList<ExportColumn<ComplaintRegisterRow>> Columns { get; } =
    [
        new("Référence", r => r.Reference),
        new(CaseFileFieldNames.ReceivedOn, r => r.ReceivedOn, ExportFormats.Date),
        new(CaseFileFieldNames.Channel, r => r.Channel),
        new(ComplaintFieldNames.Nature, r => r.Nature),
        new(CaseFileFieldNames.RequesterName, r => r.Author),
        new(CaseFileFieldNames.RequesterCapacity, r => r.AuthorCapacity),
        new("Patient concerné", r => r.Patient),
        new(CaseFileFieldNames.Services, r => r.Services),
        new(ComplaintFieldNames.FactsOn, r => r.FactsOn, ExportFormats.Date),
        new(ComplaintFieldNames.Summary, r => r.Summary, Width: 60),
        new(ComplaintFieldNames.Motives, r => r.Motives),
        new(ComplaintFieldNames.Severity, r => r.Severity),
        new("Date d'accusé de réception", r => r.AcknowledgedOn, ExportFormats.Date),
        new(ComplaintFieldNames.MediationType, r => r.Mediation),
        new(ComplaintFieldNames.MediatorName, r => r.Mediator),
        new("Date de saisine du médiateur", r => r.MediatorReferredOn, ExportFormats.Date),
        new("Date de rencontre", r => r.MediationMeetingOn, ExportFormats.Date),
        new(ComplaintFieldNames.AccompanyingRepresentative, r => r.Representative),
        new("Date du compte rendu", r => r.MediationReportOn, ExportFormats.Date),
        new(ComplaintFieldNames.CduMeetingOn, r => r.CduMeetingOn, ExportFormats.Date),
        new(ComplaintFieldNames.CduOpinion, r => r.CduOpinion),
        new(ComplaintFieldNames.AnswerSentOn, r => r.AnswerSentOn, ExportFormats.Date),
        new("Délai de réponse (jours)", r => r.AnswerDelayDays, ExportFormats.Integer),
        new("Réponse dans le délai cible", r => YesNo(r.AnsweredOnTarget)),
        new(ComplaintFieldNames.IsLitigation, r => YesNo(r.Litigation)),
        new(CaseFileFieldNames.Status, r => r.Status),
        new(CaseFileFieldNames.ClosedOn, r => r.ClosedOn, ExportFormats.Date),
        new(CaseFileFieldNames.Outcome, r => r.Outcome),
    ];
}
