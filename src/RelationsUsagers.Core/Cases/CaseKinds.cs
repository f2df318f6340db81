using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.FunctionalProtection;
using RelationsUsagers.Core.Requisitions;

namespace RelationsUsagers.Core.Cases;

/// <summary>
/// The registry of case kinds: the one place that lists them. Everything that differs by kind asks its definition
/// here instead of switching over <see cref="CaseKind"/>.
/// </summary>
public static class CaseKinds
{
    public static IReadOnlyList<CaseKindDefinition> All { get; } =
    [
        new ComplaintKind(),
        new IndemnityClaimKind(),
        new AccessRequestKind(),
        new RequisitionKind(),
        new ProtectionKind(),
    ];

    private static readonly Dictionary<CaseKind, CaseKindDefinition> ByKind = All.ToDictionary(d => d.Kind);

    public static CaseKindDefinition Of(CaseKind kind) =>
        ByKind.TryGetValue(kind, out var definition) ? definition : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Type de dossier inconnu.");

    public static CaseKindDefinition Of(CaseFile file) => Of(file.Kind);

    /// <summary>The kinds <paramref name="holds"/> may see: those with no permission of their own, and those whose permission it holds.</summary>
    public static IEnumerable<CaseKindDefinition> VisibleTo(Func<string, bool> holds) =>
        All.Where(k => k.Permission is not { } permission || holds(permission));
}

public static class CaseKindExtensions
{
    public static string Prefix(this CaseKind kind) => CaseKinds.Of(kind).Prefix;

    /// <summary>A short label for dense lists (the queue's Type column).</summary>
    public static string ShortLabel(this CaseKind kind) => CaseKinds.Of(kind).ShortLabel;

    public static string Label(this CaseKind kind) => CaseKinds.Of(kind).Label;
}
