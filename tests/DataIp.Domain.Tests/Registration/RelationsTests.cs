using DataIp.Domain.Registration;

namespace DataIp.Domain.Tests.Registration;

/// <summary>A party's relations to a case: decided by who it is to this case, not by its role.</summary>
public sealed class RelationsTests
{
    private static readonly Guid Applicant = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Holder = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Bank = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid OtherBank = Guid.Parse("00000000-0000-0000-0000-00000000000d");
    private static readonly Guid Stranger = Guid.Parse("00000000-0000-0000-0000-00000000000e");

    private static readonly CaseParties Case = new(Applicant, BodyId: 7, Holders: [Applicant, Holder])
    {
        Pledgee = Bank,
        Transferor = Holder,
        Transferee = Stranger,
    };

    public static TheoryData<string, Party, Actor[]> Parties => new()
    {
        { "the platform", new Party(null, PartyRole.System), [Actor.System] },
        { "anonymous", new Party(null, PartyRole.Public), [Actor.Public] },
        { "the applicant, still a holder", new Party(Applicant, PartyRole.Applicant), [Actor.Applicant, Actor.Holder, Actor.Public] },
        { "a co-holder offering a transfer", new Party(Holder, PartyRole.Applicant), [Actor.Holder, Actor.Transferor, Actor.Public] },
        { "another applicant, the transferee", new Party(Stranger, PartyRole.Applicant), [Actor.Transferee, Actor.Public] },
        { "an applicant with no relation", new Party(Guid.NewGuid(), PartyRole.Applicant), [Actor.Public] },
        { "an examiner of the body", new Party(Guid.NewGuid(), PartyRole.Examiner, 7), [Actor.Examiner, Actor.Public] },
        { "an examiner of another body", new Party(Guid.NewGuid(), PartyRole.Examiner, 8), [Actor.Public] },
        { "an administrator of the body", new Party(Guid.NewGuid(), PartyRole.Administrator, 7), [Actor.Public] },
        { "the pledgee", new Party(Bank, PartyRole.Pledgee), [Actor.Pledgee, Actor.Bank, Actor.Public] },
        { "a bank with no pledge", new Party(OtherBank, PartyRole.Pledgee), [Actor.Bank, Actor.Public] },
    };

    [Theory]
    [MemberData(nameof(Parties))]
    public void Of_Party_HasExactlyItsRelations(string who, Party party, Actor[] expected)
    {
        var relations = Relations.Of(party, Case);

        Assert.True(expected.Order().SequenceEqual(relations.Order()), $"{who}: {string.Join(", ", relations.Order())}");
    }

    [Fact]
    public void Of_ApplicantAccountIdOfAnotherRole_IsNotTheApplicant()
    {
        var relations = Relations.Of(new Party(Applicant, PartyRole.Examiner, 8), Case with { Holders = [] });

        Assert.DoesNotContain(Actor.Applicant, relations);
    }
}
