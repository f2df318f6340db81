using AngleSharp.Dom;
using RelationsUsagers.Core.Exports;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Components;
using RelationsUsagers.Web.Exports;

namespace RelationsUsagers.Web.Tests.Exports;

/// <summary>
/// The Excel exports page: who may open it, the period (a year or typed dates), the register chosen, and what the
/// button and the direct link then fetch. Today is <see cref="PortalTestContext.Today"/> (15/03/2026).
/// </summary>
public sealed class ExportsPageTests : PortalTestContext
{
    private const string DownloadFunction = "relationsUsagers.download";

    private IRenderedComponent<ExportsPage> OpenPage() => RenderWithPopovers<ExportsPage>();

    private void ChooseYear(IRenderedComponent<ExportsPage> page, int year)
    {
        page.FindAll(".mud-input-control.mud-select").Single(c => c.QuerySelector("label")?.TextContent.Trim() == "Année").MouseDown();
        Popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Trim() == year.ToString(System.Globalization.CultureInfo.InvariantCulture)).Click();
    }

    private static void ChooseRegister(IRenderedComponent<ExportsPage> page, string title) =>
        page.FindAll("label.mud-radio").Single(l => l.TextContent.Trim() == title).QuerySelector("input")!.Click();

    private static string? DirectLink(IRenderedComponent<ExportsPage> page) =>
        page.FindAll("#export-direct-link").SingleOrDefault()?.GetAttribute("href");

    private static IElement DownloadButton(IRenderedComponent<ExportsPage> page) => page.Find("#export-download");

    private int DownloadCalls() => JSInterop.Invocations.Count(i => i.Identifier == DownloadFunction);

    /// <summary>Renders the app's router on /exports, as a browser opening the address would.</summary>
    private IRenderedComponent<Routes> Navigate()
    {
        Navigation.NavigateTo("/exports");
        return Render<Routes>();
    }

    [Theory]
    [InlineData(Roles.Officer)]
    [InlineData(Roles.Manager)]
    public void Officers_and_managers_open_the_exports_page(string role)
    {
        SignIn("someone", role);

        var app = Navigate();

        app.WaitForAssertion(() => Assert.Equal("Exports Excel", app.Find("h1").TextContent.Trim()));
        Assert.NotNull(app.Find("#export-download"));
        Assert.DoesNotContain("Accès refusé", app.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cdu_member_is_refused_the_exports_page()
    {
        SignIn("cdu", Roles.CduMember);

        var app = Navigate();

        app.WaitForAssertion(() => Assert.Equal("Accès refusé", app.Find("h1").TextContent.Trim()));
        Assert.Empty(app.FindAll("#export-download"));
        Assert.Empty(app.FindAll("#export-direct-link"));
        Assert.DoesNotContain("Exports Excel", app.Find("main").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_opens_on_the_current_year_of_access_requests()
    {
        var page = OpenPage();

        Assert.Equal("01/01/2026", page.Find("input#export-from").GetAttribute("value"));
        Assert.Equal("31/12/2026", page.Find("input#export-to").GetAttribute("value"));
        Assert.Equal("/exports/demandes-acces?du=2026-01-01&au=2026-12-31", DirectLink(page));
        Assert.Equal("Exporter le tableau de suivi", DownloadButton(page).TextContent.Trim());
    }

    [Fact]
    public void Choosing_a_year_fills_from_and_to_and_the_direct_link()
    {
        var page = OpenPage();

        ChooseYear(page, 2024);

        page.WaitForAssertion(() => Assert.Equal("01/01/2024", page.Find("input#export-from").GetAttribute("value")));
        Assert.Equal("31/12/2024", page.Find("input#export-to").GetAttribute("value"));
        Assert.Equal("/exports/demandes-acces?du=2024-01-01&au=2024-12-31", DirectLink(page));
    }

    [Fact]
    public void A_typed_end_date_narrows_the_period_of_the_direct_link()
    {
        var page = OpenPage();

        page.Find("input#export-to").Change("15/03/2026");

        page.WaitForAssertion(() => Assert.Equal("/exports/demandes-acces?du=2026-01-01&au=2026-03-15", DirectLink(page)));
        Assert.Equal("15/03/2026", page.Find("input#export-to").GetAttribute("value"));
    }

    [Fact]
    public void An_end_date_before_the_start_date_gives_a_french_error_and_nothing_is_downloaded()
    {
        var page = OpenPage();

        page.Find("input#export-to").Change("31/12/2025");

        page.WaitForAssertion(() => Assert.Null(DirectLink(page)));
        // Said at the "Au" field, and the button waits for a valid period.
        page.WaitForAssertion(() => Assert.Contains("La date de fin doit suivre la date de début.",
            page.Find("input#export-to").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.True(DownloadButton(page).HasAttribute("disabled"));

        page.Find("input#export-to").Change("31/03/2026");

        page.WaitForAssertion(() => Assert.False(DownloadButton(page).HasAttribute("disabled")));
        Assert.DoesNotContain("La date de fin doit suivre", page.Markup, StringComparison.Ordinal);
        Assert.Equal(0, DownloadCalls());
        Assert.Empty(page.FindAll("[role=status] .mud-progress-linear"));
    }

    public static TheoryData<string, string, string> Registers => new()
    {
        { ExportService.AccessRequestsTitle, "demandes-acces", "Exporter le tableau de suivi" },
        { ExportService.ComplaintsTitle, "plaintes", "Exporter le registre des plaintes" },
        { ExportService.ClaimsTitle, "indemnisations", "Exporter le registre des indemnisations" },
        { ExportService.RequisitionsTitle, "requisitions", "Exporter le registre des réquisitions" },
    };

    [Theory]
    [MemberData(nameof(Registers))]
    public void Choosing_a_register_changes_the_direct_link_and_the_button(string title, string slug, string button)
    {
        var page = OpenPage();
        // Away from the register under test first, so that the link and the button have to follow the choice.
        ChooseRegister(page, title == ExportService.ComplaintsTitle ? ExportService.RequisitionsTitle : ExportService.ComplaintsTitle);

        ChooseRegister(page, title);

        page.WaitForAssertion(() => Assert.Equal($"/exports/{slug}?du=2026-01-01&au=2026-12-31", DirectLink(page)));
        Assert.Equal(button, DownloadButton(page).TextContent.Trim());
    }

    [Fact]
    public void The_button_downloads_the_chosen_register_and_period_and_waits_for_the_file()
    {
        var page = OpenPage();
        ChooseRegister(page, ExportService.ComplaintsTitle);
        ChooseYear(page, 2025);
        page.WaitForAssertion(() => Assert.Equal("/exports/plaintes?du=2025-01-01&au=2025-12-31", DirectLink(page)));

        DownloadButton(page).Click();

        page.WaitForAssertion(() => Assert.Equal(1, DownloadCalls()));
        var call = JSInterop.Invocations.Single(i => i.Identifier == DownloadFunction);
        Assert.Equal("/exports/plaintes?du=2025-01-01&au=2025-12-31", call.Arguments[0]);
        Assert.True(DownloadButton(page).HasAttribute("disabled"));
        Assert.Equal("Préparation du fichier…", page.Find("[role=status] p").TextContent.Trim());
    }

    [Fact]
    public void Coming_from_the_complaints_queue_chooses_the_complaints_register_and_keeps_the_filters()
    {
        Navigation.NavigateTo("/exports?type=Complaint&retard=1");

        var page = OpenPage();

        Assert.Equal("Exporter le registre des plaintes", DownloadButton(page).TextContent.Trim());
        Assert.Equal("/exports/plaintes?du=2026-01-01&au=2026-12-31&type=Complaint&retard=1", DirectLink(page));
        Assert.Contains("en retard", page.Find(".mud-alert").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Coming_from_the_indemnity_claims_queue_chooses_their_register()
    {
        Navigation.NavigateTo("/exports?type=IndemnityClaim");

        var page = OpenPage();

        Assert.Equal("Exporter le registre des indemnisations", DownloadButton(page).TextContent.Trim());
        Assert.Equal("/exports/indemnisations?du=2026-01-01&au=2026-12-31&type=IndemnityClaim", DirectLink(page));
    }
}
