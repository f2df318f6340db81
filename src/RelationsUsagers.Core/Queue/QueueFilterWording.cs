using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.Queue;

/// <summary>
/// A queue filter as the audit trail keeps it: every criterion in French, except the search text. That text is a patient's
/// or a requester's name: the trail records that a search was made, never what was typed. A hash would not hide it (the
/// database holds every name, so hashing each one finds the match) and would only add a personal datum to the trail.
/// </summary>
public static class QueueFilterWording
{
    /// <summary>" ; filtre : dossiers de type Plainte, en retard, recherche par nom ou référence" or "" without a filter.</summary>
    public static string ForAudit(QueueFilter? filter)
    {
        if (filter is null)
            return "";
        var parts = new List<string>();
        if (filter.Kind is { } kind)
            parts.Add($"type « {kind.Label()} »");
        if (filter.Status is { } status)
            parts.Add($"statut « {status.Label()} »");
        if (filter.AssignedTo is { Length: > 0 } assigned)
            parts.Add($"dossiers de {assigned}");
        if (filter.OverdueOnly)
            parts.Add("en retard");
        if (filter.WaitingOnly)
            parts.Add("en attente d'un tiers");
        if (filter.DueThisWeek)
            parts.Add("échéance cette semaine");
        if (filter.Service is { Length: > 0 } service)
            parts.Add($"service « {service} »");
        if (!string.IsNullOrWhiteSpace(filter.Search))
            parts.Add("recherche par nom ou référence (texte non conservé)");
        if (filter.IncludeClosed)
            parts.Add("dossiers clos compris");
        return parts.Count == 0 ? " ; filtre : file ouverte" : $" ; filtre : {string.Join(", ", parts)}";
    }

    /// <summary>
    /// What a search showed: "12 dossiers trouvés ; page 2 : DAD-2026-00026, PLT-2026-00003" (a reference names no one),
    /// "Aucun dossier trouvé"; past the count's cap, "Plus de 10 000 dossiers trouvés ; page 1 : …".
    /// </summary>
    public static string SearchResult(int total, bool moreThanTotal, int pageIndex, IReadOnlyList<string> references)
    {
        if (total == 0)
            return "Aucun dossier trouvé";
        var found = moreThanTotal ? $"Plus de {Count(total)} dossiers trouvés" : total == 1 ? "1 dossier trouvé" : $"{total} dossiers trouvés";
        var listed = references.Count == 0 ? "aucun" : string.Join(", ", references);
        return $"{found}{Nbsp}; page {pageIndex + 1}{Nbsp}: {listed}";
    }

    /// <summary>What the queue shows when no open case matches: the count of closed ones, alone.</summary>
    public static string ClosedCount(int count) => count switch
    {
        0 => "Aucun dossier clos ne correspond",
        1 => "1 dossier clos correspond (nombre seul affiché)",
        _ => $"{count} dossiers clos correspondent (nombre seul affiché)",
    };

    /// <summary>"10 000": French digit grouping (a narrow no-break space).</summary>
    public static string Count(int count) => count.ToString("N0", French);

    private static readonly System.Globalization.CultureInfo French = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

    private const char Nbsp = '\u00A0';
}
