using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Mediation;
using RelationsUsagers.Web.Security;

namespace RelationsUsagers.Web.Tests.Security;

/// <summary>
/// Every route of the portal and who may reach it: the one table the authorisation test (AuthorizationMatrixTests, over HTTP)
/// and the accessibility scan of every page × every role (EveryPageAccessibilityTests, in Chromium) both read. This file is
/// compiled into both test projects.
/// </summary>
public static class PortalRoutes
{
    /// <summary>Who may reach a route: everyone, anyone signed in, or the roles granted every one of the permissions.</summary>
    public sealed record Who(string Label, bool Public = false, string[]? Permissions = null)
    {
        public static readonly Who Everyone = new("tout le monde", Public: true);
        public static readonly Who SignedIn = new("toute personne connectée");

        public static Who Holding(params string[] permissions) => new(string.Join(" + ", permissions), Permissions: permissions);

        public Outcome ExpectedFor(string? role) =>
            Public ? Outcome.Reached
            : role is null ? Outcome.SignIn
            : Permissions is null || Permissions.All(p => Core.Security.Permissions.GrantedTo[p].Contains(role)) ? Outcome.Reached
            : Outcome.Denied;
    }

    public enum Outcome
    {
        /// <summary>The page or the endpoint's own code answered (200, 204, a 400 for a missing token or parameter, a 404 for an unknown id).</summary>
        Reached,
        /// <summary>Sent to sign-in (302 to /connexion, or 401).</summary>
        SignIn,
        /// <summary>Refused (302 to /acces-refuse, or 403).</summary>
        Denied,
    }

    /// <param name="Pattern">The route as the endpoint data source has it.</param>
    /// <param name="Methods">Its HTTP methods as the endpoint lists them; "*" for the circuit hub's endpoints, which take any.</param>
    /// <param name="Path">An address of the route to ask (ids that exist nowhere: authorisation comes before any lookup).</param>
    /// <param name="Probe">The method to ask a "*" route with.</param>
    public sealed record Row(string Pattern, string Methods, string Path, Who Who, string? Probe = null)
    {
        public IEnumerable<string> MethodsToAsk => Methods == "*" ? [Probe ?? "GET"] : Methods.Split(',');
    }

    private const string AnyCase = "/dossiers/0195a0c3-1d2e-7f00-8a00-000000000001";

