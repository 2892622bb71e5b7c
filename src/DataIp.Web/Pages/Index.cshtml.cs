using System.Globalization;
using DataIp.Data.Bodies;
using DataIp.Web.Features.Register;

namespace DataIp.Web.Pages;

/// <summary>The home page (anyone): the register's figures, where to go, and who is signed in.</summary>
[AllowAnonymous]
public sealed class IndexModel(RegistryDbContext db, RegisterFigures figures) : PageModel
{
    /// <summary>The register's figures.</summary>
    public RegisterFiguresView Figures { get; private set; } = null!;

    /// <summary>Whether someone is signed in with the page cookie.</summary>
    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    /// <summary>The body the signed-in examiner or body administrator is bound to.</summary>
    public RegistrationBody? Body { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Figures = await figures.ReadAsync(ct).ConfigureAwait(false);
        if (User.FindFirst(Claims.BodyId)?.Value is { } bodyId)
        {
            var id = int.Parse(bodyId, CultureInfo.InvariantCulture);
            Body = await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct).ConfigureAwait(false);
        }
    }
}
