using Microsoft.AspNetCore.Identity;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Web.Security;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a POST (with the antiforgery token of the layout's form), never a link.</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/deconnexion", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/connexion");
        });
}
