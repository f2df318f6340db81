using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Web.AccessRequests;
using RelationsUsagers.Web.Cases;

namespace RelationsUsagers.Web.Tests.AccessRequests;

/// <summary>
/// What stands between an access request and the copy, as the case page shows it: objections before death or from a
/// minor, a protected adult's missing consent, missing proofs (R.1111-1, R.1111-6, R.1111-7, L.1111-7).
/// </summary>
public sealed class AccessRequestAlertsTests : PortalTestContext
{
    private const string CannotRelease = "La copie ne peut pas être communiquée :";
    private const string ReasonedRefusal =
        "La demande appelle un refus motivé : indiquez le motif dans « Motif du refus » puis passez le dossier au statut « Refusé ».";
    private const string ObjectionBeforeDeath = "Le patient s'est opposé de son vivant à la communication : refus motivé (art. R.1111-7 du CSP).";
    private const string MinorObjection = "Le mineur s'oppose à la communication aux titulaires de l'autorité parentale (art. R.1111-6 du CSP).";
    private const string MissingConsent = "Le consentement exprès du majeur protégé est requis (art. L.1111-7 du CSP).";

    /// <summary>A deceased patient's heir with every proof and a motive: only the objection can stand in the way.</summary>
    private static AccessRequest Heir(bool objectionBeforeDeath)
    {
        var request = Drafts.AccessRequest("Marchand", "Louis");
        request.Patient.DeathDate = new DateOnly(2026, 1, 20);
        request.Requester = new Party { Name = "Claire Marchand", Capacity = "fille du patient" };
        request.RequesterCapacity = RequesterCapacity.HeirOrPartner;
        request.ProofsReceived = [ProofKind.IdentityDocument, ProofKind.DeathCertificate, ProofKind.HeirStatusProof];
        request.DeceasedMotive = DeceasedAccessMotive.CausesOfDeath;
        request.ObjectionBeforeDeath = objectionBeforeDeath;
        return request;
    }

    private static AccessRequest Parent(bool minorObjection)
    {
        var request = Drafts.AccessRequest("Roux", "Tom");
        request.Patient.BirthDate = new DateOnly(2010, 5, 4);
        request.Requester = new Party { Name = "Sophie Roux", Capacity = "mère" };
        request.RequesterCapacity = RequesterCapacity.ParentalAuthority;
        request.ProofsReceived = [ProofKind.IdentityDocument, ProofKind.ParentageProof];
        request.MinorObjection = minorObjection;
        return request;
    }

    private static AccessRequest Assisting(bool consent)
    {
        var request = Drafts.AccessRequest("Blanc", "André");
        request.Requester = new Party { Name = "Union départementale des associations familiales", Capacity = "curateur" };
        request.RequesterCapacity = RequesterCapacity.AssistingPerson;
        request.ProofsReceived = [ProofKind.IdentityDocument, ProofKind.ProtectionJudgment, ProofKind.ProtectedAdultConsent];
        request.ProtectedAdultConsent = consent;
        return request;
    }

    private IRenderedComponent<AccessRequestAlerts> RenderAlerts(AccessRequest request) =>
        Render<AccessRequestAlerts>(p => p.Add(c => c.Request, request));

    /// <summary>The reasons listed in the alert, one per line.</summary>
    private static string[] Blockers(IRenderedComponent<AccessRequestAlerts> alerts) =>
        alerts.FindAll("#release-blockers li").Select(li => li.TextContent.Trim()).ToArray();

    [Fact]
    public void An_objection_made_before_death_blocks_the_copy_and_calls_for_a_reasoned_refusal()
    {
        var alerts = RenderAlerts(Heir(objectionBeforeDeath: true));

        var alert = alerts.Find("#release-blockers");
        Assert.Contains(CannotRelease, alert.TextContent, StringComparison.Ordinal);
        Assert.Equal([ObjectionBeforeDeath], Blockers(alerts));
        Assert.Contains(ReasonedRefusal, alert.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_minors_objection_blocks_the_parents_copy_and_calls_for_a_reasoned_refusal()
    {
        var alerts = RenderAlerts(Parent(minorObjection: true));

        var alert = alerts.Find("#release-blockers");
        Assert.Contains(CannotRelease, alert.TextContent, StringComparison.Ordinal);
        Assert.Equal([MinorObjection], Blockers(alerts));
        Assert.Contains(ReasonedRefusal, alert.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_protected_adults_missing_consent_blocks_the_copy_and_asks_for_the_consent_rather_than_a_refusal()
    {
        var alerts = RenderAlerts(Assisting(consent: false));

        var alert = alerts.Find("#release-blockers");
        Assert.Contains(CannotRelease, alert.TextContent, StringComparison.Ordinal);
        Assert.Equal([MissingConsent], Blockers(alerts));
        // The consent can still come (CSP L.1111-7 al.2): nothing here to refuse yet.
        Assert.DoesNotContain("refus motivé", alert.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_proofs_are_listed_by_name_without_calling_for_a_refusal()
    {
        var request = Heir(objectionBeforeDeath: false);
        request.ProofsReceived = [ProofKind.IdentityDocument];
        request.DeceasedMotive = null;

        var alerts = RenderAlerts(request);

        Assert.Equal(
            ["Pièces manquantes : Acte de décès, Justificatif de la qualité d'ayant droit.",
             "L'ayant droit doit indiquer le motif de sa demande (art. L.1110-4 V du CSP)."],
            Blockers(alerts));
        Assert.DoesNotContain("refus motivé", alerts.Find("#release-blockers").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("heir")]
    [InlineData("parent")]
    [InlineData("assisting")]
    public void A_request_without_blocker_shows_no_alert(string requester)
    {
        var request = requester switch
        {
            "heir" => Heir(objectionBeforeDeath: false),
            "parent" => Parent(minorObjection: false),
            _ => Assisting(consent: true),
        };

        var alerts = RenderAlerts(request);

        Assert.Empty(alerts.FindAll("#release-blockers"));
        Assert.Empty(alerts.FindAll(".mud-alert"));
    }

    [Fact]
    public void A_refused_request_no_longer_shows_its_objection()
    {
        var request = Heir(objectionBeforeDeath: true);
        request.Status = CaseStatus.Refused;

        var alerts = RenderAlerts(request);

        Assert.Empty(alerts.FindAll(".mud-alert"));
    }

    [Fact]
    public async Task The_case_page_of_an_heir_whose_parent_objected_shows_the_blocking_alert_in_french()
    {
        var file = await CreateCaseAsync(Heir(objectionBeforeDeath: true));

        var page = OpenCase(file);

        var alert = page.WaitForElement("#release-blockers");
        Assert.Contains(CannotRelease, alert.TextContent, StringComparison.Ordinal);
        Assert.Contains(ObjectionBeforeDeath, alert.TextContent, StringComparison.Ordinal);
        Assert.Contains(ReasonedRefusal, alert.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_case_page_of_a_complete_request_without_blocker_shows_no_alert()
    {
        var file = await CreateCaseAsync(Heir(objectionBeforeDeath: false));

        var page = OpenCase(file);

        Assert.Empty(page.FindAll("#release-blockers"));
    }
}
