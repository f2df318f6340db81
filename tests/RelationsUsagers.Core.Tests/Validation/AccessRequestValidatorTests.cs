using Microsoft.Extensions.Time.Testing;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using static RelationsUsagers.Core.Tests.Validation.ValidationAssert;

namespace RelationsUsagers.Core.Tests.Validation;

public sealed class AccessRequestValidatorTests
{
    private readonly AccessRequestValidator _validator = new(new FakeTimeProvider(TestDatabase.DefaultNow));

    private static AccessRequest HeirRequest()
    {
        var request = TestCases.AccessRequest();
        request.RequesterCapacity = RequesterCapacity.HeirOrPartner;
        request.Requester = new Party { Name = "Claire Lefèvre", Capacity = "fille de la patiente" };
        request.Patient.DeathDate = new DateOnly(2026, 1, 28);
        request.DeceasedMotive = DeceasedAccessMotive.CausesOfDeath;
        request.ProofsReceived = [ProofKind.IdentityDocument, ProofKind.DeathCertificate, ProofKind.HeirStatusProof];
        return request;
    }

    [Fact]
    public void A_patient_asking_for_her_record_is_valid() => Passes(_validator.Validate(TestCases.AccessRequest()));

    [Fact]
    public void An_heir_with_motive_and_death_date_is_valid() => Passes(_validator.Validate(HeirRequest()));

    [Fact]
    public void An_unknown_requester_capacity_is_refused()
    {
        var request = TestCases.AccessRequest();
        request.RequesterCapacity = 0;

        FailsOnlyOn(_validator.Validate(request), "RequesterCapacity", "La qualité du demandeur est obligatoire.");
    }

    [Fact]
    public void An_heir_without_motive_is_refused()
    {
        var request = HeirRequest();
        request.DeceasedMotive = null;

        FailsOnlyOn(_validator.Validate(request), "DeceasedMotive",
            "Le motif de l'ayant droit est obligatoire (causes du décès, mémoire du défunt ou droits).");
    }

    [Fact]
    public void An_heir_request_without_death_date_is_refused()
    {
        var request = HeirRequest();
        request.Patient.DeathDate = null;

        FailsOnlyOn(_validator.Validate(request), "Patient.DeathDate",
            "La date de décès du patient est obligatoire pour une demande d'ayant droit.");
    }

    [Fact]
    public void A_psychiatric_request_past_receipt_without_CDSP_referral_date_is_refused()
    {
        var request = TestCases.AccessRequest();
        request.PsychiatricDoctorRequired = true;
        request.Status = CaseStatus.Complete;

        FailsOnlyOn(_validator.Validate(request), "CdspReferredOn",
            "La date de saisine de la CDSP est obligatoire lorsque la présence d'un médecin est exigée.");
    }

    [Fact]
    public void A_psychiatric_request_just_received_needs_no_CDSP_referral_date_yet()
    {
        var request = TestCases.AccessRequest();
        request.PsychiatricDoctorRequired = true;

        Passes(_validator.Validate(request));
    }

    [Fact]
    public void Communication_through_a_designated_doctor_without_the_doctor_name_is_refused()
    {
        var request = TestCases.AccessRequest();
        request.CommunicationMode = CommunicationMode.ViaDesignatedDoctor;

        FailsOnlyOn(_validator.Validate(request), "DesignatedDoctor",
            "Le nom du médecin désigné est obligatoire pour une communication par son intermédiaire.");
    }

    [Fact]
    public void A_recorded_delivery_sent_without_its_number_is_refused()
    {
        var request = TestCases.AccessRequest();
        request.CommunicationMode = CommunicationMode.RecordedDelivery;
        request.SentOn = new DateOnly(2026, 3, 10);

        FailsOnlyOn(_validator.Validate(request), "RecordedDeliveryNumber",
            "Le numéro de recommandé est obligatoire pour un envoi en recommandé avec AR.");
    }

    [Fact]
    public void A_recorded_delivery_not_yet_sent_needs_no_number()
    {
        var request = TestCases.AccessRequest();
        request.CommunicationMode = CommunicationMode.RecordedDelivery;

        Passes(_validator.Validate(request));
    }

    [Fact]
    public void A_negative_page_count_is_refused()
    {
        var request = TestCases.AccessRequest();
        request.PageCount = -3;

        FailsOnlyOn(_validator.Validate(request), "PageCount", "Le nombre de pages ne peut pas être négatif.");
    }

    [Fact]
    public void Reproduction_fees_for_an_on_site_consultation_are_refused()
    {
        var request = TestCases.AccessRequest();
        request.CommunicationMode = CommunicationMode.OnSite;
        request.ReproductionFeeCents = 1_500;

        FailsOnlyOn(_validator.Validate(request), "ReproductionFeeCents",
            "La consultation sur place est gratuite : aucuns frais de reproduction.");
    }

    [Fact]
    public void Postage_fees_for_an_on_site_consultation_are_refused()
    {
        var request = TestCases.AccessRequest();
        request.CommunicationMode = CommunicationMode.OnSite;
        request.PostageFeeCents = 780;

        FailsOnlyOn(_validator.Validate(request), "PostageFeeCents", "La consultation sur place est gratuite : aucuns frais d'envoi.");
    }

