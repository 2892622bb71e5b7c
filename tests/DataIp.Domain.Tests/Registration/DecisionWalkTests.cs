using DataIp.Domain.Registration;
using DataIp.Domain.Rights;
using static DataIp.Domain.Registration.LifecycleTrigger;

namespace DataIp.Domain.Tests.Registration;

/// <summary>
/// Issue M6, "one typed act pipeline": a walk of every act type × every kind of party against one
/// case, deciding as the pipeline does (<see cref="Relations.Of"/>, then <see cref="Lifecycle.Decide(ApplicationState, LifecycleTrigger, IReadOnlySet{Actor}, TransitionContext)"/>,
/// then the thing's own rights table), with who may act written out in one table per decision.
/// Each row is tried in a context where its guard passes, so a refusal here is about who acts.
/// </summary>
public sealed class DecisionWalkTests
{
    // The case: applicant A filed it and later sold its whole share, so it is no longer a holder;
    // H and T hold it, T offering its share to E; bank P holds the pledge acted on; body 7.
    private static readonly Guid ApplicantA = Id(0xa);
    private static readonly Guid HolderH = Id(0xb);
    private static readonly Guid TransferorT = Id(0xc);
    private static readonly Guid TransfereeE = Id(0xd);
    private static readonly Guid PledgeeP = Id(0xe);
    private static readonly Guid OtherBank = Id(0xf);
    private static readonly Guid OtherApplicant = Id(0x10);
    private const int Body = 7;

    private static readonly CaseParties Case = new(ApplicantA, Body, [HolderH, TransferorT])
    {
        Pledgee = PledgeeP,
        Transferor = TransferorT,
        Transferee = TransfereeE,
    };

    /// <summary>Every kind of party the walk tries, by the name the tables below use.</summary>
    private static readonly Dictionary<string, Party> Parties = new()
    {
        ["applicant"] = new(ApplicantA, PartyRole.Applicant),
        ["holder"] = new(HolderH, PartyRole.Applicant),
        ["transferor"] = new(TransferorT, PartyRole.Applicant),
        ["transferee"] = new(TransfereeE, PartyRole.Applicant),
        ["anotherApplicant"] = new(OtherApplicant, PartyRole.Applicant),
        ["examiner"] = new(Id(0x20), PartyRole.Examiner, Body),
        ["examinerOfAnotherBody"] = new(Id(0x21), PartyRole.Examiner, Body + 1),
        ["pledgee"] = new(PledgeeP, PartyRole.Pledgee),
        ["anotherBank"] = new(OtherBank, PartyRole.Pledgee),
        ["bodyAdministrator"] = new(Id(0x22), PartyRole.Administrator, Body),
        ["nationalAdministrator"] = new(Id(0x23), PartyRole.Administrator),
        ["public"] = new(null, PartyRole.Public),
        ["system"] = new(null, PartyRole.System),
    };

    private static readonly string[] EveryoneButTheSystem = [.. Parties.Keys.Where(p => p != "system")];

    /// <summary>
    /// Who may perform each act, by the lifecycle table, in every state it has a row for. Every
    /// other party is refused with <see cref="RefusalKind.ActorNotPermitted"/>. Administrators are
    /// only the public to a case: they manage bodies and accounts, never decide an application.
    /// </summary>
    private static readonly Dictionary<LifecycleTrigger, string[]> MayAct = new()
    {
        [Submit] = ["applicant"],
        [StartExamination] = ["examiner"],
        [RequestCorrection] = ["examiner"],
        [Resubmit] = ["applicant"],
        [LapseCorrection] = ["system"],
        [Withdraw] = ["applicant"],
        [PassFormalExamination] = ["examiner"],
        [PassSubstantiveExamination] = ["examiner"],
        [Reject] = ["examiner"],
        [FileObjection] = EveryoneButTheSystem,
        [UpholdObjection] = ["examiner"],
        [DismissObjection] = ["examiner"],
        [Register] = ["examiner", "system"],
        [Revoke] = ["examiner"],
        [ReissueCertificate] = ["examiner"],
        [RequestChange] = ["holder", "transferor"],
        [ApproveChange] = ["examiner"],
        [RefuseChange] = ["examiner"],
        [Renew] = ["holder", "transferor"],
        [Expire] = ["system"],
        [ProposeTransfer] = ["holder", "transferor"],
        [AcceptTransfer] = ["transferee"],
        [DeclineTransfer] = ["transferee", "transferor"],
        [RecordLicence] = ["holder", "transferor"],
        [FilePledge] = ["holder", "transferor", "pledgee", "anotherBank"],
        [ConfirmPledge] = ["holder", "transferor", "pledgee"],
        [ConsentToAct] = ["pledgee"],
        [ReleasePledge] = ["examiner", "pledgee"],
        [Cancel] = ["holder", "transferor"],
    };

