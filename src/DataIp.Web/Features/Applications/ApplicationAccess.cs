namespace DataIp.Web.Features.Applications;

/// <summary>
/// Who may read an application with its private content: its applicant (drafts are private to it),
/// the examiners and administrators of its body once it is submitted, national administrators. Acts
/// decide from the party's relations to the case instead (<see cref="ActPipeline"/>).
/// </summary>
public static class ApplicationAccess
{
    /// <summary>Whether the party may see the full application, private content included.</summary>
    public static bool CanSee(ActingParty party, ApplicationRecord application) => ReaderOf(party, application) is not null;

    /// <summary>
    /// What the party may read of the application's acts: <see cref="Disclosure.BodyStaff"/> for the
    /// body's examiners and administrators (an objector's contact included),
    /// <see cref="Disclosure.Parties"/> for its applicant, null for anyone who may not read it at all.
    /// </summary>
    public static Disclosure? ReaderOf(ActingParty party, ApplicationRecord application)
    {
        ArgumentNullException.ThrowIfNull(party);
        ArgumentNullException.ThrowIfNull(application);
        if (party.IsSystem)
        {
            return Disclosure.BodyStaff;
        }

        if (party.Role == AccountRole.Applicant && party.AccountId == application.ApplicantId)
        {
            return Disclosure.Parties;
        }

        var staff = application.State != ApplicationState.Draft && party.Role switch
        {
            AccountRole.Examiner => party.BodyId == application.BodyId,
            AccountRole.Administrator => party.BodyId is null || party.BodyId == application.BodyId,
            _ => false,
        };
        return staff ? Disclosure.BodyStaff : null;
    }
}
