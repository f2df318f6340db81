using RelationsUsagers.Web.Cdu;

namespace RelationsUsagers.Web.Tests.Cdu;

/// <summary>The CDU's forms share the case page's question before leaving with something typed.</summary>
public sealed class CduFormsLeaveTests : OfficerCduTests
{
    [Fact]
    public void Leaving_the_members_page_with_a_new_member_typed_asks_first_and_staying_keeps_the_name()
    {
        Navigation.NavigateTo("/cdu/membres");
        var page = RenderWithDialogs<MembersPage>();
        page.Find("#member-new").Click();
        page.Find("#member-name").Change("Paul Durand");

        Navigation.NavigateTo("/cdu");

        Dialogs.WaitForElement(".unsaved-changes-dialog");
        Dialogs.Find("#unsaved-stay").Click();
        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll(".unsaved-changes-dialog")));
        Assert.Equal("http://localhost/cdu/membres", Navigation.Uri);
        Assert.Equal("Paul Durand", page.Find("#member-name").GetAttribute("value"));
    }

    [Fact]
    public void An_opened_member_form_left_untouched_asks_nothing()
    {
        Navigation.NavigateTo("/cdu/membres");
        var page = RenderWithDialogs<MembersPage>();
        page.Find("#member-new").Click();

        Navigation.NavigateTo("/cdu");

        Assert.Equal("http://localhost/cdu", Navigation.Uri);
        Assert.Empty(Dialogs.FindAll(".unsaved-changes-dialog"));
        Assert.NotNull(page.Find("#member-name"));
    }
}
