using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using DataIp.Crypto;

namespace DataIp.Cli.Log;

/// <summary>
/// The verifier keys a log's checkpoints must be signed with (docs/signatures.md): all named after
/// the log's origin, distinct, and at least one Ed25519 and one SM2 key, because every checkpoint
/// is signed with both. More than one of a kind is allowed, so that a log can publish its old key
/// next to a new one while it rotates. Immutable.
/// </summary>
internal sealed class LogKeys
{
    private LogKeys(string name, IReadOnlyList<NoteVerifierKey> keys)
    {
        Name = name;
        Keys = keys;
    }

    /// <summary>The key name shared by every key, which the checkpoint's origin must equal.</summary>
    public string Name { get; }

    /// <summary>The keys, in the order they were given.</summary>
    public IReadOnlyList<NoteVerifierKey> Keys { get; }

    /// <summary>Reads verifier keys, one per line (golang.org/x/mod/sumdb/note format). Blank
    /// lines, lines starting with '#' and spaces or a carriage return at the end of a line are
    /// ignored, so a key file can be edited by hand; the keys themselves are read strictly.</summary>
    /// <param name="text">The lines.</param>
    /// <param name="keys">The keys, when they are a valid set.</param>
    /// <param name="error">What is wrong, naming the line; null when valid.</param>
    /// <returns>Whether the text holds a valid set of log keys.</returns>
    public static bool TryParse(string text, [NotNullWhen(true)] out LogKeys? keys, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        keys = null;
        var parsed = new List<NoteVerifierKey>();
        var lines = text.Split('\n');
        for (var number = 1; number <= lines.Length; number++)
        {
            var line = lines[number - 1].TrimEnd(' ', '\t', '\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!NoteVerifierKey.TryParse(line, out var key, out var keyError))
            {
                error = string.Create(CultureInfo.InvariantCulture, $"line {number} is not a verifier key: {keyError.Message}");
                return false;
            }

            parsed.Add(key);
        }

        return TryCreate(parsed, out keys, out error);
    }

    /// <summary>Checks that <paramref name="keys"/> are a log's key set; see the class summary.</summary>
    /// <param name="keys">The keys.</param>
    /// <param name="logKeys">The set, when valid.</param>
    /// <param name="error">What is wrong; null when valid.</param>
    /// <returns>Whether the keys are a valid set.</returns>
    public static bool TryCreate(IReadOnlyList<NoteVerifierKey> keys, [NotNullWhen(true)] out LogKeys? logKeys, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(keys);
        logKeys = null;
        error = keys.Count == 0 ? "there are no keys"
            : keys.Select(key => key.Name).Distinct(StringComparer.Ordinal).Count() > 1
                ? $"the keys have different names ({string.Join(", ", keys.Select(key => key.Name).Distinct(StringComparer.Ordinal))}); a log's keys are all named after its origin"
            : keys.Distinct().Count() != keys.Count ? $"the key {keys.GroupBy(key => key).First(group => group.Count() > 1).Key} is given twice"
            : !keys.Any(key => key.Algorithm == NoteKeyAlgorithm.Ed25519) ? "there is no Ed25519 key; a log signs with Ed25519 and SM2"
            : !keys.Any(key => key.Algorithm == NoteKeyAlgorithm.Sm2) ? "there is no SM2 key; a log signs with Ed25519 and SM2"
            : null;
        if (error is not null)
        {
            return false;
        }

        logKeys = new LogKeys(keys[0].Name, [.. keys]);
        return true;
    }

    /// <summary>Whether both sets hold the same keys, in any order.</summary>
    /// <param name="other">The other set.</param>
    /// <returns>True when no key is in one set only.</returns>
    public bool SameKeys(LogKeys other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Keys.ToHashSet().SetEquals(other.Keys);
    }

    /// <summary>The key with that name and key ID, if it is one of these.</summary>
    /// <param name="name">The key name of a signature line.</param>
    /// <param name="keyId">Its key ID.</param>
    /// <returns>The key, or null.</returns>
    public NoteVerifierKey? Find(string name, uint keyId) =>
        Keys.FirstOrDefault(key => key.Name == name && key.KeyId == keyId);

    /// <summary>The keys as text, one per line, as the log publishes them.</summary>
    /// <returns>The lines, each ending in a newline.</returns>
    public override string ToString() => string.Concat(Keys.Select(key => key + "\n"));

    /// <summary>"name+keyid (Ed25519)" or "name+keyid (SM2)" for messages.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The label.</returns>
    public static string Label(NoteVerifierKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return string.Create(CultureInfo.InvariantCulture, $"{key.Name}+{key.KeyId:x8} ({AlgorithmName(key.Algorithm)})");
    }

    /// <summary>The algorithm as people write it: "Ed25519" or "SM2".</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <returns>Its name.</returns>
    public static string AlgorithmName(NoteKeyAlgorithm algorithm) => algorithm == NoteKeyAlgorithm.Sm2 ? "SM2" : algorithm.ToString();
}
