using DataIp.Data.Rights;

namespace DataIp.Web.Features.Rights;

/// <summary>The register's rows as acts record them (the public particulars of <see cref="ActCatalogue"/>'s records).</summary>
internal static class RightsParticulars
{
    /// <summary>A pledge's particulars.</summary>
    public static PledgeParticulars Of(PledgeRecord pledge) => new(
        pledge.Number, pledge.PledgeeName, Enum.Parse<PledgeSide>(pledge.FiledBy, ignoreCase: true), new MoneyAmount(pledge.SecuredAmount, pledge.Currency).Text,
        pledge.Currency, pledge.StartsOn, pledge.EndsOn, RightsChecks.RightsList(pledge.Rights), pledge.Status, pledge.Priority);

    /// <summary>A licence's particulars.</summary>
    public static LicenceParticulars Of(LicenceRecord licence) => new(
        licence.Number, licence.LicenseeName, licence.Kind, RightsChecks.RightsList(licence.Rights), licence.Scope, licence.Territory,
        licence.StartsOn, licence.EndsOn, licence.SubLicensing);

    /// <summary>A transfer's particulars.</summary>
    public static TransferParticulars Of(TransferRecord transfer) => new(transfer.Number, transfer.FromName, transfer.ToName, transfer.Share, transfer.Status);

    /// <summary>A stored pledge side (<c>holder</c>, <c>pledgee</c>).</summary>
    public static string Stored(PledgeSide side) => Acts.JsonNaming.Camel(side);

    /// <summary>A stored release basis (<c>pledgee</c>, <c>courtOrder</c>).</summary>
    public static string Stored(ReleaseBasis basis) => Acts.JsonNaming.Camel(basis);
}
