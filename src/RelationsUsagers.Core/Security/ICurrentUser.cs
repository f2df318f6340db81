namespace RelationsUsagers.Core.Security;

/// <summary>
/// Who is acting, for the audit trail and the created/updated columns. The web app reads it from the
/// signed-in user; the command line and tests give a fixed one.
/// </summary>
public interface ICurrentUser
{
    string UserName { get; }
}

public sealed class FixedCurrentUser(string userName) : ICurrentUser
{
    public string UserName { get; } = userName;
}
