using DataIp.Domain.Registration;
using static DataIp.Domain.Registration.ApplicationState;
using static DataIp.Domain.Registration.LifecycleTrigger;

namespace DataIp.Domain.Tests.Registration;

/// <summary>AvailableTriggers, IsTerminal and the integrity of the Rules table.</summary>
public sealed class LifecycleQueryTests
{
    public static TheoryData<ApplicationState, Actor, LifecycleTrigger[]> Available => new()
    {
        { Draft, Actor.Applicant, [Submit, Withdraw] },
        { Draft, Actor.Examiner, [] },
        { Draft, Actor.Public, [] },
        { Draft, Actor.Pledgee, [] },
        { Draft, Actor.System, [] },
        { Submitted, Actor.Applicant, [Withdraw] },
        { Submitted, Actor.Examiner, [StartExamination] },
        { Submitted, Actor.Public, [] },
        { Submitted, Actor.Pledgee, [] },
        { Submitted, Actor.System, [] },
        { FormalExamination, Actor.Applicant, [Withdraw] },
        { FormalExamination, Actor.Examiner, [RequestCorrection, PassFormalExamination, Reject] },
        { FormalExamination, Actor.Public, [] },
        { FormalExamination, Actor.Pledgee, [] },
        { FormalExamination, Actor.System, [] },
        { CorrectionRequested, Actor.Applicant, [Resubmit, Withdraw] },
        { CorrectionRequested, Actor.Examiner, [] },
        { CorrectionRequested, Actor.Public, [] },
        { CorrectionRequested, Actor.Pledgee, [] },
        { CorrectionRequested, Actor.System, [LapseCorrection] },
        { SubstantiveExamination, Actor.Applicant, [Withdraw] },
        { SubstantiveExamination, Actor.Examiner, [PassSubstantiveExamination, RequestCorrection, Reject] },
        { SubstantiveExamination, Actor.Public, [] },
        { SubstantiveExamination, Actor.Pledgee, [] },
        { SubstantiveExamination, Actor.System, [] },
        { PublicNotice, Actor.Applicant, [FileObjection, Withdraw] },
        { PublicNotice, Actor.Examiner, [FileObjection, Register] },
        { PublicNotice, Actor.Public, [FileObjection] },
        { PublicNotice, Actor.Pledgee, [FileObjection] },
        { PublicNotice, Actor.System, [Register] },
        { ObjectionReview, Actor.Applicant, [FileObjection, Withdraw] },
        { ObjectionReview, Actor.Examiner, [FileObjection, UpholdObjection, DismissObjection] },
        { ObjectionReview, Actor.Public, [FileObjection] },
        { ObjectionReview, Actor.Pledgee, [FileObjection] },
        { ObjectionReview, Actor.System, [] },
        { Rejected, Actor.Applicant, [] },
        { Rejected, Actor.Examiner, [] },
        { Rejected, Actor.Public, [] },
        { Rejected, Actor.Pledgee, [] },
        { Rejected, Actor.System, [] },
        { Withdrawn, Actor.Applicant, [] },
        { Withdrawn, Actor.Examiner, [] },
        { Withdrawn, Actor.Public, [] },
        { Withdrawn, Actor.Pledgee, [] },
        { Withdrawn, Actor.System, [] },
        { Registered, Actor.Applicant, [RequestChange, Renew, ProposeTransfer, AcceptTransfer, DeclineTransfer, RecordLicence, FilePledge, ConfirmPledge, Cancel] },
        { Registered, Actor.Examiner, [ReissueCertificate, Revoke, ApproveChange, RefuseChange, ReleasePledge] },
        { Registered, Actor.Public, [] },
        { Registered, Actor.Pledgee, [FilePledge, ConfirmPledge, ConsentToAct, ReleasePledge] },
        { Registered, Actor.System, [Expire] },
        { Revoked, Actor.Applicant, [] },
        { Revoked, Actor.Examiner, [] },
        { Revoked, Actor.Public, [] },
        { Revoked, Actor.Pledgee, [] },
        { Revoked, Actor.System, [] },
        { Expired, Actor.Applicant, [] },
        { Expired, Actor.Examiner, [] },
        { Expired, Actor.Public, [] },
        { Expired, Actor.Pledgee, [] },
        { Expired, Actor.System, [] },
        { Cancelled, Actor.Applicant, [] },
        { Cancelled, Actor.Examiner, [] },
        { Cancelled, Actor.Public, [] },
        { Cancelled, Actor.Pledgee, [] },
        { Cancelled, Actor.System, [] },
    };

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
