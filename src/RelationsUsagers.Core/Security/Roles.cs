namespace RelationsUsagers.Core.Security;

public static class Roles
{
    public const string Officer = "Officer";
    public const string Manager = "Manager";
    public const string Mediator = "Mediator";
    public const string CduMember = "CduMember";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Officer, Manager, Mediator, CduMember, Admin];

    public static string Label(string role) => role switch
    {
        Officer => "Chargé(e) des relations avec les usagers",
        Manager => "Responsable",
        Mediator => "Médiateur",
        CduMember => "Membre de la CDU",
        Admin => "Administrateur",
        _ => role,
    };
}

/// <summary>What a user may do; each permission is a policy granted to a fixed set of roles.</summary>
public static class Permissions
{
    /// <summary>Work the case queue: read identified cases, create and change them.</summary>
    public const string CasesWork = "cases.work";
    /// <summary>Read a case's audit trail.</summary>
    public const string AuditRead = "audit.read";
    /// <summary>Export tracking spreadsheets.</summary>
    public const string Export = "export";
    /// <summary>Read the CDU's published agenda (pseudonymised cases).</summary>
    public const string CduRead = "cdu.read";
    /// <summary>Plan CDU meetings, build and publish the agenda.</summary>
    public const string CduManage = "cdu.manage";
    /// <summary>Correct what others cannot: withdraw a document, reopen a closed case (always with a reason, audited).</summary>
    public const string CasesCorrect = "cases.correct";
    /// <summary>Keep the letters' letterhead (the establishment) and their Word templates.</summary>
    public const string LettersManage = "letters.manage";
    /// <summary>Manage user accounts.</summary>
    public const string Administer = "admin";
    /// <summary>A mediator's own mediations: the meetings he is booked for, their complaint as far as consent allows, the minutes.</summary>
    public const string MediationOwn = "mediation.own";
    /// <summary>
    /// Open, list and work the agents' protection fonctionnelle files (CGFP L.134-1 ff.): the request is not communicable to
    /// the alleged author, so no one else sees them, CDU members never.
    /// </summary>
    public const string FunctionalProtection = "protection.work";
    /// <summary>
    /// Keep the liability-insurance ledger (policies, premium calls, deductibles, advances and refunds) and export it: the
    /// office's own bookkeeping with the insurer, done by whoever works the claims.
    /// </summary>
    public const string InsuranceLedger = "insurance.ledger";

    public static readonly IReadOnlyDictionary<string, string[]> GrantedTo = new Dictionary<string, string[]>
    {
        [CasesWork] = [Roles.Officer, Roles.Manager],
        [AuditRead] = [Roles.Manager],
        [CasesCorrect] = [Roles.Manager],
        [Export] = [Roles.Officer, Roles.Manager],
        [CduRead] = [Roles.CduMember, Roles.Mediator, Roles.Officer, Roles.Manager],
        [CduManage] = [Roles.Officer, Roles.Manager],
        [LettersManage] = [Roles.Manager],
        [Administer] = [Roles.Admin],
        [MediationOwn] = [Roles.Mediator],
        [FunctionalProtection] = [Roles.Manager],
        [InsuranceLedger] = [Roles.Officer, Roles.Manager],
    };

    public static bool Allows(string permission, IEnumerable<string> roles) =>
        GrantedTo[permission].Intersect(roles).Any();
}
