using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.Tests.AccessRequests;

public sealed class AccessRequestRulesTests
{
    private static AccessRequest Request(RequesterCapacity capacity, params ProofKind[] proofs) => new()
    {
        ReceivedOn = TestCases.ReceivedOn,
        Patient = new Patient { LastName = "Lefèvre", FirstName = "Hélène" },
        Requester = new Party { Name = "Claire Lefèvre" },
        RequesterCapacity = capacity,
        ProofsReceived = [.. proofs],
    };

    /// <summary>The full set of proofs each capacity needs (written out here, not read from the rules), with whatever else lifts the blockers.</summary>
    private static AccessRequest Complete(RequesterCapacity capacity)
    {
        var request = Request(capacity, Required[capacity]);
        if (capacity == RequesterCapacity.HeirOrPartner)
            request.DeceasedMotive = DeceasedAccessMotive.DefendMemory;
        if (capacity == RequesterCapacity.AssistingPerson)
            request.ProtectedAdultConsent = true;
        return request;
    }

    /// <summary>CSP R.1111-1 and the usual proofs, by hand.</summary>
    private static readonly Dictionary<RequesterCapacity, ProofKind[]> Required = new()
    {
        [RequesterCapacity.Patient] = [ProofKind.IdentityDocument],
        [RequesterCapacity.ParentalAuthority] = [ProofKind.IdentityDocument, ProofKind.ParentageProof],
        [RequesterCapacity.LegalRepresentative] = [ProofKind.IdentityDocument, ProofKind.ProtectionJudgment],
        [RequesterCapacity.AssistingPerson] = [ProofKind.IdentityDocument, ProofKind.ProtectionJudgment, ProofKind.ProtectedAdultConsent],
        [RequesterCapacity.HeirOrPartner] = [ProofKind.IdentityDocument, ProofKind.DeathCertificate, ProofKind.HeirStatusProof],
        [RequesterCapacity.DesignatedDoctor] = [ProofKind.DoctorMandate, ProofKind.DoctorIdentity],
    };

    public static TheoryData<RequesterCapacity, ProofKind[]> ProofsByCapacity =>
        new(Required.Select(p => (p.Key, p.Value)));

    public static TheoryData<RequesterCapacity> Capacities => new(Enum.GetValues<RequesterCapacity>());

    [Theory]
    [MemberData(nameof(ProofsByCapacity))]
    public void Each_capacity_requires_its_proofs(RequesterCapacity capacity, ProofKind[] expected) =>
        Assert.Equal(expected, AccessRequestRules.RequiredProofs(capacity));

    [Theory]
    [MemberData(nameof(Capacities))]
    public void A_request_with_every_required_proof_may_be_released(RequesterCapacity capacity)
    {
        var request = Complete(capacity);

        Assert.Empty(AccessRequestRules.MissingProofs(request));
        Assert.True(AccessRequestRules.HasAllProofs(request));
        Assert.Empty(AccessRequestRules.ReleaseBlockers(request));
    }

    [Theory]
    [MemberData(nameof(ProofsByCapacity))]
    public void A_request_without_any_proof_misses_all_required_ones(RequesterCapacity capacity, ProofKind[] expected)
    {
        var request = Request(capacity);

        Assert.Equal(expected, AccessRequestRules.MissingProofs(request));
        Assert.False(AccessRequestRules.HasAllProofs(request));
    }

    [Fact]
    public void A_parent_with_only_an_identity_document_misses_the_parentage_proof()
    {
        var request = Request(RequesterCapacity.ParentalAuthority, ProofKind.IdentityDocument);

        Assert.Equal([ProofKind.ParentageProof], AccessRequestRules.MissingProofs(request));
        Assert.Equal(["Pièces manquantes : Livret de famille ou acte de naissance."], AccessRequestRules.ReleaseBlockers(request));
    }

