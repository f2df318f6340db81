using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Imports;

namespace RelationsUsagers.Core.AccessRequests.Import;

/// <summary>The values of one dashboard line once read (CSP L.1111-7, R.1111-1; usual columns).</summary>
public sealed class DashboardEntry : IImportEntry
{
    public DateOnly ReceivedOn { get; internal set; }
    public string PatientLastName { get; internal set; } = "";
    public string PatientFirstName { get; internal set; } = "";
    public DateOnly? BirthDate { get; internal set; }
    public string? PatientNumber { get; internal set; }
    public string RequesterName { get; internal set; } = "";
    /// <summary>The capacity as written ("Tuteur", "Ayant-droit"), kept next to the recognised one.</summary>
    public string? RequesterCapacityText { get; internal set; }
    public RequesterCapacity RequesterCapacity { get; internal set; } = RequesterCapacity.Patient;
    public IReadOnlyList<string> Services { get; internal set; } = [];
    /// <summary>Services as written that neither the hospital's list nor the office's aliases know.</summary>
    public IReadOnlyList<string> UnknownServices { get; internal set; } = [];
    public Channel? Channel { get; internal set; }
    public DateOnly? CompletedOn { get; internal set; }
    public bool OlderThanFiveYears { get; internal set; }
    public CommunicationMode? Mode { get; internal set; }
    public DateOnly? SentOn { get; internal set; }
    DateOnly? IImportEntry.LastStepOn => SentOn;
    public string? RecordedDeliveryNumber { get; internal set; }
    public DateOnly? AcknowledgedOn { get; internal set; }
    public long? FeeCents { get; internal set; }
    public DateOnly? PaidOn { get; internal set; }
    public int? PageCount { get; internal set; }
    public string? Remarks { get; internal set; }
    /// <summary>The completion cell says proofs are still awaited (« en attente pièce d'identité »).</summary>
    public bool AwaitingProofs { get; internal set; }
    public string? FormerReference { get; internal set; }

    /// <summary>Same patient, same receipt date, same requester: the key that makes a second import of the line a duplicate.</summary>
    public string DuplicateKey => ImportKeys.Of(TextSearch.Normalize($"{PatientLastName} {PatientFirstName}"), ReceivedOn,
        TextSearch.Normalize(RequesterName));
}
