using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.Security;

/// <summary>
/// Who holds a permission, read from the accounts' roles in the database. Services check it again for the acting user:
/// a hidden button is no protection.
/// </summary>
internal static class UserPermissions
{
    /// <summary>The active accounts with a role that grants <paramref name="permission"/>.</summary>
    public static IQueryable<AppUser> Holders(AppDbContext db, string permission)
    {
        var roles = Permissions.GrantedTo[permission];
        return from user in db.Users
               where !user.IsDisabled
               join link in db.UserRoles on user.Id equals link.UserId
               join role in db.Roles on link.RoleId equals role.Id
               where roles.Contains(role.Name!)
               select user;
    }

    /// <summary>Whether the user the context acts for holds <paramref name="permission"/>.</summary>
    public static Task<bool> ActingUserHasAsync(AppDbContext db, string permission, CancellationToken ct)
    {
        var userName = db.CurrentUserName;
        return Holders(db, permission).AnyAsync(u => u.UserName == userName, ct);
    }
}
