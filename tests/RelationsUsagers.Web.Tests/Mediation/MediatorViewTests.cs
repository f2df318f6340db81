using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Mediation;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Mediation;

namespace RelationsUsagers.Web.Tests.Mediation;

public sealed class MediatorViewTests : MediationTestContext
{
    private async Task<MediationAppointment> BookOn18MarchAsync() =>
        await Services.GetRequiredService<MediationService>().BookAsync(Complaint.Id,
            new AppointmentRequest(new DateOnly(2026, 3, 18), new TimeOnly(14, 0), 60, "Salle 2", [Mediator.Id]), Ct);

    [Fact]
    public async Task The_mediator_sees_his_coming_meeting_and_opens_its_complaint_without_the_office_s_buttons()
    {
        var booked = await BookOn18MarchAsync();
        SignIn("mediator", Roles.Mediator);

        var list = Render<MyMediationsPage>();
        list.WaitForAssertion(() => Assert.Single(list.FindAll($"#upcoming li[data-appointment='{booked.Id}']")));
        Assert.Contains($"{Complaint.Reference} · mercredi 18 mars à 14:00 · Salle 2", list.Find("#upcoming").TextContent);
        var link = list.Find("#upcoming a.case-reference");
        Assert.Equal((Complaint.Reference, $"/mediations/{Complaint.Id}", $"Ouvrir la médiation de la réclamation {Complaint.Reference}"),
            (link.TextContent.Trim(), link.GetAttribute("href"), link.GetAttribute("aria-label")));

        var page = RenderWithPopovers<MediatorCasePage>(p => p.Add(c => c.CaseId, Complaint.Id));
        page.WaitForAssertion(() => Assert.Equal(Complaint.Reference, page.Find("#case-reference").TextContent));
        page.WaitForElement(".mediation-appointment");
        Assert.Empty(page.FindAll("#mediation-book"));
        Assert.Empty(page.FindAll(".mediation-appointment .cancel"));
        Assert.Empty(page.FindAll(".mediation-appointment a[download]"));
        Assert.NotEmpty(page.FindAll("#no-consent"));
    }

    [Fact]
    public async Task A_direct_address_to_another_complaint_is_refused_and_the_case_is_not_read()
    {
        await BookOn18MarchAsync();
        var other = await NewComplaintInMediationAsync("Autre");
        SignIn("mediator", Roles.Mediator);

        var page = RenderWithPopovers<MediatorCasePage>(p => p.Add(c => c.CaseId, other.Id));

        page.WaitForAssertion(() => Assert.Contains("Accès refusé", page.Markup));
        Assert.DoesNotContain(other.Reference, page.Markup);
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        Assert.False(await db.AuditEntries.AnyAsync(a => a.CaseFileId == other.Id && a.UserName == "mediator", Ct));
    }
}
