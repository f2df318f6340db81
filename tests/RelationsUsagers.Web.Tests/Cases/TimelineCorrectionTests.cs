using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Cases;

namespace RelationsUsagers.Web.Tests.Cases;

/// <summary>
/// The timeline's corrections on the case page: an event corrected or cancelled from its inline panel, the old value
/// struck through. A complaint received on 2 March 2026; today is 15 March.
/// </summary>
public sealed class TimelineCorrectionTests : PortalTestContext
{
    private const string Acknowledgement = "Accusé de réception envoyé du 12/03/2026";

    private async Task<CaseFile> LoadAsync(Guid id)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.CaseFiles.AsNoTracking().Include(c => c.Events).SingleAsync(c => c.Id == id, Ct);
    }

    /// <summary>A complaint acknowledged on 12 March, two days after its 10 March target.</summary>
    private async Task<CaseFile> LateAcknowledgementAsync()
    {
        var file = await CreateCaseAsync(Drafts.Complaint(receivedOn: new DateOnly(2026, 3, 2)));
        return await ServiceAs(UserName).AddEventAsync(file.Id, file.ConcurrencyStamp, CaseEventTypes.AcknowledgementSent, new DateOnly(2026, 3, 12), null, Ct);
    }

    private static void OpenTab(IRenderedComponent<CaseFilePage> page, string name) =>
        page.FindAll("[role=tab]").Single(t => t.TextContent.Trim() == name).Click();

    private static void ClickNamed(IRenderedComponent<CaseFilePage> page, string accessibleName) =>
        page.FindAll("button").Single(b => b.GetAttribute("aria-label") == accessibleName).Click();

    private static string AcknowledgementState(IRenderedComponent<CaseFilePage> page) =>
        page.Find("tr[data-code='complaint.acknowledgement'] .deadline-state").TextContent.Trim();

    [Fact]
    public async Task Correcting_the_date_strikes_the_old_one_through_with_the_reason_and_the_deadline_is_met()
    {
        var file = await LateAcknowledgementAsync();
        var page = OpenCase(file);
        Assert.Equal("hors délai", AcknowledgementState(page));
        OpenTab(page, "Chronologie");

        ClickNamed(page, $"Corriger l'événement {Acknowledgement}");
        var panel = page.Find("#event-correction");
        Assert.Contains("Corriger l'événement « Accusé de réception envoyé » du 12/03/2026", panel.TextContent, StringComparison.Ordinal);
        Assert.Equal("12/03/2026", page.Find("#correction-date").GetAttribute("value"));
        page.Find("#correction-date").Change("09/03/2026");
        page.Find("#correction-reason").Change("Date du courrier d'accusé : 9 mars");
        page.Find("#correction-confirm").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#event-correction")));
        var correction = page.WaitForElement(".event-correction");
        Assert.Equal("12/03/2026", correction.QuerySelector("del")!.TextContent);
        Assert.Contains("remplacée par 09/03/2026", correction.TextContent, StringComparison.Ordinal);
        Assert.Contains("motif : Date du courrier d'accusé : 9 mars", correction.TextContent, StringComparison.Ordinal);
        Assert.Contains($"par {UserName}", correction.TextContent, StringComparison.Ordinal);
        Assert.Contains("09/03/2026 — Accusé de réception envoyé", page.Find(".case-timeline").TextContent, StringComparison.Ordinal);
        Assert.Equal("respecté", AcknowledgementState(page));
        var stored = (await LoadAsync(file.Id)).Events.Single(e => e.Type == CaseEventTypes.AcknowledgementSent);
        Assert.Equal((new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 12)), (stored.OccurredOn, Assert.Single(stored.Corrections).PreviousOccurredOn));
    }

    [Fact]
    public async Task Without_a_reason_or_with_a_future_date_the_panel_says_so_at_the_fields_and_nothing_is_saved()
    {
        var file = await LateAcknowledgementAsync();
        var page = OpenCase(file);
        OpenTab(page, "Chronologie");
        ClickNamed(page, $"Corriger l'événement {Acknowledgement}");

        page.Find("#correction-date").Change("16/03/2026");
        page.Find("#correction-confirm").Click();

        page.WaitForAssertion(() => Assert.Contains("Le motif de la correction est obligatoire.", page.Find("#event-correction").TextContent, StringComparison.Ordinal));
        Assert.Contains("La date corrigée ne peut pas être dans le futur.", page.Find("#event-correction").TextContent, StringComparison.Ordinal);
        Assert.Equal("16/03/2026", page.Find("#correction-date").GetAttribute("value"));
        var stored = (await LoadAsync(file.Id)).Events.Single(e => e.Type == CaseEventTypes.AcknowledgementSent);
        Assert.Equal((new DateOnly(2026, 3, 12), 0), (stored.OccurredOn, stored.Corrections.Count));
    }

    [Fact]
    public async Task Cancelling_an_event_keeps_it_struck_through_and_the_deadline_becomes_overdue()
    {
        var file = await LateAcknowledgementAsync();
        var page = OpenCase(file);
        OpenTab(page, "Chronologie");

        ClickNamed(page, $"Annuler l'événement {Acknowledgement}");
        page.Find("#correction-reason").Change("Accusé saisi sur le mauvais dossier");
        page.Find("#correction-confirm").Click();

        page.WaitForAssertion(() => Assert.Equal("dépassé", AcknowledgementState(page)));
        var cancelled = page.FindAll(".timeline-event").Single(e => e.TextContent.Contains("(annulé)", StringComparison.Ordinal));
        Assert.Equal("12/03/2026 — Accusé de réception envoyé", cancelled.QuerySelector("del")!.TextContent);
        Assert.Contains("motif : Accusé saisi sur le mauvais dossier", cancelled.TextContent, StringComparison.Ordinal);
        Assert.Empty(cancelled.QuerySelectorAll("button"));
        Assert.True((await LoadAsync(file.Id)).Events.Single(e => e.Type == CaseEventTypes.AcknowledgementSent).IsCancelled);
    }

    [Fact]
    public async Task The_receipt_offers_a_correction_but_no_cancellation()
    {
        var file = await LateAcknowledgementAsync();
        var page = OpenCase(file);
        OpenTab(page, "Chronologie");

        var names = page.FindAll(".case-timeline button").Select(b => b.GetAttribute("aria-label")).ToList();

        Assert.Contains("Corriger l'événement Demande reçue du 02/03/2026", names);
        Assert.DoesNotContain("Annuler l'événement Demande reçue du 02/03/2026", names);
    }
}
