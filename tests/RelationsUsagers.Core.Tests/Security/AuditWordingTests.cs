using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Tests.Security;

/// <summary>Lines stored before the journal spoke French are shown in French; the table keeps them as written.</summary>
public sealed class AuditWordingTests
{
    [Theory]
    [InlineData(CaseKind.Complaint, "ClosedOn : (vide) → 12/03/2026", "Date de clôture\u00A0: (vide) → 12/03/2026")]
    [InlineData(CaseKind.Complaint, "Motives : [WaitingTimes] → [WaitingTimes, Billing]", "Motifs\u00A0: Délais d'attente → Délais d'attente, Facturation")]
    [InlineData(CaseKind.Complaint, "Services : [] → [Urgences]", "Services concernés\u00A0: (vide) → Urgences")]
    [InlineData(CaseKind.IndemnityClaim, "ClaimedAmountCents : (vide) → 1250000", "Montant réclamé\u00A0: (vide) → 12\u202F500,00\u00A0€")]
    [InlineData(CaseKind.AccessRequest, "MinorObjection : False → True", "Opposition du mineur\u00A0: non → oui")]
    [InlineData(CaseKind.Requisition, "Requester.Capacity : OPJ → Commandant", "Qualité\u00A0: OPJ → Commandant")]
    [InlineData(CaseKind.Complaint, "Délai complaint.answer-target à compter du 02/03/2026 : attente", "Délai «\u00A0Réponse au plaignant\u00A0» à compter du 02/03/2026 : attente")]
    [InlineData(null, "Channel : Mail → Email", "Canal de réception\u00A0: Courrier → Courriel")]
    public void A_stored_line_reads_in_french(CaseKind? kind, string stored, string shown) =>
        Assert.Equal(shown, AuditWording.InFrench(stored, kind));

    [Fact]
    public void Requested_items_stored_as_json_read_as_a_list()
    {
        const string stored = "Items : {\"Description\":\"Registre des visites\",\"Nature\":2,\"Sent\":true} ; {\"Description\":\"Heures d'entrée\",\"Nature\":1,\"Sent\":false}";

        Assert.Equal("Éléments demandés\u00A0: Registre des visites (Médical (saisie requise), transmis) ; Heures d'entrée (Administratif)",
            AuditWording.InFrench(stored, CaseKind.Requisition));
    }

    [Fact]
    public void A_line_already_in_french_is_left_as_it_is()
    {
        const string line = "Nature\u00A0: Réclamation → Plainte\nStatut\u00A0: Reçu → Abandonné\nDocument reçu le 02/03/2026";

        Assert.Equal(line, AuditWording.InFrench(line, CaseKind.Complaint));
    }
}
