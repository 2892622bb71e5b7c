using System.Text.Json;

namespace DataIp.Web.Pages.Drafts;

/// <summary>
/// The confirmation after handing an application to a colleague. The giver no longer reads the
/// application, so this page rests on the act: only the account that made it sees it (anyone else:
/// 404), with the colleague's name as the act recorded it.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class HandedOverModel(RegistryDbContext db) : PageModel
{
    /// <summary>The application's data name.</summary>
    public string DataName { get; private set; } = "";

    /// <summary>The colleague's name.</summary>
    public string ColleagueName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid actId, CancellationToken ct)
    {
        var party = ActingParty.From(User);
        var act = await db.Acts.AsNoTracking()
            .Where(a => a.Id == actId && a.Type == ActTypes.HandOverApplication && a.ActorId == party.AccountId)
            .Select(a => new { a.Payload, a.ApplicationId }).SingleOrDefaultAsync(ct).ConfigureAwait(false);
        if (act is null)
        {
            return NotFound();
        }

        DataName = await db.Applications.AsNoTracking().Where(a => a.Id == act.ApplicationId).Select(a => a.DataName).SingleAsync(ct).ConfigureAwait(false);
        using var payload = JsonDocument.Parse(act.Payload);
        ColleagueName = payload.RootElement.TryGetProperty("toName", out var name) ? name.GetString() ?? "" : "";
        return Page();
    }
}
