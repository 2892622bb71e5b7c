using DataIp.Domain.TransparencyLog;

namespace DataIp.Domain.Tests.TransparencyLog;

/// <summary>Entries and trees shared by the Merkle tests.</summary>
internal static class TestTrees
{
    /// <summary>The RFC 6962 test inputs: the 8 entries of the classic tree used by Certificate
    /// Transparency and transparency-dev/merkle (proof/verify_test.go, "leaves").</summary>
    public static readonly byte[][] ClassicEntries =
    [
        [],
        [0x00],
        [0x10],
        [0x20, 0x21],
        [0x30, 0x31],
        [0x40, 0x41, 0x42, 0x43],
        [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
        [0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f],
    ];

    /// <summary>Distinct random entries of 0..40 bytes, the same for the same seed.</summary>
    public static byte[][] RandomEntries(int count, int seed)
    {
        var random = new Random(seed);
        var entries = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            entries[i] = new byte[random.Next(41)];
            random.NextBytes(entries[i]);

            // Prefix the index so no two entries (and so no two leaves) are equal.
            entries[i] = [.. BitConverter.GetBytes(i), .. entries[i]];
        }

        return entries;
    }

    public static Hash[] LeafHashes(byte[][] entries) => [.. entries.Select(e => Rfc9162.HashLeaf(e))];

    public static InMemoryMerkleTree Build(byte[][] entries)
    {
        var tree = new InMemoryMerkleTree();
        foreach (var entry in entries)
        {
            tree.AppendEntry(entry);
        }

        return tree;
    }

    /// <summary>The hash with bit <paramref name="bit"/> (0 = most significant of byte 0) flipped.</summary>
    public static Hash FlipBit(Hash hash, int bit)
    {
        var bytes = hash.ToArray();
        bytes[bit / 8] ^= (byte)(0x80 >> (bit % 8));
        return Hash.FromBytes(bytes);
    }
}
