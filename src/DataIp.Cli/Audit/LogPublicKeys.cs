using DataIp.Crypto;

namespace DataIp.Cli.Audit;

/// <summary>
/// The log's public keys as OpenSSL writes them (SubjectPublicKeyInfo PEM, the <c>*.pub.pem</c>
/// files of <c>keys/log</c>), at least one Ed25519 and one SM2 key. A PEM file carries no key name;
/// the name is the origin a checkpoint claims, and the key ID binds the two, so a checkpoint whose
/// origin was changed no longer verifies (signed-note "Signatures"). Immutable and thread-safe.
/// </summary>
internal sealed class LogPublicKeys
{
    // Any valid key name serves to check a PEM file when it is read; the real name comes later.
    private const string ProbeName = "probe";

    private readonly IReadOnlyList<string> _pems;

    private LogPublicKeys(IReadOnlyList<string> pems) => _pems = pems;

    /// <summary>Makes the key set from PEM texts.</summary>
    /// <param name="pems">One "PUBLIC KEY" PEM text per key.</param>
    /// <returns>The keys.</returns>
    /// <exception cref="FormatException">A text is not an Ed25519 or SM2 public key, or one of the two algorithms is missing.</exception>
    public static LogPublicKeys FromPem(IEnumerable<string> pems)
    {
        ArgumentNullException.ThrowIfNull(pems);
        // Checked as a key set under a probe name: the same key twice (a copied file) counts
        // once, and there must be an Ed25519 and an SM2 key.
        var probed = pems.Select(pem => (Pem: pem, Key: NoteVerifierKey.FromPublicKeyPem(ProbeName, pem))).DistinctBy(p => p.Key).ToList();
        if (!LogVerifierKeys.TryCreate([.. probed.Select(p => p.Key)], LogVerifierKeys.DataIpAlgorithms, out _, out var error))
        {
            throw new FormatException($"The public keys are not the log's: {error}.");
        }

        return new LogPublicKeys([.. probed.Select(p => p.Pem)]);
    }

    /// <summary>Reads every <c>*.pub.pem</c> file of <paramref name="directory"/> (normally <c>{data directory}/keys/log</c>).</summary>
    /// <param name="directory">The key directory.</param>
    /// <returns>The keys.</returns>
    /// <exception cref="InvalidOperationException">The directory or a file cannot be read, a file holds no Ed25519 or SM2 public key, or one of the two is missing.</exception>
    public static LogPublicKeys Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        try
        {
            var files = Directory.GetFiles(directory, "*.pub.pem").Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0)
            {
                throw new FormatException("it holds no *.pub.pem file");
            }

            return FromPem(files.Select(File.ReadAllText));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new InvalidOperationException($"Couldn't read the log's public keys in {directory}: {e.Message}", e);
        }
    }

    /// <summary>
    /// The log's keys named <paramref name="origin"/>, one verifier key per public key, read as a
    /// key set (<see cref="LogVerifierKeys"/>); null when the origin is not a valid key name (no
    /// signature can then verify).
    /// </summary>
    /// <param name="origin">The origin line of a checkpoint.</param>
    /// <returns>The key set, or null.</returns>
    public LogVerifierKeys? ForOrigin(string origin) =>
        NoteKeyName.IsValid(origin)
        && LogVerifierKeys.TryCreate([.. _pems.Select(pem => NoteVerifierKey.FromPublicKeyPem(origin, pem))], LogVerifierKeys.DataIpAlgorithms, out var keys, out _)
            ? keys
            : null;
}
