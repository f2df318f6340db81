using RelationsUsagers.Core;
using RelationsUsagers.Web;
using RelationsUsagers.Web.Components;
using RelationsUsagers.Web.Exports;
using RelationsUsagers.Web.Cases;
using RelationsUsagers.Web.Security;

if (RelationsUsagers.Web.CommandLine.PortalCommands.IsCommand(args))
    return await RelationsUsagers.Web.CommandLine.PortalCommands.RunAsync(args);

WebApplication app;
try
{
    var options = StartupOptions.Parse(args);
    var builder = WebApplication.CreateBuilder(options.RemainingArgs);
    options.ApplyTo(builder.Configuration);
    // MudBlazor's and Blazor's files in every environment when run from the build output (`dotnet run`); a published
    // portal has them in its wwwroot and no manifest to load.
    builder.WebHost.UseStaticWebAssets();

    var database = StartupOptions.Database(builder.Configuration, builder.Environment.ContentRootPath);
    builder.Services.AddCore(database.ConnectionString, StartupOptions.Settings(builder.Configuration), database.Provider);
    builder.Services.AddWeb(builder.Configuration, builder.Environment.ContentRootPath);

    app = builder.Build();
    await AppStartup.PrepareDatabaseAsync(app);
}
catch (Exception ex) when (ex is StartupException or SettingException)
{
    // Said in French, without a stack trace, with a code a service manager can act on.
    Console.Error.WriteLine(ex.Message);
    return ex is StartupException failure ? failure.ExitCode : StartupException.BadSetting;
}

app.UseKnownProxies();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/erreur", createScopeForErrors: true);
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/introuvable", createScopeForStatusCodePages: true);
app.UseAppStaticFiles();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapAccountEndpoints();
app.MapDocumentEndpoints();
RelationsUsagers.Web.Mediation.MediationEndpoints.MapMediationEndpoints(app);
RelationsUsagers.Web.Cdu.AnnualReportEndpoints.MapAnnualReportEndpoints(app);
RelationsUsagers.Web.Insurance.InsuranceLedgerEndpoints.MapInsuranceLedgerEndpoints(app);
app.MapExportEndpoints();
RelationsUsagers.Web.Letters.LetterEndpoints.MapLetterEndpoints(app);
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
return 0;

/// <summary>Visible to the end-to-end tests' WebApplicationFactory.</summary>
public partial class Program;