    [Fact]
    public void Fees_for_a_postal_copy_are_accepted()
    {
        var request = TestCases.AccessRequest();
        request.CommunicationMode = CommunicationMode.Post;
        request.PageCount = 84;
        request.ReproductionFeeCents = 1_260;
        request.PostageFeeCents = 780;

        Passes(_validator.Validate(request));
    }

    [Fact]
    public void Negative_reproduction_fees_are_refused()
    {
        var request = TestCases.AccessRequest();
        request.CommunicationMode = CommunicationMode.Post;
        request.ReproductionFeeCents = -100;

        FailsOnlyOn(_validator.Validate(request), "ReproductionFeeCents", "Les frais de reproduction ne peuvent pas être négatifs.");
    }

    [Fact]
    public void Negative_postage_fees_are_refused()
    {
        var request = TestCases.AccessRequest();
        request.CommunicationMode = CommunicationMode.Post;
        request.PostageFeeCents = -1;

        FailsOnlyOn(_validator.Validate(request), "PostageFeeCents", "Les frais d'envoi ne peuvent pas être négatifs.");
    }

    [Fact]
    public void A_refusal_without_reason_is_refused()
    {
        var request = TestCases.AccessRequest();
        request.Status = CaseStatus.Refused;

        FailsOnlyOn(_validator.Validate(request), "RefusalReason", "Un refus doit être motivé (art. R.1111-7 du CSP).");
    }

    [Fact]
    public void A_reasoned_refusal_is_accepted()
    {
        var request = TestCases.AccessRequest();
        request.Status = CaseStatus.Refused;
        request.RefusalReason = "La patiente s'était opposée de son vivant à toute communication.";

        Passes(_validator.Validate(request));
    }

    [Theory]
    [InlineData(nameof(AccessRequest.CompletedOn), "La date de complétude")]
    [InlineData(nameof(AccessRequest.SentOn), "La date d'envoi")]
    [InlineData(nameof(AccessRequest.PaidOn), "La date de paiement")]
    [InlineData(nameof(AccessRequest.DeliveryAcknowledgedOn), "La date de l'accusé de réception")]
    [InlineData(nameof(AccessRequest.CdspReferredOn), "La date de saisine de la CDSP")]
    public void A_fact_date_in_the_future_is_refused(string property, string label)
    {
        var request = TestCases.AccessRequest();
        typeof(AccessRequest).GetProperty(property)!.SetValue(request, (DateOnly?)TestDatabase.Today.AddDays(1));

        FailsOnlyOn(_validator.Validate(request), property, $"{label} ne peut pas être dans le futur.");
    }

    [Theory]
    [InlineData(nameof(AccessRequest.CompletedOn), "La date de complétude")]
    [InlineData(nameof(AccessRequest.SentOn), "La date d'envoi")]
    [InlineData(nameof(AccessRequest.PaidOn), "La date de paiement")]
    [InlineData(nameof(AccessRequest.DeliveryAcknowledgedOn), "La date de l'accusé de réception")]
    [InlineData(nameof(AccessRequest.CdspReferredOn), "La date de saisine de la CDSP")]
    public void A_fact_date_before_receipt_is_refused(string property, string label)
    {
        var request = TestCases.AccessRequest();
        typeof(AccessRequest).GetProperty(property)!.SetValue(request, (DateOnly?)request.ReceivedOn.AddDays(-1));

        FailsOnlyOn(_validator.Validate(request), property, $"{label} ne peut pas précéder la date de réception.");
    }

    [Fact]
    public void Fees_above_a_configured_schedule_are_refused_with_the_ceiling_in_french()
    {
        // An office whose copies cost 0,10 € a page and 3,00 € a CD: 10 pages on a CD come to 4,00 € at most.
        var validator = new AccessRequestValidator(new FakeTimeProvider(TestDatabase.DefaultNow), new CopyFeeSchedule(10, 300));
        var request = TestCases.AccessRequest();
        (request.CommunicationMode, request.PageCount, request.Medium) = (CommunicationMode.Post, 10, "CD d'imagerie");
        request.ReproductionFeeCents = 400;
        Passes(validator.Validate(request));

        request.ReproductionFeeCents = 401;
        FailsOnlyOn(validator.Validate(request), "ReproductionFeeCents",
            "Les frais de reproduction dépassent le coût des copies (4,00 € au plus pour 10 pages et un disque).");
        // The default CRPA scale allows it: 10 × 0,18 € + 2,75 € = 4,55 €.
        Passes(_validator.Validate(request));
    }

    [Fact]
    public void Reproduction_fees_without_a_page_count_ask_for_it()
    {
        var request = TestCases.AccessRequest();
        (request.CommunicationMode, request.ReproductionFeeCents) = (CommunicationMode.Post, 1_000);

        FailsOnlyOn(_validator.Validate(request), "PageCount",
            "Indiquez le nombre de pages : les frais de reproduction ne peuvent dépasser le coût des copies.");
    }
}
