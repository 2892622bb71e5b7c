using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DataIp.Cli.Log;
using DataIp.Crypto;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Cli.Tests.Log;

/// <summary>
/// A tiled log in memory, built with the domain's <see cref="InMemoryMerkleTree"/> and signed with
/// real Ed25519 and SM2 keys. Serves what the server will serve (<see cref="Serve"/>, by path), and
/// reads itself through the <see cref="ILogReader"/> seam. Like a real tlog-tiles log it serves full
/// tiles of the current tree and the partial tiles of every size it published a checkpoint for
/// (unless <see cref="DeleteSupersededPartials"/>), and nothing else.
/// </summary>
internal sealed class FakeLog : ILogReader
{
    public const string Origin = "registry.example/log";

    public static readonly DateTimeOffset Start = new(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly List<byte[]> _entries = [];
    private readonly HashSet<ulong> _publishedSizes = [];
    private InMemoryMerkleTree _tree = new();
    private string? _keys;

    public FakeLog(int size = 0)
    {
        Append(size);
        Publish();
    }

    public Ed25519NoteSigner Ed25519 { get; set; } = Ed25519NoteSigner.Generate(Origin);

    public Sm2NoteSigner Sm2 { get; set; } = Sm2NoteSigner.Generate(Origin);

    public IReadOnlyList<byte[]> Entries => _entries;

    public ulong Size => _tree.Size;

    /// <summary>What <c>log/checkpoint</c> serves: the last published checkpoint unless set.</summary>
    public byte[] Checkpoint { get; set; } = [];

    /// <summary>What <c>log/keys</c> serves: the current keys unless set.</summary>
    public string Keys
    {
        get => _keys ?? $"{Ed25519.VerifierKey}\n{Sm2.VerifierKey}\n";
        set => _keys = value;
    }

    /// <summary>Delete partial tiles once their full tile exists, as tlog-tiles allows.</summary>
    public bool DeleteSupersededPartials { get; set; }

    /// <summary>Changes what is served: (path, body) → body.</summary>
    public Func<string, byte[], byte[]>? Tamper { get; set; }

    /// <summary>The canonical JSON of a valid act with log index <paramref name="index"/>.</summary>
    public static byte[] Act(ulong index, Guid? actId = null, DateTimeOffset? at = null)
    {
        var instant = (at ?? Start.AddSeconds(index)).UtcDateTime;
        var time = instant.ToString(instant.Millisecond == 0 ? "yyyy-MM-ddTHH:mm:ssZ" : "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var digest = Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(index)));
        // A submit act of the catalogue, members in RFC 8785 order (UTF-16 code units): act < actId < actor <
        // applicationNumber < at < bodyCode < fromState < index < logVersion < private < toState.
        return Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $$$"""{"act":"submit","actId":"{{{actId ?? ActId(index)}}}","actor":{"name":"Applicant {{{index}}}","role":"applicant"},"applicationNumber":"SQ44002025{{{index % 1000000:D6}}}","at":"{{{time}}}","bodyCode":"4400","fromState":"draft","index":{{{index}}},"logVersion":1,"private":{"content":"{{{digest}}}"},"toState":"submitted"}"""));
    }

    public static Guid ActId(ulong index) => Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-{index:x12}"));

    public FakeLog Append(int count)
    {
        for (var i = 0; i < count; i++)
        {
            AppendEntry(Act((ulong)_entries.Count));
        }

        return this;
    }

    public FakeLog AppendEntry(byte[] entry)
    {
        _entries.Add(entry);
        _tree.AppendEntry(entry);
        return this;
    }

    /// <summary>Rewrites history: replaces an entry and rebuilds the tree.</summary>
    public void Replace(int index, byte[] entry)
    {
        _entries[index] = entry;
        Rebuild();
    }

    /// <summary>Rewrites history: drops the entries from <paramref name="size"/> on.</summary>
    public void Truncate(int size)
    {
        _entries.RemoveRange(size, _entries.Count - size);
        _publishedSizes.RemoveWhere(published => published > (ulong)size);
        Rebuild();
    }

    /// <summary>Signs a checkpoint of the current tree (with both log keys unless others are given) and serves it.</summary>
    public FakeLog Publish(params INoteSigner[] signers)
    {
        Checkpoint = Sign(_tree.RootHash(), signers);
        _publishedSizes.Add(_tree.Size);
        return this;
    }

    /// <summary>A checkpoint of the current size with the given root, signed as <see cref="Publish"/> does.</summary>
    public byte[] Sign(Hash root, params INoteSigner[] signers)
    {
        var checkpoint = new Checkpoint(Origin, (long)_tree.Size, root.ToArray());
        return Encoding.UTF8.GetBytes(SignedNote.Sign(checkpoint.ToNoteText(), signers.Length > 0 ? signers : [Ed25519, Sm2]));
    }

    public Hash RootHash() => _tree.RootHash();

    /// <summary>The body served at <paramref name="path"/> (relative to <c>log/</c>), or null for 404.</summary>
    public byte[]? Serve(string path)
    {
        var body = path switch
        {
            "checkpoint" => Checkpoint,
            "keys" => Encoding.UTF8.GetBytes(Keys),
            _ => TilePath.TryParse(path, out var tile, out _) ? ServeTile(tile) : null,
        };
        return body is null || Tamper is null ? body : Tamper(path, body);
    }

    public Task<byte[]> GetCheckpointAsync(CancellationToken cancellationToken) => Task.FromResult(Read("checkpoint"));

    public Task<string> GetKeysAsync(CancellationToken cancellationToken) => Task.FromResult(Encoding.UTF8.GetString(Read("keys")));

    public Task<byte[]> GetHashTileAsync(int level, ulong index, int width, CancellationToken cancellationToken) =>
        Task.FromResult(Read(new Tile(level, index, width).ToString()));

    public Task<byte[]> GetEntryBundleAsync(ulong index, int width, CancellationToken cancellationToken) =>
        Task.FromResult(Read(Tile.EntryBundle(index, width).ToString()));

    private byte[] Read(string path) => Serve(path) ?? throw new LogReadException($"couldn't fetch {path}: 404 Not Found");

    private byte[]? ServeTile(Tile tile)
    {
        var level = Math.Max(tile.Level, 0);
        if (level * Tile.Height >= 63)
        {
            return null;
        }

        var fullExists = (tile.Index + 1) * Tile.FullWidth <= Tile.NodesAtLevel(level, _tree.Size);
        var exists = tile.IsPartial
            ? _publishedSizes.Any(size => Tile.NodesAtLevel(level, size) / Tile.FullWidth == tile.Index
                && (int)(Tile.NodesAtLevel(level, size) % Tile.FullWidth) == tile.Width) && !(DeleteSupersededPartials && fullExists)
            : fullExists;
        if (!exists)
        {
            return null;
        }

        var first = tile.Index * Tile.FullWidth;
        if (tile.IsEntryBundle)
        {
            return EntryBundle.Join(_entries.Skip((int)first).Take(tile.Width));
        }

        var bytes = new byte[tile.Width * Hash.Size];
        for (var i = 0; i < tile.Width; i++)
        {
            _tree.GetHash(new NodeId(level * Tile.Height, first + (ulong)i)).CopyTo(bytes.AsSpan(i * Hash.Size));
        }

        return bytes;
    }

    private void Rebuild()
    {
        _tree = new InMemoryMerkleTree();
        foreach (var entry in _entries)
        {
            _tree.AppendEntry(entry);
        }
    }
}
