using System.Globalization;
using DataIp.Data;

namespace DataIp.Bench;

/// <summary>
/// The command line of a scenario: <c>--name value</c> pairs. Counts accept a k or M suffix
/// (<c>--size 10M</c>). Every option a scenario does not read is reported as unknown, so a typo
/// never silently runs the default.
/// </summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private BenchArguments(string scenario) => Scenario = scenario;

    public string Scenario { get; }

    public static BenchArguments Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0].StartsWith('-'))
        {
            throw new BenchUsageException("Give a scenario first: appends or proofs.");
        }

        var parsed = new BenchArguments(args[0]);
        for (var i = 1; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new BenchUsageException($"Expected \"--name value\" pairs; \"{args[i]}\" has no value or is not an option.");
            }

            parsed._values[args[i][2..]] = args[i + 1];
        }

        return parsed;
    }

    public DatabaseProvider Provider() => String("provider", "sqlite") switch
    {
        "sqlite" => DatabaseProvider.Sqlite,
        "postgres" => DatabaseProvider.Postgres,
        var other => throw new BenchUsageException($"--provider is sqlite or postgres, not \"{other}\"."),
    };

    public string String(string name, string fallback)
    {
        _read.Add(name);
        return _values.GetValueOrDefault(name, fallback);
    }

    public string? OptionalString(string name)
    {
        _read.Add(name);
        return _values.GetValueOrDefault(name);
    }

    public long Count(string name, long fallback, long min = 1)
    {
        var text = String(name, fallback.ToString(CultureInfo.InvariantCulture));
        var multiplier = text.EndsWith('M') ? 1_000_000L : text.EndsWith('k') ? 1_000L : 1L;
        var digits = multiplier == 1 ? text : text[..^1];
        if (!long.TryParse(digits.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value * multiplier < min)
        {
            throw new BenchUsageException($"--{name} must be a whole number of at least {min} (k and M suffixes allowed); got \"{text}\".");
        }

        return value * multiplier;
    }

    public int Int(string name, int fallback, int min = 1) => checked((int)Count(name, fallback, min));

    /// <summary>Throws if an option was given that the scenario never read.</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new BenchUsageException($"Unknown option(s) for {Scenario}: {string.Join(", ", unknown.Select(u => "--" + u))}.");
        }
    }
}

/// <summary>A bad command line: the message says what to change.</summary>
internal sealed class BenchUsageException(string message) : Exception(message);
