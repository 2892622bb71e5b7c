using DataIp.Crypto;
using DataIp.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace DataIp.Web.Features.Ledger;

/// <summary>
/// The log's signing keys: Ed25519 and SM2-with-SM3, named by the log's origin. Created on first
/// start under <c>data/keys/log</c> (owner-only) or loaded from there.
/// </summary>
public sealed class LogKeys
{
    /// <summary>Loads or creates the keys of the configured origin.</summary>
    public LogKeys(IOptions<PlatformOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Origin = options.Value.LogOrigin;
        var directory = DataDirectory.CreatePrivate(Path.Combine(options.Value.DataDirectoryPath, "keys", "log")).FullName;
        Signers = [NoteKeyStore.LoadOrCreate(directory, Origin, NoteKeyAlgorithm.Ed25519), NoteKeyStore.LoadOrCreate(directory, Origin, NoteKeyAlgorithm.Sm2)];
        VerifierKeys = [.. Signers.Select(s => s.VerifierKey)];
    }

    /// <summary>The origin line of the log's checkpoints.</summary>
    public string Origin { get; }

    /// <summary>Ed25519 first, then SM2.</summary>
    public IReadOnlyList<INoteSigner> Signers { get; }

    /// <summary>The verifier keys to publish, in the signed-note format.</summary>
    public IReadOnlyList<NoteVerifierKey> VerifierKeys { get; }
}
