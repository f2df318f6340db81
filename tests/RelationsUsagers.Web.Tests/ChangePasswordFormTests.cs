using RelationsUsagers.Web.Components.Account;

namespace RelationsUsagers.Web.Tests;

/// <summary>The change-password form checks its fields like the sign-in form: French messages at the field, nothing sent until valid.</summary>
public sealed class ChangePasswordFormTests : BunitContext
{
    private static string[] Errors(IRenderedComponent<ChangePasswordForm> form) =>
        form.FindAll(".field-error").Select(e => e.TextContent.Trim()).ToArray();

    [Fact]
    public void Submitting_an_empty_form_shows_both_french_messages_and_sends_nothing()
    {
        var submitted = 0;
        var form = Render<ChangePasswordForm>(p => p.Add(f => f.Model, new ChangePasswordModel()).Add(f => f.OnValidSubmit, () => submitted++));

        form.Find("form").Submit();

        Assert.Equal(["Le nouveau mot de passe est obligatoire.", "Confirmez le nouveau mot de passe."], Errors(form));
        Assert.Contains("Le nouveau mot de passe est obligatoire.", form.Find("#new-password-error").TextContent, StringComparison.Ordinal);
        Assert.Equal(0, submitted);
    }

    [Fact]
    public void A_short_password_and_a_different_confirmation_are_refused_at_their_fields()
    {
        var submitted = 0;
        var form = Render<ChangePasswordForm>(p => p.Add(f => f.Model, new ChangePasswordModel()).Add(f => f.OnValidSubmit, () => submitted++));

        form.Find("#new-password").Change("Court-1");
        form.Find("#confirmation").Change("Court-2");
        form.Find("form").Submit();

        Assert.Contains("Le mot de passe doit contenir au moins 10 caractères.", form.Find("#new-password-error").TextContent, StringComparison.Ordinal);
        Assert.Contains("La confirmation ne correspond pas au nouveau mot de passe.", form.Find("#confirmation-error").TextContent, StringComparison.Ordinal);
        Assert.Equal(0, submitted);
    }

    [Fact]
    public void A_long_enough_password_typed_twice_is_sent_and_the_server_s_refusals_are_shown()
    {
        var submitted = 0;
        var model = new ChangePasswordModel();
        var form = Render<ChangePasswordForm>(p => p.Add(f => f.Model, model).Add(f => f.OnValidSubmit, () => submitted++)
            .Add(f => f.Errors, ["Le mot de passe doit contenir au moins un chiffre."]));

        form.Find("#new-password").Change("Nouveau-Secret-2026");
        form.Find("#confirmation").Change("Nouveau-Secret-2026");
        form.Find("form").Submit();

        Assert.Equal(1, submitted);
        Assert.Empty(Errors(form));
        Assert.Equal("Le mot de passe doit contenir au moins un chiffre.", form.Find("[role=alert]").TextContent.Trim());
    }
}
