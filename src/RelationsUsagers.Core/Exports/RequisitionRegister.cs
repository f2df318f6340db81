using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Requisitions;
using static RelationsUsagers.Core.AccessRequests.Tracking.AccessRequestDashboardRow;

namespace RelationsUsagers.Core.Exports;

/// <summary>One line of the requisitions register (CPP 56-3, 60-1, 77-1-1, 99-3; typical fields of a requisition record).</summary>
public sealed record RequisitionRegisterRow
{
    public string Reference { get; init; } = "";
    public DateOnly ReceivedOn { get; init; }
    public string Channel { get; init; } = "";
    public string Authority { get; init; } = "";
    public string LegalBasis { get; init; } = "";
    public string? Officer { get; init; }
    public string? Magistrate { get; init; }
    public string? Jurisdiction { get; init; }
    public string? ProcedureNumber { get; init; }
    public string Patient { get; init; } = "";
    public string Items { get; init; } = "";
    /// <summary>The date the authority set (no legal delay).</summary>
    public DateOnly? DueOn { get; init; }
    public DateOnly? SecrecyReviewOn { get; init; }
    public string? SecrecyReviewBy { get; init; }
    public string? Response { get; init; }
    public DateOnly? ResponseSentOn { get; init; }
    public bool? OnTime { get; init; }
    /// <summary>Each medical item reviewed, with its decision, who took it, its date and reason.</summary>
    public string? ItemsReviewed { get; init; }
    /// <summary>What was sent, refused under medical secrecy, left to a seizure.</summary>
    public string? ItemsOutcome { get; init; }
    public DateOnly? SeizureOn { get; init; }
    /// <summary>The seal numbers, and the items seized under them.</summary>
    public string? Seals { get; init; }
    public string Status { get; init; } = "";
    public DateOnly? ClosedOn { get; init; }
    public bool IsOverdue { get; init; }

    internal static RequisitionRegisterRow Build(Requisition r, IReadOnlyList<ClockSuspension> suspensions, LegalClock clock, DateOnly today)
    {
        var deadlines = clock.Compute(r, suspensions, today);
        var deadline = deadlines.Count > 0 ? deadlines[0] : null;
        var sent = CaseFacts.FirstFrom(r, r.ReceivedOn, r.ResponseSentOn, CaseEventTypes.ItemsSent, CaseEventTypes.RefusalSent);
        return new RequisitionRegisterRow
        {
            Reference = r.Reference, ReceivedOn = r.ReceivedOn, Channel = r.Channel.Label(), Authority = r.Authority.Label(),
            LegalBasis = r.LegalBasis.Label(),
            Officer = string.Join(", ", new[] { r.OfficerName, r.OfficerUnit }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } o ? o : null,
            Magistrate = r.MagistrateName, Jurisdiction = r.Jurisdiction, ProcedureNumber = r.ProcedureNumber,
            Patient = r.Patient.FullName,
            // Medical items need a seizure or consent (CPP 56-3, 60-1 al.2): their nature is shown with them.
            Items = string.Join(" ; ", r.Items.Select(i => $"{i.Description} ({i.Nature.Label()}{(i.Sent ? ", transmis" : "")})")),
            DueOn = deadline?.DueOn ?? r.DueOn, SecrecyReviewOn = CaseFacts.Latest(r, r.SecrecyReviewOn, CaseEventTypes.SecrecyReviewed),
            SecrecyReviewBy = r.SecrecyReviewBy, Response = r.Response?.Label(), ResponseSentOn = sent,
            OnTime = sent is { } s && deadline is not null ? s <= deadline.DueOn : null,
            ItemsReviewed = Reviewed(r.Items), ItemsOutcome = Outcome(r.Items),
            SeizureOn = CaseFacts.Latest(r, r.SeizureOn, CaseEventTypes.RecordSeized), Seals = SealsOf(r),
            Status = r.Status.Label(), ClosedOn = r.ClosedOn,
            IsOverdue = r.IsOpen && deadline?.State == DeadlineState.Overdue,
        };
    }

    private const string Nbsp = "\u00A0";

