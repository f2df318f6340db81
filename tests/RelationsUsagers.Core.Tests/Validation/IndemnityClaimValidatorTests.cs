using Microsoft.Extensions.Time.Testing;
using RelationsUsagers.Core.Claims;
using static RelationsUsagers.Core.Tests.Validation.ValidationAssert;

namespace RelationsUsagers.Core.Tests.Validation;

public sealed class IndemnityClaimValidatorTests
{
    private readonly IndemnityClaimValidator _validator = new(new FakeTimeProvider(TestDatabase.DefaultNow));

    [Fact]
    public void An_amicable_claim_is_valid() => Passes(_validator.Validate(TestCases.IndemnityClaim()));

    [Fact]
    public void A_claim_before_the_CCI_with_its_dates_and_shared_offer_is_valid()
    {
        var claim = TestCases.IndemnityClaim();
        claim.Procedure = ClaimProcedure.Cci;
        claim.CciFileNumber = "CCI-PDL-2026-0193";
        claim.CciReferredOn = new DateOnly(2026, 3, 4);
        claim.CciOpinionOn = new DateOnly(2026, 3, 13);
        claim.InsurerName = "SHAM";
        claim.InsurerClaimNumber = "S-26-004512";
        claim.InsurerDeclaredOn = new DateOnly(2026, 3, 3);
        claim.OfferAmountCents = 1_800_000;
        claim.OfferOn = new DateOnly(2026, 3, 13);
        claim.AcceptedOn = new DateOnly(2026, 3, 14);
        claim.DeductibleCents = 300_000;
        claim.HospitalShareCents = 300_000;
        claim.InsurerShareCents = 1_500_000;

        Passes(_validator.Validate(claim));
    }

    [Fact]
    public void An_unknown_procedure_is_refused()
    {
        var claim = TestCases.IndemnityClaim();
        claim.Procedure = 0;

        FailsOnlyOn(_validator.Validate(claim), "Procedure", "La procédure est obligatoire.");
    }

    [Fact]
    public void A_claimed_amount_of_zero_is_refused()
    {
        var claim = TestCases.IndemnityClaim();
        claim.ClaimedAmountCents = 0;

        FailsOnlyOn(_validator.Validate(claim), "ClaimedAmountCents", "Le montant réclamé doit être positif.");
    }

    [Fact]
    public void A_negative_offer_is_refused()
    {
        var claim = TestCases.IndemnityClaim();
        claim.OfferAmountCents = -1;

        FailsOnlyOn(_validator.Validate(claim), "OfferAmountCents", "Le montant de l'offre ne peut pas être négatif.");
    }

    [Fact]
    public void A_negative_deductible_is_refused()
    {
        var claim = TestCases.IndemnityClaim();
        claim.DeductibleCents = -50_000;

        FailsOnlyOn(_validator.Validate(claim), "DeductibleCents", "La franchise ne peut pas être négative.");
    }

    [Fact]
    public void A_claim_declared_to_the_insurer_without_claim_number_is_refused()
    {
        var claim = TestCases.IndemnityClaim();
        claim.InsurerName = "SHAM";
        claim.InsurerDeclaredOn = new DateOnly(2026, 3, 5);

        FailsOnlyOn(_validator.Validate(claim), "InsurerClaimNumber",
            "Le numéro de sinistre est obligatoire une fois le dossier déclaré à l'assureur.");
    }

    [Fact]
    public void A_CCI_procedure_without_referral_date_is_refused()
    {
        var claim = TestCases.IndemnityClaim();
        claim.Procedure = ClaimProcedure.Cci;

        FailsOnlyOn(_validator.Validate(claim), "CciReferredOn", "La date de saisine de la CCI est obligatoire pour une procédure CCI.");
    }

    [Fact]
    public void A_court_procedure_without_court_is_refused()
    {
        var claim = TestCases.IndemnityClaim();
        claim.Procedure = ClaimProcedure.AdministrativeCourt;

        FailsOnlyOn(_validator.Validate(claim), "CourtName", "Le tribunal est obligatoire pour une procédure contentieuse.");
    }

    [Fact]
    public void A_CCI_opinion_before_its_referral_is_refused()
    {
        var claim = TestCases.IndemnityClaim();
        claim.CciReferredOn = new DateOnly(2026, 3, 10);
        claim.CciOpinionOn = new DateOnly(2026, 3, 9);

        FailsOnlyOn(_validator.Validate(claim), "CciOpinionOn", "L'avis de la CCI ne peut précéder sa saisine.");
    }

    [Fact]
    public void A_CCI_opinion_without_referral_is_refused()
    {
        var claim = TestCases.IndemnityClaim();
        claim.CciOpinionOn = new DateOnly(2026, 3, 9);

        FailsOnlyOn(_validator.Validate(claim), "CciOpinionOn", "L'avis de la CCI ne peut précéder sa saisine.");
    }

