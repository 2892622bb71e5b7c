using DataIp.Domain.Registration;
using DataIp.Domain.Rights;
using static DataIp.Domain.Registration.LifecycleTrigger;

namespace DataIp.Domain.Tests.Rights;

/// <summary>
/// The rights tables over every (state, trigger, actor), written out by hand so that a wrong row
/// fails: each state of a thing (none yet included) × each act of its table × each relation.
/// </summary>
public sealed class RightsTablesTests
{
    private static readonly Actor[] Nobody = [];

    public static TheoryData<PledgeStatus?, LifecycleTrigger, Actor[], PledgeStatus?> PledgeRows => new()
    {
        { null, FilePledge, [Actor.Holder, Actor.Bank], PledgeStatus.Filed },
        { null, ConfirmPledge, Nobody, null },
        { null, ConsentToAct, Nobody, null },
        { null, ReleasePledge, Nobody, null },
        { PledgeStatus.Filed, FilePledge, Nobody, null },
        { PledgeStatus.Filed, ConfirmPledge, [Actor.Holder, Actor.Pledgee], PledgeStatus.Registered },
        { PledgeStatus.Filed, ConsentToAct, Nobody, null },
        { PledgeStatus.Filed, ReleasePledge, Nobody, null },
        { PledgeStatus.Registered, FilePledge, Nobody, null },
        { PledgeStatus.Registered, ConfirmPledge, Nobody, null },
        { PledgeStatus.Registered, ConsentToAct, [Actor.Pledgee], PledgeStatus.Registered },
        { PledgeStatus.Registered, ReleasePledge, [Actor.Pledgee, Actor.Examiner], PledgeStatus.Released },
        { PledgeStatus.Released, FilePledge, Nobody, null },
        { PledgeStatus.Released, ConfirmPledge, Nobody, null },
        { PledgeStatus.Released, ConsentToAct, Nobody, null },
        { PledgeStatus.Released, ReleasePledge, Nobody, null },
        { PledgeStatus.Withdrawn, FilePledge, Nobody, null },
        { PledgeStatus.Withdrawn, ConfirmPledge, Nobody, null },
        { PledgeStatus.Withdrawn, ConsentToAct, Nobody, null },
        { PledgeStatus.Withdrawn, ReleasePledge, Nobody, null },
    };

    public static TheoryData<TransferStatus?, LifecycleTrigger, Actor[], TransferStatus?> TransferRows => new()
    {
        { null, ProposeTransfer, [Actor.Holder], TransferStatus.Proposed },
        { null, AcceptTransfer, Nobody, null },
        { null, DeclineTransfer, Nobody, null },
        { TransferStatus.Proposed, ProposeTransfer, Nobody, null },
        { TransferStatus.Proposed, AcceptTransfer, [Actor.Transferee], TransferStatus.Accepted },
        { TransferStatus.Proposed, DeclineTransfer, [Actor.Transferee, Actor.Transferor], TransferStatus.Declined },
        { TransferStatus.Accepted, ProposeTransfer, Nobody, null },
        { TransferStatus.Accepted, AcceptTransfer, Nobody, null },
        { TransferStatus.Accepted, DeclineTransfer, Nobody, null },
        { TransferStatus.Declined, ProposeTransfer, Nobody, null },
        { TransferStatus.Declined, AcceptTransfer, Nobody, null },
        { TransferStatus.Declined, DeclineTransfer, Nobody, null },
    };

    public static TheoryData<ChangeStatus?, LifecycleTrigger, Actor[], ChangeStatus?> ChangeRows => new()
    {
        { null, RequestChange, [Actor.Holder], ChangeStatus.Pending },
        { null, ApproveChange, Nobody, null },
        { null, RefuseChange, Nobody, null },
        { ChangeStatus.Pending, RequestChange, Nobody, null },
        { ChangeStatus.Pending, ApproveChange, [Actor.Examiner], ChangeStatus.Approved },
        { ChangeStatus.Pending, RefuseChange, [Actor.Examiner], ChangeStatus.Refused },
        { ChangeStatus.Approved, RequestChange, Nobody, null },
        { ChangeStatus.Approved, ApproveChange, Nobody, null },
        { ChangeStatus.Approved, RefuseChange, Nobody, null },
        { ChangeStatus.Refused, RequestChange, Nobody, null },
        { ChangeStatus.Refused, ApproveChange, Nobody, null },
        { ChangeStatus.Refused, RefuseChange, Nobody, null },
    };

    public static TheoryData<LicenceStatus?, LifecycleTrigger, Actor[], LicenceStatus?> LicenceRows => new()
    {
        { null, RecordLicence, [Actor.Holder], LicenceStatus.Recorded },
        { LicenceStatus.Recorded, RecordLicence, Nobody, null },
    };

    [Theory]
    [MemberData(nameof(PledgeRows))]
    public void Pledges_EachActor_MatchesTable(PledgeStatus? state, LifecycleTrigger trigger, Actor[] permitted, PledgeStatus? next) =>
        AssertRow(RightsTables.Pledges, state, trigger, permitted, next);

    [Theory]
    [MemberData(nameof(TransferRows))]
    public void Transfers_EachActor_MatchesTable(TransferStatus? state, LifecycleTrigger trigger, Actor[] permitted, TransferStatus? next) =>
        AssertRow(RightsTables.Transfers, state, trigger, permitted, next);

