using System.Buffers.Binary;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// Up to <see cref="Capacity"/> consecutive canonical rows, each stored after a 0x00 byte so that
/// its leaf hash H(0x00 || row) needs no copy. <see cref="HashRows"/> computes the leaf hashes,
/// their MinHash features (§4) and, for a full batch, the root of its perfect subtree, so that a
/// batch can be hashed on any thread while rows are read on another; only the folding of the
/// results into the tree is in row order. Memory: the rows' bytes, reused. Not thread-safe: one
/// owner at a time.
/// </summary>
internal sealed class RowBatch
{
    /// <summary>The height of a full batch's subtree.</summary>
    public const int Height = 12;

    /// <summary>Rows in a full batch.</summary>
    public const int Capacity = 1 << Height;

    private readonly int[] _ends = new int[Capacity];
    private readonly Hash[] _scratch = new Hash[Capacity];
    private readonly ulong[] _features = new ulong[Capacity];
    private byte[] _data = new byte[1 << 20];
    private int _used;

    /// <summary>Rows held.</summary>
    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    /// <summary>After <see cref="HashRows"/>: each row's leaf hash.</summary>
    public Hash[] Leaves { get; } = new Hash[Capacity];

    /// <summary>After <see cref="HashRows"/> on a full batch: the root over its rows.</summary>
    public Hash SubtreeRoot { get; private set; }

    /// <summary>After <see cref="HashRows"/>: the MinHash of its rows' features.</summary>
    public MinHash Sketch { get; } = new();

    /// <summary>Row <paramref name="index"/>'s canonical bytes (without the 0x00).</summary>
    public ReadOnlySpan<byte> Row(int index)
    {
        var start = index == 0 ? 0 : _ends[index - 1];
        return _data.AsSpan(start + 1, _ends[index] - start - 1);
    }

    public void Clear()
    {
        Count = 0;
        _used = 0;
    }

    /// <summary>Starts the next row: writes its 0x00.</summary>
    public void BeginRow() => Reserve(1)[0] = FingerprintHash.LeafPrefix;

    /// <summary>Ends the row begun last.</summary>
    public void EndRow() => _ends[Count++] = _used;

    /// <summary>Appends <paramref name="bytes"/> to the current row.</summary>
    public void Write(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    /// <summary>Appends one ASCII byte to the current row.</summary>
    public void Write(byte ascii) => Reserve(1)[0] = ascii;

    /// <summary>Room for at least <paramref name="size"/> bytes of the current row; <see cref="Advance"/> takes what was used.</summary>
    public Span<byte> GetSpan(int size)
    {
        if (_data.Length - _used < size)
        {
            Array.Resize(ref _data, Math.Max(_data.Length * 2, _used + size));
        }

        return _data.AsSpan(_used);
    }

    public void Advance(int count) => _used += count;

    /// <summary>Computes <see cref="Leaves"/>, <see cref="Sketch"/> and, when full, <see cref="SubtreeRoot"/>.</summary>
    public void HashRows(ShortMessageHasher hasher)
    {
        Span<byte> leaf = stackalloc byte[Hash.Size];
        var start = 0;
        for (var i = 0; i < Count; i++)
        {
            Leaves[i] = hasher.HashPrefixed(_data.AsSpan(start, _ends[i] - start));
            Leaves[i].CopyTo(leaf);
            _features[i] = BinaryPrimitives.ReadUInt64LittleEndian(leaf);
            start = _ends[i];
        }

        Sketch.Reset();
        Sketch.AddMany(_features.AsSpan(0, Count));
        if (IsFull)
        {
            SubtreeRoot = hasher.PerfectRoot(Leaves, _scratch);
        }
    }

    private Span<byte> Reserve(int size)
    {
        var span = GetSpan(size)[..size];
        _used += size;
        return span;
    }
}
