using System.Text.Json;
using DataIp.Data.Rights;
using DataIp.Web.Features.Certificates;

namespace DataIp.Web.Features.Rights.Changes;

/// <summary>An examiner of the body approves a change: the particulars change and a new certificate is issued.</summary>
internal sealed class ApproveChange(Guid changeId) : ChangeAct(changeId)
{
    public override LifecycleTrigger Trigger => LifecycleTrigger.ApproveChange;

    protected override async Task<Refusal?> ApplyAsync(ActContext context, ChangeRequestRecord change, CancellationToken cancellationToken)
    {
        var app = context.Application;
        var (holders, _) = await Holders.OfAsync(context, cancellationToken).ConfigureAwait(false);
        var changes = JsonSerializer.Deserialize<ParticularsChange>(change.Changes, ActJson.Options)!;
        var dataObject = app.Content.DataObject ?? new DataObjectParticulars();
        if (changes.DataName is { } name)
        {
            dataObject = dataObject with { DataName = name };
        }

        if (changes.ApplicationScenarios is { } scenarios)
        {
            dataObject = dataObject with { ApplicationScenarios = [.. scenarios] };
        }

        if (changes.UpdateFrequency is { } frequency)
        {
            dataObject = dataObject with { UpdateFrequency = frequency };
        }

        app.SetContent(app.Content with { DataObject = dataObject });
        if (changes.HolderName is { } holderName && holders.FirstOrDefault(h => h.AccountId == change.RequestedById) is { } renamed)
        {
            renamed.Name = holderName;
        }

        change.Status = ChangeStatus.Approved;
        change.DecidedAt = context.Now;
        await CertificateIssuance.IssueAsync(context, Holders.Names(holders), cancellationToken).ConfigureAwait(false);
        context.Record(new ApproveChangeAct { ChangeId = change.Id, Changes = changes, Holders = Holders.Shares(holders) });
        return null;
    }
}
