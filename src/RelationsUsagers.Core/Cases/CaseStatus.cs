namespace RelationsUsagers.Core.Cases;

/// <summary>One status list for all kinds, so the queue filters one column; each kind uses its own subset (see <see cref="CaseWorkflow"/>).</summary>
public enum CaseStatus
{
    Received = 1,
    Acknowledged = 2,
    AwaitingProofs = 3,
    Complete = 4,
    UnderInvestigation = 5,
    InMediation = 6,
    AwaitingCdu = 7,
    AwaitingPayment = 8,
    Sent = 9,
    Answered = 10,
    DeclaredToInsurer = 11,
    CciProcedure = 12,
    Litigation = 13,
    SecrecyReview = 14,
    Refused = 15,
    Abandoned = 16,
    Closed = 17,
    /// <summary>Protection fonctionnelle granted, in full or in part: in force until it ends or is withdrawn.</summary>
    ProtectionGranted = 18,
}

public static class CaseStatusLabels
{
    public static string Label(this CaseStatus status) => status switch
    {
        CaseStatus.Received => "Reçu",
        CaseStatus.Acknowledged => "Accusé de réception envoyé",
        CaseStatus.AwaitingProofs => "En attente de pièces",
        CaseStatus.Complete => "Dossier complet",
        CaseStatus.UnderInvestigation => "En instruction",
        CaseStatus.InMediation => "En médiation",
        CaseStatus.AwaitingCdu => "En attente d'examen CDU",
        CaseStatus.AwaitingPayment => "En attente de paiement",
        CaseStatus.Sent => "Communiqué",
        CaseStatus.Answered => "Réponse envoyée",
        CaseStatus.DeclaredToInsurer => "Déclaré à l'assureur",
        CaseStatus.CciProcedure => "Procédure CCI",
        CaseStatus.Litigation => "Contentieux",
        CaseStatus.SecrecyReview => "Examen du secret médical",
        CaseStatus.Refused => "Refusé",
        CaseStatus.Abandoned => "Abandonné",
        CaseStatus.Closed => "Clos",
        CaseStatus.ProtectionGranted => "Protection accordée",
        _ => status.ToString(),
    };

    public static bool IsFinal(this CaseStatus status) =>
        status is CaseStatus.Closed or CaseStatus.Refused or CaseStatus.Abandoned;
}
