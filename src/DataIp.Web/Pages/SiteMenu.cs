namespace DataIp.Web.Pages;

/// <summary>A link to a page of the site, with its words.</summary>
/// <param name="Href">The local address, e.g. <c>/notices</c>.</param>
/// <param name="Text">What the link says.</param>
public sealed record PageLink(string Href, Words Text);

/// <summary>
/// The main menu in the page header. Each signed-in role sees only the pages it can use: a menu
/// item never leads to a sign-in form, an access-denied page or a page with nothing for that role.
/// </summary>
internal static class SiteMenu
{
    /// <summary>The public notices (anyone).</summary>
    public static readonly PageLink Notices = new("/notices", new("Menu.Notices"));

    /// <summary>The certificate verification page (anyone).</summary>
    public static readonly PageLink Verify = new("/verify", new("Menu.Verify"));

    /// <summary>The API reference (anyone).</summary>
    public static readonly PageLink ApiReference = new("/docs", new("Menu.ApiReference"));

    /// <summary>The administrator's pages (administrators).</summary>
    public static readonly PageLink Administration = new("/admin", new("Admin.Menu"));

    /// <summary>The menu of <paramref name="user"/>, in order.</summary>
    public static IReadOnlyList<PageLink> For(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var applications = Applications(user);
        IReadOnlyList<PageLink> menu = applications is null ? [Notices, Verify, ApiReference] : [Notices, applications, Verify, ApiReference];
        return user.IsInRole(nameof(Data.Accounts.AccountRole.Administrator)) ? [.. menu.Take(menu.Count - 2), Administration, .. menu.TakeLast(2)] : menu;
    }

    /// <summary>
    /// The applications page as the user's menu names it, or null for a role that sees no
    /// applications there (the anonymous visitor, a pledgee: see <see cref="Pages.Applications.IndexModel.IsFor"/>).
    /// </summary>
    public static PageLink? Applications(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!Pages.Applications.IndexModel.IsFor(user))
        {
            return null;
        }

        return user.IsInRole(nameof(Data.Accounts.AccountRole.Applicant))
            ? new PageLink("/applications", new("Menu.MyApplications"))
            : new PageLink("/applications", new("Menu.Applications"));
    }
}
