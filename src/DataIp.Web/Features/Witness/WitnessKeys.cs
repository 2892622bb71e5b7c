using DataIp.Crypto;
using DataIp.Data.Witness;
using DataIp.Web.Infrastructure;
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

    /// <summary>The witnessed logs: origin → the verifiers of its keys.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<INoteVerifier>> Logs { get; }

    private static Dictionary<string, IReadOnlyList<INoteVerifier>> ReadLogs(List<string> settings)
    {
        var keys = new List<NoteVerifierKey>();
        for (var i = 0; i < settings.Count; i++)
        {
            if (!NoteVerifierKey.TryParse(settings[i].Trim(), out var key, out var error))
            {
                throw new InvalidOperationException($"DataIp:Witness:Logs:{i} is not a log's verifier key: {error.Message}");
            }

            if (key.Name.Length > WitnessState.MaxOriginLength)
            {
                throw new InvalidOperationException($"DataIp:Witness:Logs:{i} names an origin of {key.Name.Length} characters; at most {WitnessState.MaxOriginLength} are supported.");
            }

            keys.Add(key);
        }

        // The same key listed twice counts once; a log's origin is its keys' name.
        return keys.Distinct().GroupBy(k => k.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<INoteVerifier>)[.. g.Select(k => k.CreateVerifier())], StringComparer.Ordinal);
    }
}
