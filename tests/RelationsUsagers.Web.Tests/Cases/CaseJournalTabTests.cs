using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Web.Cases;

namespace RelationsUsagers.Web.Tests.Cases;

/// <summary>The audit journal speaks French: fields by their French names, values by their labels, delays by their names.</summary>
public sealed class CaseJournalTabTests : PortalTestContext
{
    [Fact]
    public async Task Closing_a_case_and_suspending_a_delay_read_in_french_and_so_do_lines_stored_with_property_names()
    {
        var file = await CreateCaseAsync(Drafts.Complaint());
        var service = ServiceAs(UserName);
        await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "abandon", new StepInput(new DateOnly(2026, 3, 14), "Plaignant injoignable"), ct: Ct);
        await Services.GetRequiredService<LegalClockService>()
            .SuspendAsync(file.Id, DelaySettings.ComplaintAnswerTarget, "Attente du dossier du service", new DateOnly(2026, 3, 11), Ct);
        // A line as an earlier version stored it (append-only: it stays so in the table), property names and codes included.
        await using (var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct))
        {
            db.AuditEntries.Add(new RelationsUsagers.Core.Security.AuditEntry
            {
                AtUtc = Now.UtcDateTime.AddDays(-3), UserName = "manager", CaseFileId = file.Id, CaseReference = file.Reference,
                Action = "Modification",
                Details = "ClosedOn : (vide) → 12/03/2026\nSeverity : Moderate → Serious\nNextDueCode : complaint.answer-target → complaint.acknowledgement\nIsLitigation : False → True",
            });
            await db.SaveChangesAsync(Ct);
        }

        var journal = Render<CaseJournalTab>(p => p.Add(t => t.CaseId, file.Id));

        var text = journal.WaitForElement("table").TextContent;
        foreach (var raw in new[] { "ClosedOn", "Outcome", "Status", "Severity", "NextDueCode", "IsLitigation", "complaint.", "Moderate", "True" })
            Assert.DoesNotContain(raw, text, StringComparison.Ordinal);
        Assert.Contains("Date de clôture\u00A0: (vide) → 14/03/2026", text, StringComparison.Ordinal);
        Assert.Contains("Issue\u00A0: (vide) → Plaignant injoignable", text, StringComparison.Ordinal);
        Assert.Contains("Statut\u00A0: Reçu → Abandonné", text, StringComparison.Ordinal);
        Assert.Contains("Délai «\u00A0Réponse au plaignant\u00A0» à compter du 11/03/2026", text, StringComparison.Ordinal);
        Assert.Contains("Date de clôture\u00A0: (vide) → 12/03/2026", text, StringComparison.Ordinal);
        Assert.Contains("Gravité\u00A0: Modérée → Grave", text, StringComparison.Ordinal);
        Assert.Contains("Délai de la prochaine échéance\u00A0: «\u00A0Réponse au plaignant\u00A0» → «\u00A0Accusé de réception\u00A0»", text, StringComparison.Ordinal);
        Assert.Contains("Caractère contentieux\u00A0: non → oui", text, StringComparison.Ordinal);
    }
}
