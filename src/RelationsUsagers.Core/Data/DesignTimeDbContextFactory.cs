using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Data;

/// <summary>Used by `dotnet ef migrations add` only.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=design-time.db").Options;
        return new AppDbContext(options, new FixedCurrentUser("design"), TimeProvider.System);
    }
}
