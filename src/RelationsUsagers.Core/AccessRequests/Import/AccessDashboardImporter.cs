using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Imports;

namespace RelationsUsagers.Core.AccessRequests.Import;

/// <summary>
/// Takes in the access dashboard an office kept by hand in Excel (<see cref="AccessDashboardRegister"/>): one access
/// request per line, with its history, through the shared import (<see cref="RegisterImporter{TField, TEntry}"/>).
/// </summary>
public sealed class AccessDashboardImporter(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ImportLimits? limits = null)
    : RegisterImporter<DashboardField, DashboardEntry>(AccessDashboardRegister.Instance, dbFactory, time, limits)
{
    public const string ClosedOutcome = AccessDashboardRegister.ClosedOutcome;
    /// <summary>Why an imported request keeps « plus de cinq ans » without the information's date (R.1111-1 al.4).</summary>
    public const string ImportedAgeReason = AccessDashboardRegister.ImportedAgeReason;
}
