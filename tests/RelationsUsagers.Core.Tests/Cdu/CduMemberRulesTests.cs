using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Tests.Validation;
using static RelationsUsagers.Core.Tests.Cdu.CduTestData;

namespace RelationsUsagers.Core.Tests.Cdu;

/// <summary>Composition, offices and mandates: R.1112-81, R.1112-81-1, R.1112-82 (Cdu/CduMemberValidator.cs, CduMember.cs).</summary>
public sealed class CduMemberRulesTests
{
    private const string Categories1To3 = "Le président et le vice-président sont élus parmi le représentant légal, les médiateurs et " +
                                          "les représentants des usagers (catégories 1° à 3°, art. R.1112-81-1 du CSP).";

    [Fact]
    public void The_president_cannot_come_from_an_optional_category()
    {
        var cme = Member("Dr Lemoine", CduCategory.CmePresident, office: CduOffice.President);

        ValidationAssert.FailsOnlyOn(new CduMemberValidator().Validate(cme), "Office", Categories1To3);
    }

    [Fact]
    public void President_and_vice_president_from_the_two_mediator_seats_share_category_2_and_are_refused()
    {
        var president = Member("Dr Hélène Martin", CduCategory.MedicalMediator, office: CduOffice.President);
        var vice = Member("Mme Sylvie Morel", CduCategory.NonMedicalMediator, office: CduOffice.VicePresident);

        ValidationAssert.FailsOnlyOn(new CduMemberValidator([president]).Validate(vice), "Office",
            "Le président et le vice-président doivent appartenir à des catégories différentes ; Dr Hélène Martin, président(e), " +
            "appartient déjà à la catégorie 2° (art. R.1112-81-1 du CSP).");
    }

    [Fact]
    public void A_patient_representative_may_be_vice_president_of_a_mediator_president()
    {
        var president = Member("Dr Hélène Martin", CduCategory.MedicalMediator, office: CduOffice.President);
        var vice = Member("Mme Josiane Bernard", CduCategory.PatientRepresentative, office: CduOffice.VicePresident);

        ValidationAssert.Passes(new CduMemberValidator([president]).Validate(vice));
    }

    [Fact]
    public void There_is_one_president_only_but_an_inactive_former_one_does_not_count()
    {
        var sitting = Member("M. Gérard Hamon", CduCategory.PatientRepresentative, office: CduOffice.President);
        var former = Member("Mme Anne Castel", CduCategory.LegalRepresentative, office: CduOffice.President);
        former.Active = false;
        var candidate = Member("Dr Hélène Martin", CduCategory.MedicalMediator, office: CduOffice.President);

        ValidationAssert.FailsOnlyOn(new CduMemberValidator([sitting, former]).Validate(candidate), "Office",
            "La CDU a déjà un(e) président(e) : M. Gérard Hamon.");
        ValidationAssert.Passes(new CduMemberValidator([former]).Validate(candidate));
    }

    [Theory]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void An_office_is_renewable_twice(int renewals, bool valid)
    {
        var president = Member("M. Gérard Hamon", CduCategory.PatientRepresentative, office: CduOffice.President);
        president.OfficeRenewals = renewals;

        var result = new CduMemberValidator().Validate(president);

        if (valid)
            ValidationAssert.Passes(result);
        else
            ValidationAssert.FailsOnlyOn(result, "OfficeRenewals",
                "Le mandat de président ou de vice-président n'est renouvelable que deux fois (art. R.1112-81-1 du CSP).");
    }

    [Fact]
    public void The_medical_mediator_and_his_deputy_cannot_work_in_the_same_department_whatever_the_accents()
    {
        var mediator = Member("Dr Hélène Martin", CduCategory.MedicalMediator, department: "Médecine interne");
        var deputy = Member("Dr Isabelle Roux", CduCategory.MedicalMediator, deputy: true, department: "MEDECINE INTERNE ");

        ValidationAssert.FailsOnlyOn(new CduMemberValidator([mediator]).Validate(deputy), "Department",
            "Le médiateur médecin et son suppléant ne peuvent pas exercer dans le même service (MEDECINE INTERNE) (art. R.1112-82 du CSP).");
        deputy.Department = "Gériatrie";
        ValidationAssert.Passes(new CduMemberValidator([mediator]).Validate(deputy));
    }

    [Fact]
    public void Non_medical_mediators_may_share_a_department()
    {
        var mediator = Member("Mme Sylvie Morel", CduCategory.NonMedicalMediator, department: "Direction des soins");
        var deputy = Member("M. Thierry Josse", CduCategory.NonMedicalMediator, deputy: true, department: "Direction des soins");

        ValidationAssert.Passes(new CduMemberValidator([mediator]).Validate(deputy));
    }

