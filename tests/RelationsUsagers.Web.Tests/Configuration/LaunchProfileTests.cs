using System.Text.Json;

namespace RelationsUsagers.Web.Tests.Configuration;

/// <summary>
/// The README's run command (<c>dotnet run --project src/RelationsUsagers.Web -- --seed-demo</c>) goes through the launch
/// profile: it must start the portal in Production, where errors show the French error page, never the developer page with
/// its stack trace and the request's cookies.
/// </summary>
public sealed class LaunchProfileTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void Every_launch_profile_starts_in_Production()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "src", "RelationsUsagers.Web", "Properties", "launchSettings.json")));

        var profiles = settings.RootElement.GetProperty("profiles").EnumerateObject().ToList();

        Assert.NotEmpty(profiles);
        Assert.All(profiles, p => Assert.Equal("Production",
            p.Value.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString()));
    }

    [Fact]
    public void The_README_run_commands_use_the_launch_profile_and_name_no_other_environment()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));

        Assert.Contains("dotnet run --project src/RelationsUsagers.Web -- --seed-demo", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("--no-launch-profile", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("ASPNETCORE_ENVIRONMENT=Development", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("--environment Development", readme, StringComparison.Ordinal);
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RelationsUsagers.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException($"No RelationsUsagers.sln above {AppContext.BaseDirectory}.");
    }
}
