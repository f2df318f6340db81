using System.Globalization;
using Microsoft.Data.Sqlite;
using RelationsUsagers.Core;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.AccessRequests.Tracking;

namespace RelationsUsagers.Web;

/// <summary>The portal's own command-line flags, taken out before ASP.NET Core reads the rest.</summary>
public sealed record StartupOptions(bool SeedDemo, int? DemoCases, string[] RemainingArgs)
{
    public static StartupOptions Parse(string[] args)
    {
        var rest = new List<string>();
        bool seed = false;
        int? cases = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seed-demo":
                    seed = true;
                    break;
                case "--cases" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n >= 0:
                    cases = n;
                    i++;
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }
        return new StartupOptions(seed, cases, [.. rest]);
    }

    public void ApplyTo(ConfigurationManager configuration)
    {
        if (SeedDemo)
            configuration["Demo:Enabled"] = "true";
        if (DemoCases is { } n)
            configuration["Demo:Cases"] = n.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The SQLite file (Database:Path, relative to the content root) unless a full connection string is given.</summary>
    public static string ConnectionString(IConfiguration configuration, string contentRoot)
    {
        var explicitConnection = configuration.GetConnectionString("Default");
        if (!string.IsNullOrWhiteSpace(explicitConnection))
            return explicitConnection;
        var path = configuration["Database:Path"] ?? "data/relations-usagers.db";
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(path, contentRoot),
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>
    /// The office's rule settings: "CopyFees:PagePrice" and "CopyFees:DiscPrice" in euros (default 0.18 and 2.75, the
    /// CRPA scale), "Exports:OnTimeFrom" = CompleteRequest (default) or Receipt.
    /// </summary>
    public static CoreSettings Settings(IConfiguration configuration)
    {
        var page = configuration.GetValue<decimal?>("CopyFees:PagePrice") ?? CopyFeeSchedule.Default.PerPageCents / 100m;
        var disc = configuration.GetValue<decimal?>("CopyFees:DiscPrice") ?? CopyFeeSchedule.Default.PerDiscCents / 100m;
        if (page < 0 || disc < 0)
            throw new InvalidOperationException("CopyFees:PagePrice et CopyFees:DiscPrice ne peuvent pas être négatifs.");
        return new CoreSettings
        {
            CopyFees = new CopyFeeSchedule((long)Math.Round(page * 100m), (long)Math.Round(disc * 100m)),
            OnTimeFrom = configuration.GetValue<OnTimeFrom?>("Exports:OnTimeFrom") ?? OnTimeFrom.CompleteRequest,
        };
    }
}
