namespace DataIp.Domain.Rights;

/// <summary>
/// Holdings and shares: a registration's holders hold shares in basis points that always sum to
/// <see cref="Whole"/>. Pure and thread-safe.
/// </summary>
public static class Holdings
{
    /// <summary>All of a registration, in basis points.</summary>
    public const int Whole = 10_000;

    /// <summary>
    /// The first holders' shares: the applicant and its co-applicants in equal shares, the first
    /// taking what does not divide evenly.
    /// </summary>
    /// <param name="holders">How many hold it; at least one.</param>
    /// <returns>The shares, in the holders' order, summing to <see cref="Whole"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="holders"/> is below 1 or above <see cref="Whole"/>.</exception>
    public static int[] FirstShares(int holders)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(holders, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(holders, Whole);
        var each = Whole / holders;
        return [.. Enumerable.Range(0, holders).Select(i => i == 0 ? Whole - (each * (holders - 1)) : each)];
    }

    /// <summary>Why a share cannot be transferred from a holding, or null when it can (1 to the whole holding).</summary>
    /// <param name="share">The share offered, in basis points.</param>
    /// <param name="held">The offering holder's share.</param>
    /// <returns>A sentence, or null.</returns>
    public static string? ShareProblem(int share, int held) =>
        share >= 1 && share <= held ? null
            : $"The share is in basis points of the whole: from 1 to your share, {held} ({held / 100m:0.##}%).";

    /// <summary>
    /// Why an act that disposes of the whole registration (a licence, a pledge, the cancellation)
    /// cannot be done by one holder, or null: joint filing by several holders is not built yet, so
    /// a co-held registration is refused rather than bound by one co-holder alone.
    /// </summary>
    /// <param name="holderNames">The holders' names.</param>
    /// <param name="registrationNumber">The registration.</param>
    /// <param name="what">The act, as a verb phrase ("pledge it").</param>
    /// <returns>A sentence, or null for a registration with one holder.</returns>
    public static string? NeedsEveryHolder(IReadOnlyList<string> holderNames, string registrationNumber, string what)
    {
        ArgumentNullException.ThrowIfNull(holderNames);
        return holderNames.Count <= 1 ? null
            : $"Registration {registrationNumber} has {holderNames.Count} holders ({string.Join("、", holderNames)}); "
                + $"to {what} needs all of them, and this platform does not take joint filings by several holders yet.";
    }
}
