using Microsoft.Extensions.Time.Testing;
using RelationsUsagers.Core.Complaints;
using static RelationsUsagers.Core.Tests.Validation.ValidationAssert;

namespace RelationsUsagers.Core.Tests.Validation;

public sealed class ComplaintValidatorTests
{
    private readonly ComplaintValidator _validator = new(new FakeTimeProvider(TestDatabase.DefaultNow));

    [Fact]
    public void A_grievance_with_summary_and_motives_is_valid() => Passes(_validator.Validate(TestCases.Complaint()));

    [Fact]
    public void A_grievance_without_motive_is_refused()
    {
        var complaint = TestCases.Complaint();
        complaint.Motives = [];

        FailsOnlyOn(_validator.Validate(complaint), "Motives", "Au moins un motif de réclamation est obligatoire.");
    }

    [Fact]
    public void Praise_needs_no_motive()
    {
        var praise = TestCases.Complaint();
        praise.Nature = ComplaintNature.Praise;
        praise.Motives = [];
        praise.Summary = "Remerciements à l'équipe de nuit du service de gériatrie.";

        Passes(_validator.Validate(praise));
    }

    [Fact]
    public void A_complaint_without_subject_is_refused()
    {
        var complaint = TestCases.Complaint();
        complaint.Summary = "";

        FailsOnlyOn(_validator.Validate(complaint), "Summary", "L'objet de la réclamation est obligatoire.");
    }

    [Fact]
    public void Facts_after_receipt_are_refused()
    {
        var complaint = TestCases.Complaint();
        complaint.FactsOn = complaint.ReceivedOn.AddDays(1);

        FailsOnlyOn(_validator.Validate(complaint), "FactsOn", "La date des faits ne peut pas suivre la date de réception.");
    }

    [Fact]
    public void Facts_in_the_future_are_refused()
    {
        var complaint = TestCases.Complaint(receivedOn: TestDatabase.Today);
        complaint.FactsOn = TestDatabase.Today.AddDays(1);

        FailsOnlyOn(_validator.Validate(complaint), "FactsOn",
            "La date des faits ne peut pas être dans le futur.",
            "La date des faits ne peut pas suivre la date de réception.");
    }

    [Fact]
    public void A_mediation_without_mediator_is_refused()
    {
        var complaint = TestCases.Complaint();
        complaint.MediationType = MediationType.Medical;

        FailsOnlyOn(_validator.Validate(complaint), "MediatorName", "Le nom du médiateur est obligatoire lorsqu'une médiation est engagée.");
    }

    [Fact]
    public void A_mediation_with_its_mediator_is_accepted()
    {
        var complaint = TestCases.Complaint();
        complaint.MediationType = MediationType.Mixed;
        complaint.MediatorName = "Dr Anne Morel";

        Passes(_validator.Validate(complaint));
    }

    [Fact]
    public void A_hospitalised_patient_without_planned_discharge_date_is_refused()
    {
        var complaint = TestCases.Complaint();
        complaint.PatientHospitalised = true;

        FailsOnlyOn(_validator.Validate(complaint), "PlannedDischargeOn",
            "La date de sortie prévue est obligatoire pour un patient hospitalisé (art. R.1112-93 du CSP).");
    }

    [Fact]
    public void A_CDU_opinion_without_its_text_is_refused()
    {
        var complaint = TestCases.Complaint();
        complaint.CduOpinion = CduOpinion.Recommendation;
        complaint.CduMeetingOn = new DateOnly(2026, 3, 12);

        FailsOnlyOn(_validator.Validate(complaint), "CduOpinionText", "Le texte de l'avis de la CDU est obligatoire.");
    }

    [Fact]
    public void A_CDU_opinion_without_its_meeting_date_is_refused()
    {
        var complaint = TestCases.Complaint();
        complaint.CduOpinion = CduOpinion.ReasonedClosure;
        complaint.CduOpinionText = "Classement : la prise en charge a été conforme.";

        FailsOnlyOn(_validator.Validate(complaint), "CduMeetingOn", "La date de la séance de la CDU est obligatoire avec son avis.");
    }

    [Theory]
    [InlineData(nameof(Complaint.AnswerSentOn), "La date de réponse")]
    [InlineData(nameof(Complaint.MedicalDataConsentOn), "La date du consentement à l'accès aux données médicales")]
    public void A_fact_date_in_the_future_is_refused(string property, string label)
    {
        var complaint = TestCases.Complaint();
        typeof(Complaint).GetProperty(property)!.SetValue(complaint, (DateOnly?)TestDatabase.Today.AddDays(1));

        FailsOnlyOn(_validator.Validate(complaint), property, $"{label} ne peut pas être dans le futur.");
    }

    [Theory]
    [InlineData(nameof(Complaint.AnswerSentOn), "La date de réponse")]
    [InlineData(nameof(Complaint.MedicalDataConsentOn), "La date du consentement à l'accès aux données médicales")]
    public void A_fact_date_before_receipt_is_refused(string property, string label)
    {
        var complaint = TestCases.Complaint();
        typeof(Complaint).GetProperty(property)!.SetValue(complaint, (DateOnly?)complaint.ReceivedOn.AddDays(-1));

        FailsOnlyOn(_validator.Validate(complaint), property, $"{label} ne peut pas précéder la date de réception.");
    }
}
