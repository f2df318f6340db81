using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Mediation;
using RelationsUsagers.Web.Mediation;

namespace RelationsUsagers.Web.Tests.Mediation;

public sealed class MediationCalendarPageTests : MediationTestContext
{
    [Fact]
    public async Task The_week_shows_the_meetings_from_monday_to_sunday_and_the_month_the_whole_month()
    {
        var service = Services.GetRequiredService<MediationService>();
        // Today is Sunday 15 March 2026: its week runs from Monday the 9th; the 18th is the next week's.
        var next = await service.BookAsync(Complaint.Id, new AppointmentRequest(new DateOnly(2026, 3, 18), new TimeOnly(14, 0), 60, "Salle 2", [Mediator.Id]), Ct);
        var page = RenderWithPopovers<MediationCalendarPage>();
        page.WaitForElement("#calendar-none");
        Assert.Equal("Semaine du 09/03/2026 au 15/03/2026", page.Find("#calendar-period").TextContent);

        page.Find("#calendar-next").Click();
        page.WaitForAssertion(() => Assert.Single(page.FindAll($"li[data-appointment='{next.Id}']")));
        Assert.Contains("14:00–15:00 · Salle 2 · Dr Hélène Martin", page.Find($"li[data-appointment='{next.Id}']").TextContent);

        page.Find("#calendar-previous").Click();
        page.WaitForElement("#calendar-none");
        page.FindAll(".mud-toggle-item")[1].Click();
        page.WaitForAssertion(() => Assert.Equal("mars 2026", page.Find("#calendar-period").TextContent));
        Assert.Single(page.FindAll($"li[data-appointment='{next.Id}']"));
    }
}
