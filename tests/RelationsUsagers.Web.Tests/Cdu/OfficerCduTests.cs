using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Complaints;

namespace RelationsUsagers.Web.Tests.Cdu;

/// <summary>Meetings and complaints for the officer's CDU pages, written through the real services.</summary>
public abstract class OfficerCduTests : PortalTestContext
{
    protected static DateOnly D(int year, int month, int day) => new(year, month, day);

    protected CduMeetingService Meetings => Services.GetRequiredService<CduMeetingService>();

    protected CduAgendaService Agenda => Services.GetRequiredService<CduAgendaService>();

    protected async Task<CduMeeting> PlanAsync(DateOnly date, string place = "Salle du conseil, bâtiment A") =>
        await Meetings.SaveAsync(new CduMeeting { Date = date, Place = place }, Ct);

    /// <summary>A complaint moved by the workflow to "awaiting the CDU" (received, investigated, awaiting).</summary>
    protected async Task<Complaint> ComplaintAwaitingCduAsync(string lastName, bool litigation = false)
    {
        var draft = Drafts.Complaint(lastName, "Joseph");
        draft.IsLitigation = litigation;
        var cases = Services.GetRequiredService<CaseFileService>();
        var file = await CreateCaseAsync(draft);
        file = await cases.TakeStepAsync(file.Id, file.ConcurrencyStamp, "send-to-service", new StepInput(file.ReceivedOn), ct: Ct);
        file = await cases.TakeStepAsync(file.Id, file.ConcurrencyStamp, "refer-cdu", new StepInput(file.ReceivedOn), ct: Ct);
        return (Complaint)file;
    }
}
