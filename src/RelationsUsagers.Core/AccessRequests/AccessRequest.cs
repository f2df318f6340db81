using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.AccessRequests;

/// <summary>A request for access to a medical record (CSP L.1111-7, R.1111-1 to R.1111-8).</summary>
public sealed class AccessRequest : CaseFile
{
    public AccessRequest() : base(CaseKind.AccessRequest) { }

    public RequesterCapacity RequesterCapacity { get; set; } = RequesterCapacity.Patient;
    /// <summary>The proofs ticked as received; the request is complete when all required ones are here.</summary>
    public List<ProofKind> ProofsReceived { get; set; } = [];
    public DateOnly? CompletedOn { get; set; }

    /// <summary>Heir / partner of a deceased patient: one of three motives is required (L.1110-4 V, R.1111-7).</summary>
    public DeceasedAccessMotive? DeceasedMotive { get; set; }
    public bool ObjectionBeforeDeath { get; set; }
    /// <summary>Minor treated in secret who objects to the parents' access (R.1111-6).</summary>
    public bool MinorObjection { get; set; }
    /// <summary>Protected adult under assistance: express consent required (L.1111-7 al.2).</summary>
    public bool ProtectedAdultConsent { get; set; }
    /// <summary>Psychiatric care where the doctor's presence is required (L.1111-7 al.4, R.1111-5).</summary>
    public bool PsychiatricDoctorRequired { get; set; }
    public DateOnly? CdspReferredOn { get; set; }

    /// <summary>Most recent information asked for was created more than five years ago (R.1111-1 al.4): 2 months.</summary>
    public bool InformationOlderThanFiveYears { get; set; }
    /// <summary>R.1111-1 al.4: creation date of the most recent information asked for (or the last stay's end when that is all that is known).</summary>
    public DateOnly? MostRecentInformationOn { get; set; }
    /// <summary>The officer's reading of the five-year rule when the computed one does not fit (mixed periods); null: computed.</summary>
    public bool? InformationAgeOverride { get; set; }
    public string? InformationAgeOverrideReason { get; set; }
    /// <summary>An on-site consultation offered within the delay meets it, whatever later date the requester picks (R.1111-2).</summary>
    public DateOnly? OnSiteOfferedOn { get; set; }
    /// <summary>CRPA L.342-1, R.343-1: after a refusal (or a month's silence) the requester may seize the CADA within 2 months.</summary>
    public DateOnly? CadaReferredOn { get; set; }
    public DateOnly? CadaOpinionOn { get; set; }
    public string? PeriodRequested { get; set; }

    public CommunicationMode? CommunicationMode { get; set; }
    public string? DesignatedDoctor { get; set; }
    public int? PageCount { get; set; }
    public string? Medium { get; set; }
    public long? ReproductionFeeCents { get; set; }
    public long? PostageFeeCents { get; set; }
    public DateOnly? PaidOn { get; set; }
    public DateOnly? SentOn { get; set; }
    public string? RecordedDeliveryNumber { get; set; }
    public DateOnly? DeliveryAcknowledgedOn { get; set; }
    public string? RefusalReason { get; set; }
    public string? Remarks { get; set; }
}

public enum RequesterCapacity
{
    Patient = 1,
    ParentalAuthority = 2,
    LegalRepresentative = 3,
    AssistingPerson = 4,
    HeirOrPartner = 5,
    DesignatedDoctor = 6,
}

public enum ProofKind
{
    IdentityDocument = 1,
    ParentageProof = 2,
    ParentalAuthorityJudgment = 3,
    ProtectionJudgment = 4,
    ProtectedAdultConsent = 5,
    DeathCertificate = 6,
    HeirStatusProof = 7,
    DoctorMandate = 8,
    DoctorIdentity = 9,
}

public enum DeceasedAccessMotive
{
    CausesOfDeath = 1,
    DefendMemory = 2,
    AssertRights = 3,
}

public enum CommunicationMode
{
    OnSite = 1,
    Post = 2,
    RecordedDelivery = 3,
    HandDelivery = 4,
    ViaDesignatedDoctor = 5,
    Electronic = 6,
}
