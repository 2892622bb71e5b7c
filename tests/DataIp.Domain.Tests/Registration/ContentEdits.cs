using DataIp.Domain.Registration;

namespace DataIp.Domain.Tests.Registration;

/// <summary>Edits one nested member of a content, so that a test states only what it changes.</summary>
public static class ContentEdits
{
    public static ApplicationContent EditApplicant(this ApplicationContent content, Func<ApplicantParticulars, ApplicantParticulars> edit) =>
        content with { Applicant = edit(content.Applicant!) };

    public static ApplicationContent EditContact(this ApplicationContent content, Func<ContactDetails, ContactDetails> edit) =>
        content.EditApplicant(a => a with { Contact = edit(a.Contact!) });

    public static ApplicationContent EditCoApplicant(this ApplicationContent content, Func<CoApplicant, CoApplicant> edit) =>
        content.EditApplicant(a => a with { CoApplicants = [edit(a.CoApplicants[0])] });

    public static ApplicationContent EditAgent(this ApplicationContent content, Func<AgentParticulars, AgentParticulars> edit) =>
        content.EditApplicant(a => a with { Agent = edit(a.Agent!) });

    public static ApplicationContent EditDataObject(this ApplicationContent content, Func<DataObjectParticulars, DataObjectParticulars> edit) =>
        content with { DataObject = edit(content.DataObject!) };

    public static ApplicationContent EditEvidence(this ApplicationContent content, Func<EvidenceParticulars, EvidenceParticulars> edit) =>
        content with { Evidence = edit(content.Evidence!) };

    public static ApplicationContent EditFingerprint(this ApplicationContent content, Func<DataFingerprint, DataFingerprint> edit) =>
        content.EditEvidence(e => e with { Fingerprint = edit(e.Fingerprint!) });

    public static ApplicationContent EditRight(this ApplicationContent content, int index, Func<RightClaim, RightClaim> edit) =>
        content with { RightsClaimed = [.. content.RightsClaimed.Select((r, i) => i == index ? edit(r) : r)] };

    public static ApplicationContent EditDeclarations(this ApplicationContent content, Func<Declarations, Declarations> edit) =>
        content with { Declarations = edit(content.Declarations!) };
}