    [Fact]
    public void A_mandate_ends_after_it_starts_and_a_mediator_names_his_department()
    {
        var mediator = Member("Dr Hélène Martin", CduCategory.MedicalMediator);
        mediator.Department = " ";
        mediator.MandateEnd = mediator.MandateStart;

        var failures = new CduMemberValidator().Validate(mediator).Errors.Select(e => e.ErrorMessage).ToList();

        Assert.Equal(["La fin du mandat doit être postérieure à son début.", "Le service d'exercice du médiateur est obligatoire (art. R.1112-82 du CSP)."],
            failures);
    }

    [Fact]
    public void A_third_full_patient_representative_is_refused()
    {
        var first = Member("M. Gérard Hamon", CduCategory.PatientRepresentative);
        var second = Member("Mme Josiane Bernard", CduCategory.PatientRepresentative);
        var third = Member("Mme Odile Prévost", CduCategory.PatientRepresentative);

        ValidationAssert.FailsOnlyOn(new CduMemberValidator([first, second]).Validate(third), "Category",
            "Tous les sièges de représentant(e) des usagers titulaire sont déjà pourvus (2 au plus) (art. R.1112-81 du CSP).");
        third.IsDeputy = true;
        ValidationAssert.Passes(new CduMemberValidator([first, second]).Validate(third));
    }

    [Fact]
    public void Mandate_alerts_list_ended_and_ending_mandates_within_the_months_asked()
    {
        var today = D(2026, 3, 15);
        var ended = Member("Mme Colette Barbier", CduCategory.PatientRepresentative, deputy: true);
        ended.MandateEnd = D(2026, 2, 1);
        var soon = Member("Mme Odile Prévost", CduCategory.PatientRepresentative, deputy: true);
        soon.MandateEnd = D(2026, 7, 10);
        var later = Member("M. Gérard Hamon", CduCategory.PatientRepresentative);
        later.MandateEnd = D(2026, 10, 1);
        var inactive = Member("M. Ancien", CduCategory.PatientRepresentative);
        (inactive.MandateEnd, inactive.Active) = (D(2026, 4, 1), false);

        var alerts = CduMandates.MandateAlerts([later, soon, ended, inactive], today);

        Assert.Equal(
        [
            "Le mandat de Mme Colette Barbier (représentant(e) des usagers suppléant(e)) a pris fin le 01/02/2026 : renouvellement ou remplacement à prévoir.",
            "Le mandat de Mme Odile Prévost (représentant(e) des usagers suppléant(e)) se termine le 10/07/2026, dans 117 jours : préparer le renouvellement.",
        ], alerts.Select(a => a.Message));
        Assert.Equal([true, false], alerts.Select(a => a.Expired));
        Assert.Single(CduMandates.MandateAlerts([later, soon], today, monthsAhead: 4));
    }
}

/// <summary>The members as the service stores them, on each database: mandates saved and renewed, checked against the stored members.</summary>
public abstract class CduMemberServiceTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Saving_gives_a_three_year_mandate_and_renewing_moves_it_on_three_years()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.Members();
        var member = Member("M. Gérard Hamon", CduCategory.PatientRepresentative, start: D(2023, 9, 1));
        member.MandateEnd = default;

        await service.SaveAsync(member, Ct);
        var renewed = await service.RenewAsync(member.Id, Ct);

        Assert.Equal((D(2026, 9, 1), D(2029, 9, 1), 1), (renewed.MandateStart, renewed.MandateEnd, renewed.Renewals));
        Assert.Equal("M. Gérard Hamon", Assert.Single(await service.ListAsync(ct: Ct)).FullName);
    }

    [Fact]
    public async Task A_president_renewed_twice_cannot_be_renewed_a_third_time()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.Members();
        var president = Member("M. Gérard Hamon", CduCategory.PatientRepresentative, office: CduOffice.President);
        president.OfficeRenewals = 2;
        await service.SaveAsync(president, Ct);

        var error = await Assert.ThrowsAsync<CaseValidationException>(() => service.RenewAsync(president.Id, Ct));

        Assert.Equal("Le mandat de président ou de vice-président n'est renouvelable que deux fois (art. R.1112-81-1 du CSP).", error.Message);
        Assert.Equal(0, (await service.ListAsync(ct: Ct))[0].Renewals);
    }

    [Fact]
    public async Task The_service_checks_a_new_member_against_the_stored_ones()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.Members();
        await service.SaveAsync(Member("Dr Hélène Martin", CduCategory.MedicalMediator, office: CduOffice.President), Ct);

        var error = await Assert.ThrowsAsync<CaseValidationException>(() =>
            service.SaveAsync(Member("Mme Sylvie Morel", CduCategory.NonMedicalMediator, office: CduOffice.VicePresident), Ct));

        Assert.Contains("catégories différentes", error.Message, StringComparison.Ordinal);
    }
}

public sealed class SqliteCduMemberServiceTests : CduMemberServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlCduMemberServiceTests : CduMemberServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
