using Microsoft.Extensions.Time.Testing;
using RelationsUsagers.Core.Requisitions;
using static RelationsUsagers.Core.Tests.Validation.ValidationAssert;

namespace RelationsUsagers.Core.Tests.Validation;

public sealed class RequisitionValidatorTests
{
    private readonly RequisitionValidator _validator = new(new FakeTimeProvider(TestDatabase.DefaultNow));

    [Fact]
    public void A_requisition_for_administrative_data_is_valid() => Passes(_validator.Validate(TestCases.Requisition()));

    [Fact]
    public void A_seizure_with_seals_and_Ordre_representative_is_valid()
    {
        var requisition = TestCases.Requisition();
        requisition.LegalBasis = RequisitionLegalBasis.Instruction99_3;
        requisition.Authority = RequisitionAuthority.InvestigatingJudge;
        requisition.Items.Add(new RequisitionItem { Description = "Dossier médical du séjour en réanimation", Nature = RequisitionItemNature.Medical });
        requisition.SeizureOn = new DateOnly(2026, 3, 12);
        requisition.SealNumbers = "Scellés n° 1 à 3";
        requisition.OrdreRepresentative = "Dr Bernard Lemoine, conseil départemental de l'Ordre";
        requisition.SeizureCopyKept = true;

        Passes(_validator.Validate(requisition));
    }

    [Fact]
    public void An_unknown_authority_is_refused()
    {
        var requisition = TestCases.Requisition();
        requisition.Authority = 0;

        FailsOnlyOn(_validator.Validate(requisition), "Authority", "L'autorité requérante est obligatoire.");
    }

    [Fact]
    public void An_unknown_legal_basis_is_refused()
    {
        var requisition = TestCases.Requisition();
        requisition.LegalBasis = 0;

        FailsOnlyOn(_validator.Validate(requisition), "LegalBasis", "Le cadre juridique est obligatoire.");
    }

    [Fact]
    public void A_requisition_without_officer_is_refused()
    {
        var requisition = TestCases.Requisition();
        requisition.OfficerName = null;

        FailsOnlyOn(_validator.Validate(requisition), "OfficerName", "Le nom de l'officier ou du magistrat requérant est obligatoire.");
    }

    [Fact]
    public void A_requisition_without_procedure_number_is_refused()
    {
        var requisition = TestCases.Requisition();
        requisition.ProcedureNumber = " ";

        FailsOnlyOn(_validator.Validate(requisition), "ProcedureNumber", "Le numéro de procédure est obligatoire.");
    }

    [Fact]
    public void A_requisition_without_due_date_is_refused()
    {
        var requisition = TestCases.Requisition();
        requisition.DueOn = null;

        FailsOnlyOn(_validator.Validate(requisition), "DueOn", "La date limite de réponse est obligatoire.");
    }

    [Fact]
    public void A_due_date_before_receipt_is_refused()
    {
        var requisition = TestCases.Requisition();
        requisition.DueOn = requisition.ReceivedOn.AddDays(-1);

        FailsOnlyOn(_validator.Validate(requisition), "DueOn", "La date limite ne peut précéder la réception.");
    }

    [Fact]
    public void A_requisition_asking_for_nothing_is_refused()
    {
        var requisition = TestCases.Requisition();
        requisition.Items = [];

        FailsOnlyOn(_validator.Validate(requisition), "Items", "Au moins un élément demandé est obligatoire.");
    }

    [Fact]
    public void An_item_without_description_is_refused()
    {
        var requisition = TestCases.Requisition();
        requisition.Items.Add(new RequisitionItem { Description = "" });

        FailsOnlyOn(_validator.Validate(requisition), "Items[1].Description", "Chaque élément demandé doit être décrit.");
    }

    [Fact]
    public void A_medical_item_sent_without_secrecy_review_is_refused()
    {
        var requisition = TestCases.Requisition();
        requisition.Items.Add(new RequisitionItem { Description = "Compte rendu des urgences", Nature = RequisitionItemNature.Medical, Sent = true });

        FailsOnlyOn(_validator.Validate(requisition), "SecrecyReviewBy",
            "L'examen du secret médical (nom du relecteur) est obligatoire avant de transmettre un élément médical.");
    }

    [Fact]
    public void A_medical_item_not_yet_sent_needs_no_secrecy_review()
    {
        var requisition = TestCases.Requisition();
        requisition.Items.Add(new RequisitionItem { Description = "Compte rendu des urgences", Nature = RequisitionItemNature.Medical });

        Passes(_validator.Validate(requisition));
    }

    [Fact]
    public void A_seizure_without_seal_numbers_is_refused()
    {
        var requisition = TestCases.Requisition();
        requisition.SeizureOn = new DateOnly(2026, 3, 12);
        requisition.OrdreRepresentative = "Dr Bernard Lemoine";

        FailsOnlyOn(_validator.Validate(requisition), "SealNumbers", "Les numéros de scellés sont obligatoires pour une saisie.");
    }

    [Fact]
    public void A_seizure_without_Ordre_representative_is_refused()
    {
        var requisition = TestCases.Requisition();
        requisition.SeizureOn = new DateOnly(2026, 3, 12);
        requisition.SealNumbers = "Scellé n° 1";

        FailsOnlyOn(_validator.Validate(requisition), "OrdreRepresentative",
            "Le représentant de l'Ordre des médecins présent à la saisie est obligatoire (art. 56-3 CPP).");
    }

    [Theory]
    [InlineData(nameof(Requisition.SecrecyReviewOn), "La date de l'examen du secret médical")]
    [InlineData(nameof(Requisition.ResponseSentOn), "La date de réponse")]
    public void A_fact_date_in_the_future_is_refused(string property, string label)
    {
        var requisition = TestCases.Requisition();
        typeof(Requisition).GetProperty(property)!.SetValue(requisition, (DateOnly?)TestDatabase.Today.AddDays(1));

        FailsOnlyOn(_validator.Validate(requisition), property, $"{label} ne peut pas être dans le futur.");
    }

    [Theory]
    [InlineData(nameof(Requisition.SecrecyReviewOn), "La date de l'examen du secret médical")]
    [InlineData(nameof(Requisition.ResponseSentOn), "La date de réponse")]
    public void A_fact_date_before_receipt_is_refused(string property, string label)
    {
        var requisition = TestCases.Requisition();
        typeof(Requisition).GetProperty(property)!.SetValue(requisition, (DateOnly?)requisition.ReceivedOn.AddDays(-1));

        FailsOnlyOn(_validator.Validate(requisition), property, $"{label} ne peut pas précéder la date de réception.");
    }

    [Fact]
    public void A_seizure_date_in_the_future_is_refused()
    {
        var requisition = TestCases.Requisition();
        requisition.SeizureOn = TestDatabase.Today.AddDays(1);
        requisition.SealNumbers = "Scellé n° 1";
        requisition.OrdreRepresentative = "Dr Bernard Lemoine";

        FailsOnlyOn(_validator.Validate(requisition), "SeizureOn", "La date de saisie ne peut pas être dans le futur.");
    }
}
