namespace RelationsUsagers.Core.Cases;

/// <summary>The four kinds of case file the office handles; each has its reference prefix.</summary>
public enum CaseKind
{
    Complaint = 1,
    IndemnityClaim = 2,
    AccessRequest = 3,
    Requisition = 4,
}

public static class CaseKindExtensions
{
    public static string Prefix(this CaseKind kind) => kind switch
    {
        CaseKind.Complaint => "PLT",
        CaseKind.IndemnityClaim => "IND",
        CaseKind.AccessRequest => "DAD",
        CaseKind.Requisition => "REQ",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A short label for dense lists (the queue's Type column).</summary>
    public static string ShortLabel(this CaseKind kind) => kind switch
    {
        CaseKind.Complaint => "Plainte",
        CaseKind.IndemnityClaim => "Indemnisation",
        CaseKind.AccessRequest => "Accès dossier",
        CaseKind.Requisition => "Réquisition",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Label(this CaseKind kind) => kind switch
    {
        CaseKind.Complaint => "Plainte / réclamation",
        CaseKind.IndemnityClaim => "Demande d'indemnisation",
        CaseKind.AccessRequest => "Accès au dossier patient",
        CaseKind.Requisition => "Réquisition",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
