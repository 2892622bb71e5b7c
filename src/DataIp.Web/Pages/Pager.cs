namespace DataIp.Web.Pages;

/// <summary>
/// The links between the pages of a list (Pages/Shared/_Pager.cshtml), and the one rule for the
/// page number a list is asked for: from 1 to <see cref="MaxPage"/>, anything else clamped, so a
/// page out of range is an empty page (or the first), never an error or an overflowing offset.
/// The list's filters go into every link, so that a page is the next page of the same list.
/// </summary>
/// <param name="Path">The list's path, e.g. <c>/applications</c>.</param>
/// <param name="PageNumber">The page shown, from 1.</param>
/// <param name="HasNext">Whether a later page exists.</param>
/// <param name="Label">The navigation's accessible name, in the page's language.</param>
/// <param name="Filters">The list's filters, as query parameters (empty values are left out).</param>
/// <param name="PreviousKey">The resource key of the link to the previous page.</param>
/// <param name="NextKey">The resource key of the link to the next page.</param>
public sealed record Pager(
    string Path, int PageNumber, bool HasNext, string Label, IReadOnlyList<KeyValuePair<string, string?>>? Filters = null,
    string PreviousKey = "Pager.Previous", string NextKey = "Pager.Next")
{
    /// <summary>A page number beyond this is the last one asked for (and never overflows the offset).</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>The page number a list shows for the one asked for.</summary>
    public static int Clamp(int page) => Math.Clamp(page, 1, MaxPage);

    /// <summary>Whether there is any other page to link to.</summary>
    public bool Shown => PageNumber > 1 || HasNext;

    /// <summary>The link to page <paramref name="page"/> of the same list, filters first.</summary>
    public string Href(int page) =>
        Path + QueryString.Create([.. (Filters ?? []).Where(f => !string.IsNullOrEmpty(f.Value)), new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
}
