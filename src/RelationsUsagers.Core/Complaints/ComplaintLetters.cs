using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Letters;
using static RelationsUsagers.Core.Letters.LetterFields;

namespace RelationsUsagers.Core.Complaints;

/// <summary>
/// The letters of a complaint (CSP R.1112-91 to R.1112-94): acknowledgement, copy of an oral complaint written down,
/// mediation invitation, sending of the mediation report, answer (after the CDU, its opinion attached).
/// </summary>
public static class ComplaintLetters
{
    private static Complaint Of(LetterContext c) => (Complaint)c.Case!;

    private static readonly LetterMention Mediator = new("le droit de saisir un médiateur", "saisir un médiateur", "CSP art. R.1112-92 al.1");
    private static readonly LetterMention Representative = new("l'accompagnement par un représentant des usagers",
        "accompagné d'un représentant des usagers", "CSP art. R.1112-92 al.1");

    private static string? MediatorText(Complaint c) => MediatorText(c, TypedText.NullIfBlank(c.MediatorName));

    private static string? MediatorText(Complaint c, string? names) => names is null ? null
        : c.MediationType is MediationType.None ? names : $"{names} ({c.MediationType.Label().ToLowerInvariant()})";

    /// <summary>
    /// The invitation's meeting: the one booked (its mediators from the register), else what the officer types and the
    /// mediator the case names (R.1112-93).
    /// </summary>
    private static IEnumerable<(LetterField, string?)> InvitationValues(LetterContext c)
    {
        if (c.Mediation is not { } booked)
            return [(LetterFields.Mediator, MediatorText(Of(c)))];
        var names = booked.Mediators.Count == 0 ? null : string.Join(" et ", booked.Mediators.Select(m => m.FullName));
        return
        [
            (LetterFields.Mediator, names is null ? MediatorText(Of(c)) : MediatorText(Of(c), names)),
            (AppointmentOn, LongDate(booked.Appointment.Date)),
            (AppointmentTime, Time(booked.Appointment.StartTime)),
            (AppointmentPlace, booked.Appointment.Place),
        ];
    }

    public static readonly LetterDefinition Acknowledgement = new()
    {
        Code = "complaint-acknowledgement",
        Title = "Accusé de réception de la réclamation",
        Kind = CaseKind.Complaint,
        Subject = "votre réclamation du {received-on}",
        Body =
        [
            "J'accuse réception de votre réclamation, reçue le {received-on}, concernant la prise en charge de {patient-name} dans " +
            "notre établissement. Je l'ai transmise aux responsables des services concernés afin qu'ils me fassent part de leurs " +
            "observations, et je ne manquerai pas de vous apporter une réponse dans les meilleurs délais.",
            "Vous pouvez, si vous le souhaitez, saisir un médiateur de l'établissement (médiateur médecin pour les questions relatives " +
            "aux soins, médiateur non médecin pour les autres) ; il vous recevra dans les huit jours suivant sa saisine. Lors de cette " +
            "rencontre, vous pouvez être accompagné d'un représentant des usagers membre de la commission des usagers.",
            "Les représentants des usagers peuvent être joints : {ru-contact}",
        ],
        Mentions = [Mediator, Representative],
        Optional = new HashSet<string> { RuContact.Code },
        Values = c => [(RuContact, TypedText.NullIfBlank(c.Establishment.RepresentativesContact))],
        SendingEvent = _ => CaseEventTypes.AcknowledgementSent,
        Fits = file => file.Status == CaseStatus.Received && ((Complaint)file).Nature != ComplaintNature.Praise,
    };

    public static readonly LetterDefinition OralCopy = new()
    {
        Code = "complaint-oral-copy",
        Title = "Copie de la réclamation orale consignée par écrit",
        Kind = CaseKind.Complaint,
        Subject = "copie de votre réclamation consignée par écrit le {received-on}",
        Body =
        [
            "Vous avez exprimé oralement le {received-on} une réclamation que nous avons consignée par écrit. Comme le prévoit " +
            "l'article R.1112-91 du code de la santé publique, vous en trouverez ci-dessous la copie :",
            "{complaint-text}",
            "Votre réclamation est transmise au représentant légal de l'établissement. Vous pouvez saisir un médiateur et être " +
            "accompagné d'un représentant des usagers lors de la rencontre.",
        ],
        Mentions = [new("la copie remise au plaignant", "vous en trouverez ci-dessous la copie", "CSP art. R.1112-91"), Mediator, Representative],
        Values = c => [(ComplaintText, TypedText.NullIfBlank(Of(c).Summary))],
        SendingEvent = _ => CaseEventTypes.OralCopyHanded,
        Fits = file => file.Channel == Channel.OralRecorded,
    };

