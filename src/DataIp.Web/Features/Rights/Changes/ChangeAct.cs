using DataIp.Data.Rights;

namespace DataIp.Web.Features.Rights.Changes;

/// <summary>An examiner's decision on one change request, which the change table decides in its state.</summary>
/// <param name="changeId">The change request's id.</param>
internal abstract class ChangeAct(Guid changeId) : ItemAct<ChangeRequestRecord, ChangeStatus>("change request", changeId.ToString())
{
    protected override RightsTable<ChangeStatus> Table => RightsTables.Changes;

    protected override Task<ChangeRequestRecord?> FindAsync(ActContext context, CancellationToken cancellationToken) =>
        context.Db.ChangeRequests.SingleOrDefaultAsync(c => c.Id == changeId && c.ApplicationId == context.Application.Id, cancellationToken);

    protected override ChangeStatus StateOf(ChangeRequestRecord item) => item.Status;
}
