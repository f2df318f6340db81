namespace RelationsUsagers.Core.Security;

/// <summary>
/// Who is acting, for the audit trail and the created/updated columns, and what he may see (the kinds of case restricted
/// to a permission). The web app reads it from the signed-in user; the command line and tests give a fixed one.
/// </summary>
public interface ICurrentUser
{
    string UserName { get; }

    /// <summary>Whether the acting user holds <paramref name="permission"/> (<see cref="Permissions"/>).</summary>
    bool Holds(string permission);
}

/// <summary>
/// A fixed user: with <paramref name="roles"/>, exactly what they grant; without, the operator of the machine (command line,
/// start-up seeding), who holds every permission.
/// </summary>
public sealed class FixedCurrentUser(string userName, IReadOnlyCollection<string>? roles = null) : ICurrentUser
{
    public string UserName { get; } = userName;

    public bool Holds(string permission) => roles is null || Permissions.Allows(permission, roles);
}
