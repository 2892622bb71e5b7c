using System.Security.Cryptography;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Domain.Tests.TransparencyLog;

/// <summary>
/// RFC 9162 §2.1 written out as literally as possible, to check the fast code against: MTH, PATH
/// and PROOF/SUBPROOF as recursive functions over the entries D[n], hashing with SHA-256 directly
/// (not through <see cref="Rfc9162"/>). Slow on purpose: O(n) per subtree hash, no caching.
/// </summary>
internal static class ReferenceMerkleTree
{
    /// <summary>MTH(D[start:start+n]) (§2.1.1).</summary>
    public static Hash Mth(byte[][] d, int start, int n)
    {
        if (n == 0)
        {
            return Hash.FromBytes(SHA256.HashData(Array.Empty<byte>()));
        }

        if (n == 1)
        {
            return Hash.FromBytes(SHA256.HashData([0x00, .. d[start]]));
        }

        var k = LargestPowerOfTwoSmallerThan(n);
        return Hash.FromBytes(SHA256.HashData([0x01, .. Mth(d, start, k).ToArray(), .. Mth(d, start + k, n - k).ToArray()]));
    }

    /// <summary>MTH(D[n]).</summary>
    public static Hash Mth(byte[][] d, int n) => Mth(d, 0, n);

    /// <summary>PATH(m, D[n]) (§2.1.3.1), for 0 ≤ m &lt; n.</summary>
    public static List<Hash> Path(int m, byte[][] d, int n) => Path(m, d, 0, n);

    /// <summary>PROOF(m, D[n]) = SUBPROOF(m, D[n], true) (§2.1.4.1), for 0 &lt; m ≤ n.</summary>
    public static List<Hash> Proof(int m, byte[][] d, int n) => Subproof(m, d, 0, n, true);

    /// <summary>The sides of PATH(m, D[n]), bottom-up: true where the proof hash is the right
    /// child. Two (m, n) with the same sides combine the same proof in the same way.</summary>
    public static List<bool> PathSides(int m, int n)
    {
        if (n == 1)
        {
            return [];
        }

        var k = LargestPowerOfTwoSmallerThan(n);
        return m < k ? [.. PathSides(m, k), true] : [.. PathSides(m - k, n - k), false];
    }

    /// <summary>The shape of SUBPROOF(m, D[n], b): "seed" for MTH(D[m]) itself, then "R" or "L"
    /// for each right or left subtree hash, bottom-up.</summary>
    public static string ProofShape(int m, int n, bool b)
    {
        if (m == n)
        {
            return b ? string.Empty : "seed ";
        }

        var k = LargestPowerOfTwoSmallerThan(n);
        return m <= k ? ProofShape(m, k, b) + "R " : ProofShape(m - k, n - k, false) + "L ";
    }

    private static List<Hash> Path(int m, byte[][] d, int start, int n)
    {
        if (n == 1)
        {
            return [];
        }

        var k = LargestPowerOfTwoSmallerThan(n);
        return m < k
            ? [.. Path(m, d, start, k), Mth(d, start + k, n - k)]
            : [.. Path(m - k, d, start + k, n - k), Mth(d, start, k)];
    }

    private static List<Hash> Subproof(int m, byte[][] d, int start, int n, bool b)
    {
        if (m == n)
        {
            return b ? [] : [Mth(d, start, m)];
        }

        var k = LargestPowerOfTwoSmallerThan(n);
        return m <= k
            ? [.. Subproof(m, d, start, k, b), Mth(d, start + k, n - k)]
            : [.. Subproof(m - k, d, start + k, n - k, false), Mth(d, start, k)];
    }

    private static int LargestPowerOfTwoSmallerThan(int n)
    {
        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }

        return k;
    }
}
