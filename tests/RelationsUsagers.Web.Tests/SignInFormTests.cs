using RelationsUsagers.Web.Components.Account;

namespace RelationsUsagers.Web.Tests;

public sealed class SignInFormTests : BunitContext
{
    private static string[] Errors(IRenderedComponent<SignInForm> form) =>
        form.FindAll(".field-error").Select(e => e.TextContent.Trim()).ToArray();

    [Fact]
    public void Submitting_an_empty_form_shows_both_french_messages_and_does_not_sign_in()
    {
        var submitted = 0;
        var form = Render<SignInForm>(p => p
            .Add(f => f.Model, new SignInModel())
            .Add(f => f.OnValidSubmit, () => submitted++));
        Assert.Empty(Errors(form));

        form.Find("form").Submit();

        Assert.Equal(["L'identifiant est obligatoire.", "Le mot de passe est obligatoire."], Errors(form));
        Assert.Contains("L'identifiant est obligatoire.", form.Find("#username-error").TextContent, StringComparison.Ordinal);
        Assert.Contains("Le mot de passe est obligatoire.", form.Find("#password-error").TextContent, StringComparison.Ordinal);
        Assert.Equal(0, submitted);
        Assert.Empty(form.FindAll("[role=alert]"));
    }

    [Fact]
    public void Typing_the_missing_field_clears_its_message_only()
    {
        var model = new SignInModel();
        var form = Render<SignInForm>(p => p.Add(f => f.Model, model));
        form.Find("form").Submit();

        form.Find("#username").Change("c.martin");

        Assert.Equal("c.martin", model.UserName);
        Assert.Equal(["Le mot de passe est obligatoire."], Errors(form));
    }

    [Fact]
    public void A_filled_form_is_submitted()
    {
        var submitted = 0;
        var model = new SignInModel();
        var form = Render<SignInForm>(p => p
            .Add(f => f.Model, model)
            .Add(f => f.OnValidSubmit, () => submitted++));

        form.Find("#username").Change("c.martin");
        form.Find("#password").Change("un mot de passe");
        form.Find("form").Submit();

        Assert.Equal(1, submitted);
        Assert.Empty(Errors(form));
        Assert.Equal("un mot de passe", model.Password);
    }

    [Fact]
    public void The_server_error_is_shown_in_an_alert()
    {
        var form = Render<SignInForm>(p => p
            .Add(f => f.Model, new SignInModel { UserName = "c.martin" })
            .Add(f => f.Error, SignInModel.Refused));

        Assert.Equal(SignInModel.Refused, form.Find("[role=alert]").TextContent.Trim());
        Assert.Equal("c.martin", form.Find("#username").GetAttribute("value"));
    }
}
