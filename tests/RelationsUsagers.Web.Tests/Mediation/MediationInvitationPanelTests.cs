using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Letters;
using RelationsUsagers.Core.Mediation;
using RelationsUsagers.Web.Cases;

namespace RelationsUsagers.Web.Tests.Mediation;

/// <summary>The mediation invitation in the « Courriers » tab: the meeting's date, time and place typed only while none is booked.</summary>
public sealed class MediationInvitationPanelTests : MediationTestContext
{
    private const string Invitation = "Invitation à la rencontre de médiation";

    private static readonly LetterField[] Appointment = [LetterFields.AppointmentOn, LetterFields.AppointmentTime, LetterFields.AppointmentPlace];

    private IRenderedComponent<CaseFilePage> PrepareInvitation()
    {
        var page = OpenCase(Complaint);
        page.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "Courriers").Click();
        page.WaitForElement("#letters-table");
        page.FindAll("#letters-table button").Single(b => b.GetAttribute("aria-label") == $"Préparer le courrier : {Invitation}").Click();
        page.WaitForAssertion(() => Assert.Equal(Invitation, page.Find("#letter-panel-title").TextContent.Trim()));
        return page;
    }

    private async Task StoreEstablishmentAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        db.Establishments.Add(DemoEstablishment.Create());
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task Without_a_meeting_booked_the_officer_types_its_date_time_and_place()
    {
        await StoreEstablishmentAsync();

        var page = PrepareInvitation();

        page.WaitForElement($"#letter-field-{LetterFields.AppointmentPlace.Code}");
        Assert.All(Appointment, field => Assert.Single(page.FindAll($"#letter-field-{field.Code}")));
    }

    [Fact]
    public async Task With_a_meeting_booked_the_letter_says_it_and_asks_nothing_of_it()
    {
        await StoreEstablishmentAsync();
        await Services.GetRequiredService<MediationService>().BookAsync(Complaint.Id,
            new AppointmentRequest(new DateOnly(2026, 3, 20), new TimeOnly(14, 30), 60, "Bureau des usagers", [Mediator.Id]), Ct);

        var page = PrepareInvitation();

        page.WaitForAssertion(() => Assert.Contains("Dr Hélène Martin a été saisi. Il vous propose de vous rencontrer le 20 mars 2026 à 14\u00A0h\u00A030, Bureau des usagers.",
            page.Find("#letter-preview").TextContent));
        Assert.All(Appointment, field => Assert.Empty(page.FindAll($"#letter-field-{field.Code}")));
    }
}
