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
    /// The reading as its audit line keeps it: "Journal d'audit jusqu'à la ligne n° 1234, page 2 ; filtre : du 01/03/2026
    /// au 15/03/2026, utilisateur « officer », action « Export »": with the line numbers, exactly the lines shown. The
    /// criteria name staff and references, no patient.
    /// </summary>
    public string ForAudit(int pageIndex, long upToId)
    {
        var parts = new List<string>();
        parts.Add((From, To) switch
        {
            ({ } from, { } to) => $"du {Show(from)} au {Show(to)}",
            ({ } from, null) => $"depuis le {Show(from)}",
            (null, { } to) => $"jusqu'au {Show(to)}",
            _ => "",
        });
        parts.RemoveAll(p => p.Length == 0);
        if (Text(UserName) is { } user)
            parts.Add($"utilisateur {Quoted(user)}");
        if (Text(Action) is { } action)
            parts.Add($"action {Quoted(action)}");
        if (Text(CaseReference) is { } reference)
            parts.Add($"dossier {Quoted(reference)}");
        var filter = parts.Count == 0 ? "tout le journal" : string.Join(", ", parts);
        return $"Journal d'audit jusqu'à la ligne n°{Nbsp}{upToId}, page {pageIndex + 1}{Nbsp}; filtre{Nbsp}: {filter}";
    }

    /// <summary>Null when the period can be searched; otherwise why not, in French.</summary>
    public string? PeriodProblem => From > To ? "La date de fin doit suivre la date de début." : null;

    internal static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private const char Nbsp = '\u00A0';

    private static string Quoted(string text) => $"«{Nbsp}{text}{Nbsp}»";

    private static string Show(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}

/// <summary>
/// A page of the journal, and the last line the reading started from: the following pages are read up to that line, so
/// that lines written meanwhile (the reading's own line first) do not shift them.
/// </summary>
public sealed record AuditJournalLines(IReadOnlyList<AuditEntry> Items, int TotalCount, long UpToId);
