namespace DataIp.Bench.Overlap;

/// <summary>
/// MinHash exactly as docs/fingerprint-format.md §4 writes it: k = 128, seeds from SplitMix64
/// started at "dataip-1", value_i = min over features of mix(f ^ s_i). Written from the document,
/// not shared with the library, so the benchmark's sketches do not depend on the code measured.
/// </summary>
internal static class SpecMinHash
{
    private static readonly ulong[] Seeds = MakeSeeds();

    public static ulong[] Sketch(IEnumerable<ulong> features)
    {
        var values = Enumerable.Repeat(ulong.MaxValue, Seeds.Length).ToArray();
        foreach (var feature in features)
        {
            for (var i = 0; i < Seeds.Length; i++)
            {
                values[i] = Math.Min(values[i], Mix(feature ^ Seeds[i]));
            }
        }

        return values;
    }

    private static ulong Mix(ulong x)
    {
        unchecked
        {
            x ^= x >> 30;
            x *= 0xBF58476D1CE4E5B9UL;
            x ^= x >> 27;
            x *= 0x94D049BB133111EBUL;
            return x ^ (x >> 31);
        }
    }

    private static ulong[] MakeSeeds()
    {
        var state = 0x6461746169702D31UL;
        var seeds = new ulong[128];
        for (var i = 0; i < seeds.Length; i++)
        {
            unchecked
            {
                state += 0x9E3779B97F4A7C15UL;
            }

            seeds[i] = Mix(state);
        }

        return seeds;
    }
}
