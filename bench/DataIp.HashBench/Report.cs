using System.Globalization;

namespace DataIp.HashBench;

/// <summary>
/// Prints results: a readable line for people and a tab-separated <c>RESULT</c> line for
/// <c>bench/run-hash-bench.sh</c>, which takes medians over rounds. Every result carries the
/// one-minute load average at the time it was measured: this machine is shared.
/// </summary>
internal static class Report
{
    /// <summary>One result: RESULT, name, MB/s, load.</summary>
    public static void Result(int round, string name, double megabytesPerSecond)
    {
        var load = Load();
        Console.WriteLine(FormattableString.Invariant($"[{DateTime.Now:HH:mm:ss}] round {round} {name}: {megabytesPerSecond:N1} MB/s (load {load})"));
        Console.WriteLine(string.Join('\t', "RESULT", name, megabytesPerSecond.ToString("F1", CultureInfo.InvariantCulture), load));
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
}
