using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DataIp.Crypto;

/// <summary>
/// The verifier keys of one log (c2sp.org/signed-note, c2sp.org/tlog-checkpoint): all named after
/// the log's origin, which is the first line of its checkpoints. More than one key of a kind is
/// allowed, so that a log can publish its old key next to a new one while it rotates. The one
/// reader of a key set, wherever one comes from: <c>GET /log/keys</c>, <c>dataip log verify --keys</c>
/// and its state file, the DID document's log entry, <c>DataIp:Witness:Logs</c>; and, with
/// <see cref="VerifyCheckpoint(string, IReadOnlyCollection{NoteKeyAlgorithm})"/>, the one
/// verification of a log's checkpoint. Immutable and thread-safe.
/// </summary>
public sealed class LogVerifierKeys
{
    /// <summary>The algorithms a DataIP log signs every checkpoint with: Ed25519 and SM2 (docs/signatures.md).</summary>
    public static readonly IReadOnlyList<NoteKeyAlgorithm> DataIpAlgorithms = [NoteKeyAlgorithm.Ed25519, NoteKeyAlgorithm.Sm2];

    private readonly IReadOnlyList<INoteVerifier> _verifiers;

    private LogVerifierKeys(string origin, IReadOnlyList<NoteVerifierKey> keys)
    {
        Origin = origin;
        Keys = keys;
        _verifiers = [.. keys.Select(key => key.CreateVerifier())];
    }

    /// <summary>The key name shared by every key: the log's origin, which a checkpoint's first line must equal.</summary>
    public string Origin { get; }

    /// <summary>The keys, in the order first given, each once.</summary>
    public IReadOnlyList<NoteVerifierKey> Keys { get; }

