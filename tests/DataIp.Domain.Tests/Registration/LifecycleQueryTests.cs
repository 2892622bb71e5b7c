using DataIp.Domain.Registration;
using static DataIp.Domain.Registration.ApplicationState;
using static DataIp.Domain.Registration.LifecycleTrigger;

namespace DataIp.Domain.Tests.Registration;

/// <summary>AvailableTriggers, IsTerminal and the integrity of the Rules table.</summary>
public sealed class LifecycleQueryTests
{
    // The triggers each (state, relation) is offered, in table order; every pair not listed has none.
    private static readonly Dictionary<(ApplicationState, Actor), LifecycleTrigger[]> Offered = new()
    {
        [(Draft, Actor.Applicant)] = [Submit, Withdraw],
        [(Submitted, Actor.Applicant)] = [Withdraw],
        [(Submitted, Actor.Examiner)] = [StartExamination],
        [(FormalExamination, Actor.Applicant)] = [Withdraw],
        [(FormalExamination, Actor.Examiner)] = [RequestCorrection, PassFormalExamination, Reject],
        [(CorrectionRequested, Actor.Applicant)] = [Resubmit, Withdraw],
        [(CorrectionRequested, Actor.System)] = [LapseCorrection],
        [(SubstantiveExamination, Actor.Applicant)] = [Withdraw],
        [(SubstantiveExamination, Actor.Examiner)] = [PassSubstantiveExamination, RequestCorrection, Reject],
        [(PublicNotice, Actor.Applicant)] = [Withdraw],
        [(PublicNotice, Actor.Examiner)] = [Register],
        [(PublicNotice, Actor.Public)] = [FileObjection],
        [(PublicNotice, Actor.System)] = [Register],
        [(ObjectionReview, Actor.Applicant)] = [Withdraw],
        [(ObjectionReview, Actor.Examiner)] = [UpholdObjection, DismissObjection],
        [(ObjectionReview, Actor.Public)] = [FileObjection],
        [(Registered, Actor.Holder)] = [RequestChange, Renew, ProposeTransfer, RecordLicence, FilePledge, ConfirmPledge, Cancel],
        [(Registered, Actor.Examiner)] = [ReissueCertificate, Revoke, ApproveChange, RefuseChange, ReleasePledge],
        [(Registered, Actor.Pledgee)] = [ConfirmPledge, ConsentToAct, ReleasePledge],
        [(Registered, Actor.Bank)] = [FilePledge],
        [(Registered, Actor.Transferee)] = [AcceptTransfer, DeclineTransfer],
        [(Registered, Actor.Transferor)] = [DeclineTransfer],
        [(Registered, Actor.System)] = [Expire],
    };

    public static TheoryData<ApplicationState, Actor, LifecycleTrigger[]> Available
    {
        get
        {
            var data = new TheoryData<ApplicationState, Actor, LifecycleTrigger[]>();
            foreach (var state in Enum.GetValues<ApplicationState>())
            {
                foreach (var actor in Enum.GetValues<Actor>())
                {
                    data.Add(state, actor, Offered.GetValueOrDefault((state, actor), []));
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Available))]
    public void AvailableTriggers_StateAndActor_ListsRowsInTableOrder(
        ApplicationState state, Actor actor, LifecycleTrigger[] expected)
    {
        var triggers = Lifecycle.AvailableTriggers(state, actor);

        Assert.Equal(expected, triggers);
    }

    [Theory]
    [InlineData(Draft, false)]
    [InlineData(Submitted, false)]
    [InlineData(FormalExamination, false)]
    [InlineData(CorrectionRequested, false)]
    [InlineData(SubstantiveExamination, false)]
    [InlineData(PublicNotice, false)]
    [InlineData(ObjectionReview, false)]
    [InlineData(Rejected, true)]
    [InlineData(Withdrawn, true)]
    [InlineData(Registered, false)]
    [InlineData(Revoked, true)]
    [InlineData(Expired, true)]
    [InlineData(Cancelled, true)]
    public void IsTerminal_State_TrueOnlyForRejectedWithdrawnRevokedExpiredCancelled(ApplicationState state, bool terminal)
    {
        Assert.Equal(terminal, Lifecycle.IsTerminal(state));
    }

    [Fact]
    public void Rules_EveryRow_HasDescriptionAndActors()
    {
        Assert.All(Lifecycle.Rules, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Description), $"{rule.From} {rule.Trigger} has no description.");
            Assert.NotEmpty(rule.Actors);
        });
    }

    [Fact]
    public void Rules_FromAndTrigger_HaveNoDuplicates()
    {
        var duplicates = Lifecycle.Rules
            .GroupBy(rule => (rule.From, rule.Trigger))
            .Where(group => group.Count() > 1)
            .Select(group => group.Key);

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Rules_Collection_IsReadOnly()
    {
        var rules = Assert.IsAssignableFrom<ICollection<TransitionRule>>(Lifecycle.Rules);

        Assert.True(rules.IsReadOnly);
    }

    [Fact]
    public void AvailableTriggers_UndefinedActor_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Lifecycle.AvailableTriggers(Draft, (Actor)99));
    }

    [Fact]
    public void IsTerminal_UndefinedState_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Lifecycle.IsTerminal((ApplicationState)99));
    }
}
