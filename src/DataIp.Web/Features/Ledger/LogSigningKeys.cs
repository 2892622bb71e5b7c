using DataIp.Crypto;
using Microsoft.Extensions.Options;

namespace DataIp.Web.Features.Ledger;

/// <summary>
/// The log's signing keys: Ed25519 and SM2-with-SM3, named by the log's origin. Created on first
/// start under <c>data/keys/log</c> (owner-only) or loaded from there. Their public half is
/// <see cref="VerifierKeys"/>, what <c>GET /log/keys</c> serves and verifiers read.
/// </summary>
public sealed class LogSigningKeys
{
    /// <summary>Loads or creates the keys of the configured origin.</summary>
    public LogSigningKeys(IOptions<PlatformOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Origin = options.Value.LogOrigin;
        var directory = DataDirectory.CreatePrivate(Path.Combine(options.Value.DataDirectoryPath, "keys", "log")).FullName;
        Signers = [NoteKeyStore.LoadOrCreate(directory, Origin, NoteKeyAlgorithm.Ed25519), NoteKeyStore.LoadOrCreate(directory, Origin, NoteKeyAlgorithm.Sm2)];
        VerifierKeys = LogVerifierKeys.TryCreate([.. Signers.Select(s => s.VerifierKey)], LogVerifierKeys.DataIpAlgorithms, out var keys, out var error)
            ? keys
            : throw new InvalidOperationException($"Couldn't make the log's verifier keys: {error}");
    }

    /// <summary>The origin line of the log's checkpoints.</summary>
    public string Origin { get; }

    /// <summary>Ed25519 first, then SM2.</summary>
    public IReadOnlyList<INoteSigner> Signers { get; }

    /// <summary>The verifier keys to publish, Ed25519 then SM2, in the signed-note format.</summary>
    public LogVerifierKeys VerifierKeys { get; }
}
