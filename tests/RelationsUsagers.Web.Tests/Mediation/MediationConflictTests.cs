using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Mediation;
using RelationsUsagers.Web.Mediation;

namespace RelationsUsagers.Web.Tests.Mediation;

/// <summary>A meeting or minutes changed by someone else meanwhile: the page says so as the case pages do, and nothing typed is lost.</summary>
public sealed class MediationConflictTests : MediationTestContext
{
    private MediationService Service => Services.GetRequiredService<MediationService>();

    private Task<MediationAppointment> BookAsync(int day) =>
        Service.BookAsync(Complaint.Id, new AppointmentRequest(new DateOnly(2026, 3, day), new TimeOnly(14, 0), 60, "Salle 2", [Mediator.Id]), Ct);

    [Fact]
    public async Task Cancelling_a_meeting_moved_meanwhile_says_who_moved_it_and_cancels_once_reloaded_with_the_reason_kept()
    {
        var booked = await BookAsync(18);
        var tab = RenderWithPopovers<MediationTab>(p => p.Add(c => c.CaseId, Complaint.Id));
        tab.WaitForElement(".mediation-appointment .cancel").Click();
        tab.Find("#cancel-reason").Change("Le plaignant renonce");
        // Someone else moves it while the page still shows the 18th.
        await Service.RescheduleAsync(booked.Id, booked.ConcurrencyStamp,
            new AppointmentRequest(new DateOnly(2026, 3, 19), new TimeOnly(14, 0), 60, "Salle 2", [Mediator.Id]), "Salle indisponible", Ct);

        tab.Find("#cancel-confirm").Click();

        tab.WaitForAssertion(() => Assert.StartsWith("Cette rencontre a été modifiée par officer le 15/03/2026 à 11:00 depuis que vous l'avez ouverte",
            tab.Find("#mediation-conflict").TextContent.Trim()));
        Assert.Equal(MediationAppointmentStatus.Planned, Assert.Single(await Service.ForCaseAsync(Complaint.Id, Ct)).Status);
        tab.Find("#mediation-reload").Click();
        tab.WaitForAssertion(() => Assert.Empty(tab.FindAll("#mediation-conflict")));
        Assert.Contains("jeudi 19 mars 2026", tab.Find(".mediation-appointment h3").TextContent);
        Assert.Equal("Le plaignant renonce", tab.Find("#cancel-reason").GetAttribute("value"));
        tab.Find("#cancel-confirm").Click();
        tab.WaitForAssertion(() => Assert.Equal(MediationAppointmentStatus.Cancelled, Assert.Single(Service.ForCaseAsync(Complaint.Id, Ct).Result).Status));
    }

    [Fact]
    public async Task Minutes_saved_meanwhile_are_not_overwritten_the_sections_typed_are_put_back_on_the_latest_version()
    {
        var booked = await BookAsync(16);
        Clock.Advance(TimeSpan.FromDays(2)); // 17 March
        await Service.RecordHeldAsync(booked.Id, booked.ConcurrencyStamp, Ct);
        var first = await Service.MinutesAsync(booked.Id, Ct);
        first.PersonsPresent = "Mme Ménard, plaignante";
        var saved = await Service.SaveMinutesAsync(first, submit: false, Ct);
        var tab = RenderWithPopovers<MediationTab>(p => p.Add(c => c.CaseId, Complaint.Id));
        tab.WaitForElement("#minutes-1");
        tab.Find("#minutes-1").Change("« Personne ne m'a prévenue. »");
        // The mediator's colleague completes another section in the meantime.
        saved.Explanations = "Le service a rappelé l'affluence de la nuit.";
        await Service.SaveMinutesAsync(saved, submit: false, Ct);

        tab.Find("#minutes-draft").Click();

        tab.WaitForAssertion(() => Assert.Contains("Ce compte rendu a été modifié par officer le 17/03/2026 à 11:00 depuis que vous l'avez ouvert",
            tab.Find("#minutes-conflict").TextContent));
        Assert.Equal("", (await Service.MinutesAsync(booked.Id, Ct)).Grievances);
        tab.Find("#minutes-reload").Click();
        tab.WaitForAssertion(() => Assert.Empty(tab.FindAll("#minutes-conflict")));
        Assert.Equal("« Personne ne m'a prévenue. »", tab.Find("#minutes-1").GetAttribute("value") ?? tab.Find("#minutes-1").TextContent);
        tab.Find("#minutes-draft").Click();
        tab.WaitForAssertion(() => Assert.Equal("« Personne ne m'a prévenue. »", Service.MinutesAsync(booked.Id, Ct).Result.Grievances));
        var latest = await Service.MinutesAsync(booked.Id, Ct);
        Assert.Equal(("Mme Ménard, plaignante", "Le service a rappelé l'affluence de la nuit."), (latest.PersonsPresent, latest.Explanations));
    }
}
