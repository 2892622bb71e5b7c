using DataIp.Web.Features.Notices;

namespace DataIp.Web.Pages.Notices;

/// <summary>The public notices (anyone): the same list as <c>GET /api/v1/notices</c>, public content only.</summary>
[AllowAnonymous]
public sealed class IndexModel(RegistryDbContext db) : PageModel
{
    /// <summary>Applications under public notice or objection review.</summary>
    public IReadOnlyList<PublicApplicationView> Notices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Notices = await NoticeQueries.ListAsync(db, bodyCode: null, ct).ConfigureAwait(false);
}
