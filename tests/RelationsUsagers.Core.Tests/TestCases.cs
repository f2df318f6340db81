using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.FunctionalProtection;
using RelationsUsagers.Core.Requisitions;

namespace RelationsUsagers.Core.Tests;

/// <summary>Valid drafts of each kind with realistic data, received a few days before <see cref="TestDatabase.Today"/>.</summary>
public static class TestCases
{
    public static readonly DateOnly ReceivedOn = new(2026, 3, 2);

    /// <summary>A patient asking for her own record.</summary>
    public static AccessRequest AccessRequest(DateOnly? receivedOn = null) => new()
    {
        ReceivedOn = receivedOn ?? ReceivedOn,
        Channel = Channel.Mail,
        Patient = new Patient { LastName = "Lefèvre", FirstName = "Hélène", BirthDate = new DateOnly(1958, 6, 21), PatientNumber = "700123456" },
        Requester = new Party { Name = "Hélène Lefèvre", Capacity = "la patiente", Email = "helene.lefevre@example.fr" },
        RequesterCapacity = RequesterCapacity.Patient,
        ProofsReceived = [ProofKind.IdentityDocument],
        PeriodRequested = "Hospitalisation en cardiologie de janvier 2026",
        Services = ["Cardiologie"],
    };

    /// <summary>A son's grievance about waiting times at the emergency department.</summary>
    public static Complaint Complaint(DateOnly? receivedOn = null) => new()
    {
        ReceivedOn = receivedOn ?? ReceivedOn,
        Channel = Channel.Email,
        Patient = new Patient { LastName = "Ménard", FirstName = "Joseph", BirthDate = new DateOnly(1941, 11, 3) },
        Requester = new Party { Name = "Pierre Ménard", Capacity = "fils du patient", Email = "pierre.menard@example.fr" },
        Summary = "Attente de neuf heures aux urgences sans information de la famille.",
        Motives = [ComplaintMotive.WaitingTimes, ComplaintMotive.Information],
        FactsOn = new DateOnly(2026, 2, 27),
        Services = ["Urgences"],
    };

    /// <summary>An amicable claim after a nosocomial infection, through a lawyer.</summary>
    public static IndemnityClaim IndemnityClaim(DateOnly? receivedOn = null) => new()
    {
        ReceivedOn = receivedOn ?? ReceivedOn,
        Channel = Channel.Mail,
        Patient = new Patient { LastName = "Garnier", FirstName = "Sylvie", BirthDate = new DateOnly(1969, 4, 12) },
        Requester = new Party { Name = "Maître Arnaud Rousseau", Capacity = "avocat" },
        Summary = "Infection du site opératoire après une prothèse de hanche.",
        Procedure = ClaimProcedure.Amicable,
        LawyerName = "Maître Arnaud Rousseau",
        ClaimedAmountCents = 4_500_000,
        Services = ["Orthopédie"],
    };

    /// <summary>A police requisition for admission times (administrative data only).</summary>
    public static Requisition Requisition(DateOnly? receivedOn = null) => new()
    {
        ReceivedOn = receivedOn ?? ReceivedOn,
        Channel = Channel.HandDelivered,
        Patient = new Patient { LastName = "Perrin", FirstName = "Kevin", BirthDate = new DateOnly(1994, 8, 30) },
        Requester = new Party { Name = "Commissariat de Nantes", Capacity = "OPJ" },
        Authority = RequisitionAuthority.Police,
        LegalBasis = RequisitionLegalBasis.Preliminary77_1_1,
        OfficerName = "Brigadier-chef Laurent Dubois",
        OfficerUnit = "Sûreté départementale",
        ProcedureNumber = "2026/00417",
        DueOn = new DateOnly(2026, 3, 20),
        Items = [new RequisitionItem { Description = "Heures d'entrée et de sortie aux urgences le 28/02/2026", Nature = RequisitionItemNature.Administrative }],
    };

    /// <summary>
    /// A complete seizure record (CPP 56-3) on <paramref name="r"/>: the magistrate on 11/03/2026 in the emergency
    /// department, the Ordre's representative and the head of department present, the department told the day before.
    /// </summary>
    public static Requisition WithCompleteSeizure(Requisition r)
    {
        r.SeizurePlannedOn = new DateOnly(2026, 3, 11);
        r.SeizurePlace = "Service des urgences, bureau du cadre de santé";
        r.SeizureMagistrate = "Mme Claire Vasseur, juge d'instruction";
        r.SeizureJurisdiction = "Tribunal judiciaire de Nantes";
        r.SeizureOfficer = "Capitaine Marc Lebreton, sûreté départementale";
        r.OrdreRepresentative = "Dr Anne Guillou, conseil départemental de l'Ordre";
        r.HeadOfDepartmentPresent = "Pr Yves Le Gall, chef du service des urgences";
        r.ServicesTold = [new SeizureNotice { Service = "Urgences", Person = "Mme Roux, cadre de santé", ToldOn = new DateOnly(2026, 3, 10) }];
        r.SeizedItems = "Dossier des urgences du 28/02/2026 (12 pages)";
        r.SealNumbers = "Scellés n° 1 et 2";
        r.SeizureCopyKept = true;
        r.SeizureMinutesReceived = true;
        return r;
    }

    /// <summary>
    /// A nurse assaulted at the emergency department asks for protection fonctionnelle. By default received on 2 January
    /// 2026, so that her request was implicitly rejected on 2 March (CRPA L.231-4), and she asked for the reasons on 5 March.
    /// </summary>
    public static ProtectionCase Protection(DateOnly? receivedOn = null) => new()
    {
        ReceivedOn = receivedOn ?? new DateOnly(2026, 1, 2),
        Channel = Channel.Mail,
        Patient = new Patient { LastName = "Perrot", FirstName = "Amandine" },
        Requester = new Party { Name = "Amandine Perrot", Capacity = "l'agent" },
        AgentService = "Urgences", AgentGrade = "Infirmière", FactsOn = (receivedOn ?? new DateOnly(2026, 1, 2)).AddDays(-3),
        Beneficiaries = [new ProtectionBeneficiary()],
        Events = receivedOn is null
            ? [new CaseEvent { Type = ProtectionKind.ReasonsRequested, OccurredOn = new DateOnly(2026, 3, 5) }]
            : [],
    };

    public static CaseFile Of(CaseKind kind, DateOnly? receivedOn = null) => kind switch
    {
        CaseKind.FunctionalProtection => Protection(receivedOn),
        CaseKind.AccessRequest => AccessRequest(receivedOn),
        CaseKind.Complaint => Complaint(receivedOn),
        CaseKind.IndemnityClaim => IndemnityClaim(receivedOn),
        CaseKind.Requisition => Requisition(receivedOn),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
