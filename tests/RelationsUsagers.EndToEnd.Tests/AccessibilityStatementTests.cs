using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RelationsUsagers.Core.Letters;
using RelationsUsagers.Web.Accessibility;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>
/// The accessibility statement (RGAA 4.1 model): reached signed out from the sign-in page's footer and signed in from the
/// portal's footer, with the sections the model requires, the office's own contacts and the Défenseur des droits.
/// </summary>
public sealed class AccessibilityStatementTests(PortalFixture portal)
{
    private static readonly string[] Sections =
    [
        "État de conformité", "Résultats des tests", "Contenus non accessibles", "Établissement de cette déclaration",
        "Retour d'information et contact", "Voies de recours",
    ];

    [Fact]
    public async Task A_signed_out_visitor_opens_the_statement_from_the_sign_in_footer_and_finds_every_section()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/connexion");
        await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Accessibilité : partiellement conforme" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(portal.BaseUrl + AccessibilityStatement.Page);
        await Expect(page).ToHaveTitleAsync("Déclaration d'accessibilité — RelationsUsagers");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Déclaration d'accessibilité");
        var headings = await page.GetByRole(AriaRole.Heading, new() { Level = 2 }).AllTextContentsAsync();
        Assert.Equal(Sections, headings.Select(h => h.Trim()));

        var statement = page.Locator("#accessibility-statement");
        await Expect(page.Locator("#statement-conformity")).ToContainTextAsync("partiellement conforme avec le référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1");
        await Expect(page.Locator("#statement-established")).ToContainTextAsync("établie le 6 décembre 2026");
        await Expect(page.Locator("#statement-axe-version")).ToContainTextAsync("axe-core " + AccessibilityStatement.AxeCoreVersion);

        // What the scans assert (EveryPageAccessibilityTests, EveryDialogAccessibilityTests): every impact, best practices
        // included, no rule left out; dialogs and panels opened; what is not yet checked, listed as such.
        Assert.Empty(EveryPageAccessibilityTests.ExcludedRules);
        await Expect(page.Locator("#statement-axe-level")).ToContainTextAsync(
            "ou des bonnes pratiques d'axe-core (points de repère, régions, ordre des titres, étiquettes…), quel que soit son impact " +
            "(critique, grave, modéré ou mineur), fait échouer les tests\u00A0; aucune règle n'est écartée");
        await Expect(page.Locator("#statement-dialogs")).ToContainTextAsync(
            "se ferme par la touche Échap et rend le focus au bouton qui l'a ouverte");
        var nonConformities = await page.Locator("#statement-non-conformities > li").AllInnerTextsAsync();
        Assert.Equal(
        [
            "Les courriers produits au format Word et les classeurs Excel exportés n'ont pas été vérifiés au regard des critères " +
            "d'accessibilité des documents bureautiques.",
            "Les critères qu'aucun outil automatique ne vérifie (pertinence des textes alternatifs, des titres et des intitulés de liens, " +
            "ordre de lecture…) ne sont pas encore évalués.",
        ], nonConformities.Select(n => n.Trim()));

        // The office's contacts are those the manager keeps on the « Établissement » page (the letters' letterhead).
        using var scope = portal.Services.CreateScope();
        var establishment = await scope.ServiceProvider.GetRequiredService<LetterService>().GetEstablishmentAsync(TestContext.Current.CancellationToken);
        var contact = page.Locator("#statement-contact-details");
        await Expect(contact.GetByRole(AriaRole.Link, new() { Name = establishment.Email })).ToHaveAttributeAsync("href", "mailto:" + establishment.Email);
        await Expect(contact).ToContainTextAsync(establishment.Phone);
        await Expect(contact).ToContainTextAsync(establishment.Address.Split('\n')[0]);

        var recourse = page.Locator("#statement-recourse");
        await Expect(recourse.GetByRole(AriaRole.Link, new() { Name = "le formulaire en ligne du Défenseur des droits" }))
            .ToHaveAttributeAsync("href", "https://formulaire.defenseurdesdroits.fr/");
        await Expect(recourse).ToContainTextAsync("09\u00A069\u00A039\u00A000\u00A000");
        await Expect(recourse).ToContainTextAsync("Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07");
        // French typography: a non-breaking space before every colon.
        Assert.DoesNotContain(" :", await statement.InnerTextAsync(), StringComparison.Ordinal);

        await Axe.AssertAccessibleAsync(page, "accessibility-statement");
    }

    [Fact]
    public async Task A_signed_in_officer_opens_it_from_the_portal_footer()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAsync(page, "officer");

        await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Accessibilité : partiellement conforme" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(portal.BaseUrl + AccessibilityStatement.Page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Déclaration d'accessibilité");
        await page.GetByRole(AriaRole.Link, new() { Name = "Retour au portail" }).ClickAsync();
        await PortalFixture.WaitReadyAsync(page);
        await Expect(page.Locator("[data-testid=signed-in-user]")).ToContainTextAsync("officer");
    }
}
