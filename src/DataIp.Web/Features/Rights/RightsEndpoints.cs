using DataIp.Domain.Numbering;
using DataIp.Web.Features.Rights.Changes;
using DataIp.Web.Features.Rights.Licences;
using DataIp.Web.Features.Rights.Pledges;
using DataIp.Web.Features.Rights.Transfers;

namespace DataIp.Web.Features.Rights;

/// <summary>The register of rights over HTTP (docs/rights.md).</summary>
internal static class RightsEndpoints
{
    public static void MapRightsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/registrations/{registrationNumber}").WithTags("Rights");
        group.MapGet("/status", StatusAsync).AllowAnonymous()
            .WithName("GetLegalStatus").WithSummary("Legal status at an instant (at=YYYY-MM-DD for the end of that day in China, or an ISO 8601 instant; default now): holders, validity, licences, pledges in priority order, computed from the acts.");

        var signedIn = group.MapGroup("").RequireAuthorization(Policies.SignedIn);
        signedIn.MapGet("/rights", RightsAsync)
            .WithName("GetRights").WithSummary("The register of rights with what only parties see: filings awaiting confirmation, offers, change requests, identifiers (holders, examiners of the body and administrators see all; a pledgee, licensee or transferee its own entries).");
        signedIn.MapPost("/licences", (string registrationNumber, LicenceRequest body, ClaimsPrincipal user, ActPipeline acts, CancellationToken ct) =>
                Act(acts, registrationNumber, user, new RecordLicence(body), null, Recorded, ct))
            .WithName("RecordLicence")
            .WithSummary("Record a licence (a holder). An exclusive or sole licence conflicts with any other licence of the same right and term (409 names it) and needs every active pledgee's consent.");
        signedIn.MapPost("/pledges", (string registrationNumber, PledgeRequest body, ClaimsPrincipal user, ActPipeline acts, CancellationToken ct) =>
                Act(acts, registrationNumber, user, new FilePledge(body), null, Filed, ct))
            .WithName("FilePledge").WithSummary("File a pledge (the holder, naming the pledgee; or a pledgee). Not in force until the other side confirms.");
        signedIn.MapPost("/pledges/{pledgeNumber}/confirm", (string registrationNumber, string pledgeNumber, ClaimsPrincipal user, ActPipeline acts, CancellationToken ct) =>
                Act(acts, registrationNumber, user, new ConfirmPledge(pledgeNumber), null, ct))
            .WithName("ConfirmPledge").WithSummary("Confirm a filed pledge (the other side): it is registered and ranks by the time of registration.");
        signedIn.MapPost("/pledges/{pledgeNumber}/consents", (string registrationNumber, string pledgeNumber, ConsentRequest body, ClaimsPrincipal user, ActPipeline acts, CancellationToken ct) =>
                Act(acts, registrationNumber, user, new ConsentToAct(pledgeNumber, body), null, Recorded, ct))
            .WithName("ConsentToAct").WithSummary("Record the pledgee's consent to a transfer, a cancellation or an exclusive licence (the pledgee).");
        signedIn.MapPost("/pledges/{pledgeNumber}/release", ReleaseAsync).DisableAntiforgery()
            .WithName("ReleasePledge")
            .Accepts<ReasonRequest>("application/json", "multipart/form-data")
            .AddOpenApiOperationTransformer(CourtOrderReleaseRequest.DescribeAsync)
            .WithSummary("Release a pledge: the pledgee (JSON {reason}), or an examiner of the body on a court order (multipart: courtOrder file, courtOrderNumber, courtName, courtOrderDate yyyy-MM-dd, reason).");
        signedIn.MapPost("/transfers", (string registrationNumber, TransferRequest body, ClaimsPrincipal user, ActPipeline acts, CancellationToken ct) =>
                Act(acts, registrationNumber, user, new ProposeTransfer(body), body.Reason, Filed, ct))
            .WithName("ProposeTransfer").WithSummary("Offer a holder's share, or the whole, to another applicant account (a holder); in effect once accepted.");
        signedIn.MapPost("/transfers/{transferNumber}/accept", (string registrationNumber, string transferNumber, ClaimsPrincipal user, ActPipeline acts, CancellationToken ct) =>
                Act(acts, registrationNumber, user, new AcceptTransfer(transferNumber), null, ct))
            .WithName("AcceptTransfer").WithSummary("Accept a transfer (the transferee); needs every active pledgee's consent; a new certificate is issued.");
        signedIn.MapPost("/transfers/{transferNumber}/decline", (string registrationNumber, string transferNumber, ReasonRequest? body, ClaimsPrincipal user, ActPipeline acts, CancellationToken ct) =>
                Act(acts, registrationNumber, user, new DeclineTransfer(transferNumber), body?.Reason, ct))
            .WithName("DeclineTransfer").WithSummary("Decline (the transferee) or withdraw (the offering holder) an open transfer.");
        signedIn.MapPost("/changes", (string registrationNumber, ChangeParticularsRequest body, ClaimsPrincipal user, ActPipeline acts, CancellationToken ct) =>
                Act(acts, registrationNumber, user, new RequestChange(body), body.Reason, Filed, ct))
            .WithName("RequestChange").WithSummary("Ask to change recorded particulars (a holder); an examiner of the body decides.");
        signedIn.MapPost("/changes/{changeId:guid}/approve", (string registrationNumber, Guid changeId, ReasonRequest? body, ClaimsPrincipal user, ActPipeline acts, CancellationToken ct) =>
                Act(acts, registrationNumber, user, new ApproveChange(changeId), body?.Reason, ct))
            .WithName("ApproveChange").WithSummary("Approve a change (examiner of the body); a new certificate is issued.");
        signedIn.MapPost("/changes/{changeId:guid}/refuse", (string registrationNumber, Guid changeId, ReasonRequest body, ClaimsPrincipal user, ActPipeline acts, CancellationToken ct) =>
                Act(acts, registrationNumber, user, new RefuseChange(changeId), body.Reason, ct))
            .WithName("RefuseChange").WithSummary("Refuse a change with reasons, which are public (examiner of the body).");
        signedIn.MapPost("/renewal", (string registrationNumber, ClaimsPrincipal user, ActPipeline acts, CancellationToken ct) =>
                Act(acts, registrationNumber, user, new Renew(), null, ct))
            .WithName("Renew").WithSummary("Renew within the renewal window before expiry (a holder); validity is extended and a new certificate issued.");
        signedIn.MapPost("/cancellation", (string registrationNumber, ReasonRequest? body, ClaimsPrincipal user, ActPipeline acts, CancellationToken ct) =>
                Act(acts, registrationNumber, user, new Cancel(), body?.Reason, ct))
            .WithName("Cancel").WithSummary("Cancel the registration (注销; the holder), with every active pledgee's consent.");
    }

    /// <summary>What a rights act answers: the act, with the particulars it recorded.</summary>
    /// <param name="Act">The act.</param>
    /// <param name="RegistrationNumber">The registration.</param>
    /// <param name="State">The registration's state after it.</param>
    /// <param name="CertificateNumber">The current certificate after it.</param>
    public sealed record RightsActView(ActView Act, string? RegistrationNumber, string State, string? CertificateNumber);

    private static Task<Results<Ok<RightsActView>, ValidationProblem, ProblemHttpResult>> Act(
        ActPipeline acts, string registrationNumber, ClaimsPrincipal user, IActUseCase useCase, string? reason, CancellationToken ct) =>
        Act(acts, registrationNumber, user, useCase, reason, TypedResults.Ok, ct);

    private static async Task<Results<TDone, ValidationProblem, ProblemHttpResult>> Act<TDone>(
        ActPipeline acts, string registrationNumber, ClaimsPrincipal user, IActUseCase useCase, string? reason, Func<RightsActView, TDone> done,
        CancellationToken ct)
        where TDone : IResult =>
        Answer(await acts.RunOnRegistrationAsync(registrationNumber, ActingParty.From(user), useCase, reason, ct).ConfigureAwait(false), done);

    // A filing recorded at once (a licence, a consent) answers 201; one that waits for the other side (a pledge, a transfer, a change) 202.
    private static Created<RightsActView> Recorded(RightsActView view) => TypedResults.Created((string?)null, view);

    private static Accepted<RightsActView> Filed(RightsActView view) => TypedResults.Accepted((string?)null, view);

    // The actor sees its own act in full, as the parties do.
    private static Results<TDone, ValidationProblem, ProblemHttpResult> Answer<TDone>(ActOutcome outcome, Func<RightsActView, TDone> done)
        where TDone : IResult =>
        outcome.Answer(o => done(
            new RightsActView(ActView.Of(o.Act!, Disclosure.Parties), o.Application!.RegistrationNumber, JsonNaming.Camel(o.Application.State), o.Application.CertificateNumber)));

    private static async Task<Results<Ok<RightsRecordView>, ProblemHttpResult>> RightsAsync(
        string registrationNumber, ClaimsPrincipal user, RegistryDbContext db, CancellationToken ct) =>
        await RightsRecordView.ReadAsync(db, registrationNumber, ActingParty.From(user), ct).ConfigureAwait(false) is { } view
            ? TypedResults.Ok(view)
            : Problems.NotFound($"Registration {registrationNumber}");

    private static async Task<Results<Ok<LegalStatusView>, ValidationProblem, ProblemHttpResult>> StatusAsync(string registrationNumber, string? at, RegistryDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!RegistrationNumber.TryParse(registrationNumber, out _, out var error))
        {
            return Problems.Field("registrationNumber", error);
        }

        var (instant, atError) = LegalStatus.ParseAt(at, clock.GetUtcNow());
        if (instant is null)
        {
            return Problems.Field("at", atError!);
        }

        var (view, exists) = await LegalStatus.AtAsync(db, registrationNumber, instant.Value, ct).ConfigureAwait(false);
        return !exists ? Problems.NotFound($"Registration {registrationNumber}")
            : view is null ? Problems.Status(StatusCodes.Status404NotFound, "Not registered then", $"Registration {registrationNumber} was not yet registered at {instant.Value:O}.")
            : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<RightsActView>, ValidationProblem, ProblemHttpResult>> ReleaseAsync(
        string registrationNumber, string pledgeNumber, HttpRequest request, ClaimsPrincipal user, ActPipeline acts, CourtOrderRelease courtOrders, CancellationToken ct)
    {
        var party = ActingParty.From(user);
        var body = await PledgeReleaseBody.ReadAsync(request, party, ct).ConfigureAwait(false);
        if (body.Problem is { } problem)
        {
            return problem.AnswerFor<Ok<RightsActView>>();
        }

        var outcome = body.CourtOrder is { } order
            ? await courtOrders.ReleaseAsync(registrationNumber, pledgeNumber, body.Particulars, order, body.Reason, party, ct).ConfigureAwait(false)
            : await acts.RunOnRegistrationAsync(registrationNumber, party, new ReleasePledge(pledgeNumber, null), body.Reason, ct).ConfigureAwait(false);
        return Answer(outcome, TypedResults.Ok);
    }
}