    [Fact]
    public void Missing_proofs_are_listed_by_their_French_labels_in_order()
    {
        var request = Request(RequesterCapacity.HeirOrPartner);
        request.DeceasedMotive = DeceasedAccessMotive.CausesOfDeath;

        Assert.Equal(
            ["Pièces manquantes : Pièce d'identité, Acte de décès, Justificatif de la qualité d'ayant droit."],
            AccessRequestRules.ReleaseBlockers(request));
    }

    [Fact]
    public void Proofs_that_are_not_required_neither_count_nor_block()
    {
        var request = Request(RequesterCapacity.Patient, ProofKind.IdentityDocument, ProofKind.DeathCertificate, ProofKind.DoctorMandate);

        Assert.True(AccessRequestRules.HasAllProofs(request));
        Assert.Empty(AccessRequestRules.ReleaseBlockers(request));
    }

    [Fact]
    public void A_designated_doctor_needs_no_identity_document_of_the_requester()
    {
        var request = Request(RequesterCapacity.DesignatedDoctor, ProofKind.DoctorMandate);

        Assert.Equal([ProofKind.DoctorIdentity], AccessRequestRules.MissingProofs(request));
    }

    [Fact]
    public void An_heir_without_motive_is_blocked()
    {
        var request = Complete(RequesterCapacity.HeirOrPartner);
        request.DeceasedMotive = null;

        Assert.Equal(["L'ayant droit doit indiquer le motif de sa demande (art. L.1110-4 V du CSP)."], AccessRequestRules.ReleaseBlockers(request));
    }

    [Fact]
    public void An_objection_expressed_before_death_blocks_the_heir()
    {
        var request = Complete(RequesterCapacity.HeirOrPartner);
        request.ObjectionBeforeDeath = true;

        Assert.Equal(
            ["Le patient s'est opposé de son vivant à la communication : refus motivé (art. R.1111-7 du CSP)."],
            AccessRequestRules.ReleaseBlockers(request));
    }

    [Fact]
    public void An_heir_with_missing_proofs_no_motive_and_an_objection_gets_every_blocker()
    {
        var request = Request(RequesterCapacity.HeirOrPartner, ProofKind.IdentityDocument, ProofKind.HeirStatusProof);
        request.ObjectionBeforeDeath = true;

        Assert.Equal(
            [
                "Pièces manquantes : Acte de décès.",
                "L'ayant droit doit indiquer le motif de sa demande (art. L.1110-4 V du CSP).",
                "Le patient s'est opposé de son vivant à la communication : refus motivé (art. R.1111-7 du CSP).",
            ],
            AccessRequestRules.ReleaseBlockers(request));
    }

    [Fact]
    public void An_objection_before_death_only_concerns_heirs()
    {
        var request = Complete(RequesterCapacity.Patient);
        request.ObjectionBeforeDeath = true;

        Assert.Empty(AccessRequestRules.ReleaseBlockers(request));
    }

    [Fact]
    public void A_minor_objection_blocks_the_parents()
    {
        var request = Complete(RequesterCapacity.ParentalAuthority);
        request.MinorObjection = true;

        Assert.Equal(
            ["Le mineur s'oppose à la communication aux titulaires de l'autorité parentale (art. R.1111-6 du CSP)."],
            AccessRequestRules.ReleaseBlockers(request));
    }

    [Fact]
    public void A_minor_objection_does_not_block_the_patient_himself()
    {
        var request = Complete(RequesterCapacity.Patient);
        request.MinorObjection = true;

        Assert.Empty(AccessRequestRules.ReleaseBlockers(request));
    }

    [Fact]
    public void An_assisted_adult_without_express_consent_blocks_the_assisting_person()
    {
        var request = Complete(RequesterCapacity.AssistingPerson);
        request.ProtectedAdultConsent = false;

        Assert.Equal(["Le consentement exprès du majeur protégé est requis (art. L.1111-7 du CSP)."], AccessRequestRules.ReleaseBlockers(request));
    }

    [Fact]
    public void A_legal_representative_needs_no_consent_of_the_protected_adult()
    {
        var request = Complete(RequesterCapacity.LegalRepresentative);
        request.ProtectedAdultConsent = false;

        Assert.Empty(AccessRequestRules.ReleaseBlockers(request));
    }
}