    public static readonly LetterDefinition MediationInvitation = new()
    {
        Code = "complaint-mediation-invitation",
        Title = "Invitation à la rencontre de médiation",
        Kind = CaseKind.Complaint,
        Subject = "rencontre avec le médiateur – votre réclamation du {received-on}",
        Body =
        [
            "Suite à votre réclamation, le médiateur {mediator} a été saisi. Il vous propose de vous rencontrer le {appointment-on} " +
            "à {appointment-time}, {appointment-place}.",
            "Lors de cette rencontre, vous pouvez être accompagné d'un représentant des usagers membre de la commission des usagers, " +
            "et vos proches peuvent y assister si vous le souhaitez.",
            "Si l'examen de votre réclamation le nécessite, le médiateur médecin pourra, avec votre accord écrit, prendre connaissance " +
            "de votre dossier médical : nous vous remercions de nous retourner le formulaire de consentement joint.",
            "Si cette date ne vous convient pas, je vous remercie de contacter le service des relations avec les usagers.",
        ],
        Mentions = [Representative, new("la rencontre avec le médiateur", "Il vous propose de vous rencontrer le", "CSP art. R.1112-93")],
        // Typed only while no meeting is booked (Médiation tab): then the booked one's date, time and place.
        Asked = [AppointmentOn, AppointmentTime, AppointmentPlace],
        FilledByCase = c => c.Mediation is null ? [] : [AppointmentOn, AppointmentTime, AppointmentPlace],
        Values = InvitationValues,
        Hints = new Dictionary<string, string> { [LetterFields.Mediator.Code] = "renseignez le médiateur dans le dossier" },
        Fits = file => file.Status == CaseStatus.InMediation,
    };

    public static readonly LetterDefinition MediationReport = new()
    {
        Code = "complaint-mediation-report",
        Title = "Envoi du compte rendu de médiation",
        Kind = CaseKind.Complaint,
        Confidential = true,
        Subject = "compte rendu de la rencontre de médiation – votre réclamation du {received-on}",
        Body =
        [
            "Vous avez rencontré le médiateur {mediator} au sujet de votre réclamation. Vous trouverez ci-joint le compte rendu de " +
            "cette rencontre, qui a également été adressé, avec votre réclamation, aux membres de la commission des usagers " +
            "(article R.1112-94 du code de la santé publique).",
            "La commission examinera votre réclamation lors de sa prochaine séance. Elle pourra formuler des recommandations en vue " +
            "d'apporter une solution à votre litige ou vous informer des voies de conciliation ou de recours dont vous disposez.",
        ],
        Mentions = [new("l'envoi du compte rendu aux membres de la commission", "aux membres de la commission des usagers", "CSP art. R.1112-94 al.1")],
        Values = c => [(LetterFields.Mediator, MediatorText(Of(c)))],
        Hints = new Dictionary<string, string> { [LetterFields.Mediator.Code] = "renseignez le médiateur dans le dossier" },
        SendingEvent = _ => CaseEventTypes.MediationReportForwarded,
        Fits = file => file.LiveEvents.Any(e => e.Type == CaseEventTypes.MediationReportSent),
    };

    public static readonly LetterDefinition Answer = new()
    {
        Code = "complaint-answer",
        Title = "Réponse à la réclamation",
        Kind = CaseKind.Complaint,
        Confidential = true,
        Subject = "réponse à votre réclamation du {received-on}",
        Body =
        [
            "Vous m'avez fait part le {received-on} de votre mécontentement concernant la prise en charge de {patient-name}. " +
            "Après examen de votre réclamation avec les services concernés, je suis en mesure de vous apporter les éléments suivants.",
            "{answer-text}",
            "La commission des usagers a examiné votre réclamation lors de sa séance du {cdu-meeting-on}. Son avis est joint au " +
            "présent courrier, dont une copie est adressée à ses membres (article R.1112-94 du code de la santé publique) : {cdu-opinion}",
            "Si cette réponse ne vous satisfait pas, vous pouvez saisir un médiateur de l'établissement, la commission de " +
            "conciliation et d'indemnisation des accidents médicaux (CCI) si vous estimez avoir subi un dommage, le tribunal " +
            "compétent, ou l'agence régionale de santé.",
        ],
        Mentions = [new("les voies de conciliation et de recours", "Si cette réponse ne vous satisfait pas", "CSP art. R.1112-94 al.2, R.1112-80")],
        Asked = [AnswerText],
        Optional = new HashSet<string> { CduMeetingOn.Code, LetterFields.CduOpinion.Code },
        Values = c =>
        {
            var complaint = Of(c);
            var examined = complaint.CduMeetingOn ?? complaint.LiveEvents.Where(e => e.Type == CaseEventTypes.CduExamined).Select(e => (DateOnly?)e.OccurredOn).Max();
            return
            [
                (CduMeetingOn, examined is { } on ? LongDate(on) : null),
                // R.1112-94 al.3: after the CDU's review, the answer carries its opinion; without its text the letter waits.
                (LetterFields.CduOpinion, examined is null ? null : TypedText.NullIfBlank(complaint.CduOpinionText) ?? complaint.CduOpinion?.Label()),
            ];
        },
        Hints = new Dictionary<string, string> { [AnswerText.Code] = "rédigez la réponse" },
        Checks = c => Of(c) is var complaint && (complaint.CduMeetingOn is not null || complaint.LiveEvents.Any(e => e.Type == CaseEventTypes.CduExamined))
                      && string.IsNullOrWhiteSpace(complaint.CduOpinionText) && complaint.CduOpinion is null
            ? ["Avis de la CDU inconnu : enregistrez l'avis de la commission dans le dossier, la réponse le joint (CSP art. R.1112-94 al.3)."]
            : [],
        SendingEvent = _ => CaseEventTypes.AnswerSent,
        Fits = file => file.IsOpen && file.Status != CaseStatus.Answered && ((Complaint)file).Nature != ComplaintNature.Praise,
    };

    public static IReadOnlyList<LetterDefinition> All { get; } = [Acknowledgement, OralCopy, MediationInvitation, MediationReport, Answer];
}
