namespace DataIp.Web.Pages.Admin;

/// <summary>
/// The administrator's start page: registration bodies and their policies, and the working-day
/// calendar (national administrators). A body administrator sees what it may manage.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel : PageModel
{
    /// <summary>Whether the viewer is a national administrator (bound to no body).</summary>
    public bool IsNational => IsNationalAdministrator(User);

    public void OnGet()
    {
    }

    /// <summary>Whether <paramref name="user"/> is a national administrator: an administrator bound to no body.</summary>
    public static bool IsNationalAdministrator(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(nameof(AccountRole.Administrator)) && !user.HasClaim(c => c.Type == Claims.BodyId);
    }
}
