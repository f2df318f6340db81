using AngleSharp.Dom;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Web.Queue;

namespace RelationsUsagers.Web.Tests;

/// <summary>Finding a person from the queue's search box: results as one types, and the closed cases offered when no open one matches.</summary>
public sealed class QueueSearchTests : PortalTestContext
{
    private static IReadOnlyList<IElement> Rows(IRenderedComponent<QueuePage> page) => page.FindAll("tr.queue-row");

    private static string[] References(IRenderedComponent<QueuePage> page) =>
        Rows(page).Select(r => r.QuerySelector("td[data-label=\"Référence\"]")!.TextContent.Trim()).ToArray();

    private static IElement SearchBox(IRenderedComponent<QueuePage> page) => page.Find("form[role=search] input");

    /// <summary>
    /// Types into the search box, then lets its pause elapse: MudBlazor's debounce runs on the injected TimeProvider,
    /// here the test's fake clock, so the search applies when the clock moves past 300 ms, not on a real timer.
    /// </summary>
    private void Type(IRenderedComponent<QueuePage> page, string text)
    {
        SearchBox(page).Input(text);
        Clock.Advance(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task Typing_part_of_an_IPP_filters_the_queue_after_the_pause_without_Enter_and_keeps_one_history_entry_per_search()
    {
        var lefevre = Drafts.AccessRequest("Lefèvre", "Hélène");
        lefevre.Patient.PatientNumber = "700123456";
        var garnier = Drafts.AccessRequest("Garnier", "Paul");
        garnier.Patient.PatientNumber = "700999888";
        await CreateCaseAsync(lefevre);
        await CreateCaseAsync(garnier);
        await CreateCaseAsync(Drafts.Complaint());
        var page = RenderWithPopovers<QueuePage>();
        page.WaitForAssertion(() => Assert.Equal(3, Rows(page).Count));

        Type(page, "7001");

        page.WaitForAssertion(() => Assert.Equal(["DAD-2026-00001"], References(page)));
        Assert.Equal("http://localhost/?q=7001", Navigation.Uri);

        Type(page, "70012345");

        page.WaitForAssertion(() => Assert.Equal("http://localhost/?q=70012345", Navigation.Uri));
        page.WaitForAssertion(() => Assert.Equal(["DAD-2026-00001"], References(page)));
        Assert.Equal("70012345", SearchBox(page).GetAttribute("value"));
        // The refined search replaced the first one: Back leads to the queue as it was before the search.
        Assert.Equal(["/?q=70012345"], Navigation.History.Select(h => h.Uri).Where(u => u.Contains("q=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task When_no_open_case_matches_the_closed_ones_are_counted_and_shown_in_one_click()
    {
        var officer = ServiceAs(UserName);
        foreach (var receivedOn in new[] { new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 9) })
        {
            var file = await CreateCaseAsync(Drafts.AccessRequest("Lefèvre", "Hélène", receivedOn));
            await officer.TakeStepAsync(file.Id, file.ConcurrencyStamp, "abandon", new StepInput(file.ReceivedOn, "Demande retirée."), ct: Ct);
        }
        await CreateCaseAsync(Drafts.Complaint());
        var page = RenderWithPopovers<QueuePage>();
        page.WaitForAssertion(() => Assert.Single(Rows(page)));

        Type(page, "lefevre");

        var offer = page.WaitForElement("#closed-matches");
        Assert.Equal("Aucun dossier ouvert. 2 dossiers clos correspondent\u00A0: les afficher", Normalize(offer.TextContent));
        Assert.Empty(Rows(page));

        offer.QuerySelector("button")!.Click();

        Assert.Equal("http://localhost/?q=lefevre&clos=1", Navigation.Uri);
        page.WaitForAssertion(() => Assert.Equal(["DAD-2026-00002", "DAD-2026-00001"], References(page).Order(StringComparer.Ordinal).Reverse()));
        Assert.Empty(page.FindAll("#closed-matches"));
    }

    [Fact]
    public async Task A_single_closed_match_is_offered_in_the_singular_and_an_empty_search_says_nothing_matches()
    {
        var file = await CreateCaseAsync(Drafts.AccessRequest("Lefèvre", "Hélène"));
        await ServiceAs(UserName).TakeStepAsync(file.Id, file.ConcurrencyStamp, "abandon", new StepInput(file.ReceivedOn, "Demande retirée."), ct: Ct);
        Navigation.NavigateTo("/?q=DAD-2026-00001");

        var page = RenderWithPopovers<QueuePage>();

        page.WaitForAssertion(() => Assert.Equal("Aucun dossier ouvert. 1 dossier clos correspond\u00A0: l'afficher", Normalize(page.Find("#closed-matches").TextContent)));

        Type(page, "dupont");

        page.WaitForAssertion(() => Assert.Contains("Aucun dossier ne correspond à ces filtres.", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("#closed-matches"));
    }

    /// <summary>Text as read: runs of white space (Razor's line breaks) as one space, the non-breaking ones kept.</summary>
    private static string Normalize(string text) => System.Text.RegularExpressions.Regex.Replace(text, "[ \\t\\r\\n]+", " ").Trim();
}
