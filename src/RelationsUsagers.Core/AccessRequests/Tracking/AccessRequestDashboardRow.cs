using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.AccessRequests.Tracking;

/// <summary>Where "délai respecté" starts counting (office practice: the complete request by default; a setting switches to receipt, R.1111-1 al.4).</summary>
public enum OnTimeFrom
{
    /// <summary>Office practice: from the complete request (the legal start is receipt, R.1111-1 al.4), from receipt while it is not complete or with a CDSP referral.</summary>
    CompleteRequest = 0,
    /// <summary>R.1111-1 al.4: from receipt of the request.</summary>
    Receipt = 1,
}

/// <summary>Report settings of the tracking workbook; register one in DI to change the default.</summary>
public sealed class TrackingOptions
{
    public OnTimeFrom OnTimeFrom { get; set; } = OnTimeFrom.CompleteRequest;
}

/// <summary>
/// One line of the "tableau de suivi des demandes d'accès au dossier médical" (usual columns; CSP R.1112-80 II 1° c), with the
/// values the office used to compute by hand: due date, effective delay, on-time and 48 h verdicts.
/// </summary>
public sealed record AccessRequestDashboardRow
{
    public Guid Id { get; init; }
    public string Reference { get; init; } = "";
    public DateOnly ReceivedOn { get; init; }
    public DateOnly? CompletedOn { get; init; }
    public string Patient { get; init; } = "";
    /// <summary>The hospital's patient number (IPP).</summary>
    public string? PatientNumber { get; init; }
    public DateOnly? BirthDate { get; init; }
    public Channel Channel { get; init; }
    public string Requester { get; init; } = "";
    public RequesterCapacity Capacity { get; init; }
    public string Services { get; init; } = "";
    /// <summary>R.1111-1 al.4: information created more than five years ago.</summary>
    public bool OlderThanFiveYears { get; init; }
    /// <summary>The 2-month delay applies (over five years, or CDSP referral: L.1111-7 al.2, R.1111-5).</summary>
    public bool TwoMonths { get; init; }
    /// <summary>"8 jours" or "2 mois", from the delay settings.</summary>
    public string LegalDelay { get; init; } = "";
    /// <summary>Start of the delay used for the verdicts: complete request or receipt (see <see cref="OnTimeFrom"/>).</summary>
    public DateOnly StartOn { get; init; }
    public bool StartsFromCompleteRequest { get; init; }
    /// <summary>
    /// Due date computed by the legal clock from <see cref="StartOn"/>: the office's suspensions move the one from the complete
    /// request, never the legal one from receipt (no text suspends L.1111-7).
    /// </summary>
    public DateOnly DueOn { get; init; }
    /// <summary>
    /// The legal due date, from receipt (R.1111-1 al.4), shown beside the practice's one (both are reported: the law's and the office's); the
    /// officer's queue warns on this one, the stricter.
    /// </summary>
    public DateOnly LegalDueOn { get; init; }
    public CommunicationMode? Mode { get; init; }
    public int? PageCount { get; init; }
    public string? Medium { get; init; }
    public DateOnly? SentOn { get; init; }
    public string? RecordedDeliveryNumber { get; init; }
    public DateOnly? AcknowledgedOn { get; init; }
    /// <summary>Sent (or on-site consultation offered, R.1111-2) − start, in calendar days; null while neither.</summary>
    public int? EffectiveDelayDays { get; init; }
    /// <summary>Sent, or on-site consultation offered, on or before the due date; null while neither.</summary>
    public bool? OnTime { get; init; }
    /// <summary>Sent before the 48 h reflection delay had elapsed (L.1111-7 al.2); null while not sent.</summary>
    public bool? BeforeReflectionDelay { get; init; }
    /// <summary>Reproduction + postage, in euros.</summary>
    public decimal? Fees { get; init; }
    public DateOnly? PaidOn { get; init; }
    public CaseStatus Status { get; init; }
    public string Remarks { get; init; } = "";
    /// <summary>Open, not sent and past its due date: highlighted in the workbook.</summary>
    public bool IsOverdue { get; init; }

    public string CapacityLabel => Capacity.Label();
    public string ChannelLabel => Channel.Label();
    public string? ModeLabel => Mode?.Label();
    public string StatusLabel => Status.Label();
    public string StartLabel => StartsFromCompleteRequest ? "Dossier complet" : "Réception";
    public bool IsSent => SentOn is not null;

    public static string YesNo(bool? value) => value switch { true => "Oui", false => "Non", null => "" };
}
