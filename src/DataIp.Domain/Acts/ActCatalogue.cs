using System.Collections.Frozen;
using DataIp.Domain.Registration;
using static DataIp.Domain.Acts.ReasonDisclosure;

namespace DataIp.Domain.Acts;

/// <summary>
/// Every act type the platform writes: its name, its payload record, the lifecycle trigger it
/// carries out (if any) and who may read its reasons. The writers, the legal-status replay, the
/// evidence check, <c>dataip log verify</c> and <c>dataip log audit</c> all read acts through this
/// table, so an act type added here is known to all of them, and one missing here cannot be
/// written. Thread-safe: built once, immutable.
/// </summary>
public static class ActCatalogue
{
    private static readonly ActDescriptor[] Table =
    [
        Entry<CreateAccountAct>(ActTypes.CreateAccount),
        Entry<VerifyAccountAct>(ActTypes.VerifyAccount, reason: Parties),
        Entry<ChangeAccountRoleAct>(ActTypes.ChangeAccountRole, reason: Public),
        Entry<DisableAccountAct>(ActTypes.DisableAccount, reason: Public),
        Entry<EnableAccountAct>(ActTypes.EnableAccount, reason: Public),
        Entry<AddBodyAct>(ActTypes.AddBody),
        Entry<ChangePolicyAct>(ActTypes.ChangePolicy),
        Entry<EnterCalendarYearAct>(ActTypes.EnterCalendarYear),
        Entry<CreateDraftAct>(ActTypes.CreateDraft),
        Entry<UpdateContentAct>(ActTypes.UpdateContent),
        Entry<AddAttachmentAct>(ActTypes.AddAttachment),
        Entry<HandOverApplicationAct>(ActTypes.HandOverApplication, reason: Parties),
        Entry<SubmitAct>(ActTypes.Submit, LifecycleTrigger.Submit),
        Entry<StartExaminationAct>(ActTypes.StartExamination, LifecycleTrigger.StartExamination),
        Entry<RequestCorrectionAct>(ActTypes.RequestCorrection, LifecycleTrigger.RequestCorrection, Parties),
        Entry<ResubmitAct>(ActTypes.Resubmit, LifecycleTrigger.Resubmit, Parties),
        Entry<LapseCorrectionAct>(ActTypes.LapseCorrection, LifecycleTrigger.LapseCorrection, Public),
        Entry<WithdrawAct>(ActTypes.Withdraw, LifecycleTrigger.Withdraw, Parties),
        Entry<PassFormalExaminationAct>(ActTypes.PassFormalExamination, LifecycleTrigger.PassFormalExamination, Parties),
        Entry<PassSubstantiveExaminationAct>(ActTypes.PassSubstantiveExamination, LifecycleTrigger.PassSubstantiveExamination, Parties),
        Entry<RejectAct>(ActTypes.Reject, LifecycleTrigger.Reject, Public),
        Entry<FileObjectionAct>(ActTypes.FileObjection, LifecycleTrigger.FileObjection, Parties),
        Entry<UpholdObjectionAct>(ActTypes.UpholdObjection, LifecycleTrigger.UpholdObjection, Public),
        Entry<DismissObjectionAct>(ActTypes.DismissObjection, LifecycleTrigger.DismissObjection, Public),
        Entry<RegisterAct>(ActTypes.Register, LifecycleTrigger.Register),
        Entry<IssueCertificateAct>(ActTypes.IssueCertificate),
        Entry<RevokeAct>(ActTypes.Revoke, LifecycleTrigger.Revoke, Public),
        Entry<ReissueCertificateAct>(ActTypes.ReissueCertificate, LifecycleTrigger.ReissueCertificate, Parties),
        Entry<RequestChangeAct>(ActTypes.RequestChange, LifecycleTrigger.RequestChange, Parties),
        Entry<ApproveChangeAct>(ActTypes.ApproveChange, LifecycleTrigger.ApproveChange, Parties),
        Entry<RefuseChangeAct>(ActTypes.RefuseChange, LifecycleTrigger.RefuseChange, Public),
        Entry<RenewAct>(ActTypes.Renew, LifecycleTrigger.Renew),
        Entry<ExpireAct>(ActTypes.Expire, LifecycleTrigger.Expire, Public),
        Entry<ProposeTransferAct>(ActTypes.ProposeTransfer, LifecycleTrigger.ProposeTransfer, Parties),
        Entry<AcceptTransferAct>(ActTypes.AcceptTransfer, LifecycleTrigger.AcceptTransfer),
        Entry<DeclineTransferAct>(ActTypes.DeclineTransfer, LifecycleTrigger.DeclineTransfer, Parties),
        Entry<RecordLicenceAct>(ActTypes.RecordLicence, LifecycleTrigger.RecordLicence),
        Entry<FilePledgeAct>(ActTypes.FilePledge, LifecycleTrigger.FilePledge),
        Entry<ConfirmPledgeAct>(ActTypes.ConfirmPledge, LifecycleTrigger.ConfirmPledge),
        Entry<ConsentToActAct>(ActTypes.ConsentToAct, LifecycleTrigger.ConsentToAct),
        Entry<ReleasePledgeAct>(ActTypes.ReleasePledge, LifecycleTrigger.ReleasePledge, Public),
        Entry<CancelAct>(ActTypes.Cancel, LifecycleTrigger.Cancel, Parties),
        Entry<ImportRegistrationAct>(ActTypes.ImportRegistration),
    ];

    private static readonly FrozenDictionary<string, ActDescriptor> ByName = Table.ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);

    private static readonly FrozenDictionary<Type, ActDescriptor> ByType = Table.ToFrozenDictionary(d => d.PayloadType);

    private static readonly FrozenDictionary<LifecycleTrigger, ActDescriptor> ByTrigger =
        Table.Where(d => d.Trigger is not null).ToFrozenDictionary(d => d.Trigger!.Value);

    /// <summary>Every act type, in the order of the lifecycle.</summary>
    public static IReadOnlyList<ActDescriptor> All => Table;

    /// <summary>The act type named <paramref name="name"/>, or null for a name no act has.</summary>
    /// <param name="name">An act's type as logged.</param>
    /// <returns>The descriptor, or null.</returns>
    public static ActDescriptor? Find(string? name) => name is not null && ByName.TryGetValue(name, out var d) ? d : null;

    /// <summary>The act type whose payload is <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">A payload record listed here.</typeparam>
    /// <returns>The descriptor.</returns>
    public static ActDescriptor Of<T>()
        where T : ActPayload => Of(typeof(T));

    /// <summary>The act type of a payload record type.</summary>
    /// <param name="payloadType">A payload record type listed here.</param>
    /// <returns>The descriptor.</returns>
    /// <exception cref="ArgumentException">The type is not in the catalogue.</exception>
    public static ActDescriptor Of(Type payloadType) =>
        ByType.TryGetValue(payloadType, out var d) ? d : throw new ArgumentException($"{payloadType.Name} is not an act of the catalogue.", nameof(payloadType));

    /// <summary>The act type that carries out a lifecycle trigger.</summary>
    /// <param name="trigger">A trigger of the lifecycle table.</param>
    /// <returns>The descriptor.</returns>
    public static ActDescriptor For(LifecycleTrigger trigger) =>
        ByTrigger.TryGetValue(trigger, out var d) ? d : throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "No act of the catalogue carries out this trigger.");

    private static ActDescriptor Entry<T>(string name, LifecycleTrigger? trigger = null, ReasonDisclosure reason = None)
        where T : ActPayload => ActDescriptor.Describe(name, typeof(T), trigger, reason);
}
