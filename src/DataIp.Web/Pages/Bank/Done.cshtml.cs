namespace DataIp.Web.Pages.Bank;

/// <summary>
/// The confirmation after an act on the bank's desk (GOV.UK's confirmation page): what was done, on
/// which registration and pledge, and what happens next. Only the bank that did the act sees it.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DoneModel(RegistryDbContext db) : PageModel
{
    // The acts the desk takes.
    private static readonly string[] DeskActs = [ActTypes.ConfirmPledge, ActTypes.ConsentToAct, ActTypes.ReleasePledge];

    /// <summary>The act done.</summary>
    public string ActType { get; private set; } = "";

    /// <summary>The registration it is on.</summary>
    public string RegistrationNumber { get; private set; } = "";

    /// <summary>The data's name.</summary>
    public string DataName { get; private set; } = "";

    /// <summary>The pledge it is on.</summary>
    public string PledgeNumber { get; private set; } = "";

    /// <summary>What happens next, in the page's language.</summary>
    public string Next { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid actId, CancellationToken ct)
    {
        var bank = ActingParty.From(User).AccountId;
        var act = await db.Acts.AsNoTracking().Where(a => a.Id == actId && a.ActorId == bank && DeskActs.Contains(a.Type))
            .Join(db.Applications, a => a.ApplicationId, r => r.Id, (a, r) => new { a.Type, a.Payload, r.RegistrationNumber, r.DataName })
            .SingleOrDefaultAsync(ct).ConfigureAwait(false);
        if (act is null || !IndexModel.IsFor(User))
        {
            return NotFound();
        }

        ActType = act.Type;
        RegistrationNumber = act.RegistrationNumber ?? "";
        DataName = act.DataName;
        (PledgeNumber, Next) = ActJson.Read(act.Type, act.Payload) switch
        {
            ConfirmPledgeAct confirmed => (confirmed.Pledge.Number, Text.Format("Bank.Next.confirmPledge", confirmed.Pledge.Priority)),
            ConsentToActAct consent => (consent.PledgeNumber, Text.Format("Bank.Next.consentToAct", Text.Get("Bank.Purpose." + consent.Purpose))),
            ReleasePledgeAct released => (released.PledgeNumber, Text.Get("Bank.Next.releasePledge")),
            _ => ("", Text.Get("Next.other")),
        };
        return Page();
    }
}
