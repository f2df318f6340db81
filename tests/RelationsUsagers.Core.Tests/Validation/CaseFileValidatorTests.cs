using Microsoft.Extensions.Time.Testing;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using static RelationsUsagers.Core.Tests.Validation.ValidationAssert;

namespace RelationsUsagers.Core.Tests.Validation;

/// <summary>The rules every kind shares (Cases/CaseFileValidator.cs), checked through each kind's validator.</summary>
public sealed class CaseFileValidatorTests
{
    private readonly CaseValidators _validators = new(new FakeTimeProvider(TestDatabase.DefaultNow));
    private static readonly DateOnly Tomorrow = TestDatabase.Today.AddDays(1);

    public static TheoryData<CaseKind> Kinds => new(Enum.GetValues<CaseKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_complete_draft_of_each_kind_is_valid(CaseKind kind) =>
        Passes(_validators.Validate(TestCases.Of(kind)));

    [Fact]
    public void A_missing_receipt_date_is_refused()
    {
        var request = TestCases.AccessRequest();
        request.ReceivedOn = default;

        FailsOnlyOn(_validators.Validate(request), "ReceivedOn", "La date de réception est obligatoire.");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_receipt_date_in_the_future_is_refused(CaseKind kind)
    {
        var file = TestCases.Of(kind, receivedOn: Tomorrow);

        FailsOnlyOn(_validators.Validate(file), "ReceivedOn", "La date de réception ne peut pas être dans le futur.");
    }

    [Fact]
    public void A_receipt_date_of_today_in_Paris_is_accepted() =>
        Passes(_validators.Validate(TestCases.AccessRequest(receivedOn: TestDatabase.Today)));

    [Fact]
    public void An_unknown_channel_is_refused()
    {
        var request = TestCases.AccessRequest();
        request.Channel = (Channel)99;

        FailsOnlyOn(_validators.Validate(request), "Channel", "Le canal de réception est invalide.");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_missing_patient_last_name_is_refused(CaseKind kind)
    {
        var file = TestCases.Of(kind);
        file.Patient.LastName = "  ";

        // The staff member of a protection fonctionnelle file is no patient: the message names the agent.
        var expected = kind == CaseKind.FunctionalProtection ? "Le nom de l'agent est obligatoire." : "Le nom du patient est obligatoire.";
        FailsOnlyOn(_validators.Validate(file), "Patient.LastName", expected);
    }

    [Fact]
    public void A_patient_last_name_over_100_characters_is_refused()
    {
        var request = TestCases.AccessRequest();
        request.Patient.LastName = new string('L', 101);

        FailsOnlyOn(_validators.Validate(request), "Patient.LastName", "Le nom du patient ne doit pas dépasser 100 caractères.");
    }

    [Fact]
    public void A_patient_first_name_over_100_characters_is_refused()
    {
        var request = TestCases.AccessRequest();
        request.Patient.FirstName = new string('H', 101);

        FailsOnlyOn(_validators.Validate(request), "Patient.FirstName", "Le prénom du patient ne doit pas dépasser 100 caractères.");
    }

    [Fact]
    public void A_patient_without_first_name_is_accepted()
    {
        var request = TestCases.AccessRequest();
        request.Patient.FirstName = "";

        Passes(_validators.Validate(request));
    }

    [Fact]
    public void A_birth_date_in_the_future_is_refused()
    {
        var request = TestCases.AccessRequest();
        request.Patient.BirthDate = Tomorrow;

        FailsOnlyOn(_validators.Validate(request), "Patient.BirthDate", "La date de naissance ne peut pas être dans le futur.");
    }

    [Fact]
    public void A_death_date_before_the_birth_date_is_refused()
    {
        var request = TestCases.AccessRequest();
        request.Patient.DeathDate = new DateOnly(1950, 1, 1);

        FailsOnlyOn(_validators.Validate(request), "Patient.DeathDate", "La date de décès ne peut pas précéder la date de naissance.");
    }

    [Fact]
    public void A_death_date_in_the_future_is_refused()
    {
        var request = TestCases.AccessRequest();
        request.Patient.DeathDate = Tomorrow;

        FailsOnlyOn(_validators.Validate(request), "Patient.DeathDate", "La date de décès ne peut pas être dans le futur.");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_missing_requester_name_is_refused(CaseKind kind)
    {
        var file = TestCases.Of(kind);
        file.Requester.Name = "";

        FailsOnlyOn(_validators.Validate(file), "Requester.Name", "Le nom du demandeur est obligatoire.");
    }

    [Fact]
    public void A_requester_name_over_200_characters_is_refused()
    {
        var request = TestCases.AccessRequest();
        request.Requester.Name = new string('M', 201);

        FailsOnlyOn(_validators.Validate(request), "Requester.Name", "Le nom du demandeur ne doit pas dépasser 200 caractères.");
    }

    [Fact]
    public void An_invalid_requester_email_is_refused()
    {
        var request = TestCases.AccessRequest();
        request.Requester.Email = "helene.lefevre.example.fr";

        FailsOnlyOn(_validators.Validate(request), "Requester.Email", "L'adresse électronique du demandeur n'est pas valide.");
    }

    [Fact]
    public void A_requester_without_email_is_accepted()
    {
        var request = TestCases.AccessRequest();
        request.Requester.Email = null;

        Passes(_validators.Validate(request));
    }

    [Fact]
    public void A_summary_over_8000_characters_is_refused()
    {
        var request = TestCases.AccessRequest();
        request.Summary = new string('r', 8001);

        FailsOnlyOn(_validators.Validate(request), "Summary", "Le résumé ne doit pas dépasser 8 000 caractères.");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Closing_without_an_outcome_is_refused(CaseKind kind)
    {
        var file = TestCases.Of(kind);
        file.Status = CaseStatus.Closed;
        file.ClosedOn = TestDatabase.Today;

        FailsOnlyOn(_validators.Validate(file), "Outcome", "L'issue du dossier est obligatoire pour le clore.");
    }

    [Fact]
    public void Closing_without_a_closing_date_is_refused()
    {
        var request = TestCases.AccessRequest();
        request.Status = CaseStatus.Closed;
        request.Outcome = "Copie du dossier envoyée à la patiente.";

        FailsOnlyOn(_validators.Validate(request), "ClosedOn", "La date de clôture est obligatoire pour clore le dossier.");
    }

    [Fact]
    public void A_closing_date_before_receipt_is_refused()
    {
        var request = TestCases.AccessRequest();
        request.Status = CaseStatus.Closed;
        request.Outcome = "Copie du dossier envoyée à la patiente.";
        request.ClosedOn = request.ReceivedOn.AddDays(-1);

        FailsOnlyOn(_validators.Validate(request), "ClosedOn", "La date de clôture ne peut pas précéder la date de réception.");
    }

    [Fact]
    public void A_closed_case_with_date_and_outcome_is_valid()
    {
        var request = TestCases.AccessRequest();
        request.Status = CaseStatus.Closed;
        request.ClosedOn = TestDatabase.Today;
        request.Outcome = "Copie du dossier envoyée à la patiente.";

        Passes(_validators.Validate(request));
    }

    [Fact]
    public void An_open_case_needs_no_outcome()
    {
        var request = TestCases.AccessRequest();
        request.Status = CaseStatus.AwaitingProofs;
        request.RequesterCapacity = RequesterCapacity.Patient;

        Passes(_validators.Validate(request));
    }

    [Fact]
    public void Today_is_the_Paris_date_not_the_UTC_date()
    {
        // 23:30 UTC on 15 March is already 16 March in Paris (UTC+1 in winter).
        var validators = new CaseValidators(new FakeTimeProvider(new DateTimeOffset(2026, 3, 15, 23, 30, 0, TimeSpan.Zero)));

        Passes(validators.Validate(TestCases.AccessRequest(receivedOn: new DateOnly(2026, 3, 16))));
    }
}
