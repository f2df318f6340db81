using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Complaints;

namespace RelationsUsagers.Core.Cdu;

/// <summary>
/// The items <see cref="CduAgendaService.ProposeAsync"/> proposes, built from cases already loaded. Titles and texts
/// name cases by reference, department and motive only: never a person. French typography: a non-breaking space
/// (<see cref="CduText.Nbsp"/>) before every colon.
/// </summary>
internal static class CduAgendaProposals
{
    private const char Nbsp = CduText.Nbsp;

    /// <summary>R.1112-80 I: every complaint received or answered in the period, litigation included, in one item.</summary>
    public static AgendaItem? ComplaintsReceivedAndAnswered(IEnumerable<Complaint> complaints, DateOnly from, DateOnly to,
        IReadOnlyList<Expressions.ExpressionCount>? expressions = null)
    {
        var listed = complaints
            .Where(c => In(c.ReceivedOn, from, to) || (c.AnswerSentOn is { } a && In(a, from, to)))
            .OrderBy(c => c.ReceivedOn).ThenBy(c => c.Reference, StringComparer.Ordinal).ToList();
        if (listed.Count == 0)
            return null;
        var lines = listed.Select(c =>
            $"{c.Reference} — {c.Nature.Label()} reçue le {CduText.Date(c.ReceivedOn)} — {string.Join(", ", c.Services)} — " +
            $"{string.Join(", ", c.Motives.Select(m => m.Label()))} — " +
            (c.AnswerSentOn is { } answered && answered <= to ? $"réponse envoyée le {CduText.Date(answered)}" : "réponse en cours") +
            (c.IsLitigation ? " — contentieux (pour information, art. R.1112-80 I)" : ""));
        return New(AgendaItemKind.ComplaintsReceivedAndAnswered,
            $"Plaintes et réclamations reçues et réponses apportées du {CduText.Date(from)} au {CduText.Date(to)} ({CduText.Number(listed.Count)})",
            WithinLimit(BySummary(listed.Where(c => In(c.ReceivedOn, from, to)), expressions ?? []), lines.ToList(),
                "l'export du registre des plaintes (Exports)"));
    }

    /// <summary>
    /// The head lines, then the listed cases one per line as far as an agenda item's text holds
    /// (<see cref="AgendaItem.TextMaxLength"/>): a hospital group's quarter can bring thousands. The rest is counted and the
    /// reader sent to the complete list (<paramref name="fullList"/>); the tail line (a legal reference) always ends it.
    /// </summary>
    private static string WithinLimit(IEnumerable<string> head, List<string> lines, string fullList, string? tail = null)
    {
        var text = new System.Text.StringBuilder(string.Join("\n", head));
        var room = AgendaItem.TextMaxLength - 300 - (tail?.Length ?? 0); // the closing line's words and figures
        var shown = 0;
        foreach (var line in lines)
        {
            if (text.Length + 1 + line.Length > room)
                break;
            text.Append(text.Length == 0 ? "" : "\n").Append(line);
            shown++;
        }
        if (shown < lines.Count)
            text.Append($"\n… et {CduText.Number(lines.Count - shown)} autre(s), non listée(s) ici faute de place\u00A0: la liste complète est {fullList}.");
        if (tail is not null)
            text.Append('\n').Append(tail);
        return text.ToString();
    }

