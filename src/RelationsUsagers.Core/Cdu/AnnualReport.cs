namespace RelationsUsagers.Core.Cdu;

/// <summary>A labelled count, in the order the report shows it.</summary>
public sealed record CountRow(string Label, int Count);

/// <summary>
/// The figures of the CDU's annual report (CSP L.1112-3, R.1112-80 II; sections of the ARS questionnaire) for one calendar
/// year, in plain typed lists so that an export can lay them out. Complaints are those received in the year.
/// </summary>
public sealed record AnnualReport
{
    public int Year { get; init; }
    public required CompositionFigures Composition { get; init; }
    public required MeetingFigures Meetings { get; init; }
    public required ComplaintFigures Complaints { get; init; }
    /// <summary>Complaints received in the year with a mediation, by type (R.1112-92 al.2).</summary>
    public IReadOnlyList<CountRow> MediationsByType { get; init; } = [];
    public required RecordAccessFigures RecordAccess { get; init; }
    public required LitigationFigures Litigation { get; init; }
    public required RecommendationFigures Recommendations { get; init; }
    /// <summary>Every expression of the users that is not a complaint file (the quick log), and praise by service.</summary>
    public ExpressionFigures Expressions { get; init; } = new([], []);
}

/// <summary>
/// Section 3 bis: the quick log's expressions by kind (praise, remarks, suggestions, desk visits, calls), and praise — from
/// the quick log and from complaint files marked as praise — by service, beside the complaints by service.
/// </summary>
public sealed record ExpressionFigures(IReadOnlyList<CountRow> ByKind, IReadOnlyList<CountRow> PraiseByService);

/// <summary>Section 1: active members at the end of the year by category, vacant seats, the president's and vice-president's categories.</summary>
public sealed record CompositionFigures(
    IReadOnlyList<CountRow> MembersByCategory,
    IReadOnlyList<string> VacantSeats,
    string? PresidentCategory,
    string? VicePresidentCategory);

/// <summary>
/// Section 2: meetings held (R.1112-88: at least one per quarter), the quarters without one, and the attendance rate of
/// full members (present or replaced by their deputy), overall and for the patient representatives, in percent.
/// </summary>
public sealed record MeetingFigures(
    int Held,
    int Cancelled,
    IReadOnlyList<int> QuartersWithoutMeeting,
    double? AttendanceRate,
    double? PatientRepresentativeAttendanceRate);

/// <summary>
/// Section 3: complaints received in the year (praise — files and the quick log's — counted apart), by motive (a complaint counts once per motive),
/// by service (once per service) and by channel; the average days from receipt to answer of those answered; the
/// number examined by the CDU.
/// </summary>
public sealed record ComplaintFigures(
    int Received,
    int Praise,
    IReadOnlyList<CountRow> ByMotive,
    IReadOnlyList<CountRow> ByService,
    IReadOnlyList<CountRow> ByChannel,
    int Answered,
    double? AverageAnswerDays,
    int ExaminedByCdu);

/// <summary>Section 6 (R.1112-80 II e): indemnity claims received by procedure, CCI referrals and court referrals in the year, litigation complaints.</summary>
public sealed record LitigationFigures(
    int ClaimsReceived,
    IReadOnlyList<CountRow> ClaimsByProcedure,
    int CciReferrals,
    int CourtReferrals,
    int LitigationComplaints);

/// <summary>Section 10: the year's recommendations by status, and those of earlier years still open.</summary>
public sealed record RecommendationFigures(
    int Total,
    IReadOnlyList<CountRow> ByStatus,
    int OpenFromEarlierYears);