    /// <summary>
    /// Reads a key set written one key per line (the golang.org/x/mod/sumdb/note verifier-key
    /// format); see <see cref="TryParse(IEnumerable{string}, IReadOnlyCollection{NoteKeyAlgorithm}, Func{int, string}?, out LogVerifierKeys?, out string?)"/>.
    /// </summary>
    /// <param name="text">The lines, separated by '\n'.</param>
    /// <param name="required">The algorithms the set must have a key of (none, or <see cref="DataIpAlgorithms"/>).</param>
    /// <param name="keys">The set, when valid.</param>
    /// <param name="error">What is wrong, naming the line; null when valid.</param>
    /// <returns>Whether the text is a valid key set.</returns>
    public static bool TryParse(string text, IReadOnlyCollection<NoteKeyAlgorithm> required, [NotNullWhen(true)] out LogVerifierKeys? keys, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text.Split('\n'), required, null, out keys, out error);
    }

    /// <summary>
    /// Reads a key set from lines (of a file, a JSON array, settings). Spaces, tabs and a carriage
    /// return around a line, blank lines and lines starting with '#' are ignored, so that a key file
    /// can be edited by hand; each key is read strictly (<see cref="NoteVerifierKey.TryParse"/>,
    /// which checks the key ID). Then the set must be non-empty and of one name, and have a key of
    /// each <paramref name="required"/> algorithm. The same key given twice counts once; two
    /// different keys with the same name and key ID are refused, as no verifier could tell them apart.
    /// </summary>
    /// <param name="lines">The lines.</param>
    /// <param name="required">The algorithms the set must have a key of.</param>
    /// <param name="position">How errors name the line at a 0-based position; "line {n}" (1-based) when null.</param>
    /// <param name="keys">The set, when valid.</param>
    /// <param name="error">What is wrong, naming the line; null when valid.</param>
    /// <returns>Whether the lines are a valid key set.</returns>
    public static bool TryParse(
        IEnumerable<string> lines, IReadOnlyCollection<NoteKeyAlgorithm> required, Func<int, string>? position,
        [NotNullWhen(true)] out LogVerifierKeys? keys, [NotNullWhen(false)] out string? error)
    {
        keys = null;
        return TryParseKeys(lines, position, out var parsed, out error) && TryCreate(parsed, required, out keys, out error);
    }

    /// <summary>
    /// Reads the key sets of several logs from one list of lines (the witness's <c>DataIp:Witness:Logs</c>):
    /// the lines as <see cref="TryParse(IEnumerable{string}, IReadOnlyCollection{NoteKeyAlgorithm}, Func{int, string}?, out LogVerifierKeys?, out string?)"/>
    /// reads them, grouped by name into one set per origin. No algorithm is required: any C2SP log may be witnessed.
    /// </summary>
    /// <param name="lines">The lines.</param>
    /// <param name="position">How errors name the line at a 0-based position; "line {n}" (1-based) when null.</param>
    /// <param name="logs">Origin → its keys, when valid.</param>
    /// <param name="error">What is wrong, naming the line; null when valid.</param>
    /// <returns>Whether every line is a key and each origin's keys are a valid set.</returns>
    public static bool TryParseByOrigin(
        IEnumerable<string> lines, Func<int, string>? position,
        [NotNullWhen(true)] out IReadOnlyDictionary<string, LogVerifierKeys>? logs, [NotNullWhen(false)] out string? error)
    {
        logs = null;
        if (!TryParseKeys(lines, position, out var parsed, out error))
        {
            return false;
        }

        var byOrigin = new Dictionary<string, LogVerifierKeys>(StringComparer.Ordinal);
        foreach (var group in parsed.GroupBy(key => key.Name, StringComparer.Ordinal))
        {
            if (!TryCreate([.. group], [], out var set, out error))
            {
                return false;
            }

            byOrigin[group.Key] = set;
        }

        logs = byOrigin;
        return true;
    }

    /// <summary>Checks that <paramref name="keys"/> are one log's key set; see <see cref="TryParse(IEnumerable{string}, IReadOnlyCollection{NoteKeyAlgorithm}, Func{int, string}?, out LogVerifierKeys?, out string?)"/>.</summary>
    /// <param name="keys">The keys.</param>
    /// <param name="required">The algorithms the set must have a key of.</param>
    /// <param name="set">The set, when valid.</param>
    /// <param name="error">What is wrong; null when valid.</param>
    /// <returns>Whether the keys are a valid set.</returns>
    public static bool TryCreate(
        IReadOnlyList<NoteVerifierKey> keys, IReadOnlyCollection<NoteKeyAlgorithm> required,
        [NotNullWhen(true)] out LogVerifierKeys? set, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(required);
        set = null;
        var distinct = keys.Distinct().ToList();
        var names = distinct.Select(key => key.Name).Distinct(StringComparer.Ordinal).ToList();
        var clash = distinct.GroupBy(key => (key.Name, key.KeyId)).FirstOrDefault(group => group.Count() > 1);
        var missing = required.Where(algorithm => !distinct.Any(key => key.Algorithm == algorithm)).ToList();
        error = distinct.Count == 0 ? "there are no keys"
            : names.Count > 1 ? $"the keys have different names ({string.Join(", ", names)}); a log's keys are all named after its origin"
            : clash is not null ? string.Create(CultureInfo.InvariantCulture, $"two different keys are both {clash.Key.Name}+{clash.Key.KeyId:x8}; a verifier could not tell their signatures apart")
            : missing.Count > 0 ? $"there is no {string.Join(" or ", missing.Select(AlgorithmName))} key; a log signs with {string.Join(" and ", required.Select(AlgorithmName))}"
            : null;
        if (error is not null)
        {
            return false;
        }

        set = new LogVerifierKeys(names[0], distinct);
        return true;
    }

    /// <summary>Whether both sets hold the same keys, in any order.</summary>
    /// <param name="other">The other set.</param>
    /// <returns>True when no key is in one set only.</returns>
    public bool SameKeys(LogVerifierKeys other)
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

    /// <summary>
    /// Verifies a log's checkpoint: the signed note opens with these keys (c2sp.org/signed-note:
    /// every signature by one of them verifies, at least one does; others, such as witness
    /// cosignatures, are kept unverified), its text is a checkpoint (c2sp.org/tlog-checkpoint),
    /// its origin is <see cref="Origin"/>, and a signature by a key of each <paramref name="required"/>
    /// algorithm verified. Checked in that order; bad input is a failed result, never an exception.
    /// </summary>
    /// <param name="note">The signed note.</param>
    /// <param name="required">The algorithms that must have signed (none: any one of the keys).</param>
    /// <returns>The checkpoint, or the first check that failed.</returns>
    public CheckpointVerification VerifyCheckpoint(string note, IReadOnlyCollection<NoteKeyAlgorithm> required) =>
        CheckpointVerification.Of(this, SignedNote.Open(note, _verifiers), required);

    /// <summary>Verifies a checkpoint received as UTF-8 bytes; see <see cref="VerifyCheckpoint(string, IReadOnlyCollection{NoteKeyAlgorithm})"/>.</summary>
    /// <param name="note">The signed note's bytes.</param>
    /// <param name="required">The algorithms that must have signed.</param>
    /// <returns>The checkpoint, or the first check that failed.</returns>
    public CheckpointVerification VerifyCheckpoint(ReadOnlySpan<byte> note, IReadOnlyCollection<NoteKeyAlgorithm> required) =>
        CheckpointVerification.Of(this, SignedNote.Open(note, _verifiers), required);

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

    private static bool TryParseKeys(IEnumerable<string> lines, Func<int, string>? position, out List<NoteVerifierKey> keys, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(lines);
        keys = [];
        var index = 0;
        foreach (var raw in lines)
        {
            var line = (raw ?? string.Empty).Trim(' ', '\t', '\r');
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                if (!NoteVerifierKey.TryParse(line, out var key, out var keyError))
                {
                    error = $"{position?.Invoke(index) ?? string.Create(CultureInfo.InvariantCulture, $"line {index + 1}")} is not a verifier key: {keyError.Message}";
                    return false;
                }

                keys.Add(key);
            }

            index++;
        }

        error = null;
        return true;
    }
}
