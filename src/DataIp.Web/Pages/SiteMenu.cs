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
    /// <summary>The public register's search, first in every menu.</summary>
    public static readonly PageLink Search = new("/search", new("Search.Menu"));

    /// <summary>The public notices (anyone).</summary>
    public static readonly PageLink Notices = new("/notices", new("Menu.Notices"));

    /// <summary>The certificate verification page (anyone).</summary>
    public static readonly PageLink Verify = new("/verify", new("Menu.Verify"));

    /// <summary>The registrations an applicant holds (applicants).</summary>
    public static readonly PageLink Registrations = new("/registrations", new("Reg.MyRegistrations"));

    /// <summary>The API reference (anyone).</summary>
    public static readonly PageLink ApiReference = new("/docs", new("Menu.ApiReference"));

    /// <summary>The bank's desk (a pledgee).</summary>
    public static readonly PageLink Bank = new("/bank", new("Bank.Menu"));

    /// <summary>The signed-in account's notifications (every role); the layout adds the unread count.</summary>
    public static readonly PageLink Notifications = new("/notifications", new("Notify.Menu"));

    /// <summary>The administrator's pages (administrators).</summary>
    public static readonly PageLink Administration = new("/admin", new("Admin.Menu"));

    /// <summary>The accounts the administrator administers (administrators).</summary>
    public static readonly PageLink Accounts = new("/admin/accounts", new("Accounts.Menu"));

    /// <summary>The menu of <paramref name="user"/>, in order.</summary>
    public static IReadOnlyList<PageLink> For(ClaimsPrincipal user) => [Search, .. ForRole(user)];

    // The menu after the search, by what the user is.
    private static IReadOnlyList<PageLink> ForRole(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return [Notices, Verify, ApiReference];
        }

        var applications = Applications(user);
        if (Pages.Bank.IndexModel.IsFor(user))
        {
            return [Bank, Notices, Verify, Notifications, ApiReference];
        }

        IReadOnlyList<PageLink> menu = applications is null ? [Notices, Verify, Notifications, ApiReference]
            : user.IsInRole(nameof(Data.Accounts.AccountRole.Applicant)) ? [Notices, applications, Registrations, Verify, Notifications, ApiReference]
            : [Notices, applications, Verify, Notifications, ApiReference];
        return user.IsInRole(nameof(Data.Accounts.AccountRole.Administrator)) ? [.. menu.Take(2), Administration, Accounts, .. menu.Skip(2)] : menu;
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