    [Theory]
    [MemberData(nameof(ChangeRows))]
    public void Changes_EachActor_MatchesTable(ChangeStatus? state, LifecycleTrigger trigger, Actor[] permitted, ChangeStatus? next) =>
        AssertRow(RightsTables.Changes, state, trigger, permitted, next);

    [Theory]
    [MemberData(nameof(LicenceRows))]
    public void Licences_EachActor_MatchesTable(LicenceStatus? state, LifecycleTrigger trigger, Actor[] permitted, LicenceStatus? next) =>
        AssertRow(RightsTables.Licences, state, trigger, permitted, next);

    [Fact]
    public void TestTables_CoverEveryStateAndTrigger_AndEveryRow()
    {
        AssertCovers(RightsTables.Pledges, PledgeRows.Select(r => (r.Data.Item1, r.Data.Item2, r.Data.Item3)));
        AssertCovers(RightsTables.Transfers, TransferRows.Select(r => (r.Data.Item1, r.Data.Item2, r.Data.Item3)));
        AssertCovers(RightsTables.Changes, ChangeRows.Select(r => (r.Data.Item1, r.Data.Item2, r.Data.Item3)));
        AssertCovers(RightsTables.Licences, LicenceRows.Select(r => (r.Data.Item1, r.Data.Item2, r.Data.Item3)));
    }

    [Theory]
    [InlineData(PledgeSide.Holder, Actor.Holder, false)]
    [InlineData(PledgeSide.Holder, Actor.Pledgee, true)]
    [InlineData(PledgeSide.Pledgee, Actor.Pledgee, false)]
    [InlineData(PledgeSide.Pledgee, Actor.Holder, true)]
    public void ConfirmPledge_SideThatFiled_CannotConfirm(PledgeSide filedBy, Actor confirmer, bool allowed)
    {
        var decision = RightsTables.Pledges.Decide(PledgeStatus.Filed, ConfirmPledge, new HashSet<Actor> { confirmer, Actor.Public }, new RightsContext { FiledBy = filedBy });

        Assert.Equal(allowed, decision.IsAllowed);
        Assert.Equal(allowed ? null : RefusalKind.GuardFailed, decision.Refusal);
    }

    [Theory]
    [InlineData(Actor.Pledgee, false, true)]
    [InlineData(Actor.Examiner, false, false)]
    [InlineData(Actor.Examiner, true, true)]
    public void ReleasePledge_Examiner_OnlyOnACourtOrder(Actor releaser, bool courtOrder, bool allowed)
    {
        var decision = RightsTables.Pledges.Decide(PledgeStatus.Registered, ReleasePledge, new HashSet<Actor> { releaser }, new RightsContext { CourtOrder = courtOrder });

        Assert.Equal(allowed, decision.IsAllowed);
    }

    [Fact]
    public void RequestChange_AnotherPending_Refused()
    {
        var decision = RightsTables.Changes.Decide(null, RequestChange, new HashSet<Actor> { Actor.Holder }, new RightsContext { ChangePending = true });

        Assert.Equal(RefusalKind.GuardFailed, decision.Refusal);
        Assert.Contains("awaits an examiner", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordLicence_Conflicting_RefusedNamingIt()
    {
        var decision = RightsTables.Licences.Decide(null, RecordLicence, new HashSet<Actor> { Actor.Holder }, new RightsContext { ConflictingLicence = "2025110000000016-L001" });

        Assert.Equal(RefusalKind.GuardFailed, decision.Refusal);
        Assert.Contains("2025110000000016-L001", decision.Reason, StringComparison.Ordinal);
    }

    private static void AssertRow<TState>(RightsTable<TState> table, TState? state, LifecycleTrigger trigger, Actor[] permitted, TState? next)
        where TState : struct, Enum
    {
        var expected = Enum.GetValues<Actor>().Select(actor =>
            permitted.Length == 0 ? $"{actor}: {RefusalKind.NotAllowedInState}"
            : permitted.Contains(actor) ? $"{actor}: -> {next}"
            : $"{actor}: {RefusalKind.ActorNotPermitted}");

        var actual = Enum.GetValues<Actor>().Select(actor =>
        {
            var decision = table.Decide(state, trigger, new HashSet<Actor> { actor }, Passing(actor));
            return $"{actor}: {(decision.IsAllowed ? $"-> {decision.Next}" : decision.Refusal.ToString())}";
        });

        Assert.Equal(expected, actual);
    }

    // The facts under which each actor's guard passes: the other side filed; a court order given.
    private static RightsContext Passing(Actor actor) =>
        new() { FiledBy = actor == Actor.Pledgee ? PledgeSide.Holder : PledgeSide.Pledgee, CourtOrder = true };

    private static void AssertCovers<TState>(RightsTable<TState> table, IEnumerable<(TState? State, LifecycleTrigger Trigger, Actor[] Actors)> rows)
        where TState : struct, Enum
    {
        var list = rows.ToList();
        var states = Enum.GetValues<TState>().Select(s => (TState?)s).Prepend(null);
        Assert.Equal(states.SelectMany(s => table.Triggers.Select(t => $"{s} {t}")).Order(), list.Select(r => $"{r.State} {r.Trigger}").Order());
        Assert.Equal(
            table.Rules.Select(r => $"{r.From} {r.Trigger} {string.Join(",", r.Actors.Order())}").Order(),
            list.Where(r => r.Actors.Length > 0).Select(r => $"{r.State} {r.Trigger} {string.Join(",", r.Actors.Order())}").Order());
    }
}
