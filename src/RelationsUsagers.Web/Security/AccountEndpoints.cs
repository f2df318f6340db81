using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Web.Security;

public static class AccountEndpoints
{
    public const string ActivityPath = "/session/activite";

    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Sign-out is a POST with the antiforgery token of the layout's form, never a link: another site cannot end the
        // session. A minimal API checks the token only when it binds a form, so it is checked here.
        app.MapPost("/deconnexion", async (HttpContext http, IAntiforgery antiforgery, SignInManager<AppUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
                return Results.Text("Déconnexion refusée : le formulaire n'est pas celui du portail. Rechargez la page, puis recommencez.",
                    "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("~/connexion");
        });

        // js/session.js reports that someone uses an open page: the session cookie is renewed (WebServices), since the circuit
        // makes no HTTP request. It changes nothing else, and the SameSite cookie is not sent by another site's POST.
        app.MapPost(ActivityPath, () => Results.NoContent());
    }
}