    /// <summary>
    /// The period's complaints and praise by service — praise from files and from the quick log — so that the members see
    /// both sides (R.1112-80: every expression of satisfaction or dissatisfaction).
    /// </summary>
    private static IEnumerable<string> BySummary(IEnumerable<Complaint> received, IReadOnlyList<Expressions.ExpressionCount> expressions)
    {
        var complaints = received.Where(c => c.Nature != ComplaintNature.Praise).SelectMany(c => c.Services.Distinct()).CountBy(s => s).ToDictionary();
        var praise = received.Where(c => c.Nature == ComplaintNature.Praise).SelectMany(c => c.Services.Distinct()).CountBy(s => s).ToDictionary();
        foreach (var row in expressions.Where(e => e.Kind == Expressions.ExpressionKind.Praise))
            praise[row.Service] = praise.GetValueOrDefault(row.Service) + row.Count;
        var services = complaints.Keys.Union(praise.Keys).Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true)).ToList();
        if (services.Count == 0)
            yield break;
        yield return $"Par service{Nbsp}: " + string.Join(" ; ", services.Select(s =>
            $"{s}{Nbsp}: {Plural(complaints.GetValueOrDefault(s), "réclamation")}, {Plural(praise.GetValueOrDefault(s), "éloge")}")) + ".";
    }

    private static string Plural(int count, string word) => $"{count} {word}{(count > 1 ? "s" : "")}";

    /// <summary>R.1112-94: a mediation report reached the president and the CDU has not examined the complaint yet.</summary>
    public static IEnumerable<AgendaItem> MediationReportsAwaitingCdu(IEnumerable<Complaint> complaints) =>
        complaints.Where(AwaitsReportExamination).OrderBy(c => c.ReceivedOn).Select(c =>
        {
            var report = c.LiveEvents.Where(e => e.Type == CaseEventTypes.MediationReportSent).Max(e => e.OccurredOn);
            return New(AgendaItemKind.MediationReportAwaitingCdu, $"Compte rendu de médiation — {c.Reference} ({string.Join(", ", c.Services)})",
                $"Médiation {CduText.LowerFirst(c.MediationType.Label())} ; compte rendu transmis à la présidence de la CDU le {CduText.Date(report)}. " +
                "Avis de la CDU attendu (art. R.1112-94 du CSP).", c.Id);
        });

    /// <summary>Complaints waiting for the CDU, litigation excluded (R.1112-80 I), unless already proposed with their report.</summary>
    public static IEnumerable<AgendaItem> ComplaintsToExamine(IEnumerable<Complaint> complaints) =>
        complaints.Where(c => c.Status == CaseStatus.AwaitingCdu && !c.IsLitigation && !AwaitsReportExamination(c))
            .OrderBy(c => c.ReceivedOn).Select(c => New(AgendaItemKind.ComplaintToExamine,
                $"Réclamation à examiner — {c.Reference} ({string.Join(", ", c.Services)})",
                $"{c.Nature.Label()} reçue le {CduText.Date(c.ReceivedOn)} ; motif{(c.Motives.Count > 1 ? "s" : "")}{Nbsp}: {string.Join(", ", c.Motives.Select(m => m.Label()))}.", c.Id));

    /// <summary>R.1112-80 II e): indemnity claims and litigation complaints, for information.</summary>
    public static AgendaItem? ClaimsForInformation(IEnumerable<IndemnityClaim> claims, IEnumerable<Complaint> litigation)
    {
        var lines = claims.OrderBy(c => c.ReceivedOn).Select(c =>
                $"{c.Reference} — demande indemnitaire reçue le {CduText.Date(c.ReceivedOn)} — {string.Join(", ", c.Services)} — " +
                ProcedureAndStatus(c))
            .Concat(litigation.OrderBy(c => c.ReceivedOn).Select(c =>
                $"{c.Reference} — réclamation contentieuse reçue le {CduText.Date(c.ReceivedOn)} — {string.Join(", ", c.Services)} — " +
                CduText.LowerFirst(c.Status.Label())))
            .ToList();
        return lines.Count == 0 ? null : New(AgendaItemKind.IndemnityClaimsForInformation,
            $"Demandes indemnitaires et contentieux en cours ou reçus (pour information) ({CduText.Number(lines.Count)})",
            WithinLimit([], lines, "l'export du registre des indemnisations (Exports)", $"(Art. R.1112-80 II e du CSP{Nbsp}: nombre, nature et issue des recours.)"));
    }

    public static AgendaItem RecordAccess(RecordAccessFigures figures) =>
        New(AgendaItemKind.RecordAccessFigures,
            $"Demandes d'accès au dossier médical du {CduText.Date(figures.From)} au {CduText.Date(figures.To)}", figures.Describe());

    /// <summary>R.1112-80 II f): at least once a year; a placeholder the officer fills (publishing refuses it as it stands).</summary>
    public static AgendaItem SeriousAdverseEvents(int year) =>
        New(AgendaItemKind.SeriousAdverseEvents, $"Événements indésirables graves {year} et actions correctives",
            $"{CduAgendaService.Placeholder}{Nbsp}: nombre et nature des événements indésirables graves déclarés, actions correctives engagées " +
            "(présentation au moins une fois par an, art. R.1112-80 II f du CSP).");

    /// <summary>R.1112-80 II d): hand-entered results; a placeholder the officer fills (publishing refuses it as it stands).</summary>
    public static AgendaItem Satisfaction() =>
        New(AgendaItemKind.SatisfactionResults, "Résultats des enquêtes de satisfaction",
            $"{CduAgendaService.Placeholder}{Nbsp}: questionnaires de sortie (nombre reçus, taux de retour), indicateurs e-Satis, autres enquêtes " +
            "(art. R.1112-80 II d et L.1112-2 du CSP).");

    public static AgendaItem? RecommendationFollowUp(IReadOnlyList<CduRecommendation> open) =>
        open.Count == 0 ? null : New(AgendaItemKind.RecommendationFollowUp, $"Suivi des recommandations de la CDU ({CduText.Number(open.Count)} en cours)",
            string.Join("\n", open.Select(r =>
                $"{r.Year} — {r.Text} — responsable{Nbsp}: {r.Owner}" + (r.DueOn is { } due ? $" — échéance {CduText.Date(due)}" : "") +
                $" — {CduText.LowerFirst(r.Status.Label())}")));

    /// <summary>
    /// "procédure amiable", "procédure CCI", "recours devant le tribunal administratif", then the status unless it only
    /// repeats the procedure (a claim at the CCI is "Procédure CCI"): "procédure CCI", not "procédure CCI — procédure cci".
    /// </summary>
    internal static string ProcedureAndStatus(IndemnityClaim claim)
    {
        var procedure = claim.Procedure switch
        {
            ClaimProcedure.Amicable => "procédure amiable",
            ClaimProcedure.Cci => "procédure CCI",
            ClaimProcedure.AdministrativeCourt => "recours devant le tribunal administratif",
            _ => $"procédure {CduText.LowerFirst(claim.Procedure.Label())}",
        };
        var status = CduText.LowerFirst(claim.Status.Label());
        return string.Equals(status, procedure, StringComparison.OrdinalIgnoreCase) ? procedure : $"{procedure} — {status}";
    }

    public static bool AwaitsReportExamination(Complaint c) =>
        c.IsOpen && !c.IsLitigation && c.CduMeetingOn is null && c.LiveEvents.Any(e => e.Type == CaseEventTypes.MediationReportSent);

    /// <summary>Kinds that stand once on an agenda (the others stand once per case).</summary>
    public static bool IsSingle(AgendaItemKind kind) =>
        kind is not (AgendaItemKind.MediationReportAwaitingCdu or AgendaItemKind.ComplaintToExamine or AgendaItemKind.FreeItem);

    private static bool In(DateOnly date, DateOnly from, DateOnly to) => date >= from && date <= to;

    private static AgendaItem New(AgendaItemKind kind, string title, string text, Guid? caseId = null) =>
        new() { Kind = kind, Title = title, Text = text, CaseFileId = caseId };
}
