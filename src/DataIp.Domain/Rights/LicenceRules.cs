using DataIp.Domain.Registration;

namespace DataIp.Domain.Rights;

/// <summary>A licence's kind, rights and term: what decides whether two licences conflict.</summary>
/// <param name="Kind">Exclusive, sole or non-exclusive.</param>
/// <param name="Rights">The rights licensed.</param>
/// <param name="StartsOn">First day of the term.</param>
/// <param name="EndsOn">Last day of the term.</param>
public sealed record LicenceTerms(LicenceKind Kind, IReadOnlyCollection<DataRight> Rights, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>
/// When licences of one registration conflict: an exclusive or a sole licence admits no other
/// licence of the same right for an overlapping term (an exclusive licence excludes even the
/// holder, a sole licence every other licensee; either way a second licensee cannot be recorded).
/// Two non-exclusive licences never conflict.
/// </summary>
public static class LicenceRules
{
    /// <summary>Whether the terms share a right and at least one day.</summary>
    public static bool Overlap(LicenceTerms a, LicenceTerms b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.StartsOn <= b.EndsOn && b.StartsOn <= a.EndsOn && a.Rights.Intersect(b.Rights).Any();
    }

    /// <summary>Whether <paramref name="proposed"/> conflicts with <paramref name="recorded"/>.</summary>
    public static bool Conflict(LicenceTerms proposed, LicenceTerms recorded)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        ArgumentNullException.ThrowIfNull(recorded);
        return (proposed.Kind != LicenceKind.NonExclusive || recorded.Kind != LicenceKind.NonExclusive) && Overlap(proposed, recorded);
    }

    /// <summary>The first recorded licence that conflicts with the proposed one, or default.</summary>
    public static T? FirstConflict<T>(LicenceTerms proposed, IEnumerable<T> recorded, Func<T, LicenceTerms> terms)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(terms);
        return recorded.FirstOrDefault(r => Conflict(proposed, terms(r)));
    }
}
