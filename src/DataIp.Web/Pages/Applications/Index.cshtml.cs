namespace DataIp.Web.Pages.Applications;

/// <summary>
/// The applications the signed-in user may see, by the same rule as <c>GET /api/v1/applications</c>:
/// an applicant's own, an examiner's body's, and so on. A role that sees none (a pledgee) gets the
/// access-denied page rather than an empty list, and no menu item leads it here (<see cref="SiteMenu"/>).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(RegistryDbContext db) : PageModel
{
    private Dictionary<string, string> _bodyNames = [];

    /// <summary>The applications, newest first.</summary>
    public IReadOnlyList<ApplicationSummary> Applications { get; private set; } = [];

    /// <summary>The page's heading, which says whose applications these are.</summary>
    public Bilingual Heading { get; private set; } = new("申请", "Applications");

    /// <summary>Which applications the list holds, for the signed-in role.</summary>
    public Bilingual Scope { get; private set; } = new("", "");

    /// <summary>Whether this page lists anything for <paramref name="user"/>: applicants, examiners and administrators.</summary>
    public static bool IsFor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(nameof(AccountRole.Applicant)) || user.IsInRole(nameof(AccountRole.Examiner)) || user.IsInRole(nameof(AccountRole.Administrator));
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!IsFor(User))
        {
            return Forbid();
        }

        var party = ActingParty.From(User);
        Applications = await ApplicationQueries.ListAsync(db, party, state: null, ct).ConfigureAwait(false);
        _bodyNames = await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.Code, b => b.Name, ct).ConfigureAwait(false);
        (Heading, Scope) = party.Role switch
        {
            AccountRole.Applicant => (new Bilingual("我的申请", "My applications"),
                new Bilingual("本账户提交或起草的全部申请。", "Every application this account has drafted or submitted.")),
            AccountRole.Examiner => (new Bilingual("本机构的申请", "Applications to my body"),
                new Bilingual("向本登记机构提交的申请（不含草稿）。", "Applications submitted to this registration body (drafts are private).")),
            AccountRole.Administrator when party.BodyId is not null => (new Bilingual("本机构的申请", "Applications to my body"),
                new Bilingual("向本登记机构提交的申请（不含草稿）。", "Applications submitted to this registration body (drafts are private).")),
            _ => (new Bilingual("全部申请", "All applications"),
                new Bilingual("向各登记机构提交的申请（不含草稿）。", "Applications submitted to every registration body (drafts are private).")),
        };
        return Page();
    }

    /// <summary>The Chinese name of a body, or its code if unknown.</summary>
    public string BodyName(string code) => _bodyNames.GetValueOrDefault(code, code);
}
