namespace RelationsUsagers.Core.Cdu;

/// <summary>
/// One item of a meeting's agenda (ordre du jour, R.1112-88), set by the president: a proposal of
/// <see cref="CduAgendaService.ProposeAsync"/> (possibly edited) or an item typed by the officer.
/// </summary>
public sealed class AgendaItem
{
    public const int TitleMaxLength = 300;
    public const int TextMaxLength = 32000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    /// <summary>Position on the agenda, from 1.</summary>
    public int Order { get; set; }
    public AgendaItemKind Kind { get; set; } = AgendaItemKind.FreeItem;
    public string Title { get; set; } = "";
    public string? Text { get; set; }
    /// <summary>The case examined by this item; members only ever see it as a <see cref="CduCaseSummary"/>.</summary>
    public Guid? CaseFileId { get; set; }
    /// <summary>Documents sent with the agenda (stored as JSON in the item's row).</summary>
    public List<AgendaDocument> Documents { get; set; } = [];
}

/// <summary>A document attached to an agenda item: the name shown and where the officer filed it.</summary>
public sealed class AgendaDocument
{
    public string Name { get; set; } = "";
    public string? Path { get; set; }
}

/// <summary>The usual items of a CDU meeting (R.1112-80 II: information the CDU receives; R.1112-94: complaints to examine).</summary>
public enum AgendaItemKind
{
    /// <summary>R.1112-80 I: all complaints and the answers are made available to the members.</summary>
    ComplaintsReceivedAndAnswered = 1,
    /// <summary>R.1112-94 al.1-2: the mediation report reaches the members; the CDU gives its opinion.</summary>
    MediationReportAwaitingCdu = 2,
    ComplaintToExamine = 3,
    /// <summary>R.1112-80 II e): number, nature and outcome of users' legal actions.</summary>
    IndemnityClaimsForInformation = 4,
    /// <summary>R.1112-80 II c): number of requests for medical information and the delays.</summary>
    RecordAccessFigures = 5,
    /// <summary>R.1112-80 II f): at least once a year, the serious adverse events and the corrective actions.</summary>
    SeriousAdverseEvents = 6,
    /// <summary>R.1112-80 II d): satisfaction surveys, discharge questionnaires (L.1112-2).</summary>
    SatisfactionResults = 7,
    RecommendationFollowUp = 8,
    FreeItem = 9,
}
