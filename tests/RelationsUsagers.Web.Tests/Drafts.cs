using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Requisitions;

namespace RelationsUsagers.Web.Tests;

/// <summary>Valid drafts of three kinds, received before <see cref="PortalTestContext.Today"/>.</summary>
public static class Drafts
{
    public static AccessRequest AccessRequest(string lastName = "Lefèvre", string firstName = "Hélène", DateOnly? receivedOn = null) => new()
    {
        ReceivedOn = receivedOn ?? new DateOnly(2026, 3, 2),
        Channel = Channel.Mail,
        Patient = new Patient { LastName = lastName, FirstName = firstName, BirthDate = new DateOnly(1958, 6, 21) },
        Requester = new Party { Name = $"{firstName} {lastName}", Capacity = "la patiente" },
        RequesterCapacity = RequesterCapacity.Patient,
        ProofsReceived = [ProofKind.IdentityDocument],
        Services = ["Cardiologie"],
        Summary = "Copie du dossier de cardiologie.",
    };

    public static Complaint Complaint(string lastName = "Ménard", string firstName = "Joseph", DateOnly? receivedOn = null) => new()
    {
        ReceivedOn = receivedOn ?? new DateOnly(2026, 3, 10),
        Channel = Channel.Email,
        Patient = new Patient { LastName = lastName, FirstName = firstName, BirthDate = new DateOnly(1941, 11, 3) },
        Requester = new Party { Name = "Pierre Ménard", Capacity = "fils du patient" },
        Summary = "Attente de neuf heures aux urgences sans information de la famille.",
        Motives = [ComplaintMotive.WaitingTimes],
        Services = ["Urgences"],
    };

    public static Requisition Requisition(string lastName = "Perrin", string firstName = "Kevin", DateOnly? dueOn = null) => new()
    {
        ReceivedOn = new DateOnly(2026, 3, 12),
        Channel = Channel.HandDelivered,
        Patient = new Patient { LastName = lastName, FirstName = firstName, BirthDate = new DateOnly(1994, 8, 30) },
        Requester = new Party { Name = "Commissariat de Nantes", Capacity = "OPJ" },
        Authority = RequisitionAuthority.Police,
        LegalBasis = RequisitionLegalBasis.Preliminary77_1_1,
        OfficerName = "Brigadier-chef Laurent Dubois",
        ProcedureNumber = "2026/00417",
        DueOn = dueOn ?? new DateOnly(2026, 3, 30),
        Items = [new RequisitionItem { Description = "Heures d'entrée aux urgences", Nature = RequisitionItemNature.Administrative }],
    };
}
