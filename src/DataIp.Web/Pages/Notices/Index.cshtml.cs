using DataIp.Web.Features.Notices;

namespace DataIp.Web.Pages.Notices;

/// <summary>The public notices (anyone): the same list as <c>GET /api/v1/notices</c>, public content only, a page at a time.</summary>
[AllowAnonymous]
public sealed class IndexModel(RegistryDbContext db) : PageModel
{
    /// <summary>Notices on one page of the list.</summary>
    public const int PageSize = 50;

    /// <summary>The page of the list asked for, from 1.</summary>
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Applications under public notice or objection review on this page, newest first.</summary>
    public IReadOnlyList<PublicApplicationView> Notices { get; private set; } = [];

    /// <summary>How many applications are under notice in all.</summary>
    public int Total { get; private set; }

    /// <summary>Whether a later page exists.</summary>
    public bool HasNext => PageNumber * (long)PageSize < Total;

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Pager.Clamp(PageNumber);
        Total = await NoticeQueries.CountAsync(db, bodyCode: null, ct).ConfigureAwait(false);
        Notices = await NoticeQueries.ListAsync(db, bodyCode: null, (PageNumber - 1) * PageSize, PageSize, ct).ConfigureAwait(false);
    }
}
