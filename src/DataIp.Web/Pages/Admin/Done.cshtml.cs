namespace DataIp.Web.Pages.Admin;

/// <summary>
/// The confirmation after an administrator's act (GOV.UK's confirmation page): what was done,
/// when, and what follows. Only the administrator who did it sees it; any other act is a 404.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class DoneModel(RegistryDbContext db) : PageModel
{
    /// <summary>Where to go back to after each act, and the text of the link.</summary>
    private static readonly Dictionary<string, (string Href, string Key)> Back = new()
    {
        [ActTypes.AddBody] = ("/admin/bodies", "Admin.Bodies.Back"),
        [ActTypes.ChangePolicy] = ("/admin/bodies", "Admin.Bodies.Back"),
        [ActTypes.EnterCalendarYear] = ("/admin/calendars", "Admin.Calendars.Back"),
    };

    /// <summary>The act's type.</summary>
    public string ActType { get; private set; } = "";

    /// <summary>When it was done.</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>Its number in the transparency log.</summary>
    public long LogIndex { get; private set; }

    /// <summary>The page to go back to, and its link's text key.</summary>
    public (string Href, string Key) Return { get; private set; }

    /// <summary>The acts on an account, which go back to the account's page.</summary>
    private static readonly HashSet<string> AccountActs =
        [ActTypes.CreateAccount, ActTypes.VerifyAccount, ActTypes.ChangeAccountRole, ActTypes.DisableAccount, ActTypes.EnableAccount];

    /// <summary>The key of the text saying what happens next.</summary>
    public string NextKey => (AccountActs.Contains(ActType) ? "Accounts.Next." : "Admin.Next.") + ActType;

    public async Task<IActionResult> OnGetAsync(Guid actId, CancellationToken ct)
    {
        var me = ActingParty.From(User).AccountId;
        var act = await db.Acts.AsNoTracking().Where(a => a.Id == actId && a.ActorId == me)
            .Select(a => new { a.Type, a.At, a.LogIndex, a.Payload }).SingleOrDefaultAsync(ct).ConfigureAwait(false);
        if (act is null || !(Back.TryGetValue(act.Type, out var back) || AccountActs.Contains(act.Type)))
        {
            return NotFound();
        }

        if (AccountActs.Contains(act.Type))
        {
            using var payload = System.Text.Json.JsonDocument.Parse(act.Payload);
            back = ($"/admin/accounts/{payload.RootElement.GetProperty("accountId").GetGuid()}", "Accounts.BackToAccount");
        }

        (ActType, At, LogIndex, Return) = (act.Type, act.At, act.LogIndex, back);
        return Page();
    }
}
