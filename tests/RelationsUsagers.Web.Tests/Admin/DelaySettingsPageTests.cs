using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Admin;

namespace RelationsUsagers.Web.Tests.Admin;

/// <summary>The référentiel des délais: every delay with its « Alerte (jours avant) », editable, never below zero.</summary>
public sealed class DelaySettingsPageTests : PortalTestContext
{
    private static IElement Row(IRenderedComponent<DelaySettingsPage> page, string code) => page.Find($"tr[data-code='{code}']");

    private IRenderedComponent<DelaySettingsPage> Open()
    {
        SignIn("admin", Roles.Admin);
        var page = RenderWithPopovers<DelaySettingsPage>();
        page.WaitForAssertion(() => Assert.Equal(DelaySettings.Defaults.Count, page.FindAll("tbody tr[data-code]").Count));
        return page;
    }

    [Fact]
    public void Every_delay_shows_its_warning_window_under_its_French_label()
    {
        var page = Open();

        Assert.Equal("Alerte (jours avant)", page.Find("thead th:last-child").TextContent.Trim());
        Assert.Equal("15", Row(page, DelaySettings.ClaimImplicitRejection).QuerySelector("input")!.GetAttribute("value"));
        Assert.Equal("2", Row(page, DelaySettings.ComplaintAcknowledgement).QuerySelector("input")!.GetAttribute("value"));
        Assert.Contains("CSP art. R.1112-92 (cible interne)", Row(page, DelaySettings.ComplaintAcknowledgement).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_negative_window_gets_a_French_message_at_the_field_and_a_valid_one_is_saved()
    {
        var page = Open();

        Row(page, DelaySettings.ComplaintAcknowledgement).QuerySelector("input")!.Input("-1");

        page.WaitForAssertion(() => Assert.Contains("«\u00A0Alerte (jours avant)\u00A0» doit être un nombre de jours positif ou nul.",
            Row(page, DelaySettings.ComplaintAcknowledgement).TextContent, StringComparison.Ordinal));
        Row(page, DelaySettings.ComplaintAcknowledgement).QuerySelector(".warning-days-save")!.Click();
        Assert.Equal(2, (await Services.GetRequiredService<DelaySettingsService>().GetAsync(Ct))
            .Single(s => s.Code == DelaySettings.ComplaintAcknowledgement).WarningDays);

        Row(page, DelaySettings.ComplaintAcknowledgement).QuerySelector("input")!.Input("4");
        page.WaitForAssertion(() => Assert.False(Row(page, DelaySettings.ComplaintAcknowledgement).QuerySelector(".warning-days-save")!.HasAttribute("disabled")));
        Row(page, DelaySettings.ComplaintAcknowledgement).QuerySelector(".warning-days-save")!.Click();

        page.WaitForAssertion(() => Assert.True(Row(page, DelaySettings.ComplaintAcknowledgement).QuerySelector(".warning-days-save")!.HasAttribute("disabled")));
        Assert.Equal(4, (await Services.GetRequiredService<DelaySettingsService>().GetAsync(Ct))
            .Single(s => s.Code == DelaySettings.ComplaintAcknowledgement).WarningDays);
        Assert.DoesNotContain("positif ou nul", Row(page, DelaySettings.ComplaintAcknowledgement).TextContent, StringComparison.Ordinal);
    }
}
