namespace RelationsUsagers.Core.Mediation;

/// <summary>
/// The compte rendu of a mediation meeting, structured as good practice asks (persons present, grievances in the
/// complainant's words, explanations, agreement and disagreement, expectations, proposals, remedies), written by the
/// mediator as a draft, approved by the parties before it goes (yes or no, dated), then sent to the CDU president within
/// 8 days of the meeting and by him « sans délai » to the members and the complainant (R.1112-94 al.1).
/// </summary>
public sealed class MediationMinutes
{
    public const int TextMaxLength = 8000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AppointmentId { get; set; }
    public Guid CaseFileId { get; set; }
    /// <summary>Who was there and as what: « Mme X, plaignante ; M. Y, fils ; Mme Z, représentante des usagers ».</summary>
    public string PersonsPresent { get; set; } = "";
    /// <summary>The complainant's grievances, in his own words (quoted).</summary>
    public string Grievances { get; set; } = "";
    public string Explanations { get; set; } = "";
    public string Agreements { get; set; } = "";
    public string Disagreements { get; set; } = "";
    public string Expectations { get; set; } = "";
    public string Proposals { get; set; } = "";
    /// <summary>The remedies the complainant was told of (CCI, tribunal, ARS, Ordre) and the indemnity routes.</summary>
    public string RemediesInformation { get; set; } = "";
    public MinutesStatus Status { get; set; } = MinutesStatus.Draft;
    /// <summary>The parties' approval before sending: true approved, false not approved (the disagreement is noted), null not asked yet.</summary>
    public bool? ApprovedByParties { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    public DateOnly? SentToPresidentOn { get; set; }
    public DateOnly? ForwardedOn { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedBy { get; set; } = "";
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>The sections in order with their French titles, for the editor, the member view and the letter.</summary>
    public IEnumerable<(string Title, string Text)> Sections() =>
    [
        ("Personnes présentes et qualité", PersonsPresent), ("Griefs exprimés par le plaignant", Grievances),
        ("Explications apportées", Explanations), ("Points d'accord", Agreements), ("Points de désaccord", Disagreements),
        ("Attentes du plaignant", Expectations), ("Propositions et engagements", Proposals),
        ("Information sur les voies de recours et d'indemnisation", RemediesInformation),
    ];
}

public enum MinutesStatus { Draft = 1, Submitted = 2, Approved = 3, SentToPresident = 4, Forwarded = 5 }

public static class MinutesLabels
{
    public static string Label(this MinutesStatus status) => status switch
    {
        MinutesStatus.Draft => "Brouillon",
        MinutesStatus.Submitted => "Remis par le médiateur",
        MinutesStatus.Approved => "Avis des parties recueilli",
        MinutesStatus.SentToPresident => "Transmis au président de la CDU",
        MinutesStatus.Forwarded => "Adressé aux membres et au plaignant",
        _ => status.ToString(),
    };
}
