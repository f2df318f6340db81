using System.Globalization;

namespace RelationsUsagers.Core.Security;

/// <summary>What the audit journal page filters by; each field maps to a URL query parameter.</summary>
public sealed record AuditJournalFilter
{
    /// <summary>First day of the period, Paris time, included.</summary>
    public DateOnly? From { get; init; }
    /// <summary>Last day of the period, Paris time, included.</summary>
    public DateOnly? To { get; init; }
    /// <summary>Part of the user name (a login, or "ligne de commande (…)"), case ignored.</summary>
    public string? UserName { get; init; }
    /// <summary>One of <see cref="AuditActions.All"/>, exactly.</summary>
    public string? Action { get; init; }
    /// <summary>Part of a case reference; also finds the lines without a case that list it (a queue search).</summary>
    public string? CaseReference { get; init; }

    /// <summary>The journal's page size.</summary>
    public const int PageSize = 25;

    /// <summary>
    /// The filter as the audit line of its reading keeps it: "Journal d'audit, page 2 ; filtre : du 01/03/2026 au
    /// 15/03/2026, utilisateur « officer », action « Export »". The criteria name staff and references, no patient.
    /// </summary>
    public string ForAudit(int pageIndex)
    {
        var parts = new List<string>();
        if (From is { } from)
            parts.Add($"du {Show(from)}");
        if (To is { } to)
            parts.Add($"au {Show(to)}");
        if (Text(UserName) is { } user)
            parts.Add($"utilisateur {Quoted(user)}");
        if (Text(Action) is { } action)
            parts.Add($"action {Quoted(action)}");
        if (Text(CaseReference) is { } reference)
            parts.Add($"dossier {Quoted(reference)}");
        var filter = parts.Count == 0 ? "tout le journal" : string.Join(", ", parts);
        return $"Journal d'audit, page {pageIndex + 1}{Nbsp}; filtre{Nbsp}: {filter}";
    }

    /// <summary>Null when the period can be searched; otherwise why not, in French.</summary>
    public string? PeriodProblem => From > To ? "La date de fin doit suivre la date de début." : null;

    internal static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private const char Nbsp = '\u00A0';

    private static string Quoted(string text) => $"«{Nbsp}{text}{Nbsp}»";

    private static string Show(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
