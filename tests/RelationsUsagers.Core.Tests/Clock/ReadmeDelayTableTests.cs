using RelationsUsagers.Core.Clock;

namespace RelationsUsagers.Core.Tests.Clock;

/// <summary>The README's « référentiel des délais » lists every delay code of the defaults, with its figures and its text.</summary>
public class ReadmeDelayTableTests
{
    /// <summary>The rows of the table under the README's « Référentiel des délais » heading, by code: each row's cells.</summary>
    private static Dictionary<string, string[]> Table()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        var heading = Array.FindIndex(lines, l => l.StartsWith('#') && l.Contains("Référentiel des délais", StringComparison.Ordinal));
        Assert.True(heading >= 0, "README.md has no « Référentiel des délais » heading.");
        return lines.Skip(heading + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2)
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .ToDictionary(cells => cells[0].Trim('`'));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "README.md")) && File.Exists(Path.Combine(dir.FullName, "RelationsUsagers.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No repository root above {AppContext.BaseDirectory}.");
    }

    [Fact]
    public void Every_code_of_the_defaults_is_in_the_README_table_with_its_duration_warning_days_and_text()
    {
        var table = Table();
        foreach (var setting in DelaySettings.Defaults)
        {
            Assert.True(table.TryGetValue(setting.Code, out var cells), $"README.md: the delay table has no row for `{setting.Code}`.");
            Assert.Equal(6, cells.Length);
            Assert.True(cells[1] == setting.DurationLabel() || cells[1].StartsWith($"{setting.DurationLabel()} (", StringComparison.Ordinal),
                $"README.md, `{setting.Code}`: default « {cells[1]} », the code says « {setting.DurationLabel()} ».");
            Assert.Equal((setting.Code, setting.WarningDays.ToString(System.Globalization.CultureInfo.InvariantCulture), setting.Article),
                (setting.Code, cells[2], cells[4]));
            Assert.False(string.IsNullOrWhiteSpace(cells[3]) || string.IsNullOrWhiteSpace(cells[5]), $"README.md, `{setting.Code}`: start or actor empty.");
        }
    }

    [Fact]
    public void The_README_table_holds_no_code_the_clock_does_not_know() =>
        Assert.All(Table().Keys, code => Assert.True(LegalClock.Default.IsKnown(code), $"README.md lists `{code}`, which is no delay code."));
}