    [Fact]
    public void An_acceptance_before_the_offer_is_refused()
    {
        var claim = TestCases.IndemnityClaim();
        claim.OfferOn = new DateOnly(2026, 3, 10);
        claim.AcceptedOn = new DateOnly(2026, 3, 6);

        FailsOnlyOn(_validator.Validate(claim), "AcceptedOn", "L'acceptation ne peut précéder l'offre.");
    }

    [Fact]
    public void An_acceptance_without_offer_is_refused()
    {
        var claim = TestCases.IndemnityClaim();
        claim.AcceptedOn = new DateOnly(2026, 3, 6);

        FailsOnlyOn(_validator.Validate(claim), "AcceptedOn", "L'acceptation ne peut précéder l'offre.");
    }

    [Fact]
    public void Shares_that_do_not_add_up_to_the_offer_are_refused()
    {
        var claim = TestCases.IndemnityClaim();
        claim.OfferAmountCents = 1_800_000;
        claim.HospitalShareCents = 300_000;
        claim.InsurerShareCents = 1_400_000;

        FailsOnlyOn(_validator.Validate(claim), "HospitalShareCents",
            "La part de l'établissement et celle de l'assureur doivent faire le montant de l'offre.");
    }

    [Fact]
    public void A_hospital_share_equal_to_the_offer_without_insurer_share_is_accepted()
    {
        var claim = TestCases.IndemnityClaim();
        claim.OfferAmountCents = 250_000;
        claim.HospitalShareCents = 250_000;

        Passes(_validator.Validate(claim));
    }

    [Theory]
    [InlineData(nameof(IndemnityClaim.InsurerDeclaredOn), "La date de déclaration à l'assureur")]
    [InlineData(nameof(IndemnityClaim.CciReferredOn), "La date de saisine de la CCI")]
    [InlineData(nameof(IndemnityClaim.OfferOn), "La date de l'offre")]
    [InlineData(nameof(IndemnityClaim.PaidOn), "La date de paiement")]
    public void A_fact_date_in_the_future_is_refused(string property, string label)
    {
        var claim = TestCases.IndemnityClaim();
        claim.InsurerClaimNumber = "S-26-004512";
        typeof(IndemnityClaim).GetProperty(property)!.SetValue(claim, (DateOnly?)TestDatabase.Today.AddDays(1));

        FailsOnlyOn(_validator.Validate(claim), property, $"{label} ne peut pas être dans le futur.");
    }

    [Theory]
    [InlineData(nameof(IndemnityClaim.InsurerDeclaredOn), "La date de déclaration à l'assureur")]
    [InlineData(nameof(IndemnityClaim.CciReferredOn), "La date de saisine de la CCI")]
    [InlineData(nameof(IndemnityClaim.OfferOn), "La date de l'offre")]
    [InlineData(nameof(IndemnityClaim.PaidOn), "La date de paiement")]
    public void A_fact_date_before_receipt_is_refused(string property, string label)
    {
        var claim = TestCases.IndemnityClaim();
        claim.InsurerClaimNumber = "S-26-004512";
        typeof(IndemnityClaim).GetProperty(property)!.SetValue(claim, (DateOnly?)claim.ReceivedOn.AddDays(-1));

        FailsOnlyOn(_validator.Validate(claim), property, $"{label} ne peut pas précéder la date de réception.");
    }

    [Fact]
    public void The_insurer_cannot_receive_the_acceptance_before_it_is_given()
    {
        var claim = TestCases.IndemnityClaim();
        (claim.OfferOn, claim.AcceptedOn, claim.InsurerAcceptanceReceivedOn) = (new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 9));

        FailsOnlyOn(_validator.Validate(claim), "InsurerAcceptanceReceivedOn", "L'assureur ne peut recevoir l'acceptation avant qu'elle soit donnée.");
    }

    [Fact]
    public void An_expertise_carried_out_without_being_ordered_is_refused()
    {
        var claim = TestCases.IndemnityClaim();
        claim.ExpertiseCompletedOn = new DateOnly(2026, 3, 10);

        FailsOnlyOn(_validator.Validate(claim), "ExpertiseCompletedOn", "L'expertise ne peut être exécutée avant d'avoir été ordonnée.");
    }

    [Fact]
    public void The_insurer_may_receive_the_opinion_while_its_date_is_not_typed_yet()
    {
        var claim = TestCases.IndemnityClaim();
        claim.InsurerOpinionReceivedOn = new DateOnly(2026, 3, 10);
        Passes(_validator.Validate(claim));
        claim.CciReferredOn = new DateOnly(2026, 3, 4);
        claim.CciOpinionOn = new DateOnly(2026, 3, 12);
        FailsOnlyOn(_validator.Validate(claim), "InsurerOpinionReceivedOn", "L'assureur ne peut recevoir l'avis de la CCI avant qu'il soit rendu.");
    }
}
