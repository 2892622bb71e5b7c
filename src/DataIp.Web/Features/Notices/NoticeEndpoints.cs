using DataIp.Web.Features.Objections;
using DataIp.Web.Features.Register;

namespace DataIp.Web.Features.Notices;

/// <summary>
/// What the public sees and does: public notices, objections to them, and the register of
/// registered data. No private content (contact details, drafts) is ever shown here.
/// </summary>
internal static class NoticeEndpoints
{

    public static void MapNoticesApi(this IEndpointRouteBuilder app)
    {
        var notices = app.MapGroup("/api/v1/notices").WithTags("Public notices").AllowAnonymous();
        notices.MapGet("/", ListAsync).CacheOutput(PublicReads.Policy).WithName("ListNotices").WithSummary("Applications under public notice (anyone).");
        notices.MapGet("/{applicationNumber}", GetAsync).CacheOutput(PublicReads.Policy).WithName("GetNotice").WithSummary("One application under public notice (anyone).");
        notices.MapPost("/{applicationNumber}/objections", FileObjectionAsync).DisableAntiforgery()
            .Accepts<ObjectionForm>("multipart/form-data")
            .WithName("FileObjection").WithSummary("File an objection during the notice period, with up to five evidence files (anyone).");

        app.MapGet("/api/v1/registrations/{registrationNumber}", RegistrationAsync).CacheOutput(PublicReads.Policy).AllowAnonymous().WithTags("Register")
            .WithName("GetRegistration").WithSummary("The public record of a registration (anyone).");
    }

    private static async Task<Ok<List<PublicApplicationView>>> ListAsync(RegistryDbContext db, string? bodyCode, CancellationToken ct) =>
        TypedResults.Ok(await NoticeQueries.ListAsync(db, bodyCode, ct).ConfigureAwait(false));

    private static async Task<Results<Ok<PublicApplicationView>, ProblemHttpResult>> GetAsync(
        string applicationNumber, RegistryDbContext db, HttpContext http, CancellationToken ct)
    {
        var app = await db.Applications.AsNoTracking().Include(a => a.Body)
            .SingleOrDefaultAsync(a => a.ApplicationNumber == applicationNumber, ct).ConfigureAwait(false);
        if (app?.NoticeStartedAt is null)
        {
            return Problems.NotFound($"Public notice {applicationNumber}");
        }

        PublicReads.Concerns(http, app.Id);
        return TypedResults.Ok(PublicApplicationView.Of(app));
    }

    private static async Task<Results<Ok<PublicApplicationView>, ProblemHttpResult>> RegistrationAsync(
        string registrationNumber, RegistryDbContext db, HttpContext http, CancellationToken ct)
    {
        var app = await db.Applications.AsNoTracking().Include(a => a.Body)
            .SingleOrDefaultAsync(a => a.RegistrationNumber == registrationNumber, ct).ConfigureAwait(false);
        if (app is null)
        {
            return Problems.NotFound($"Registration {registrationNumber}");
        }

        PublicReads.Concerns(http, app.Id);
        return TypedResults.Ok(PublicApplicationView.Of(app));
    }

    /// <summary>What an objection's form carries: the act says which of its fields are required.</summary>
    private static readonly FormShape ObjectionShape = new(
        ["objectorName", "objectorContact", "grounds"], new Dictionary<string, int> { ["files"] = ObjectionDesk.MaxFiles }, new Dictionary<string, string>());

    private static async Task<Results<Created<PublicApplicationView>, ValidationProblem, ProblemHttpResult>> FileObjectionAsync(
        string applicationNumber, HttpRequest request, ClaimsPrincipal user, ObjectionDesk desk, CancellationToken ct)
    {
        // The body first, as for a bound JSON body: a broken one is a 400 whatever the notice.
        var read = await RequestBodies.ReadFormAsync(request, ObjectionShape, ct).ConfigureAwait(false);
        if (read.Problem is { } problem)
        {
            return problem.AnswerFor<Created<PublicApplicationView>>();
        }

        var form = new ObjectionForm(read.Value!);
        var party = ActingParty.From(user, anonymousName: form.ObjectorName?.Trim() ?? "public");
        var outcome = await desk.FileAsync(applicationNumber, new ObjectionFiling(form.ObjectorName, form.ObjectorContact, form.Grounds), [.. read.Value!.Files], party, ct)
            .ConfigureAwait(false);
        return outcome.Refusal is { } refused
            ? refused.ToProblem().AnswerFor<Created<PublicApplicationView>>()
            : TypedResults.Created($"/api/v1/notices/{applicationNumber}", PublicApplicationView.Of(outcome.Application!));
    }
}

/// <summary>The form fields of an objection; any may be missing (the act says which are required).</summary>
public sealed class ObjectionForm
{
    /// <summary>An empty form (the API description's example).</summary>
    public ObjectionForm()
    {
    }

    internal ObjectionForm(IFormCollection form)
    {
        ObjectorName = Text(form, "objectorName");
        ObjectorContact = Text(form, "objectorContact");
        Grounds = Text(form, "grounds");
    }

    /// <summary>The objector's name (public).</summary>
    public string? ObjectorName { get; set; }

    /// <summary>Phone or e-mail (examiners only).</summary>
    public string? ObjectorContact { get; set; }

    /// <summary>The grounds of the objection.</summary>
    public string? Grounds { get; set; }

    private static string? Text(IFormCollection form, string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;
}
