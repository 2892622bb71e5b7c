namespace DataIp.Domain.Registration;

/// <summary>
/// A party's relations to a case (<see cref="Actor"/>): the one place that turns who someone is into
/// what they are to this application, registration, pledge or transfer. Pure and thread-safe.
/// </summary>
public static class Relations
{
    /// <summary>The relations of <paramref name="party"/> to <paramref name="parties"/>' case.</summary>
    /// <param name="party">Who tries the act.</param>
    /// <param name="parties">The case's parties.</param>
    /// <returns>
    /// The platform: only <see cref="Actor.System"/>. Anyone else: <see cref="Actor.Public"/>, and
    /// each relation it has by account (the applicant, a holder, the pledgee, the transferor or
    /// transferee of the pledge or transfer acted on) or by its bond to the case's body (an examiner
    /// of that body), and <see cref="Actor.Bank"/> for a pledgee account.
    /// </returns>
    public static IReadOnlySet<Actor> Of(Party party, CaseParties parties)
    {
        ArgumentNullException.ThrowIfNull(party);
        ArgumentNullException.ThrowIfNull(parties);
        if (party.Role == PartyRole.System)
        {
            return new HashSet<Actor> { Actor.System };
        }

        var relations = new HashSet<Actor> { Actor.Public };
        if (party.Role == PartyRole.Examiner && party.BodyId == parties.BodyId)
        {
            relations.Add(Actor.Examiner);
        }

        if (party.Role == PartyRole.Pledgee)
        {
            relations.Add(Actor.Bank);
        }

        if (party.AccountId is not { } account)
        {
            return relations;
        }

        AddIf(relations, Actor.Applicant, party.Role == PartyRole.Applicant && account == parties.ApplicantId);
        AddIf(relations, Actor.Holder, parties.Holders.Contains(account));
        AddIf(relations, Actor.Pledgee, account == parties.Pledgee);
        AddIf(relations, Actor.Transferor, account == parties.Transferor);
        AddIf(relations, Actor.Transferee, account == parties.Transferee);
        return relations;
    }

    private static void AddIf(HashSet<Actor> relations, Actor actor, bool condition)
    {
        if (condition)
        {
            relations.Add(actor);
        }
    }
}
