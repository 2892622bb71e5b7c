using DataIp.Web.Features.Register;

namespace DataIp.Web.Features.Statistics;

/// <summary>
/// The register's statistics (docs/statistics.md defines each figure). Applications are counted
/// in the month they were submitted, registrations in the month of their registration date, valid
/// certificates in the month their current certificate was issued; licences when recorded,
/// transfers when accepted, pledges when filed (in the status they have now).
/// </summary>
/// <param name="CountedAt">When the register was counted.</param>
/// <param name="MaxAgeSeconds">The figures are counted again at most this long after <paramref name="CountedAt"/>.</param>
/// <param name="From">The first month counted (<c>YYYY-MM</c>), when the request limited it.</param>
/// <param name="To">The last month counted, when the request limited it.</param>
/// <param name="Body">The one body counted, when the request named one.</param>
/// <param name="Totals">The figures of everything counted.</param>
/// <param name="ByBody">Per registration body, every body (or the one asked for), by code.</param>
/// <param name="ByProvince">Per province (first two digits of the bodies' GB/T 2260 region codes).</param>
/// <param name="ByRegion">Per region code of a body (a province, or a city such as Shenzhen 440300).</param>
/// <param name="ByIndustrySection">Per GB/T 4754 section; a null section counts applications that record no industry.</param>
/// <param name="ByIndustryDivision">Per GB/T 4754 division.</param>
/// <param name="ByMonth">Every month from the first to the last with anything counted.</param>
/// <param name="PledgesByStatus">Pledges in each status, with their secured amounts per currency (never added across currencies).</param>
/// <param name="ProcessingTimes">Calendar days from submission to registration, per body.</param>
public sealed record StatisticsView(
    DateTimeOffset CountedAt,
    int MaxAgeSeconds,
    string? From,
    string? To,
    string? Body,
    StatisticsTotals Totals,
    IReadOnlyList<BodyFigures> ByBody,
    IReadOnlyList<ProvinceFigures> ByProvince,
    IReadOnlyList<RegionFigures> ByRegion,
    IReadOnlyList<IndustrySectionFigures> ByIndustrySection,
    IReadOnlyList<IndustryDivisionFigures> ByIndustryDivision,
    IReadOnlyList<MonthFigures> ByMonth,
    IReadOnlyList<PledgeStatusFigures> PledgesByStatus,
    IReadOnlyList<ProcessingTimeFigures> ProcessingTimes);

/// <summary>Everything counted.</summary>
public sealed record StatisticsTotals(int Applications, int Registrations, int ValidCertificates, int Licences, int Transfers, int Pledges);

/// <summary>One body's figures.</summary>
public sealed record BodyFigures(
    string BodyCode, string Name, string NameEn, string RegionCode, int Applications, int Registrations, int ValidCertificates, int Licences, int Transfers);

/// <summary>One province's figures; its name is null for two digits GB/T 2260 does not give a province.</summary>
public sealed record ProvinceFigures(string Province, string? Name, string? NameEn, int Applications, int Registrations, int ValidCertificates);

/// <summary>One region's figures: the bodies whose region code it is.</summary>
public sealed record RegionFigures(string RegionCode, string Province, IReadOnlyList<string> Bodies, int Applications, int Registrations, int ValidCertificates);

/// <summary>One industry section's figures (null section: no industry recorded).</summary>
public sealed record IndustrySectionFigures(string? Section, string? Name, string? NameEn, int Applications, int Registrations, int ValidCertificates);

/// <summary>One industry division's figures (null code: no industry recorded).</summary>
public sealed record IndustryDivisionFigures(string? Code, string? Section, string? Name, string? NameEn, int Applications, int Registrations, int ValidCertificates);

/// <summary>One month's figures.</summary>
public sealed record MonthFigures(string Month, int Applications, int Registrations, int ValidCertificates, int Licences, int Transfers);

/// <summary>The pledges in one status and what they secure, per currency.</summary>
public sealed record PledgeStatusFigures(PledgeStatus Status, int Pledges, IReadOnlyList<SecuredAmount> Amounts);

/// <summary>
/// A body's processing times: the calendar days from the day of submission to the registration
/// date (China time) of each registration counted, their median and 90th percentile by the
/// nearest-rank method (null when the body registered nothing).
/// </summary>
public sealed record ProcessingTimeFigures(string BodyCode, string Name, string NameEn, int Registrations, int? MedianDays, int? P90Days);
