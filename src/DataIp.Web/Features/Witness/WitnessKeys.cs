using DataIp.Crypto;
using DataIp.Data.Witness;
using Microsoft.Extensions.Options;

namespace DataIp.Web.Features.Witness;

/// <summary>
/// The node as a witness: its cosigning key (Ed25519, created on first start under
/// <c>data/keys/witness</c>, owner-only) and the verifier keys of the logs it witnesses, by origin.
/// A bad setting stops the node at start, naming the setting.
/// </summary>
public sealed class WitnessKeys
{
    /// <summary>Loads or creates the key and reads <c>DataIp:Witness:Logs</c>.</summary>
    /// <exception cref="InvalidOperationException">The witness name or a log key is not valid.</exception>
    public WitnessKeys(IOptions<PlatformOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = options.Value.Witness.NameFor(options.Value.LogOrigin);
        if (!NoteKeyName.IsValid(name))
        {
            throw new InvalidOperationException($"DataIp:Witness:Name '{name}' is not a valid key name: non-empty, no spaces, no '+'.");
        }

        var directory = DataDirectory.CreatePrivate(Path.Combine(options.Value.DataDirectoryPath, "keys", "witness")).FullName;
        Signer = CosignatureV1Signer.LoadOrCreate(directory, name);
        Logs = ReadLogs(options.Value.Witness.Logs);
    }

    /// <summary>The witness's cosigner: its name, key ID and verifier key (type 0x04).</summary>
    public CosignatureV1Signer Signer { get; }

    /// <summary>The witnessed logs: origin → its keys (any C2SP log: no algorithm is required).</summary>
    public IReadOnlyDictionary<string, LogVerifierKeys> Logs { get; }

    // One setting per key; a log's origin is its keys' name, and the same key listed twice counts once.
    private static IReadOnlyDictionary<string, LogVerifierKeys> ReadLogs(List<string> settings)
    {
        if (!LogVerifierKeys.TryParseByOrigin(settings, i => $"DataIp:Witness:Logs:{i}", out var logs, out var error))
        {
            throw new InvalidOperationException($"DataIp:Witness:Logs is not a list of logs' verifier keys: {error}");
        }

        if (logs.Keys.FirstOrDefault(origin => origin.Length > WitnessState.MaxOriginLength) is { } tooLong)
        {
            throw new InvalidOperationException($"DataIp:Witness:Logs names an origin of {tooLong.Length} characters; at most {WitnessState.MaxOriginLength} are supported.");
        }

        return logs;
    }
}
