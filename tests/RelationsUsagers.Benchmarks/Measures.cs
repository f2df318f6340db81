using System.Diagnostics;
using System.Globalization;

namespace RelationsUsagers.Benchmarks;

/// <summary>What every benchmark reads and reports: processor time, load, median and percentiles, its options.</summary>
internal static class Measures
{
    /// <summary>Processor time of the whole process (every thread, the GC's too): less disturbed than elapsed time on a busy machine.</summary>
    public static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>The 1-minute load average and the processor count ("3.20 on 2 processors"), or "unknown" off Linux.</summary>
    public static string LoadAverage()
    {
        try
        {
            return $"{File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} processors";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    public static double Percentile(double[] values, int percent)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, sorted.Length * percent / 100)];
    }

    public static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static string? StringOption(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary>A positive whole number given as <c>name N</c>, else <paramref name="fallback"/>.</summary>
    public static int IntOption(string[] args, string name, int fallback) =>
        int.TryParse(StringOption(args, name), CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
