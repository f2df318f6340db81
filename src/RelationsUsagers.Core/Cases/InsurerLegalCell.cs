using static RelationsUsagers.Core.Cases.CaseEventTypes;

namespace RelationsUsagers.Core.Cases;

/// <summary>
/// The insurer's legal cell, asked for its position on a complex case (an indemnity claim, a requisition touching on the
/// hospital's liability): the referral and the answer, each a step with its date that moves no status (CSP L.1142-2: the
/// hospital is insured; asking the insurer's lawyers is the office's practice).
/// </summary>
public static class InsurerLegalCell
{
    public const string ReferStep = "refer-legal-cell";
    public const string AnswerStep = "legal-cell-answer";

    public static IReadOnlyList<CaseEventType> EventTypes { get; } =
    [
        new(LegalCellReferred, "Cellule juridique de l'assureur saisie"),
        new(LegalCellAnswered, "Réponse de la cellule juridique de l'assureur"),
    ];

    /// <summary>The two steps, open from <paramref name="from"/> (the kind's open statuses).</summary>
    public static CaseStep[] Steps(params CaseStatus[] from) =>
    [
        new(ReferStep, "Saisir la cellule juridique de l'assureur", from, null, LegalCellReferred)
            { Needs = StepNeeds.OptionalText, TextLabel = "Question posée" },
        new(AnswerStep, "Réponse de la cellule juridique", from, null, LegalCellAnswered)
            { Needs = StepNeeds.Text, TextLabel = "Position de la cellule juridique", OfferedWhen = Waiting },
    ];

    /// <summary>A referral waits for its answer: each answer closes one referral.</summary>
    public static bool Waiting(CaseFile file) =>
        file.LiveEvents.Count(e => e.Type == LegalCellReferred) > file.LiveEvents.Count(e => e.Type == LegalCellAnswered);

    /// <summary>An answer needs a referral still waiting for it, and cannot come before it.</summary>
    public static IEnumerable<string> Guards(CaseFile file, CaseStep step, StepInput input)
    {
        if (step.EventType != LegalCellAnswered)
            yield break;
        var referrals = file.LiveEvents.Where(e => e.Type == LegalCellReferred).Select(e => e.OccurredOn).ToList();
        if (!Waiting(file))
            yield return "Aucune saisine de la cellule juridique de l'assureur n'attend de réponse : enregistrez d'abord « Saisir la cellule juridique de l'assureur ».";
        else if (input.On < referrals.Max())
            yield return $"La réponse de la cellule juridique ne peut pas précéder sa saisine ({referrals.Max():dd/MM/yyyy}).";
    }
}
