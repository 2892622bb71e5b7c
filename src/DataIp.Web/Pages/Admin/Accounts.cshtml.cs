using DataIp.Data.Bodies;
using DataIp.Web.Features.Accounts;

namespace DataIp.Web.Pages.Admin;

/// <summary>
/// The accounts an administrator administers (a national administrator every account, a body
/// administrator its body's staff and its region's applicants), filtered by role, body, status and
/// identity verification and paged in the database by the same query as <c>GET /api/v1/accounts</c>
/// (<see cref="AccountList"/>); each row links to the account's page.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class AccountsModel(RegistryDbContext db) : PageModel
{
    /// <summary>Rows a page.</summary>
    public const int PageSize = 50;

    /// <summary>The role filter, if any.</summary>
    [FromQuery(Name = "role")]
    public AccountRole? Role { get; set; }

    /// <summary>The body filter, if any (a body's code).</summary>
    [FromQuery(Name = "body")]
    public string? Body { get; set; }

    /// <summary>The status filter, if any.</summary>
    [FromQuery(Name = "status")]
    public AccountStatus? Status { get; set; }

    /// <summary>The identity verification filter, if any.</summary>
    [FromQuery(Name = "identity")]
    public IdentityVerification? Identity { get; set; }

    /// <summary>The page of the list asked for, from 1.</summary>
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The accounts of this page.</summary>
    public IReadOnlyList<AccountSummary> Rows { get; private set; } = [];

    /// <summary>Whether a later page exists.</summary>
    public bool HasNext { get; private set; }

    /// <summary>The bodies the viewer may filter by, in code order: every body for a national administrator, its own for a body's.</summary>
    public IReadOnlyList<RegistrationBody> Bodies { get; private set; } = [];

    /// <summary>Whether any filter is set.</summary>
    public bool Filtered => Role is not null || !string.IsNullOrEmpty(Body) || Status is not null || Identity is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var party = ActingParty.From(User);
        var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Code).ToListAsync(ct).ConfigureAwait(false);
        Bodies = party.BodyId is { } own ? [.. bodies.Where(b => b.Id == own)] : bodies;
        Body = Bodies.Any(b => b.Code == Body) ? Body : null;
        PageNumber = Math.Max(1, PageNumber);
        Role = Defined(Role);
        Status = Defined(Status);
        Identity = Defined(Identity);
        var (page, _) = await AccountList.ReadAsync(db, party, new AccountFilter(Role, Body, Status, Identity, PageNumber, PageSize), ct).ConfigureAwait(false);
        Rows = page!.Accounts;
        HasNext = page.HasNext;
    }

    /// <summary>This list's address with the same filters, on page <paramref name="page"/>.</summary>
    public string PageHref(int page)
    {
        var query = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null && !string.IsNullOrEmpty(value.ToString()))
            {
                query.Add($"{name}={Uri.EscapeDataString(value.ToString()!)}");
            }
        }

        Add("role", Role);
        Add("body", Body);
        Add("status", Status);
        Add("identity", Identity);
        Add("page", page > 1 ? page : null);
        return query.Count == 0 ? "/admin/accounts" : "/admin/accounts?" + string.Join("&", query);
    }

    /// <summary>An account's role as the pages name it: an administrator bound to a body is that body's administrator.</summary>
    public static string RoleLabel(AccountRole role, string? bodyCode) => Text.Get(role switch
    {
        AccountRole.Applicant => "Role.Applicant",
        AccountRole.Examiner => "Role.Examiner",
        AccountRole.Administrator when bodyCode is not null => "Role.BodyAdministrator",
        AccountRole.Administrator => "Role.NationalAdministrator",
        AccountRole.Pledgee => "Role.Pledgee",
        _ => "Role.Unknown",
    });

    private static T? Defined<T>(T? value)
        where T : struct, Enum => value is { } v && Enum.IsDefined(v) ? v : null;
}
