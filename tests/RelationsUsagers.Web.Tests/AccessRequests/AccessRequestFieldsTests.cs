using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Web.Cases;

namespace RelationsUsagers.Web.Tests.AccessRequests;

/// <summary>
/// The access-request fields on the intake form and on the case page: the requester's capacity decides the proofs
/// checklist and which of the deceased-patient, minor and protected-adult fields are shown (CSP L.1110-4 V, L.1111-7, R.1111-1, R.1111-6).
/// </summary>
public sealed class AccessRequestFieldsTests : PortalTestContext
{
    private const string HeirMotive = "Motif de l'ayant droit";
    private const string ObjectionBeforeDeath = "Opposition du patient de son vivant (bloque la communication)";
    private const string MinorObjection = "Opposition du mineur à la communication aux parents (art. R.1111-6)";
    private const string ProtectedAdultConsent = "Consentement exprès du majeur protégé recueilli";

    private IRenderedComponent<NewCasePage> OpenIntake()
    {
        var page = RenderWithPopovers<NewCasePage>();
        page.FindAll("label.mud-radio").Single(l => l.TextContent.Contains("Accès au dossier patient", StringComparison.Ordinal)).QuerySelector("input")!.Click();
        return page;
    }

    private void ChooseCapacity<T>(IRenderedComponent<T> page, RequesterCapacity capacity) where T : IComponent
    {
        page.Find("#requester-capacity").Closest(".mud-input-control")!.MouseDown();
        Popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Trim() == capacity.Label()).Click();
    }

    private static IElement ProofsFieldset<T>(IRenderedComponent<T> page) where T : IComponent =>
        page.FindAll("fieldset").Single(f => f.QuerySelector("legend")?.TextContent.Trim() == "Pièces reçues (requises pour cette qualité)");

    /// <summary>The labels of the proofs checklist, in screen order.</summary>
    private static string[] ProofsOnScreen<T>(IRenderedComponent<T> page) where T : IComponent =>
        ProofsFieldset(page).QuerySelectorAll("label.mud-checkbox").Select(l => l.TextContent.Trim()).ToArray();

    /// <summary>The labels of every checkbox on the page outside the proofs checklist.</summary>
    private static string[] OtherCheckboxes<T>(IRenderedComponent<T> page) where T : IComponent
    {
        var proofs = ProofsFieldset(page);
        return page.FindAll("label.mud-checkbox").Where(l => !proofs.Contains(l)).Select(l => l.TextContent.Trim()).ToArray();
    }

    /// <summary>The capacity as the closed select shows it (its hidden input holds the enum's name).</summary>
    private static string CapacityOnScreen<T>(IRenderedComponent<T> page) where T : IComponent =>
        page.Find("#requester-capacity").Closest(".mud-input-control")!.QuerySelector("[role=combobox]")!.TextContent.Trim();

    private static bool HasSelectLabelled<T>(IRenderedComponent<T> page, string label) where T : IComponent =>
        page.FindAll(".mud-select label").Any(l => l.TextContent.Trim() == label);

    public static TheoryData<RequesterCapacity, string[]> ProofsByCapacity => new()
    {
        { RequesterCapacity.Patient, ["Pièce d'identité"] },
        { RequesterCapacity.ParentalAuthority, ["Pièce d'identité", "Livret de famille ou acte de naissance"] },
        { RequesterCapacity.LegalRepresentative, ["Pièce d'identité", "Jugement de la mesure de protection"] },
        { RequesterCapacity.AssistingPerson, ["Pièce d'identité", "Jugement de la mesure de protection", "Consentement écrit du majeur protégé"] },
        { RequesterCapacity.HeirOrPartner, ["Pièce d'identité", "Acte de décès", "Justificatif de la qualité d'ayant droit"] },
        { RequesterCapacity.DesignatedDoctor, ["Mandat du demandeur", "Identité du médecin (RPPS)"] },
    };

    [Theory]
    [MemberData(nameof(ProofsByCapacity))]
    public void Choosing_the_requester_capacity_shows_its_own_proofs_checklist(RequesterCapacity capacity, string[] expected)
    {
        var page = OpenIntake();
        // The form opens on "Patient": for that one, come back to it from another capacity, so that the checklist has to change.
        if (capacity == RequesterCapacity.Patient)
            ChooseCapacity(page, RequesterCapacity.HeirOrPartner);

        ChooseCapacity(page, capacity);

        page.WaitForAssertion(() => Assert.Equal(expected, ProofsOnScreen(page)));
        Assert.Equal(capacity.Label(), CapacityOnScreen(page));
    }

    [Fact]
    public void A_patient_asking_for_their_own_record_needs_only_an_identity_document_and_sees_no_third_party_field()
    {
        var page = OpenIntake();

        Assert.Equal(RequesterCapacity.Patient.Label(), CapacityOnScreen(page));
        Assert.Equal(["Pièce d'identité"], ProofsOnScreen(page));
        Assert.False(HasSelectLabelled(page, HeirMotive));
        var others = OtherCheckboxes(page);
        Assert.DoesNotContain(ObjectionBeforeDeath, others);
        Assert.DoesNotContain(MinorObjection, others);
        Assert.DoesNotContain(ProtectedAdultConsent, others);
    }

    [Fact]
    public void An_heir_gets_the_motive_and_the_objection_before_death_and_loses_them_when_the_capacity_changes_back()
    {
        var page = OpenIntake();

        ChooseCapacity(page, RequesterCapacity.HeirOrPartner);

        page.WaitForAssertion(() => Assert.True(HasSelectLabelled(page, HeirMotive)));
        Assert.Contains(ObjectionBeforeDeath, OtherCheckboxes(page));
        Assert.DoesNotContain(MinorObjection, OtherCheckboxes(page));
        Assert.DoesNotContain(ProtectedAdultConsent, OtherCheckboxes(page));

        ChooseCapacity(page, RequesterCapacity.Patient);

        page.WaitForAssertion(() => Assert.Equal(["Pièce d'identité"], ProofsOnScreen(page)));
        Assert.False(HasSelectLabelled(page, HeirMotive));
        Assert.DoesNotContain(ObjectionBeforeDeath, OtherCheckboxes(page));
    }

    [Fact]
    public void A_parent_gets_the_minors_objection_only()
    {
        var page = OpenIntake();

        ChooseCapacity(page, RequesterCapacity.ParentalAuthority);

        page.WaitForAssertion(() => Assert.Contains(MinorObjection, OtherCheckboxes(page)));
        Assert.DoesNotContain(ObjectionBeforeDeath, OtherCheckboxes(page));
        Assert.DoesNotContain(ProtectedAdultConsent, OtherCheckboxes(page));
        Assert.False(HasSelectLabelled(page, HeirMotive));
    }

    [Fact]
    public void A_person_assisting_a_protected_adult_gets_the_consent_box_only()
    {
        var page = OpenIntake();

        ChooseCapacity(page, RequesterCapacity.AssistingPerson);

        page.WaitForAssertion(() => Assert.Contains(ProtectedAdultConsent, OtherCheckboxes(page)));
        Assert.DoesNotContain(ObjectionBeforeDeath, OtherCheckboxes(page));
        Assert.DoesNotContain(MinorObjection, OtherCheckboxes(page));
        Assert.False(HasSelectLabelled(page, HeirMotive));
    }

    [Fact]
    public void A_legal_representative_or_a_designated_doctor_gets_none_of_the_conditional_fields()
    {
        var page = OpenIntake();

        foreach (var capacity in new[] { RequesterCapacity.LegalRepresentative, RequesterCapacity.DesignatedDoctor })
        {
            ChooseCapacity(page, capacity);

            page.WaitForAssertion(() => Assert.Equal(capacity.Label(), CapacityOnScreen(page)));
            var others = OtherCheckboxes(page);
            Assert.DoesNotContain(ObjectionBeforeDeath, others);
            Assert.DoesNotContain(MinorObjection, others);
            Assert.DoesNotContain(ProtectedAdultConsent, others);
            Assert.False(HasSelectLabelled(page, HeirMotive));
        }
    }

    [Fact]
    public async Task On_the_case_page_an_heir_ticks_the_missing_proofs_saves_and_the_missing_proofs_alert_goes()
    {
        var draft = Drafts.AccessRequest("Marchand", "Louis");
        draft.Patient.DeathDate = new DateOnly(2026, 1, 20);
        draft.Requester = new Party { Name = "Claire Marchand", Capacity = "fille du patient" };
        draft.RequesterCapacity = RequesterCapacity.HeirOrPartner;
        draft.DeceasedMotive = DeceasedAccessMotive.DefendMemory;
        draft.ProofsReceived = [ProofKind.IdentityDocument];
        var file = await CreateCaseAsync(draft);
        var page = OpenCase(file);

        Assert.Equal(RequesterCapacity.HeirOrPartner.Label(), CapacityOnScreen(page));
        Assert.Equal(["Pièce d'identité", "Acte de décès", "Justificatif de la qualité d'ayant droit"], ProofsOnScreen(page));
        Assert.Equal([true, false, false], ProofBoxes(page).Select(IsTicked));
        Assert.Equal(DeceasedAccessMotive.DefendMemory.Label(),
            page.FindAll(".mud-input-control.mud-select").Single(c => c.QuerySelector("label")?.TextContent.Trim() == HeirMotive).QuerySelector("[role=combobox]")!.TextContent.Trim());
        Assert.Contains("Pièces manquantes : Acte de décès, Justificatif de la qualité d'ayant droit.", page.Find("#release-blockers").TextContent, StringComparison.Ordinal);

        ProofBoxes(page)[1].Change(true);
        ProofBoxes(page)[2].Change(true);
        page.Find("#save-case").Click();

        await page.WaitForAssertionAsync(async () => Assert.Equal(
            [ProofKind.IdentityDocument, ProofKind.DeathCertificate, ProofKind.HeirStatusProof],
            (await LoadAsync(file.Id)).ProofsReceived.Order()));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#release-blockers")));
        Assert.Equal([true, true, true], ProofBoxes(page).Select(IsTicked));
    }

    private static IReadOnlyList<IElement> ProofBoxes<T>(IRenderedComponent<T> page) where T : IComponent =>
        ProofsFieldset(page).QuerySelectorAll("input[type=checkbox]").ToList();

    private static bool IsTicked(IElement box) => box is AngleSharp.Html.Dom.IHtmlInputElement { IsChecked: true };

    private async Task<AccessRequest> LoadAsync(Guid id)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return (AccessRequest)await db.CaseFiles.AsNoTracking().SingleAsync(c => c.Id == id, Ct);
    }

    private static string Reading<T>(IRenderedComponent<T> page) where T : IComponent =>
        page.Find("#information-age-reading").TextContent.Trim();

    /// <summary>R.1111-1 al.4, received 02/03/2026: information of 01/03/2021 is more than five years old, of 02/03/2021 exactly five.</summary>
    [Fact]
    public async Task The_information_date_shows_the_computed_reading_beside_it()
    {
        var page = OpenCase(await CreateCaseAsync(Drafts.AccessRequest()));
        Assert.Equal("Date non renseignée\u00A0: délai de 8 jours", Reading(page));

        page.Find("#most-recent-information-on").Change("01/03/2021");
        page.WaitForAssertion(() => Assert.Equal("Plus de cinq ans\u00A0: délai de 2 mois", Reading(page)));

        page.Find("#most-recent-information-on").Change("02/03/2021");
        page.WaitForAssertion(() => Assert.Equal("Cinq ans au plus\u00A0: délai de 8 jours", Reading(page)));
    }

    [Fact]
    public async Task Choosing_another_reading_asks_its_reason_at_the_field_then_saves_it_with_the_date()
    {
        var file = await CreateCaseAsync(Drafts.AccessRequest());
        var page = OpenCase(file);
        Assert.Empty(page.FindAll("#information-age-override-reason"));

        page.Find("#most-recent-information-on").Change("01/03/2018");
        page.Find("#information-age-override").Closest(".mud-input-control")!.MouseDown();
        Popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Trim() == "Cinq ans au plus\u00A0: délai de 8 jours").Click();
        page.WaitForAssertion(() => Assert.Equal("Retenu par le service\u00A0: cinq ans au plus, délai de 8 jours (la date donne plus de cinq ans)", Reading(page)));

        page.Find("#save-case").Click();

        const string missing = "Indiquez pourquoi l'ancienneté retenue diffère du calcul par la date des informations (périodes mixtes…).";
        page.WaitForAssertion(() => Assert.Contains(missing,
            page.Find("#information-age-override-reason").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.Null((await LoadAsync(file.Id)).InformationAgeOverride);

        page.Find("#information-age-override-reason").Change("Séjour de 2025 demandé avec celui de 2018.");
        page.Find("#save-case").Click();

        await page.WaitForAssertionAsync(async () => Assert.Equal((bool?)false, (await LoadAsync(file.Id)).InformationAgeOverride));
        var stored = await LoadAsync(file.Id);
        Assert.Equal((new DateOnly(2018, 3, 1), "Séjour de 2025 demandé avec celui de 2018.", false),
            (stored.MostRecentInformationOn, stored.InformationAgeOverrideReason, stored.InformationOlderThanFiveYears));
    }

    [Fact]
    public async Task Going_back_to_the_computed_reading_drops_the_reason_and_the_dates_decide()
    {
        var draft = Drafts.AccessRequest();
        (draft.MostRecentInformationOn, draft.InformationAgeOverride, draft.InformationAgeOverrideReason) = (new DateOnly(2018, 3, 1), false, "Périodes mixtes.");
        var file = await CreateCaseAsync(draft);
        var page = OpenCase(file);

        page.Find("#information-age-override").Closest(".mud-input-control")!.MouseDown();
        Popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Trim() == "Selon la date des informations").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#information-age-override-reason")));
        page.Find("#save-case").Click();

        await page.WaitForAssertionAsync(async () => Assert.True((await LoadAsync(file.Id)).InformationOlderThanFiveYears));
        var stored = await LoadAsync(file.Id);
        Assert.Equal(((bool?)null, (string?)null), (stored.InformationAgeOverride, stored.InformationAgeOverrideReason));
        Assert.Equal("Plus de cinq ans\u00A0: délai de 2 mois", Reading(page));
    }

    private static readonly string[] AfterIntake = ["N° de recommandé (LRAR)", "Date de paiement", "Motif du refus (le cas échéant)"];

    private static IEnumerable<string> Labels<T>(IRenderedComponent<T> page) where T : IComponent =>
        page.FindAll("label").Select(l => l.TextContent.Trim());

    [Fact]
    public void At_intake_nothing_is_sent_paid_or_refused_yet_so_those_fields_are_not_shown() =>
        Assert.Empty(Labels(OpenIntake()).Intersect(AfterIntake));

    [Fact]
    public async Task Once_recorded_the_request_shows_its_sending_payment_and_refusal_fields() =>
        Assert.Equal(AfterIntake, Labels(OpenCase(await CreateCaseAsync(Drafts.AccessRequest()))).Intersect(AfterIntake));
}
