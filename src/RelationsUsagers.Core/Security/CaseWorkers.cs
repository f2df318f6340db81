using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.Security;

/// <summary>A portal account a case can be given to: its login (stored on the case) and the name colleagues know.</summary>
public sealed record CaseWorker(string UserName, string DisplayName)
{
    public string Label => DisplayName.Length > 0 ? $"{DisplayName} ({UserName})" : UserName;
}

/// <summary>Who can be in charge of a case: the office's active accounts that may work cases (officers, managers).</summary>
public sealed class CaseWorkerDirectory(IDbContextFactory<AppDbContext> dbFactory)
{
    private static readonly StringComparer French = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true);

    public async Task<IReadOnlyList<CaseWorker>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workers = await Assignable(db).Select(u => new { u.UserName, u.DisplayName }).Distinct().ToListAsync(ct);
        return [.. workers.Select(w => new CaseWorker(w.UserName!, w.DisplayName)).OrderBy(w => w.DisplayName, French)];
    }

    internal static Task<bool> IsAssignableAsync(AppDbContext db, string userName, CancellationToken ct) =>
        Assignable(db).AnyAsync(u => u.UserName == userName, ct);

    /// <summary>Whether this active account holds <paramref name="role"/> (a manager's override of a step...).</summary>
    internal static Task<bool> HasRoleAsync(AppDbContext db, string userName, string role, CancellationToken ct) =>
        (from user in db.Users
         where !user.IsDisabled && user.UserName == userName
         join link in db.UserRoles on user.Id equals link.UserId
         join r in db.Roles on link.RoleId equals r.Id
         where r.Name == role
         select user.Id).AnyAsync(ct);

    /// <summary>Those who may open and change identified cases: a case given to anyone else could not be worked.</summary>
    private static IQueryable<AppUser> Assignable(AppDbContext db) => UserPermissions.Holders(db, Permissions.CasesWork);
}
