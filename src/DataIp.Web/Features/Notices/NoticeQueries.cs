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
    public static Task<List<PublicApplicationView>> ListAsync(RegistryDbContext db, string? bodyCode, CancellationToken ct) =>
        ListAsync(db, bodyCode, 0, MaxListed, ct);

    /// <summary>
    /// <paramref name="take"/> notices after the first <paramref name="skip"/> in the same order
    /// (newest application number first), optionally of one body: the page's list, a page at a time.
    /// </summary>
    public static async Task<List<PublicApplicationView>> ListAsync(RegistryDbContext db, string? bodyCode, int skip, int take, CancellationToken ct)
    {
        var rows = await OnNotice(db, bodyCode).OrderByDescending(a => a.ApplicationNumber).Skip(skip).Take(Math.Min(take, MaxListed))
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.Select(PublicApplicationView.Of)];
    }

    /// <summary>How many applications are under notice or objection review, optionally of one body.</summary>
    public static Task<int> CountAsync(RegistryDbContext db, string? bodyCode, CancellationToken ct) => OnNotice(db, bodyCode).CountAsync(ct);

    private static IQueryable<ApplicationRecord> OnNotice(RegistryDbContext db, string? bodyCode)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Applications.AsNoTracking().Include(a => a.Body)
            .Where(a => a.State == ApplicationState.PublicNotice || a.State == ApplicationState.ObjectionReview);
        return string.IsNullOrWhiteSpace(bodyCode) ? query : query.Where(a => a.Body.Code == bodyCode);
    }
}
