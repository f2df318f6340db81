using Microsoft.AspNetCore.Identity;

namespace RelationsUsagers.Core.Security;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>A disabled account cannot sign in; it is kept for the audit trail.</summary>
    public bool IsDisabled { get; set; }
    /// <summary>Demo accounts are refused outside demo mode.</summary>
    public bool IsDemo { get; set; }
    /// <summary>
    /// The password was given by an administrator (a new account, a reset): it opens only the change-password page, once,
    /// and the person chooses their own before working.
    /// </summary>
    public bool MustChangePassword { get; set; }
}
