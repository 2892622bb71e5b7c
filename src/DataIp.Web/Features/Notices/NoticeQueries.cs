namespace DataIp.Web.Features.Notices;

/// <summary>
/// The public notices, shared by the API (<c>GET /api/v1/notices</c>) and the page
/// (<c>/notices</c>), so that both show the same applications and no private content.
/// </summary>
internal static class NoticeQueries
{
    /// <summary>The most notices one list returns.</summary>
    public const int MaxListed = 500;

    /// <summary>
    /// Applications under public notice or objection review, newest application number first, at
    /// most <see cref="MaxListed"/>, optionally of one body; in their public view only.
    /// </summary>
    public static async Task<List<PublicApplicationView>> ListAsync(RegistryDbContext db, string? bodyCode, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Applications.AsNoTracking().Include(a => a.Body)
            .Where(a => a.State == ApplicationState.PublicNotice || a.State == ApplicationState.ObjectionReview);
        if (!string.IsNullOrWhiteSpace(bodyCode))
        {
            query = query.Where(a => a.Body.Code == bodyCode);
        }

        var rows = await query.OrderByDescending(a => a.ApplicationNumber).Take(MaxListed).ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.Select(PublicApplicationView.Of)];
    }
}