    /// <summary>
    /// Who may perform each act once the lifecycle table allowed it, by the thing's own rights
    /// table in the given context (a row: the table's subject, the thing's state, the act, the
    /// context, and who may).
    /// </summary>
    public static TheoryData<string, string, LifecycleTrigger, RightsContext, string[]> RightsRows => new()
    {
        { "pledge", "none", FilePledge, new RightsContext(), ["holder", "transferor", "pledgee", "anotherBank"] },
        { "pledge", "filed by the holder", ConfirmPledge, new RightsContext { FiledBy = PledgeSide.Holder }, ["pledgee"] },
        { "pledge", "filed by the pledgee", ConfirmPledge, new RightsContext { FiledBy = PledgeSide.Pledgee }, ["holder", "transferor"] },
        { "pledge", "registered", ConsentToAct, new RightsContext(), ["pledgee"] },
        { "pledge", "registered, no court order", ReleasePledge, new RightsContext(), ["pledgee"] },
        { "pledge", "registered, with a court order", ReleasePledge, new RightsContext { CourtOrder = true }, ["examiner", "pledgee"] },
        { "transfer", "none", ProposeTransfer, new RightsContext(), ["holder", "transferor"] },
        { "transfer", "proposed", AcceptTransfer, new RightsContext(), ["transferee"] },
        { "transfer", "proposed", DeclineTransfer, new RightsContext(), ["transferee", "transferor"] },
        { "change", "none", RequestChange, new RightsContext(), ["holder", "transferor"] },
        { "change", "pending", ApproveChange, new RightsContext(), ["examiner"] },
        { "change", "pending", RefuseChange, new RightsContext(), ["examiner"] },
        { "licence", "none", RecordLicence, new RightsContext(), ["holder", "transferor"] },
    };

    /// <summary>Every row of the lifecycle table: each trigger in each state it has a row for.</summary>
    public static TheoryData<ApplicationState, LifecycleTrigger> EveryRow
    {
        get
        {
            var rows = new TheoryData<ApplicationState, LifecycleTrigger>();
            foreach (var rule in Lifecycle.Rules)
            {
                rows.Add(rule.From, rule.Trigger);
            }

            return rows;
        }
    }

    [Fact]
    public void MayAct_EveryTrigger_IsStated()
    {
        Assert.Equal(Enum.GetValues<LifecycleTrigger>().Order(), MayAct.Keys.Order());
        Assert.All(MayAct.Values.SelectMany(p => p), name => Assert.Contains(name, Parties.Keys));
    }

    [Theory]
    [MemberData(nameof(EveryRow))]
    public void Decide_EveryPartyOnEveryRow_AllowsExactlyThoseStated(ApplicationState state, LifecycleTrigger trigger)
    {
        var context = Passing(trigger);
        var failures = new List<string>();

        foreach (var (name, party) in Parties)
        {
            var decision = Lifecycle.Decide(state, trigger, Relations.Of(party, Case), context);
            var expected = MayAct[trigger].Contains(name);
            if (decision.IsAllowed != expected || (!expected && decision.Refusal != RefusalKind.ActorNotPermitted))
            {
                failures.Add($"{trigger} in {state} by {name}: expected {(expected ? "allowed" : "ActorNotPermitted")}, got {decision.Refusal?.ToString() ?? "allowed"}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(RightsRows))]
    public void Decide_EveryPartyOnEveryRightsRow_AllowsExactlyThoseStated(
        string subject, string thing, LifecycleTrigger trigger, RightsContext context, string[] mayAct)
    {
        var failures = new List<string>();

        foreach (var (name, party) in Parties)
        {
            var relations = Relations.Of(party, Case);
            var lifecycle = Lifecycle.Decide(ApplicationState.Registered, trigger, relations, Passing(trigger));
            var allowed = lifecycle.IsAllowed && RightsDecision(subject, thing, trigger, relations, context);
            if (allowed != mayAct.Contains(name))
            {
                failures.Add($"{trigger} on a {subject} ({thing}) by {name}: expected {(mayAct.Contains(name) ? "allowed" : "refused")}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // The thing's own table, in the state the row names ("none": the act creates it).
    private static bool RightsDecision(string subject, string thing, LifecycleTrigger trigger, IReadOnlySet<Actor> relations, RightsContext context)
    {
        var created = thing == "none";
        return subject switch
        {
            "pledge" => RightsTables.Pledges.Decide(
                created ? null : thing.StartsWith("filed", StringComparison.Ordinal) ? PledgeStatus.Filed : PledgeStatus.Registered,
                trigger, relations, context).IsAllowed,
            "transfer" => RightsTables.Transfers.Decide(created ? null : TransferStatus.Proposed, trigger, relations, context).IsAllowed,
            "change" => RightsTables.Changes.Decide(created ? null : ChangeStatus.Pending, trigger, relations, context).IsAllowed,
            "licence" => RightsTables.Licences.Decide(null, trigger, relations, context).IsAllowed,
            _ => throw new ArgumentOutOfRangeException(nameof(subject), subject, "No such rights table."),
        };
    }

    // A context in which the row's guard passes: any refusal is then about who acts.
    private static TransitionContext Passing(LifecycleTrigger trigger)
    {
        var now = new DateTimeOffset(2027, 9, 1, 10, 0, 0, TimeSpan.FromHours(8));
        return trigger switch
        {
            Resubmit => new(now, false, now.AddDays(1), null, 0),
            LapseCorrection => new(now, false, now.AddDays(-1), null, 0),
            FileObjection => new(now, false, null, now.AddDays(1), 0),
            Register => new(now, false, null, now.AddDays(-1), 0),
            DismissObjection => new(now, false, null, now.AddDays(1), 1),
            Renew => new(now, false, null, null, 0, new DateOnly(2027, 9, 30), 90),
            Expire => new(now, false, null, null, 0, new DateOnly(2027, 8, 31), 90),
            _ => new(now, false, null, null, 0, new DateOnly(2028, 9, 30), 90),
        };
    }

    private static Guid Id(int n) => new(n, 0, 0, new byte[8]);
}
