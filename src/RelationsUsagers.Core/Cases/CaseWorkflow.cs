namespace RelationsUsagers.Core.Cases;

/// <summary>Each kind's allowed status moves. The UI shows only these; the service refuses the others.</summary>
public static class CaseWorkflow
{
    private static readonly Dictionary<CaseKind, Dictionary<CaseStatus, CaseStatus[]>> Moves = new()
    {
        // CSP L.1111-7, R.1111-1: proofs first, then the copy (or a reasoned refusal).
        [CaseKind.AccessRequest] = new()
        {
            [CaseStatus.Received] = [CaseStatus.AwaitingProofs, CaseStatus.Complete, CaseStatus.Refused, CaseStatus.Abandoned],
            [CaseStatus.AwaitingProofs] = [CaseStatus.Complete, CaseStatus.Refused, CaseStatus.Abandoned],
            [CaseStatus.Complete] = [CaseStatus.AwaitingPayment, CaseStatus.Sent, CaseStatus.Refused],
            [CaseStatus.AwaitingPayment] = [CaseStatus.Sent, CaseStatus.Abandoned],
            [CaseStatus.Sent] = [CaseStatus.Closed],
        },
        // R.1112-92 to R.1112-94: acknowledgement, investigation, mediation, CDU, answer.
        [CaseKind.Complaint] = new()
        {
            [CaseStatus.Received] = [CaseStatus.Acknowledged, CaseStatus.UnderInvestigation, CaseStatus.Abandoned],
            [CaseStatus.Acknowledged] = [CaseStatus.UnderInvestigation, CaseStatus.InMediation, CaseStatus.Answered, CaseStatus.Abandoned],
            [CaseStatus.UnderInvestigation] = [CaseStatus.InMediation, CaseStatus.AwaitingCdu, CaseStatus.Answered],
            [CaseStatus.InMediation] = [CaseStatus.AwaitingCdu, CaseStatus.Answered],
            [CaseStatus.AwaitingCdu] = [CaseStatus.Answered],
            [CaseStatus.Answered] = [CaseStatus.InMediation, CaseStatus.AwaitingCdu, CaseStatus.Closed],
        },
        // CJA R.421-1 to R.421-5, CSP L.1142-7 to L.1142-14: insurer, CCI, administrative court.
        [CaseKind.IndemnityClaim] = new()
        {
            [CaseStatus.Received] = [CaseStatus.DeclaredToInsurer, CaseStatus.UnderInvestigation, CaseStatus.Abandoned],
            [CaseStatus.DeclaredToInsurer] = [CaseStatus.UnderInvestigation, CaseStatus.CciProcedure, CaseStatus.Litigation, CaseStatus.Answered],
            [CaseStatus.UnderInvestigation] = [CaseStatus.DeclaredToInsurer, CaseStatus.CciProcedure, CaseStatus.Litigation, CaseStatus.Answered],
            [CaseStatus.Answered] = [CaseStatus.CciProcedure, CaseStatus.Litigation, CaseStatus.Closed],
            [CaseStatus.CciProcedure] = [CaseStatus.Answered, CaseStatus.Litigation, CaseStatus.Closed],
            [CaseStatus.Litigation] = [CaseStatus.Closed],
        },
        // CPP 60-1, 77-1-1, 99-3: medical secrecy is reviewed before anything leaves.
        [CaseKind.Requisition] = new()
        {
            [CaseStatus.Received] = [CaseStatus.SecrecyReview, CaseStatus.Answered, CaseStatus.Refused],
            [CaseStatus.SecrecyReview] = [CaseStatus.Answered, CaseStatus.Refused],
            [CaseStatus.Answered] = [CaseStatus.Closed],
        },
    };

    public static IReadOnlyList<CaseStatus> AllowedFrom(CaseKind kind, CaseStatus from) =>
        Moves[kind].TryGetValue(from, out var to) ? to : [];

    /// <summary>The statuses a kind can be in, in workflow order (for filters and seeds).</summary>
    public static IReadOnlyList<CaseStatus> StatusesOf(CaseKind kind) =>
        Moves[kind].Keys.Concat(Moves[kind].Values.SelectMany(v => v)).Distinct().Order().ToList();

    /// <summary>Null when the move is allowed, otherwise the French reason it is refused.</summary>
    public static string? RefusalReason(CaseKind kind, CaseStatus from, CaseStatus to)
    {
        if (from == to)
            return $"Le dossier est déjà au statut « {to.Label()} ».";
        var allowed = AllowedFrom(kind, from);
        if (allowed.Contains(to))
            return null;
        if (allowed.Count == 0)
            return $"Un dossier « {kind.Label()} » au statut « {from.Label()} » ne peut plus changer de statut.";
        return $"Un dossier « {kind.Label()} » ne peut pas passer de « {from.Label()} » à « {to.Label()} ». " +
               $"Statuts possibles : {string.Join(", ", allowed.Select(s => $"« {s.Label()} »"))}.";
    }
}
