using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Mediation;
using RelationsUsagers.Web.Mediation;

namespace RelationsUsagers.Web.Tests.Mediation;

public sealed class MinutesEditorTests : MediationTestContext
{
    [Fact]
    public async Task The_minutes_of_a_held_meeting_go_from_draft_to_the_members_each_step_dated_on_the_case()
    {
        var service = Services.GetRequiredService<MediationService>();
        var booked = await service.BookAsync(Complaint.Id, new AppointmentRequest(new DateOnly(2026, 3, 16), new TimeOnly(14, 0), 60, "Salle 2", [Mediator.Id]), Ct);
        Clock.Advance(TimeSpan.FromDays(2)); // 17 March, 11:00 in Paris
        await service.RecordHeldAsync(booked.Id, booked.ConcurrencyStamp, Ct);
        var tab = RenderWithPopovers<MediationTab>(p => p.Add(c => c.CaseId, Complaint.Id));
        tab.WaitForElement("#minutes-0");
        Assert.Equal("Personnes présentes et qualité", tab.Find("label[for='minutes-0']").TextContent.Trim());

        tab.Find("#minutes-submit").Click();
        tab.WaitForAssertion(() => Assert.Contains("Indiquez au moins les personnes présentes", tab.Find("#minutes-error").TextContent));

        tab.Find("#minutes-0").Change("Mme Ménard, plaignante ; Dr Martin, médiatrice");
        tab.Find("#minutes-1").Change("« Personne ne m'a prévenue. »");
        tab.Find("#minutes-draft").Click();
        tab.WaitForAssertion(() => Assert.Equal(MinutesStatus.Draft.Label(), tab.Find(".minutes-status").TextContent));
        Assert.Equal("« Personne ne m'a prévenue. »", (await service.MinutesAsync(booked.Id, Ct)).Grievances);

        tab.Find("#minutes-submit").Click();
        tab.WaitForAssertion(() => Assert.Equal(MinutesStatus.Submitted.Label(), tab.Find(".minutes-status").TextContent));
        tab.Find("#minutes-approval").Click();
        tab.WaitForAssertion(() => Assert.Equal(MinutesStatus.Approved.Label(), tab.Find(".minutes-status").TextContent));
        tab.Find("#minutes-send").Click();
        tab.WaitForAssertion(() => Assert.Equal(MinutesStatus.SentToPresident.Label(), tab.Find(".minutes-status").TextContent));
        tab.Find("#minutes-forward").Click();
        tab.WaitForAssertion(() => Assert.Equal(MinutesStatus.Forwarded.Label(), tab.Find(".minutes-status").TextContent));

        var minutes = await service.MinutesAsync(booked.Id, Ct);
        var today = new DateOnly(2026, 3, 17);
        Assert.Equal((true, today, today, today), (minutes.ApprovedByParties, minutes.ApprovedOn, minutes.SentToPresidentOn, minutes.ForwardedOn));
        var file = await Services.GetRequiredService<CaseFileService>().OpenAsync(Complaint.Id, Ct);
        Assert.Contains(file!.LiveEvents, e => e.Type == CaseEventTypes.MediationReportSent && e.OccurredOn == today);
        Assert.Contains(file.LiveEvents, e => e.Type == CaseEventTypes.MediationReportForwarded && e.OccurredOn == today);
        Assert.Empty(tab.FindAll("#minutes-draft"));
    }
}
