using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using RelationsUsagers.Core;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.AccessRequests.Import;
using RelationsUsagers.Core.Imports;
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

    /// <summary>
    /// The database: "Database:Provider" = Sqlite (default: the file of <see cref="ConnectionString"/>) or PostgreSql, whose
    /// server is given by "ConnectionStrings:Default" (Host=...;Database=...;Username=...;Password=...). A start-up error
    /// in French names the key when the setting cannot be used; the connection string itself is never repeated (it may
    /// hold a password).
    /// </summary>
    public static DatabaseSettings Database(IConfiguration configuration, string contentRoot)
    {
        var provider = DatabaseProvider.Sqlite;
        if (configuration["Database:Provider"] is { Length: > 0 } text)
        {
            if (!Enum.TryParse(text.Trim(), ignoreCase: true, out provider) || !Enum.IsDefined(provider) || text.Trim().All(char.IsAsciiDigit))
                throw new SettingException($"Database:Provider vaut « {text} » : indiquez Sqlite (un fichier, par défaut) ou PostgreSql (un serveur).");
        }
        if (provider == DatabaseProvider.Sqlite)
            return new DatabaseSettings(provider, ConnectionString(configuration, contentRoot));
        var connection = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connection))
            throw new SettingException(
                "ConnectionStrings:Default est vide : avec Database:Provider = PostgreSql, indiquez la chaîne de connexion du serveur, " +
                "par exemple Host=serveur;Database=relations_usagers;Username=portail;Password=….");
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(connection);
            if (string.IsNullOrWhiteSpace(parsed.Host) || string.IsNullOrWhiteSpace(parsed.Database))
                throw new ArgumentException("Host and Database are required.");
        }
        catch (ArgumentException)
        {
            throw new SettingException(
                "ConnectionStrings:Default n'est pas une chaîne de connexion PostgreSQL utilisable : indiquez au moins Host et Database, " +
                "par exemple Host=serveur;Database=relations_usagers;Username=portail;Password=….");
        }
        return new DatabaseSettings(provider, connection);
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
    /// CRPA scale), "Exports:OnTimeFrom" = CompleteRequest (default) or Receipt, "Insurance:RefundOverdueDays" (default 90): after
    /// how many days an unpaid refund request of the insurance ledger is highlighted.
    /// </summary>
    public static CoreSettings Settings(IConfiguration configuration)
    {
        var page = Price(configuration, "CopyFees:PagePrice", CopyFeeSchedule.Default.PerPageCents);
        var disc = Price(configuration, "CopyFees:DiscPrice", CopyFeeSchedule.Default.PerDiscCents);
        var onTimeFrom = configuration["Exports:OnTimeFrom"] is { Length: > 0 } text
            ? Enum.TryParse<OnTimeFrom>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
                : throw new SettingException($"Exports:OnTimeFrom vaut « {text} » : indiquez CompleteRequest ou Receipt.")
            : OnTimeFrom.CompleteRequest;
        var limits = new ImportLimits();
        if (configuration["Import:MaxUncompressedMegabytes"] is { Length: > 0 } megabytes)
            limits = int.TryParse(megabytes, NumberStyles.None, CultureInfo.InvariantCulture, out var mb) && mb > 0
                ? limits with { MaxUncompressedBytes = mb * 1024L * 1024 }
                : throw new InvalidOperationException($"Import:MaxUncompressedMegabytes vaut « {megabytes} » : indiquez un nombre de mégaoctets, par exemple 50.");
        var overdueDays = Core.Insurance.LedgerBalance.DefaultRefundOverdueDays;
        if (configuration["Insurance:RefundOverdueDays"] is { Length: > 0 } days)
            overdueDays = int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is > 0 and <= 3650 ? d
                : throw new SettingException($"Insurance:RefundOverdueDays vaut « {days} » : indiquez un nombre de jours entre 1 et 3650, par exemple 90.");
        return new CoreSettings
        {
            CopyFees = new CopyFeeSchedule(page, disc), OnTimeFrom = onTimeFrom, ImportLimits = limits,
            Insurance = new Core.Insurance.InsuranceOptions(overdueDays),
        };
    }

    /// <summary>A positive duration written hh:mm:ss (or d.hh:mm:ss); a start-up error in French when it is not one.</summary>
    public static TimeSpan Duration(IConfiguration configuration, string key, TimeSpan defaultValue)
    {
        if (configuration[key] is not { Length: > 0 } text)
            return defaultValue;
        if (!TimeSpan.TryParseExact(text.Trim(), ["c"], CultureInfo.InvariantCulture, out var value) || value <= TimeSpan.Zero)
            throw new SettingException($"{key} vaut « {text} » : indiquez une durée positive au format hh:mm:ss, par exemple {defaultValue:c}.");
        return value;
    }

    /// <summary>A positive whole number; a start-up error in French when it is not one.</summary>
    public static int Count(IConfiguration configuration, string key, int defaultValue)
    {
        if (configuration[key] is not { Length: > 0 } text)
            return defaultValue;
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            throw new SettingException($"{key} vaut « {text} » : indiquez un nombre entier positif, par exemple {defaultValue}.");
        return value;
    }

    /// <summary>A price in euros, "0.18" or "0,18", as cents; a start-up error in French when it is not one.</summary>
    private static long Price(IConfiguration configuration, string key, long defaultCents)
    {
        if (configuration[key] is not { Length: > 0 } text)
            return defaultCents;
        if (!decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var euros))
            throw new SettingException($"{key} vaut « {text} » : indiquez un prix positif en euros, par exemple 0.18.");
        return (long)Math.Round(euros * 100m, MidpointRounding.AwayFromZero);
    }
}

/// <summary>A setting the portal cannot start with; its message, in French, names the key and what to write.</summary>
public sealed class SettingException(string message) : InvalidOperationException(message);

/// <summary>Which database the portal uses, and how it connects to it.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString);
