using System.Text.Json;
using DataIp.Data.Rights;

namespace DataIp.Web.Features.Rights.Changes;

/// <summary>Particulars to change; at least one.</summary>
/// <param name="DataName">The new data name.</param>
/// <param name="ApplicationScenarios">The new application scenarios.</param>
/// <param name="UpdateFrequency">The new update frequency.</param>
/// <param name="HolderName">The requesting holder's new name (after a corporate rename).</param>
/// <param name="Reason">Why.</param>
public sealed record ChangeParticularsRequest(
    string? DataName, List<string>? ApplicationScenarios, UpdateFrequency? UpdateFrequency, string? HolderName, string? Reason);

/// <summary>A holder asks to change particulars (one request at a time); an examiner of the body decides.</summary>
internal sealed class RequestChange(ChangeParticularsRequest request) : IActUseCase
{
    public LifecycleTrigger Trigger => LifecycleTrigger.RequestChange;

    public async Task<Refusal?> ApplyAsync(ActContext context, CancellationToken cancellationToken)
    {
        var (changes, invalid) = Validate(request);
        if (invalid is not null)
        {
            return invalid;
        }

        var app = context.Application;
        var pending = await context.Db.ChangeRequests.AnyAsync(c => c.ApplicationId == app.Id && c.Status == ChangeStatus.Pending, cancellationToken).ConfigureAwait(false);
        if (context.Decide(RightsTables.Changes, null, new RightsContext { ChangePending = pending }) is { } refused)
        {
            return refused;
        }

        var change = new ChangeRequestRecord
        {
            Id = Guid.CreateVersion7(),
            ApplicationId = app.Id,
            RequestedById = context.Party.AccountId!.Value,
            Changes = JsonSerializer.Serialize(changes, ActJson.Options),
            Status = ChangeStatus.Pending,
            RequestedAt = context.Now,
        };
        context.Db.ChangeRequests.Add(change);
        context.Record(new RequestChangeAct { ChangeId = change.Id, Changes = changes! });
        return null;
    }

    private static (ParticularsChange? Changes, Refusal? Refusal) Validate(ChangeParticularsRequest request)
    {
        string? Name(string? value) => value is null ? null : value.Trim();
        var scenarios = request.ApplicationScenarios?.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList();
        var refusal = request.DataName is not null && (string.IsNullOrWhiteSpace(request.DataName) || request.DataName.Trim().Length > 200)
                ? Refusal.Invalid("dataName", RefusalKey.ChangeDataName)
            : scenarios is not null && (scenarios.Count == 0 || scenarios.Count > 20 || scenarios.Any(s => s.Length > 200))
                ? Refusal.Invalid("applicationScenarios", RefusalKey.ChangeScenarios)
            : request.HolderName is not null && (string.IsNullOrWhiteSpace(request.HolderName) || request.HolderName.Trim().Length > 200)
                ? Refusal.Invalid("holderName", RefusalKey.ChangeHolderName)
            : request is { DataName: null, ApplicationScenarios: null, UpdateFrequency: null, HolderName: null }
                ? Refusal.Invalid("dataName", RefusalKey.ChangeNothing)
            : null;
        return refusal is not null ? (null, refusal)
            : (new ParticularsChange(Name(request.DataName), scenarios, request.UpdateFrequency, Name(request.HolderName)), null);
    }
}