    /// <summary>« Radios du thorax : Refusé : secret médical, par Dr Morel le 12/03/2025 (pas de consentement) ; … ».</summary>
    private static string? Reviewed(IEnumerable<RequisitionItem> items) => Joined(items
        .Where(i => i.Nature == RequisitionItemNature.Medical && i.Secrecy is not null)
        .Select(i => $"{i.Description}{Nbsp}: {i.Secrecy!.Value.Label()}"
            + (i.ReviewedBy is { Length: > 0 } by ? $", par {by}" : "")
            + (i.ReviewedOn is { } on ? " le " + on.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) : "")
            + (i.SecrecyReason is { Length: > 0 } reason ? $" ({reason})" : "")), " ; ");

    /// <summary>« Transmis : A, B — Refusés : C — Sur saisie : D », the empty groups left out.</summary>
    private static string? Outcome(IReadOnlyCollection<RequisitionItem> items)
    {
        var sent = items.Where(i => i.Sent).Select(i => i.Description);
        var refused = items.Where(i => !i.Sent && i.Secrecy == SecrecyDecision.Withheld).Select(i => i.Description);
        var seizure = items.Where(i => !i.Sent && i.Secrecy == SecrecyDecision.SeizureRequired).Select(i => i.Description);
        return Joined(new[] { ("Transmis", sent), ("Refusés", refused), ("Sur saisie", seizure) }
            .Where(g => g.Item2.Any())
            .Select(g => $"{g.Item1}{Nbsp}: {string.Join(", ", g.Item2)}"), " — ");
    }

    /// <summary>« Scellés n° 1 et 2 : dossier papier de cardiologie »: the numbers as typed, then the items seized.</summary>
    private static string? SealsOf(Requisition r) => (r.SealNumbers, r.SeizedItems) switch
    {
        ({ Length: > 0 } seals, { Length: > 0 } seized) => $"{seals}{Nbsp}: {seized}",
        ({ Length: > 0 } seals, _) => seals,
        (_, { Length: > 0 } seized) => seized,
        _ => null,
    };

    private static string? Joined(IEnumerable<string> parts, string separator) =>
        string.Join(separator, parts) is { Length: > 0 } text ? text : null;

    public static IReadOnlyList<ExportColumn<RequisitionRegisterRow>> Columns { get; } =
    [
        new("Référence", r => r.Reference),
        new(CaseFileFieldNames.ReceivedOn, r => r.ReceivedOn, ExportFormats.Date),
        new(CaseFileFieldNames.Channel, r => r.Channel),
        new(RequisitionFieldNames.Authority, r => r.Authority),
        new(RequisitionFieldNames.LegalBasis, r => r.LegalBasis),
        new(RequisitionFieldNames.OfficerName, r => r.Officer),
        new(RequisitionFieldNames.MagistrateName, r => r.Magistrate),
        new(RequisitionFieldNames.Jurisdiction, r => r.Jurisdiction),
        new(RequisitionFieldNames.ProcedureNumber, r => r.ProcedureNumber),
        new("Patient", r => r.Patient),
        new(RequisitionFieldNames.Items, r => r.Items),
        new(RequisitionFieldNames.DueOn, r => r.DueOn, ExportFormats.Date),
        new(RequisitionFieldNames.SecrecyReviewOn, r => r.SecrecyReviewOn, ExportFormats.Date),
        new(RequisitionFieldNames.SecrecyReviewBy, r => r.SecrecyReviewBy),
        new(RequisitionFieldNames.Response, r => r.Response),
        new(RequisitionFieldNames.ResponseSentOn, r => r.ResponseSentOn, ExportFormats.Date),
        new("Dans le délai", r => YesNo(r.OnTime)),
        new(RequisitionFieldNames.RegisterItemsReviewed, r => r.ItemsReviewed),
        new(RequisitionFieldNames.RegisterItemsOutcome, r => r.ItemsOutcome),
        new(RequisitionFieldNames.RegisterSeizureOn, r => r.SeizureOn, ExportFormats.Date),
        new(RequisitionFieldNames.RegisterSeals, r => r.Seals),
        new(CaseFileFieldNames.Status, r => r.Status),
        new(CaseFileFieldNames.ClosedOn, r => r.ClosedOn, ExportFormats.Date),
    ];
}
