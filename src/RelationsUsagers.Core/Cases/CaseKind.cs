namespace RelationsUsagers.Core.Cases;

/// <summary>The kinds of case file the office handles; each has its reference prefix.</summary>
public enum CaseKind
{
    Complaint = 1,
    IndemnityClaim = 2,
    AccessRequest = 3,
    Requisition = 4,
    FunctionalProtection = 5,
}