    public static readonly IReadOnlyList<Row> Table =
    [
        // Reachable signed out: signing in, choosing one's password, the error page, the accessibility statement.
        new("/connexion", "GET,POST", "/connexion", Who.Everyone),
        new("/accessibilite", "GET,POST", "/accessibilite", Who.Everyone),
        new("/mot-de-passe", "GET,POST", "/mot-de-passe", Who.Everyone),
        new("/erreur", "GET,POST", "/erreur", Who.Everyone),

        // Anyone signed in: the home page (the queue, or a welcome for the roles without one), the shell's own pages and the circuit.
        new("/", "GET,POST", "/", Who.SignedIn),
        new("/acces-refuse", "GET,POST", "/acces-refuse", Who.SignedIn),
        new("/introuvable", "GET,POST", "/introuvable", Who.SignedIn),
        new("/deconnexion", "POST", "/deconnexion", Who.SignedIn),
        new(AccountEndpoints.ActivityPath, "POST", AccountEndpoints.ActivityPath, Who.SignedIn),
        new("/_blazor/negotiate", "*", "/_blazor/negotiate?negotiateVersion=1", Who.SignedIn, "POST"),
        new("/_blazor", "*", "/_blazor", Who.SignedIn),
        new("/_blazor/disconnect/", "*", "/_blazor/disconnect/", Who.SignedIn, "POST"),
        new("/_blazor/initializers/", "*", "/_blazor/initializers/", Who.SignedIn),
        new("{**path:file}", "GET,HEAD", "/absent.txt", Who.SignedIn),
        new("/_framework/opaque-redirect", "GET", "/_framework/opaque-redirect?url=x", Who.SignedIn),

        // Cases: identified health data.
        new("/dossiers/nouveau", "GET,POST", "/dossiers/nouveau", Who.Holding(Permissions.CasesWork)),
        new("/dossiers/{Id:guid}", "GET,POST", AnyCase, Who.Holding(Permissions.CasesWork)),
        new(MediationEndpoints.CalendarFilePattern, "GET", AnyCase + "/mediation/0195a0c3-1d2e-7f00-8a00-000000000004/invitation.ics", Who.Holding(Permissions.CasesWork)),
        new("/dossiers/{Id:guid}/journal", "GET,POST", AnyCase + "/journal", Who.Holding(Permissions.AuditRead)),
        new("/dossiers/{caseId:guid}/documents/{documentId:guid}", "GET", AnyCase + "/documents/0195a0c3-1d2e-7f00-8a00-000000000002",
            Who.Holding(Permissions.CasesWork)),

        // The quick log of users' expressions (issue 15): the office's work.
        new("/expressions", "GET,POST", "/expressions", Who.Holding(Permissions.CasesWork)),

        // The office's calendar of the mediation meetings.
        new("/mediations/agenda", "GET,POST", "/mediations/agenda", Who.Holding(Permissions.CasesWork)),
        // The mediator's own mediations (the page itself refuses a case he is not booked for).
        new("/mediations", "GET,POST", "/mediations", Who.Holding(Permissions.MediationOwn)),
        new("/mediations/{CaseId:guid}", "GET,POST", "/mediations/0195a0c3-1d2e-7f00-8a00-000000000005", Who.Holding(Permissions.MediationOwn)),

        // Exports and import.
        new("/exports", "GET,POST", "/exports", Who.Holding(Permissions.Export)),
        new("/exports/{register}", "GET", "/exports/demandes-acces?du=2026-01-01&au=2026-12-31", Who.Holding(Permissions.Export)),
        new("/exports/rapport-annuel", "GET", "/exports/rapport-annuel?annee=2025", Who.Holding(Permissions.Export, Permissions.CduManage)),
        new("/exports/import", "GET,POST", "/exports/import", Who.Holding(Permissions.CasesWork)),

        // The liability-insurance ledger: the office's accounts with the insurer, and its workbook.
        new("/assurance", "GET,POST", "/assurance?annee=2026", Who.Holding(Permissions.InsuranceLedger)),
        new("/assurance/sinistres/{CaseId:guid}", "GET,POST", "/assurance/sinistres/0195a0c3-1d2e-7f00-8a00-000000000006", Who.Holding(Permissions.InsuranceLedger)),
        new("/exports/assurance", "GET", "/exports/assurance?annee=2026", Who.Holding(Permissions.InsuranceLedger)),

        // The CDU: the office manages, members read the published agenda (pseudonymised).
        new("/cdu", "GET,POST", "/cdu", Who.Holding(Permissions.CduManage)),
        new("/cdu/membres", "GET,POST", "/cdu/membres", Who.Holding(Permissions.CduManage)),
        new("/cdu/recommandations", "GET,POST", "/cdu/recommandations", Who.Holding(Permissions.CduManage)),
        new("/cdu/rapport-annuel", "GET,POST", "/cdu/rapport-annuel", Who.Holding(Permissions.CduManage)),
        new("/cdu/seances/{Id:guid}", "GET,POST", "/cdu/seances/0195a0c3-1d2e-7f00-8a00-000000000003", Who.Holding(Permissions.CduManage)),
        new("/cdu/prochaine-seance", "GET,POST", "/cdu/prochaine-seance", Who.Holding(Permissions.CduRead)),
        new("/cdu/seances/{meetingId:guid}/convocations", "GET", "/cdu/seances/0195a0c3-1d2e-7f00-8a00-000000000003/convocations?heure=14%20h",
            Who.Holding(Permissions.CduManage)),

        // Letters: the letterhead and the Word templates are the manager's.
        new("/etablissement", "GET,POST", "/etablissement", Who.Holding(Permissions.LettersManage)),
        new("/modeles-courrier", "GET,POST", "/modeles-courrier", Who.Holding(Permissions.LettersManage)),
        new("/modeles-courrier/{code}/fichier", "GET", "/modeles-courrier/claim-acknowledgement/fichier", Who.Holding(Permissions.LettersManage)),

        // The whole audit journal: what every user read and changed, old values included.
        new("/journal", "GET,POST", "/journal?action=Export", Who.Holding(Permissions.AuditRead)),

        // Accounts.
        new("/administration", "GET,POST", "/administration", Who.Holding(Permissions.Administer)),
        // The référentiel des délais: its warning windows.
        new("/administration/delais", "GET,POST", "/administration/delais", Who.Holding(Permissions.Administer)),
    ];
}
