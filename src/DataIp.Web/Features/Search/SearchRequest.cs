using DataIp.Domain.Search;

namespace DataIp.Web.Features.Search;

/// <summary>The orders a search's results come in, each ending in the row's key.</summary>
public enum SearchSort
{
    /// <summary>Most recent record date first (registration date, or the first day of the notice).</summary>
    Newest,

    /// <summary>Oldest record date first.</summary>
    Oldest,

    /// <summary>By public number (registration number, or application number before registration).</summary>
    Number,

    /// <summary>By data name (code point order).</summary>
    Name,
}

/// <summary>A search of the public register: the words, the filters, the order and the page.</summary>
/// <param name="Query">What was typed (kept to show it again).</param>
/// <param name="Terms">The query's terms (<see cref="SearchTerms.ForQuery"/>); none matches every public record.</param>
/// <param name="Body">A registration body's code.</param>
/// <param name="Region">A body's region (GB/T 2260), exactly.</param>
/// <param name="Industry">A GB/T 4754 section (one letter) or division (letter and two digits).</param>
/// <param name="State">Where the application stands.</param>
/// <param name="Right">A right claimed.</param>
/// <param name="Pledged">Whether a registered pledge is not yet released.</param>
/// <param name="From">Record dates from this day.</param>
/// <param name="To">Record dates to this day.</param>
/// <param name="Sort">The order.</param>
/// <param name="After">Where the previous page ended.</param>
/// <param name="Limit">At most this many results.</param>
public sealed record SearchRequest(
    string? Query, IReadOnlyList<QueryTerm> Terms, string? Body, string? Region, string? Industry, ApplicationState? State, DataRight? Right,
    bool? Pledged, DateOnly? From, DateOnly? To, SearchSort Sort, SearchCursor? After, int Limit)
{
    /// <summary>Results a page unless asked otherwise.</summary>
    public const int DefaultLimit = 20;

    /// <summary>The most results a page.</summary>
    public const int MaxLimit = 100;

    /// <summary>The longest query, in characters.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>The states a public record can be in (the values of <c>state</c>).</summary>
    public static IReadOnlyList<ApplicationState> PublicStates { get; } =
    [
        ApplicationState.PublicNotice, ApplicationState.ObjectionReview, ApplicationState.Registered, ApplicationState.Rejected,
        ApplicationState.Revoked, ApplicationState.Expired, ApplicationState.Cancelled,
    ];

    /// <summary>Everything public, newest first.</summary>
    public static SearchRequest All { get; } = new(null, [], null, null, null, null, null, null, null, null, SearchSort.Newest, null, DefaultLimit);
}
