using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Requisitions;

namespace RelationsUsagers.Web.Tests;

/// <summary>Valid drafts of each kind, received before <see cref="PortalTestContext.Today"/>.</summary>
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

    /// <summary>An amicable claim through a lawyer, received on 2 March 2026: deemed rejected on 2 May 2026 (CJA R.421-2).</summary>
    public static IndemnityClaim IndemnityClaim(string lastName = "Garnier", string firstName = "Sylvie") => new()
    {
        ReceivedOn = new DateOnly(2026, 3, 2),
        Channel = Channel.Mail,
        Patient = new Patient { LastName = lastName, FirstName = firstName, BirthDate = new DateOnly(1969, 4, 12) },
        Requester = new Party { Name = "Maître Arnaud Rousseau", Capacity = "avocat", Address = "3 rue Crébillon\n44000 Nantes" },
        Summary = "Infection du site opératoire après une prothèse de hanche.",
        Procedure = ClaimProcedure.Amicable,
        LawyerName = "Maître Arnaud Rousseau",
        ClaimedAmountCents = 4_500_000,
        Services = ["Orthopédie"],
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
