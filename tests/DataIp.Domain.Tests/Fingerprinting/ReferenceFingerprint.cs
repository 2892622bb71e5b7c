using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using DataIp.Domain.Hashing;
using DataIp.Domain.Registration;

namespace DataIp.Domain.Tests.Fingerprinting;

/// <summary>
/// A naive implementation of docs/fingerprint-format.md §1, §2 and §4, written from the text as
/// plainly as possible (whole files in memory, recursion, byte-by-byte scans) to cross-check the
/// fast one. Handles ASCII and CJK file names only (no JSON escaping needed in a record).
/// </summary>
internal static class ReferenceFingerprint
{
    public static byte[] H(FingerprintAlgorithm algorithm, byte[] data) =>
        algorithm == FingerprintAlgorithm.Sha256 ? SHA256.HashData(data) : Sm3.HashData(data);

    /// <summary>RFC 9162 MTH over leaf data, recursively.</summary>
    public static byte[] Mth(FingerprintAlgorithm algorithm, IReadOnlyList<byte[]> leaves)
    {
        if (leaves.Count == 0)
        {
            return H(algorithm, []);
        }

        if (leaves.Count == 1)
        {
            return H(algorithm, [0x00, .. leaves[0]]);
        }

        var k = 1;
        while (k * 2 < leaves.Count)
        {
            k *= 2;
        }

        return H(algorithm, [0x01, .. Mth(algorithm, leaves.Take(k).ToList()), .. Mth(algorithm, leaves.Skip(k).ToList())]);
    }

    public static (string Root, ulong[] Sketch, long Features) Files(string path, int chunkSize, FingerprintAlgorithm algorithm)
    {
        var files = Directory.Exists(path)
            ? Directory.GetFiles(path, "*", SearchOption.AllDirectories).Select(f => (Rel: Path.GetRelativePath(path, f).Replace('\\', '/').Normalize(NormalizationForm.FormC), Full: f)).ToList()
            : [(Path.GetFileName(path), path)];
        files.Sort((a, b) => Encoding.UTF8.GetBytes(a.Rel).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b.Rel)));
        var records = new List<byte[]>();
        var features = new List<ulong>();
        foreach (var (rel, full) in files)
        {
            var bytes = File.ReadAllBytes(full);
            var chunks = new List<byte[]>();
            for (var offset = 0; offset < bytes.Length; offset += chunkSize)
            {
                chunks.Add(bytes[offset..Math.Min(bytes.Length, offset + chunkSize)]);
            }

            var root = Convert.ToHexStringLower(Mth(algorithm, chunks));
            records.Add(Encoding.UTF8.GetBytes($"{{\"path\":\"{rel}\",\"root\":\"{root}\",\"size\":{bytes.Length}}}"));
            features.AddRange(ContentFeatures(bytes));
        }

        return (Convert.ToHexStringLower(Mth(algorithm, records)), MinHash(features), features.Count);
    }

    public static List<ulong> ContentFeatures(byte[] bytes)
    {
        var features = new List<ulong>();
        if (bytes.Length == 0)
        {
            return features;
        }

        var start = 0;
        for (var i = 0; i + 4 <= bytes.Length; i++)
        {
            var word = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            var candidate = unchecked((word ^ 0x61746164u) * 0x9E3779B1u) < (1u << 19);
            if (candidate && i - start >= 2048)
            {
                features.Add(Mix(G(bytes, start) ^ (ulong)(i - start)));
                start = i;
            }
        }

        features.Add(Mix(G(bytes, start) ^ (ulong)(bytes.Length - start)));
        return features;
    }

    public static ulong[] MinHash(IEnumerable<ulong> features)
    {
        var seeds = new ulong[128];
        var state = 0x6461746169702D31UL;
        for (var i = 0; i < 128; i++)
        {
            state = unchecked(state + 0x9E3779B97F4A7C15UL);
            seeds[i] = Mix(state);
        }

        var values = Enumerable.Repeat(ulong.MaxValue, 128).ToArray();
        foreach (var f in features)
        {
            for (var i = 0; i < 128; i++)
            {
                values[i] = Math.Min(values[i], Mix(f ^ seeds[i]));
            }
        }

        return values;
    }

    public static ulong Mix(ulong x)
    {
        unchecked
        {
            x ^= x >> 30;
            x *= 0xBF58476D1CE4E5B9UL;
            x ^= x >> 27;
            x *= 0x94D049BB133111EBUL;
            x ^= x >> 31;
            return x;
        }
    }

    private static ulong G(byte[] bytes, int s)
    {
        var w = new byte[32];
        Array.Copy(bytes, s, w, 0, Math.Min(32, bytes.Length - s));
        ulong a = 0;
        for (var j = 0; j < 4; j++)
        {
            a = Mix(a ^ BinaryPrimitives.ReadUInt64LittleEndian(w.AsSpan(8 * j)));
        }

        return a;
    }
}
