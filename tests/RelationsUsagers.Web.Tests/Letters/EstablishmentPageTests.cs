using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Letters;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Letters;

namespace RelationsUsagers.Web.Tests.Letters;

/// <summary>The manager's « Établissement » page: the letterhead, checked at each field, saved and audited.</summary>
public sealed class EstablishmentPageTests : PortalTestContext
{
    public EstablishmentPageTests() => SignIn("manager", Roles.Manager);

    /// <summary>The smallest PNG: its header says 1 × 1 pixel.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private async Task<Establishment?> StoredAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.Establishments.AsNoTracking().SingleOrDefaultAsync(Ct);
    }

    private static void Fill(IRenderedComponent<EstablishmentPage> page, string email)
    {
        page.Find("#establishment-hospital").Change("Centre hospitalier de l'Erdre");
        page.Find("#establishment-address").Change("12 boulevard de l'Erdre\nCS 70001\n44093 Nantes Cedex 1");
        page.Find("#establishment-city").Change("Nantes");
        page.Find("#establishment-email").Change(email);
        page.Find("#establishment-phone").Change("02 40 00 12 34");
        page.Find("#establishment-signatory").Change("Catherine Morel");
        page.Find("#establishment-signatory-title").Change("Directrice de la qualité");
        page.Find("#establishment-court").Change("tribunal administratif de Nantes");
    }

    [Fact]
    public async Task A_wrong_email_is_said_at_its_field_then_the_letterhead_saves_with_its_logo_and_is_audited()
    {
        var page = Render<EstablishmentPage>();
        var missing = page.WaitForElement("#establishment-missing");
        Assert.Contains("le nom de l'établissement", missing.TextContent, StringComparison.Ordinal);

        Fill(page, "relations.usagers");
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Png, "logo.png"));
        page.WaitForElement("#establishment-logo");
        page.Find("#establishment-save").Click();

        page.WaitForAssertion(() => Assert.Contains("Le courriel du service n'est pas une adresse valide (exemple : relations.usagers@ch-exemple.fr).",
            page.Find("#establishment-errors").TextContent, StringComparison.Ordinal));
        Assert.Contains("Le courriel du service n'est pas une adresse valide", page.Find("#establishment-email").Closest(".mud-input-control")!.TextContent,
            StringComparison.Ordinal);
        Assert.Null(await StoredAsync());

        page.Find("#establishment-email").Change("relations.usagers@ch-erdre.example.fr");
        page.Find("#establishment-save").Click();

        await page.WaitForAssertionAsync(async () => Assert.NotNull(await StoredAsync()));
        var stored = (await StoredAsync())!;
        Assert.Equal(("Centre hospitalier de l'Erdre", "relations.usagers@ch-erdre.example.fr", "tribunal administratif de Nantes", "manager"),
            (stored.HospitalName, stored.Email, stored.AdministrativeCourt, stored.UpdatedBy));
        Assert.Equal("image/png", stored.LogoContentType);
        Assert.Equal(Png, stored.Logo);
        Assert.Empty(stored.Missing());
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#establishment-missing")));
        Assert.Contains("par manager", page.Find("#establishment-updated").TextContent, StringComparison.Ordinal);
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal("manager", (await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.EstablishmentChanged, Ct)).UserName);
    }

    [Fact]
    public void A_logo_that_is_not_an_image_is_refused_at_once()
    {
        var page = Render<EstablishmentPage>();
        page.WaitForElement("#establishment-save");

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary("%PDF-1.7"u8.ToArray(), "logo.png"));

        page.WaitForAssertion(() => Assert.Equal("Le logo doit être une image PNG ou JPEG.", page.Find("#establishment-logo-error").TextContent.Trim()));
        Assert.Empty(page.FindAll("#establishment-logo"));
    }
}
