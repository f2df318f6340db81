using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RelationsUsagers.Core;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Data.PostgreSql;

/// <summary>Used by `dotnet ef migrations add` only: adding a migration needs no server.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        CoreServices.Configure(builder, "Host=localhost;Database=relations_usagers_design", DatabaseProvider.PostgreSql);
        return new AppDbContext(builder.Options, new FixedCurrentUser("design"), TimeProvider.System);
    }
}
