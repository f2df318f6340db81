using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Mediation;
using RelationsUsagers.Web.Mediation;

namespace RelationsUsagers.Web.Tests.Mediation;

public sealed class MediationTabTests : MediationTestContext
{
    private IRenderedComponent<MediationTab> Tab()
    {
        var tab = RenderWithPopovers<MediationTab>(p => p.Add(c => c.CaseId, Complaint.Id));
        tab.WaitForElement("#mediation-book");
        return tab;
    }

    [Fact]
    public async Task A_meeting_after_the_eight_days_asks_for_its_reason_then_is_booked_with_the_proposed_mediator()
    {
        var tab = Tab();
        tab.Find("#mediation-book").Click();
        tab.WaitForElement("#mediation-place");
        Assert.Empty(tab.FindAll("#mediation-late-reason"));

        // The 25th is after the 21st (13 March + 8 days, R.1112-93).
        tab.Find("#mediation-date").Change("25/03/2026");
        tab.Find("#mediation-time").Change("10:30");
        tab.Find("#mediation-place").Change("Bureau des usagers");
        tab.Find("#mediation-save").Click();

        tab.WaitForAssertion(() => Assert.Contains("au plus tard le 21/03/2026, CSP art. R.1112-93", tab.Find("#mediation-error").TextContent));
        Assert.Empty(await Services.GetRequiredService<MediationService>().ForCaseAsync(Complaint.Id, Ct));
        tab.Find("#mediation-late-reason").Change("Plaignant hospitalisé jusqu'au 24 mars");
        tab.Find("#mediation-save").Click();

        tab.WaitForAssertion(() => Assert.Single(tab.FindAll(".mediation-appointment")));
        var booked = Assert.Single(await Services.GetRequiredService<MediationService>().ForCaseAsync(Complaint.Id, Ct));
        Assert.Equal((new DateOnly(2026, 3, 25), new TimeOnly(10, 30), "Bureau des usagers", "Plaignant hospitalisé jusqu'au 24 mars"),
            (booked.Date, booked.StartTime, booked.Place, booked.LateReason));
        Assert.Equal([Mediator.Id], booked.MediatorIds);
        Assert.Contains("Dr Hélène Martin", tab.Find(".mediation-appointment").TextContent);
        Assert.EndsWith($"/dossiers/{Complaint.Id}/mediation/{booked.Id}/invitation.ics",
            tab.Find(".mediation-appointment a[download]").GetAttribute("href"));
    }

    [Fact]
    public async Task Once_the_complaint_has_left_mediation_its_meetings_stay_but_none_is_offered_to_book()
    {
        await Services.GetRequiredService<MediationService>().BookAsync(Complaint.Id,
            new AppointmentRequest(new DateOnly(2026, 3, 18), new TimeOnly(14, 0), 60, "Salle 2", [Mediator.Id]), Ct);

        var tab = RenderWithPopovers<MediationTab>(p => p.Add(c => c.CaseId, Complaint.Id).Add(c => c.CanBook, false));

        tab.WaitForElement(".mediation-appointment");
        Assert.Empty(tab.FindAll("#mediation-book"));
        Assert.NotEmpty(tab.FindAll(".mediation-appointment .cancel"));
    }

    [Fact]
    public async Task Cancelling_needs_a_reason_and_keeps_the_meeting_in_the_history()
    {
        var service = Services.GetRequiredService<MediationService>();
        await service.BookAsync(Complaint.Id, new AppointmentRequest(new DateOnly(2026, 3, 18), new TimeOnly(14, 0), 60, "Salle 2", [Mediator.Id]), Ct);
        var tab = Tab();
        tab.WaitForElement(".mediation-appointment .cancel").Click();

        tab.Find("#cancel-confirm").Click();
        tab.WaitForAssertion(() => Assert.Contains("Le motif de l'annulation est obligatoire.", tab.Markup));
        Assert.Equal(MediationAppointmentStatus.Planned, (await service.ForCaseAsync(Complaint.Id, Ct))[0].Status);

        tab.Find("#cancel-reason").Change("Le plaignant renonce");
        tab.Find("#cancel-confirm").Click();

        tab.WaitForAssertion(() => Assert.Contains(MediationAppointmentStatus.Cancelled.Label(), tab.Find(".appointment-status").TextContent));
        var cancelled = Assert.Single(await service.ForCaseAsync(Complaint.Id, Ct));
        Assert.Equal(MediationAppointmentStatus.Cancelled, cancelled.Status);
        Assert.Contains("motif\u00A0: Le plaignant renonce", tab.Find(".mediation-appointment details").TextContent);
        Assert.Empty(tab.FindAll(".mediation-appointment .cancel"));
    }
}
