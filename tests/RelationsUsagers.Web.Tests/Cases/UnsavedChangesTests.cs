using Bunit.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Web.Cases;

namespace RelationsUsagers.Web.Tests.Cases;

/// <summary>Nothing typed is lost: leaving a form with changes asks first, and a new case's draft comes back.</summary>
public sealed class UnsavedChangesTests : PortalTestContext
{
    private const string Question = "Des modifications ne sont pas enregistrées. Quitter cette page sans les enregistrer\u00A0?";

    private static string SummaryOnScreen(IRenderedComponent<CaseFilePage> page) => page.Find("#summary").GetAttribute("value") ?? "";

    private async Task<string> StoredSummaryAsync(Guid id)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return (await db.CaseFiles.AsNoTracking().SingleAsync(c => c.Id == id, Ct)).Summary;
    }

    /// <summary>The case page at its own address, as the router shows it.</summary>
    private async Task<(CaseFile File, IRenderedComponent<CaseFilePage> Page)> OpenAtItsAddressAsync()
    {
        var file = await CreateCaseAsync(Drafts.AccessRequest("Lefèvre", "Hélène"));
        Navigation.NavigateTo($"/dossiers/{file.Id}");
        return (file, OpenCase(file));
    }

    private readonly System.Threading.Channels.Channel<string> locations = System.Threading.Channels.Channel.CreateUnbounded<string>();

    // Subscribed before any component: bunit raises LocationChanged off the renderer's thread after an awaited
    // location-changing handler, and a component's handler that re-renders then throws, which would stop later handlers.
    public UnsavedChangesTests() => Navigation.LocationChanged += (_, e) => locations.Writer.TryWrite(e.Location);

    /// <summary>The next address the portal goes to (the page does not re-render when it leaves: wait for the event).</summary>
    private async Task<string> NextLocationAsync()
    {
        while (locations.Reader.TryRead(out _))
        {
        }
        return await locations.Reader.ReadAsync(Ct).AsTask().WaitAsync(DefaultWaitTimeout, Ct);
    }

    private AngleSharp.Dom.IElement WaitForQuestion() =>
        Dialogs.WaitForElement(".unsaved-changes-dialog");

    /// <summary>Goes to <paramref name="address"/>, answers « Quitter sans enregistrer », returns where the portal went.</summary>
    private async Task<string> LeaveWithoutSavingAsync(string address)
    {
        var next = NextLocationAsync();
        Navigation.NavigateTo(address);
        WaitForQuestion();
        Dialogs.Find("#unsaved-leave").Click();
        return await next;
    }

    /// <summary>The new-case form at its address with an access request's patient and requester typed.</summary>
    private IRenderedComponent<NewCasePage> TypeNewAccessRequest()
    {
        Navigation.NavigateTo("/dossiers/nouveau");
        var page = RenderWithDialogs<NewCasePage>();
        page.FindAll("label.mud-radio").Single(l => l.TextContent.Contains("Accès au dossier patient", StringComparison.Ordinal)).QuerySelector("input")!.Click();
        page.Find("#patient-last-name").Change("Durand");
        page.Find("#requester-name").Change("Jeanne Dupont");
        return page;
    }

    [Fact]
    public async Task Leaving_the_case_page_with_a_typed_summary_asks_in_french_and_staying_keeps_the_page_and_the_typed_value()
    {
        var (file, page) = await OpenAtItsAddressAsync();
        page.Find("#summary").Change("Copie complète, imagerie comprise.");

        Navigation.NavigateTo("/");

        var dialog = WaitForQuestion();
        Assert.Contains(Question, dialog.TextContent, StringComparison.Ordinal);
        Assert.Equal("Rester sur la page", Dialogs.Find("#unsaved-stay").TextContent.Trim());
        Assert.Equal("Quitter sans enregistrer", Dialogs.Find("#unsaved-leave").TextContent.Trim());

        Dialogs.Find("#unsaved-stay").Click();

        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll(".unsaved-changes-dialog")));
        Assert.Equal($"http://localhost/dossiers/{file.Id}", Navigation.Uri);
        Assert.Equal(NavigationState.Prevented, Navigation.History.First().State);
        Assert.Equal("Copie complète, imagerie comprise.", SummaryOnScreen(page));
        Assert.Equal("Copie du dossier de cardiologie.", await StoredSummaryAsync(file.Id));
    }

    [Fact]
    public async Task Leaving_the_case_page_with_a_typed_summary_then_choosing_quitter_goes_where_asked()
    {
        var (_, page) = await OpenAtItsAddressAsync();
        page.Find("#summary").Change("Copie complète, imagerie comprise.");

        var went = await LeaveWithoutSavingAsync("/?type=AccessRequest");

        Assert.Equal("http://localhost/?type=AccessRequest", went);
        Assert.Equal(NavigationState.Succeeded, Navigation.History.First().State);
    }

    [Fact]
    public async Task Leaving_the_case_page_without_changes_asks_nothing()
    {
        var (_, page) = await OpenAtItsAddressAsync();

        var next = NextLocationAsync();
        Navigation.NavigateTo("/");

        Assert.Equal("http://localhost/", await next);
        Assert.Empty(Dialogs.FindAll(".unsaved-changes-dialog"));
    }

    [Fact]
    public async Task Saved_edits_leave_without_a_question()
    {
        var (file, page) = await OpenAtItsAddressAsync();
        page.Find("#summary").Change("Copie complète, imagerie comprise.");
        page.Find("#save-case").Click();
        await page.WaitForAssertionAsync(async () => Assert.Equal("Copie complète, imagerie comprise.", await StoredSummaryAsync(file.Id)));

        var next = NextLocationAsync();
        Navigation.NavigateTo("/");

        Assert.Equal("http://localhost/", await next);
        Assert.Empty(Dialogs.FindAll(".unsaved-changes-dialog"));
    }

    [Fact]
    public async Task Unsaved_edits_of_a_case_come_back_when_the_user_returns_to_it()
    {
        var (file, page) = await OpenAtItsAddressAsync();
        page.Find("#summary").Change("Copie complète, imagerie comprise.");
        Assert.Equal("http://localhost/", await LeaveWithoutSavingAsync("/"));
        await DisposeComponentsAsync();

        Navigation.NavigateTo($"/dossiers/{file.Id}");
        var back = OpenCase(file);

        back.WaitForAssertion(() => Assert.Contains("Brouillon restauré", back.Find("#draft-restored").TextContent, StringComparison.Ordinal));
        Assert.Equal("Copie complète, imagerie comprise.", SummaryOnScreen(back));
        Assert.Equal("Copie du dossier de cardiologie.", await StoredSummaryAsync(file.Id));
    }

    [Fact]
    public async Task The_new_case_draft_is_restored_after_leaving_and_coming_back_and_can_be_discarded()
    {
        var page = TypeNewAccessRequest();
        page.Find("#summary").Change("Copie de l'hospitalisation de février.");

        Assert.Equal("http://localhost/", await LeaveWithoutSavingAsync("/"));
        await DisposeComponentsAsync();

        Navigation.NavigateTo("/dossiers/nouveau");
        var back = RenderWithDialogs<NewCasePage>();

        back.WaitForAssertion(() => Assert.Contains("Brouillon restauré", back.Find("#draft-restored").TextContent, StringComparison.Ordinal));
        Assert.Equal("Durand", back.Find("#patient-last-name").GetAttribute("value"));
        Assert.Equal("Jeanne Dupont", back.Find("#requester-name").GetAttribute("value"));
        Assert.Equal("Copie de l'hospitalisation de février.", back.Find("#summary").GetAttribute("value"));
        Assert.Contains("Qualité du demandeur", back.Markup, StringComparison.Ordinal);

        back.Find("#discard-draft").Click();

        back.WaitForAssertion(() => Assert.Empty(back.FindAll("#patient-last-name")));
        await DisposeComponentsAsync();
        var again = RenderWithDialogs<NewCasePage>();
        Assert.Empty(again.FindAll("#draft-restored"));
        Assert.Empty(again.FindAll("#patient-last-name"));
    }

    [Fact]
    public async Task A_created_case_leaves_no_draft_and_no_question()
    {
        var page = TypeNewAccessRequest();

        page.Find("#save-case").Click();

        page.WaitForAssertion(() => Assert.Matches("^http://localhost/dossiers/[0-9a-f-]{36}$", Navigation.Uri));
        Assert.Empty(Dialogs.FindAll(".unsaved-changes-dialog"));
        Assert.Equal(1, await CountCasesAsync());
        await DisposeComponentsAsync();
        var again = RenderWithDialogs<NewCasePage>();
        Assert.Empty(again.FindAll("#draft-restored"));
    }
}
