using System.Security.Claims;
using DataIp.Data;
using DataIp.Data.Attachments;
using DataIp.Domain.Numbering;
using DataIp.Web.Features.Applications;
using DataIp.Web.Infrastructure;

namespace DataIp.Web.Features.Rights;

/// <summary>The register of rights over HTTP (docs/rights.md).</summary>
internal static class RightsEndpoints
{
    public static void MapRightsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/registrations/{registrationNumber}").WithTags("Rights");
        group.MapGet("/status", StatusAsync).AllowAnonymous()
            .WithSummary("Legal status at an instant (at=YYYY-MM-DD for the end of that day in China, or an ISO 8601 instant; default now): holders, validity, licences, pledges in priority order, computed from the acts.");

        var signedIn = group.MapGroup("").RequireAuthorization(Policies.SignedIn);
        signedIn.MapGet("/rights", async (string registrationNumber, ClaimsPrincipal user, RegistryDbContext db, CancellationToken ct) =>
                await RightsRecordView.ReadAsync(db, registrationNumber, ActingParty.From(user), ct).ConfigureAwait(false) is { } view
                    ? Results.Ok(view)
                    : Problems.NotFound($"Registration {registrationNumber}"))
            .WithSummary("The register of rights with what only parties see: filings awaiting confirmation, offers, change requests, identifiers (holders, examiners of the body and administrators see all; a pledgee, licensee or transferee its own entries).");
        signedIn.MapPost("/licences", (string registrationNumber, LicenceRequest body, ClaimsPrincipal user, RightsService rights, CancellationToken ct) =>
                Answer(rights.RecordLicenceAsync(registrationNumber, ActingParty.From(user), body, ct), StatusCodes.Status201Created))
            .WithSummary("Record a licence (a holder). An exclusive or sole licence conflicts with any other licence of the same right and term (409 names it) and needs every active pledgee's consent.");
        signedIn.MapPost("/pledges", (string registrationNumber, PledgeRequest body, ClaimsPrincipal user, RightsService rights, CancellationToken ct) =>
                Answer(rights.FilePledgeAsync(registrationNumber, ActingParty.From(user), body, ct), StatusCodes.Status202Accepted))
            .WithSummary("File a pledge (the holder, naming the pledgee; or a pledgee). Not in force until the other side confirms.");
        signedIn.MapPost("/pledges/{pledgeNumber}/confirm", (string registrationNumber, string pledgeNumber, ClaimsPrincipal user, RightsService rights, CancellationToken ct) =>
                Answer(rights.ConfirmPledgeAsync(registrationNumber, pledgeNumber, ActingParty.From(user), ct)))
            .WithSummary("Confirm a filed pledge (the other side): it is registered and ranks by the time of registration.");
        signedIn.MapPost("/pledges/{pledgeNumber}/consents", (string registrationNumber, string pledgeNumber, ConsentRequest body, ClaimsPrincipal user, RightsService rights, CancellationToken ct) =>
                Answer(rights.ConsentAsync(registrationNumber, pledgeNumber, ActingParty.From(user), body, ct), StatusCodes.Status201Created))
            .WithSummary("Record the pledgee's consent to a transfer, a cancellation or an exclusive licence (the pledgee).");
        signedIn.MapPost("/pledges/{pledgeNumber}/release", ReleaseAsync).DisableAntiforgery()
            .Accepts<ReasonRequest>("application/json", "multipart/form-data")
            .WithSummary("Release a pledge: the pledgee (JSON {reason}), or an examiner of the body on a court order (multipart: courtOrder file, courtOrderNumber, reason).");
        signedIn.MapPost("/transfers", (string registrationNumber, TransferRequest body, ClaimsPrincipal user, RightsService rights, CancellationToken ct) =>
                Answer(rights.ProposeTransferAsync(registrationNumber, ActingParty.From(user), body, ct), StatusCodes.Status202Accepted))
            .WithSummary("Offer a holder's share, or the whole, to another applicant account (a holder); in effect once accepted.");
        signedIn.MapPost("/transfers/{transferNumber}/accept", (string registrationNumber, string transferNumber, ClaimsPrincipal user, RightsService rights, CancellationToken ct) =>
                Answer(rights.AcceptTransferAsync(registrationNumber, transferNumber, ActingParty.From(user), ct)))
            .WithSummary("Accept a transfer (the transferee); needs every active pledgee's consent; a new certificate is issued.");
        signedIn.MapPost("/transfers/{transferNumber}/decline", (string registrationNumber, string transferNumber, ReasonRequest? body, ClaimsPrincipal user, RightsService rights, CancellationToken ct) =>
                Answer(rights.DeclineTransferAsync(registrationNumber, transferNumber, ActingParty.From(user), body?.Reason, ct)))
            .WithSummary("Decline (the transferee) or withdraw (the offering holder) an open transfer.");
        signedIn.MapPost("/changes", (string registrationNumber, ChangeParticularsRequest body, ClaimsPrincipal user, RightsService rights, CancellationToken ct) =>
                Answer(rights.RequestChangeAsync(registrationNumber, ActingParty.From(user), body, ct), StatusCodes.Status202Accepted))
            .WithSummary("Ask to change recorded particulars (a holder); an examiner of the body decides.");
        signedIn.MapPost("/changes/{changeId:guid}/approve", (string registrationNumber, Guid changeId, ReasonRequest? body, ClaimsPrincipal user, RightsService rights, CancellationToken ct) =>
                Answer(rights.ApproveChangeAsync(registrationNumber, changeId, ActingParty.From(user), body?.Reason, ct)))
            .WithSummary("Approve a change (examiner of the body); a new certificate is issued.");
        signedIn.MapPost("/changes/{changeId:guid}/refuse", (string registrationNumber, Guid changeId, ReasonRequest body, ClaimsPrincipal user, RightsService rights, CancellationToken ct) =>
                Answer(rights.RefuseChangeAsync(registrationNumber, changeId, ActingParty.From(user), body.Reason, ct)))
            .WithSummary("Refuse a change with reasons (examiner of the body).");
        signedIn.MapPost("/renewal", (string registrationNumber, ClaimsPrincipal user, RightsService rights, CancellationToken ct) =>
                Answer(rights.RenewAsync(registrationNumber, ActingParty.From(user), ct)))
            .WithSummary("Renew within the renewal window before expiry (a holder); validity is extended and a new certificate issued.");
        signedIn.MapPost("/cancellation", (string registrationNumber, ReasonRequest? body, ClaimsPrincipal user, RightsService rights, CancellationToken ct) =>
                Answer(rights.CancelAsync(registrationNumber, ActingParty.From(user), body?.Reason, ct)))
            .WithSummary("Cancel the registration (注销; the holder), with every active pledgee's consent.");
    }

    /// <summary>What a rights act answers: the act, with the particulars it recorded.</summary>
    /// <param name="Act">The act.</param>
    /// <param name="RegistrationNumber">The registration.</param>
    /// <param name="State">The registration's state after it.</param>
    /// <param name="CertificateNumber">The current certificate after it.</param>
    public sealed record RightsActView(ActView Act, string? RegistrationNumber, string State, string? CertificateNumber);

    private static async Task<IResult> Answer(Task<ActOutcome> act, int status = StatusCodes.Status200OK)
    {
        var outcome = await act.ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            return outcome.ToProblem();
        }

        var view = new RightsActView(ActView.Of(outcome.Act!), outcome.Application!.RegistrationNumber, JsonNaming.Camel(outcome.Application.State), outcome.Application.CertificateNumber);
        return TypedResults.Json(view, statusCode: status);
    }

    private static async Task<IResult> StatusAsync(string registrationNumber, string? at, RegistryDbContext db, TimeProvider clock, CancellationToken ct)
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

    private static async Task<IResult> ReleaseAsync(
        string registrationNumber, string pledgeNumber, HttpRequest request, ClaimsPrincipal user, RightsService rights, IAttachmentStore store, CancellationToken ct)
    {
        var party = ActingParty.From(user);
        await using var body = await PledgeReleaseBody.ReadAsync(request, party, store, ct).ConfigureAwait(false);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var outcome = await rights.ReleasePledgeAsync(registrationNumber, pledgeNumber, party, body.Reason, body.CourtOrder, ct).ConfigureAwait(false);
        if (outcome.Succeeded)
        {
            body.Keep();
        }

        return await Answer(Task.FromResult(outcome)).ConfigureAwait(false);
    }
}
