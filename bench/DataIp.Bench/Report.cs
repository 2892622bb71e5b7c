using System.Globalization;

namespace DataIp.Bench;

/// <summary>
/// Prints results: a readable line for people, and a tab-separated <c>RESULT</c> line for
/// <c>bench/run-log-bench.sh</c>, which takes medians over runs. Every result carries the
/// one-minute load average at the time it was measured: this machine is shared.
/// </summary>
internal static class Report
{
    public static void Info(string text) => Console.WriteLine(FormattableString.Invariant($"[{DateTime.Now:HH:mm:ss}] {text}"));

    /// <summary>One result: RESULT, scenario, provider, parameters, metric, value, unit, load.</summary>
    public static void Result(string scenario, string provider, string parameters, string metric, double value, string unit)
    {
        var load = Load();
        Info(FormattableString.Invariant($"{scenario} {provider} {parameters}: {metric} = {value:N1} {unit} (load {load})"));
        Console.WriteLine(string.Join('\t', "RESULT", scenario, provider, parameters, metric,
            value.ToString("F1", CultureInfo.InvariantCulture), unit, load));
    }

    /// <summary>The one-minute load average from /proc/loadavg, or "?" where there is none.</summary>
    public static string Load()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    /// <summary>The nearest-rank percentile (0 &lt; p ≤ 100) of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
