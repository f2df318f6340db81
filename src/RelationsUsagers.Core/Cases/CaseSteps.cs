using RelationsUsagers.Core.Clock;

namespace RelationsUsagers.Core.Cases;

/// <summary>
/// What taking a step does to a case, without storage: the checks that refuse it, then the event, the facts and the
/// status it writes. <see cref="CaseFileService.TakeStepAsync"/> runs it in one transaction; the demo data is built
/// through it too, so no case holds a status its facts contradict.
/// </summary>
public static class CaseSteps
{
    public const int TextMaxLength = 2000;

    /// <summary>French reasons that refuse the step now; empty when it may be taken.</summary>
    public static IReadOnlyList<string> Refusals(CaseFile file, CaseStep step, StepInput input, DateOnly today, bool isManager, LegalClock clock)
    {
        var definition = CaseKinds.Of(file);
        if (!step.From.Contains(file.Status))
        {
            var open = definition.StepsFrom(file.Status);
            return [$"L'étape « {step.Label} » n'est pas possible au statut « {file.Status.Label()} »." + (open.Count == 0
                ? " Aucune étape n'est possible à ce statut."
                : $" Étapes possibles : {string.Join(", ", open.Select(s => $"« {s.Label} »"))}.")];
        }
        var refusals = new List<string>();
        if (step.ManagerOnly && !isManager)
            refusals.Add($"Seul un responsable peut « {step.Label} ».");
        if (input.On > today)
            refusals.Add("La date de l'étape ne peut pas être dans le futur.");
        if (input.On < file.ReceivedOn)
            refusals.Add($"La date de l'étape ne peut pas précéder la réception du dossier ({file.ReceivedOn:dd/MM/yyyy}).");
        if (step.TextRequired && string.IsNullOrWhiteSpace(input.Text))
            refusals.Add($"« {step.TextLabel} » est obligatoire.");
        if (step.Needs.HasFlag(StepNeeds.NewDueDate) && input.NewDueOn is null)
            refusals.Add("La nouvelle date limite est obligatoire.");
        if ((input.Text?.Length ?? 0) > TextMaxLength || (input.EarlyReason?.Length ?? 0) > TextMaxLength)
            refusals.Add($"Le texte ne doit pas dépasser {TextMaxLength} caractères.");
        refusals.AddRange(InsurerLegalCell.Guards(file, step, input));
        refusals.AddRange(definition.Guards(file, step, input, clock));
        return refusals;
    }

    /// <summary>Records the step on <paramref name="file"/>: its event, the fact columns, what the step writes, the status.</summary>
    public static CaseEvent Apply(CaseFile file, CaseStep step, StepInput input)
    {
        var definition = CaseKinds.Of(file);
        var ev = new CaseEvent
        {
            CaseFileId = file.Id, Type = step.EventType, OccurredOn = input.On, Note = NoteOf(definition.StepNote(file, step, input), step, input),
        };
        file.Events.Add(ev);
        definition.ApplyFact(file, step.EventType, input.On);
        definition.ApplyStep(file, step, input);
        if (step.To is { } to)
        {
            file.Status = to;
            if (to.IsFinal())
            {
                file.ClosedOn = input.On;
                file.Outcome = input.Text?.Trim();
            }
        }
        return ev;
    }

    /// <summary>The event's note: what the kind records, what was typed, the LRAR number, and the reason of an early communication.</summary>
    private static string? NoteOf(string? kindNote, CaseStep step, StepInput input)
    {
        var parts = new List<string>();
        if (kindNote is not null)
            parts.Add(kindNote);
        if (!string.IsNullOrWhiteSpace(input.Text))
            parts.Add(step.TextLabel is null ? input.Text.Trim() : $"{step.TextLabel} : {input.Text.Trim()}");
        if (!string.IsNullOrWhiteSpace(input.RecordedDeliveryNumber))
            parts.Add($"LRAR n° {input.RecordedDeliveryNumber.Trim()}");
        if (!string.IsNullOrWhiteSpace(input.EarlyReason))
            parts.Add($"Communication avant la fin du délai de réflexion, confirmée : {input.EarlyReason.Trim()}");
        return parts.Count == 0 ? null : string.Join(" — ", parts);
    }

    /// <summary>
    /// Replays a case's live step events from « Reçu », in date order (a reopening going back to the status before the
    /// closing): the status they lead to, and in French each step event
    /// its status at the time did not allow. A consistent case ends at its stored status with no problem.
    /// </summary>
    public static (CaseStatus Status, IReadOnlyList<string> Problems) Replay(CaseFile file)
    {
        var definition = CaseKinds.Of(file);
        var status = CaseStatus.Received;
        CaseStatus? beforeClosing = null;
        var problems = new List<string>();
        // A cancelled event is no fact; steps of the same day in the order they were recorded.
        foreach (var ev in file.LiveEvents.OrderBy(e => e.OccurredOn).ThenBy(e => e.RecordedAtUtc))
        {
            // A reopening takes the case back to the status it had before its closing.
            if (ev.Type == CaseEventTypes.Reopened && beforeClosing is { } reopened)
            {
                (status, beforeClosing) = (reopened, null);
                continue;
            }
            if (definition.Steps.All(s => s.EventType != ev.Type))
                continue;
            if (definition.StepsFrom(status).FirstOrDefault(s => s.EventType == ev.Type) is not { } step)
            {
                if (definition.Steps.Any(s => s.EventType == ev.Type && s.AlsoFact))
                    continue;
                problems.Add($"« {CaseEventTypes.LabelOf(ev.Type)} » du {ev.OccurredOn:dd/MM/yyyy} n'est pas une étape possible au statut « {status.Label()} ».");
                continue;
            }
            if (step.Closes)
                beforeClosing = status;
            status = step.To ?? status;
        }
        if (status != file.Status)
            problems.Add($"Le statut « {file.Status.Label()} » ne correspond pas aux faits enregistrés, qui mènent à « {status.Label()} ».");
        return (status, problems);
    }
}
