using AngleSharp.Dom;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Web.Queue;

namespace RelationsUsagers.Web.Tests;

public sealed class QueuePageTests : PortalTestContext
{
    /// <summary>Seeded out of urgency order: a requisition due 30/03, a complaint due 18/03, an access request overdue since 10/03, a requisition due 16/03.</summary>
    private async Task<CaseFile[]> SeedAsync() =>
    [
        await CreateCaseAsync(Drafts.Requisition("Perrin", "Kevin", dueOn: new DateOnly(2026, 3, 30))),
        await CreateCaseAsync(Drafts.Complaint("Ménard", "Joseph")),
        await CreateCaseAsync(Drafts.AccessRequest("Lefèvre", "Hélène")),
        await CreateCaseAsync(Drafts.Requisition("Bonnet", "Lucie", dueOn: new DateOnly(2026, 3, 16))),
    ];

    private static IReadOnlyList<IElement> Rows(IRenderedComponent<QueuePage> page) => page.FindAll("tr.queue-row");

    private static string Cell(IElement row, string label) => row.QuerySelector($"td[data-label=\"{label}\"]")!.TextContent.Trim();

    private static string[] References(IRenderedComponent<QueuePage> page) => Rows(page).Select(r => Cell(r, "Référence")).ToArray();

    [Fact]
    public async Task Grid_shows_the_seeded_cases_from_the_database_most_urgent_first()
    {
        var seeded = await SeedAsync();

        var page = RenderWithPopovers<QueuePage>();

        page.WaitForAssertion(() => Assert.Equal(["DAD-2026-00001", "REQ-2026-00002", "PLT-2026-00001", "REQ-2026-00001"], References(page)));
        var rows = Rows(page);
        Assert.Equal(["LEFÈVRE Hélène", "BONNET Lucie", "MÉNARD Joseph", "PERRIN Kevin"], rows.Select(r => Cell(r, "Patient")));
        Assert.Equal(CaseKind.AccessRequest.ShortLabel(), Cell(rows[0], "Type"));
        Assert.Equal("Accès au dossier patient", rows[0].QuerySelector("td[data-label=\"Type\"] span")!.GetAttribute("title"));
        Assert.Equal("02/03/2026", Cell(rows[0], "Reçu le"));
        Assert.Equal("dépassé", rows[0].QuerySelector(".deadline-chip")!.GetAttribute("data-state"));
        page.WaitForAssertion(() => Assert.Contains("4 dossiers", page.Markup, StringComparison.Ordinal));
        Assert.Equal($"/dossiers/{seeded[2].Id}", rows[0].QuerySelector("a.case-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Clicking_a_row_opens_its_case()
    {
        var seeded = await SeedAsync();
        var page = RenderWithPopovers<QueuePage>();
        page.WaitForAssertion(() => Assert.Equal(4, Rows(page).Count));

        Rows(page).Single(r => Cell(r, "Patient") == "MÉNARD Joseph").Click();

        Assert.Equal($"http://localhost/dossiers/{seeded[1].Id}", Navigation.Uri);
    }

    [Fact]
    public void Empty_queue_says_so()
    {
        var page = RenderWithPopovers<QueuePage>();

        page.WaitForAssertion(() => Assert.Contains("Aucun dossier ne correspond à ces filtres.", page.Markup, StringComparison.Ordinal));
        Assert.Empty(Rows(page));
    }

    [Fact]
    public async Task Clicking_the_access_request_counter_puts_the_kind_in_the_url_and_filters_the_rows()
    {
        await SeedAsync();
        await CreateCaseAsync(Drafts.AccessRequest("Roux", "Marc"));
        var page = RenderWithPopovers<QueuePage>();
        page.WaitForAssertion(() => Assert.Equal(5, Rows(page).Count));

        var counter = page.FindAll(".queue-counters button").Single(b => b.TextContent.Contains("Accès au dossier patient", StringComparison.Ordinal));
        Assert.Contains(": 2", counter.TextContent, StringComparison.Ordinal);
        counter.Click();

        Assert.Equal("http://localhost/?type=AccessRequest", Navigation.Uri);
        page.WaitForAssertion(() => Assert.Equal(["DAD-2026-00001", "DAD-2026-00002"], References(page)));
        Assert.All(Rows(page), r => Assert.Equal(CaseKind.AccessRequest.ShortLabel(), Cell(r, "Type")));
        page.WaitForAssertion(() => Assert.Equal("true",
            page.FindAll(".queue-counters button").Single(b => b.TextContent.Contains("Accès au dossier patient", StringComparison.Ordinal)).GetAttribute("aria-pressed")));
    }

    [Fact]
    public async Task Choosing_a_kind_in_the_filter_bar_puts_it_in_the_url_and_filters_the_rows()
    {
        await SeedAsync();
        var page = RenderWithPopovers<QueuePage>();
        page.WaitForAssertion(() => Assert.Equal(4, Rows(page).Count));

        page.Find("input[aria-label=\"Type\"]").Closest(".mud-input-control")!.MouseDown();
        var option = Popovers.WaitForElements(".mud-list-item")
            .Single(i => i.TextContent.Trim() == "Accès au dossier patient");
        option.Click();

        Assert.Equal("http://localhost/?type=AccessRequest", Navigation.Uri);
        page.WaitForAssertion(() => Assert.Equal(["DAD-2026-00001"], References(page)));
    }

    [Fact]
    public async Task Opening_the_queue_on_a_shared_link_applies_its_filter()
    {
        await SeedAsync();
        Navigation.NavigateTo("/?type=Requisition");

        var page = RenderWithPopovers<QueuePage>();

        page.WaitForAssertion(() => Assert.Equal(["REQ-2026-00002", "REQ-2026-00001"], References(page)));
    }

    [Fact]
    public async Task Sorting_by_a_column_header_puts_the_sort_in_the_url_and_orders_the_rows()
    {
        await SeedAsync();
        var page = RenderWithPopovers<QueuePage>();
        page.WaitForAssertion(() => Assert.Equal(4, Rows(page).Count));
        var urgent = References(page).ToList();

        page.FindAll(".sortable-column-header").Single(h => h.TextContent.Trim() == "Patient").Click();

        page.WaitForAssertion(() => Assert.Equal(["BONNET Lucie", "LEFÈVRE Hélène", "MÉNARD Joseph", "PERRIN Kevin"], Rows(page).Select(r => Cell(r, "Patient"))));
        Assert.Equal("http://localhost/?tri=Patient", Navigation.Uri);
        var byName = References(page).ToList();

        page.Find("#queue-urgency-order").Click();

        Assert.Equal("http://localhost/", Navigation.Uri);
        Assert.NotEqual(urgent, byName);
        page.WaitForAssertion(() => Assert.Equal(urgent, References(page)));
        Assert.Empty(page.FindAll("#queue-urgency-order"));
    }

    [Fact]
    public async Task Searching_a_patient_name_without_accents_filters_the_rows_through_the_url()
    {
        await SeedAsync();
        var page = RenderWithPopovers<QueuePage>();
        page.WaitForAssertion(() => Assert.Equal(4, Rows(page).Count));

        page.Find("form[role=search] input").Input("lefevre");
        page.Find("form[role=search]").Submit();

        Assert.Equal("http://localhost/?q=lefevre", Navigation.Uri);
        page.WaitForAssertion(() => Assert.Equal(["DAD-2026-00001"], References(page)));
    }

    [Fact]
    public async Task The_queue_names_who_is_in_charge_as_colleagues_know_them()
    {
        var file = await CreateCaseAsync(Drafts.AccessRequest());
        await ServiceAs("officer").AssignAsync(file.Id, file.ConcurrencyStamp, "manager", Ct);

        var page = RenderWithPopovers<QueuePage>();

        page.WaitForAssertion(() => Assert.Equal("Marc Lemoine", Cell(Rows(page).Single(), "Chargé(e)")));
    }

    [Fact]
    public async Task The_grid_names_its_sort_buttons_in_french()
    {
        await SeedAsync();
        var page = RenderWithPopovers<QueuePage>();
        page.WaitForAssertion(() => Assert.Equal(4, Rows(page).Count));

        var labels = page.FindAll(".queue-grid-header [aria-label]").Select(e => e.GetAttribute("aria-label")).ToList();

        Assert.Contains("Trier", labels);
        Assert.DoesNotContain("Sort", labels);
    }
}
