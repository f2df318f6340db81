using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Web.Tests.Mediation;

/// <summary>A complaint referred to the medical mediator on 13 March 2026 (today the 15th: the meeting is due by the 21st, R.1112-93).</summary>
public abstract class MediationTestContext : PortalTestContext
{
    protected CduMember Mediator { get; } = Core.Tests.Mediation.MediationTestData.MedicalMediator("Dr Hélène Martin");

    protected CaseFile Complaint { get; private set; } = default!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct))
        {
            db.CduMembers.Add(Mediator);
            await db.SaveChangesAsync(Ct);
        }
        Complaint = await NewComplaintInMediationAsync("Ménard");
    }

    protected async Task<CaseFile> NewComplaintInMediationAsync(string lastName)
    {
        var created = await CreateCaseAsync(new Complaint
        {
            ReceivedOn = new DateOnly(2026, 3, 2), Channel = Channel.Email,
            Patient = new Patient { LastName = lastName, FirstName = "Joseph" },
            Requester = new Party { Name = "Pierre " + lastName },
            Summary = "Attente de neuf heures aux urgences sans information de la famille.",
            Motives = [ComplaintMotive.WaitingTimes], Services = ["Urgences"],
        });
        return await Services.GetRequiredService<CaseFileService>().TakeStepAsync(created.Id, created.ConcurrencyStamp, "refer-mediator",
            new StepInput(new DateOnly(2026, 3, 13)), ct: Ct);
    }
}
