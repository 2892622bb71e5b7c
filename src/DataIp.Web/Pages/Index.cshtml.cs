using System.Globalization;
using DataIp.Data.Bodies;

namespace DataIp.Web.Pages;

/// <summary>The home page (anyone): where to go, and who is signed in.</summary>
[AllowAnonymous]
public sealed class IndexModel(RegistryDbContext db) : PageModel
{
    /// <summary>Whether someone is signed in with the page cookie.</summary>
    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    /// <summary>The body the signed-in examiner or body administrator is bound to.</summary>
    public RegistrationBody? Body { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.FindFirst(Claims.BodyId)?.Value is { } bodyId)
        {
            var id = int.Parse(bodyId, CultureInfo.InvariantCulture);
            Body = await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct).ConfigureAwait(false);
        }
    }
}
