namespace DataIp.Domain.Tests.Numbering;

/// <summary>Typing errors to throw at a valid identifier: it must reject every one.</summary>
internal static class Mutations
{
    /// <summary>Every string that differs from <paramref name="valid"/> in exactly one position, using <paramref name="alphabet"/>.</summary>
    public static IEnumerable<string> SingleCharacter(string valid, string alphabet)
    {
        for (var i = 0; i < valid.Length; i++)
        {
            foreach (var c in alphabet.Where(c => c != valid[i]))
            {
                yield return string.Concat(valid.AsSpan(0, i), [c], valid.AsSpan(i + 1));
            }
        }
    }

    /// <summary>Every string made by swapping two different adjacent characters of <paramref name="valid"/>.</summary>
    public static IEnumerable<string> AdjacentTranspositions(string valid)
    {
        for (var i = 0; i + 1 < valid.Length; i++)
        {
            if (valid[i] != valid[i + 1])
            {
                var chars = valid.ToCharArray();
                (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                yield return new string(chars);
            }
        }
    }
}
