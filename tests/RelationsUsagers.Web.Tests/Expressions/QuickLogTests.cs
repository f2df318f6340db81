using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Expressions;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Expressions;

namespace RelationsUsagers.Web.Tests.Expressions;

public sealed class QuickLogTests : PortalTestContext
{
    private async Task<List<UserExpression>> ExpressionsAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.UserExpressions.AsNoTracking().ToListAsync(Ct);
    }

    [Fact]
    public async Task The_app_bar_button_logs_a_praise_in_one_click_with_today_as_date_and_says_so()
    {
        var bar = RenderWithDialogs<QuickLogButton>();
        Assert.Equal("quick-log", bar.Find("#quick-log-open").GetAttribute("data-shortcut"));

        bar.Find("#quick-log-open").Click();
        Dialogs.WaitForElement("#quick-log-text");
        Dialogs.Find("#quick-log-text").Change("Merci à toute l'équipe de cardiologie pour son écoute.");
        Dialogs.Find("#quick-log-person").Change("Mme Roux");
        Dialogs.Find("#quick-log-save").Click();

        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll("#quick-log-text")));
        var saved = Assert.Single(await ExpressionsAsync());
        Assert.Equal((ExpressionKind.Praise, Today, "Mme Roux", UserName),
            (saved.Kind, saved.OccurredOn, saved.PersonName, saved.RecordedBy));
        Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == "Expression enregistrée");
    }

    [Fact]
    public async Task Without_what_was_said_the_French_message_shows_at_the_field_and_nothing_is_saved()
    {
        var bar = RenderWithDialogs<QuickLogButton>();
        bar.Find("#quick-log-open").Click();
        Dialogs.WaitForElement("#quick-log-save");

        Dialogs.Find("#quick-log-save").Click();

        Dialogs.WaitForAssertion(() => Assert.Contains("Indiquez ce qui a été exprimé.", Dialogs.Markup));
        Assert.NotEmpty(Dialogs.FindAll("#quick-log-text"));
        Assert.Empty(await ExpressionsAsync());
    }

    [Fact]
    public void The_button_is_not_offered_to_a_CDU_member()
    {
        SignIn("cdu", Roles.CduMember);
        var bar = RenderWithDialogs<QuickLogButton>();
        Assert.Empty(bar.FindAll("#quick-log-open"));
    }

    [Fact]
    public async Task An_expression_of_the_period_becomes_a_complaint_and_the_page_opens_it()
    {
        var logged = await Services.GetRequiredService<ExpressionService>().LogAsync(new UserExpression
        {
            Kind = ExpressionKind.Remark, OccurredOn = Today.AddDays(-2), Channel = Channel.Phone, Service = "Urgences",
            Text = "Six heures d'attente sans information.", PersonName = "M. Paul Girard", Motive = ComplaintMotive.WaitingTimes,
        }, Ct);
        var page = RenderWithDialogs<ExpressionsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll($"tr[data-expression='{logged.Id}']")));

        page.Find($"tr[data-expression='{logged.Id}'] button.convert").Click();
        Dialogs.WaitForElement("#convert-save");
        Dialogs.Find("#convert-save").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Le nom du patient est obligatoire.", Dialogs.Markup));
        Assert.Equal(0, await CountCasesAsync());

        Dialogs.Find("#convert-last-name").Change("Girard");
        Dialogs.Find("#convert-first-name").Change("Paul");
        Dialogs.Find("#convert-save").Click();

        page.WaitForAssertion(() => Assert.Matches("/dossiers/[0-9a-f-]{36}$", Navigation.Uri));
        var expression = Assert.Single(await ExpressionsAsync());
        Assert.EndsWith($"/dossiers/{expression.ComplaintId}", Navigation.Uri);
        var file = (Complaint)(await Services.GetRequiredService<CaseFileService>().OpenAsync(expression.ComplaintId!.Value, Ct))!;
        Assert.Equal(("Girard", Today.AddDays(-2), Channel.Phone, "M. Paul Girard"), (file.Patient.LastName, file.ReceivedOn, file.Channel, file.Requester.Name));
        Assert.Equal([ComplaintMotive.WaitingTimes], file.Motives);
    }
}
