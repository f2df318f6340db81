using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Web.Cdu;

namespace RelationsUsagers.Web.Tests.Cdu;

public sealed class OfficerMembersPageTests : OfficerCduTests
{
    private CduMemberService Members => Services.GetRequiredService<CduMemberService>();

    private static CduMember Member(string name, CduCategory category, bool deputy = false, CduOffice office = CduOffice.None, DateOnly? start = null) => new()
    {
        FullName = name, Category = category, IsDeputy = deputy, Office = office,
        Department = category is CduCategory.MedicalMediator or CduCategory.NonMedicalMediator ? "Cardiologie" : null,
        Association = category == CduCategory.PatientRepresentative ? "France Assos Santé" : null,
        MandateStart = start ?? D(2024, 1, 1), MandateEnd = CduMember.DefaultMandateEnd(start ?? D(2024, 1, 1)),
    };

    private void Choose(IRenderedComponent<MembersPage> page, string fieldId, string option)
    {
        page.Find(fieldId).Closest(".mud-input-control")!.MouseDown();
        Popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Trim() == option).Click();
    }

    [Fact]
    public async Task Shows_the_register_grouped_by_category_with_offices_mandates_and_the_alert_of_a_mandate_ending_soon()
    {
        await Members.SaveAsync(Member("Josiane Bernard", CduCategory.PatientRepresentative, office: CduOffice.President), Ct);
        await Members.SaveAsync(Member("Dr Hélène Martin", CduCategory.MedicalMediator, office: CduOffice.VicePresident), Ct);
        await Members.SaveAsync(Member("Paul Girard", CduCategory.PatientRepresentative, deputy: true, start: D(2023, 6, 1)), Ct);

        var page = RenderWithPopovers<MembersPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tr.member-row").Count));
        var groups = page.FindAll("section.member-group").Select(g => g.GetAttribute("data-category")).ToList();
        Assert.Equal([nameof(CduCategory.MedicalMediator), nameof(CduCategory.PatientRepresentative)], groups);
        var representatives = page.Find($"section.member-group[data-category={nameof(CduCategory.PatientRepresentative)}]");
        Assert.Contains("3° — Représentant(e) des usagers", representatives.TextContent, StringComparison.Ordinal);
        var josiane = representatives.QuerySelectorAll("tr.member-row").Single(r => r.TextContent.Contains("Josiane Bernard", StringComparison.Ordinal));
        Assert.Contains("Titulaire", josiane.TextContent, StringComparison.Ordinal);
        Assert.Contains("Président(e)", josiane.TextContent, StringComparison.Ordinal);
        Assert.Contains("du 01/01/2024 au 01/01/2027", josiane.TextContent, StringComparison.Ordinal);
        Assert.Contains("France Assos Santé", josiane.TextContent, StringComparison.Ordinal);
        Assert.Contains("Le mandat de Paul Girard (représentant(e) des usagers suppléant(e)) se termine le 01/06/2026, dans 78 jours : préparer le renouvellement.",
            page.Find(".mandate-alert").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vice_president_of_the_presidents_category_gets_the_validator_message_at_the_office_field_and_keeps_the_typed_values()
    {
        await Members.SaveAsync(Member("Josiane Bernard", CduCategory.PatientRepresentative, office: CduOffice.President), Ct);
        var page = RenderWithPopovers<MembersPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tr.member-row")));

        page.Find("#member-new").Click();
        page.Find("#member-name").Change("Paul Durand");
        page.Find("#member-association").Change("UNAFAM");
        Choose(page, "#member-office", "Vice-président(e)");
        page.Find("#member-save").Click();

        const string message = "Le président et le vice-président doivent appartenir à des catégories différentes ; Josiane Bernard, président(e), " +
                               "appartient déjà à la catégorie 3° (art. R.1112-81-1 du CSP).";
        page.WaitForAssertion(() => Assert.Contains(message, page.Find("#member-office").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.Contains(message, page.Find("#member-errors").TextContent, StringComparison.Ordinal);
        Assert.Equal("Paul Durand", page.Find("#member-name").GetAttribute("value"));
        Assert.Equal("UNAFAM", page.Find("#member-association").GetAttribute("value"));
        await using (var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct))
            Assert.Equal(1, await db.CduMembers.CountAsync(Ct));

        // As a plain member, he is added to the register.
        Choose(page, "#member-office", "Aucune");
        page.Find("#member-save").Click();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tr.member-row").Count));
        Assert.Empty(page.FindAll("#member-form"));
    }

    [Fact]
    public async Task Renewing_a_mandate_extends_it_by_three_years_from_its_end()
    {
        var member = await Members.SaveAsync(Member("Paul Girard", CduCategory.PatientRepresentative, deputy: true, start: D(2023, 6, 1)), Ct);
        var page = RenderWithPopovers<MembersPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tr.member-row")));

        page.FindAll("tr.member-row button").Single(b => b.GetAttribute("aria-label") == "Renouveler le mandat de Paul Girard").Click();
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Confirmer le renouvellement").Click();

        page.WaitForAssertion(() => Assert.Contains("du 01/06/2026 au 01/06/2029", page.Find("tr.member-row").TextContent, StringComparison.Ordinal));
        Assert.Contains("1 renouvellement", page.Find("tr.member-row").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("renouvellement(s)", page.Find("tr.member-row").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".mandate-alert"));
        var stored = (await Members.ListAsync(ct: Ct)).Single(m => m.Id == member.Id);
        Assert.Equal((D(2026, 6, 1), D(2029, 6, 1), 1), (stored.MandateStart, stored.MandateEnd, stored.Renewals));
    }
}
