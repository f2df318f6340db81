using Microsoft.AspNetCore.Identity;

namespace RelationsUsagers.Core.Security;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>A disabled account cannot sign in; it is kept for the audit trail.</summary>
    public bool IsDisabled { get; set; }
    /// <summary>Demo accounts are refused outside demo mode.</summary>
    public bool IsDemo { get; set; }
}
