using DataIp.Data.Accounts;
using DataIp.Data.Applications;
using DataIp.Domain.Registration;

namespace DataIp.Web.Features.Applications;

/// <summary>
/// Who may see and act on an application. An applicant sees only its own; drafts are private to
/// the applicant; examiners and body administrators see their body's applications once
/// submitted; national administrators see all submitted ones; the public acts only on notices.
/// </summary>
public static class ApplicationAccess
{
    /// <summary>Whether the party may see the full application, private content included.</summary>
    public static bool CanSee(ActingParty party, ApplicationRecord application)
    {
        ArgumentNullException.ThrowIfNull(party);
        ArgumentNullException.ThrowIfNull(application);
        if (party.IsSystem || LifecycleService.IsApplicant(party, application))
        {
            return true;
        }

        if (application.State == ApplicationState.Draft)
        {
            return false;
        }

        return party.Role switch
        {
            AccountRole.Examiner => party.BodyId == application.BodyId,
            AccountRole.Administrator => party.BodyId is null || party.BodyId == application.BodyId,
            _ => false,
        };
    }

    /// <summary>
    /// The actor the lifecycle table knows the party as, on this application: its relation to the
    /// case, not its role alone. An examiner of another body, or an applicant who did not file this
    /// application, is a member of the public here. (After registration an applicant account acts
    /// as a holder or transferee, which the rights acts check against the register.)
    /// </summary>
    public static Actor ActorFor(ActingParty party, ApplicationRecord application)
    {
        ArgumentNullException.ThrowIfNull(party);
        ArgumentNullException.ThrowIfNull(application);
        return party.Actor switch
        {
            Actor.Examiner when party.BodyId != application.BodyId => Actor.Public,
            Actor.Applicant when application.RegistrationNumber is null && party.AccountId != application.ApplicantId => Actor.Public,
            var actor => actor,
        };
    }

    /// <summary>Whether the party may read what only the body's examiners and administrators see (an objector's contact).</summary>
    public static bool IsBodyStaff(ActingParty party, ApplicationRecord application)
    {
        ArgumentNullException.ThrowIfNull(party);
        ArgumentNullException.ThrowIfNull(application);
        return party.IsSystem || party.Role switch
        {
            AccountRole.Examiner => party.BodyId == application.BodyId,
            AccountRole.Administrator => party.BodyId is null || party.BodyId == application.BodyId,
            _ => false,
        };
    }

    /// <summary>Whether the party may attempt an act (the lifecycle table then decides which).</summary>
    public static bool CanAct(ActingParty party, ApplicationRecord application)
    {
        ArgumentNullException.ThrowIfNull(party);
        ArgumentNullException.ThrowIfNull(application);
        if (party.IsSystem || LifecycleService.IsApplicant(party, application))
        {
            return true;
        }

        if (party.Role == AccountRole.Examiner && party.BodyId == application.BodyId && application.State != ApplicationState.Draft)
        {
            return true;
        }

        // Anyone else (the public, other applicants, banks) may act only on an application under
        // public notice: filing an objection.
        return application.State is ApplicationState.PublicNotice or ApplicationState.ObjectionReview;
    }
}
