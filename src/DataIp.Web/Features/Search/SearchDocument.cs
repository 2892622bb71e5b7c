using DataIp.Data.Search;
using DataIp.Domain.Calendar;
using DataIp.Domain.Search;

namespace DataIp.Web.Features.Search;

/// <summary>
/// What the register's search knows of one public application: the public text it is found by
/// and the columns it is filtered, sorted and shown by. The one place an index row is made from
/// (<see cref="SearchIndex"/> writes it; the tests compare every row with it): text added here, such
/// as a further kind of identifier, is searchable after the next act or start.
/// </summary>
internal static class SearchDocument
{
    /// <summary>
    /// The form of the rows <see cref="From"/> makes: raise it when the text or columns change, and
    /// every row of an earlier form is remade at the next start (<see cref="SearchIndex.BackfillAsync"/>).
    /// </summary>
    public const int Format = 2;

    /// <summary>Whether the application is public, and so indexed: under notice once, or registered. Drafts and unpublished applications never are.</summary>
    public static bool IsPublic(ApplicationRecord application) =>
        application is { State: not ApplicationState.Draft } && (application.NoticeStartedAt is not null || application.RegistrationNumber is not null);

    /// <summary>The public text an application is found by: data name, holders, application scenarios, product summary and identifiers.</summary>
    /// <param name="application">The application (public content only is read).</param>
    /// <param name="holders">The holders' names in order (the applicants' before registration).</param>
    /// <param name="certificateNumbers">Every certificate number it was issued, the current one and earlier ones, and the pilot-era numbers it was imported under (docs/import.md).</param>
    public static IEnumerable<string?> Text(ApplicationRecord application, IReadOnlyList<string> holders, IReadOnlyList<string> certificateNumbers)
    {
        ArgumentNullException.ThrowIfNull(application);
        var data = application.Content.DataObject;
        yield return application.DataName;
        foreach (var holder in holders)
        {
            yield return holder;
        }

        foreach (var scenario in data?.ApplicationScenarios ?? [])
        {
            yield return scenario;
        }

        yield return data?.ProductSummary;
        yield return application.ApplicationNumber;
        yield return application.RegistrationNumber;
        yield return application.CertificateNumber;
        foreach (var number in certificateNumbers)
        {
            yield return number;
        }
    }

    /// <summary>The index row of a public application, as it should be now (<see cref="SearchEntry.Id"/> left 0).</summary>
    /// <param name="application">The application, its body loaded; public (<see cref="IsPublic"/>).</param>
    /// <param name="holders">The holders' names in order (the applicants' before registration).</param>
    /// <param name="certificateNumbers">Every certificate number it was issued, and its pilot-era numbers.</param>
    public static SearchEntry From(ApplicationRecord application, IReadOnlyList<string> holders, IReadOnlyList<string> certificateNumbers)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(holders);
        ArgumentNullException.ThrowIfNull(certificateNumbers);
        if (!IsPublic(application))
        {
            throw new ArgumentException($"Application {application.Id} is not public and is not indexed.", nameof(application));
        }

        var terms = new List<string>();
        foreach (var text in Text(application, holders, certificateNumbers))
        {
            terms.AddRange(SearchTerms.ForIndex(text));
        }

        var industry = application.Content.DataObject?.IndustryCode?.Trim().ToUpperInvariant();
        var noticeStartedOn = application.NoticeStartedAt is { } started ? ChinaTime.ToChinaDate(started) : (DateOnly?)null;
        return new SearchEntry
        {
            ApplicationId = application.Id,
            Version = application.Version,
            Format = Format,
            Terms = [.. terms.Distinct(StringComparer.Ordinal)],
            ApplicationNumber = application.ApplicationNumber ?? "",
            RegistrationNumber = application.RegistrationNumber,
            Number = application.RegistrationNumber ?? application.ApplicationNumber ?? "",
            DataName = application.DataName,
            Holders = [.. holders],
            BodyCode = application.Body.Code,
            RegionCode = application.Body.RegionCode,
            IndustryCode = string.IsNullOrEmpty(industry) ? null : industry,
            IndustrySection = industry is { Length: > 0 } && char.IsAsciiLetterUpper(industry[0]) ? industry[..1] : null,
            State = application.State,
            Rights = RightsOf(application.Content.RightsClaimed.Select(c => c.Right)),
            Pledged = application.ActivePledges > 0,
            Date = application.RegistrationDate ?? noticeStartedOn ?? DateOnly.MinValue,
            NoticeStartedOn = noticeStartedOn,
            RegistrationDate = application.RegistrationDate,
            ValidUntil = application.ValidUntil,
            CertificateNumber = application.CertificateNumber,
        };
    }

    /// <summary>The bit of a right in <see cref="SearchEntry.Rights"/>.</summary>
    public static int Bit(DataRight right) => 1 << (int)right;

    /// <summary>The rights as <see cref="SearchEntry.Rights"/> holds them.</summary>
    public static int RightsOf(IEnumerable<DataRight?> rights) => rights.OfType<DataRight>().Aggregate(0, (bits, right) => bits | Bit(right));

    /// <summary>Whether a stored row says what <paramref name="expected"/> says (its key aside).</summary>
    public static bool Same(SearchEntry stored, SearchEntry expected) =>
        stored.ApplicationId == expected.ApplicationId && stored.Version == expected.Version && stored.Format == expected.Format
        && stored.Terms.SequenceEqual(expected.Terms, StringComparer.Ordinal) && stored.ApplicationNumber == expected.ApplicationNumber
        && stored.RegistrationNumber == expected.RegistrationNumber && stored.Number == expected.Number && stored.DataName == expected.DataName
        && stored.Holders.SequenceEqual(expected.Holders, StringComparer.Ordinal) && stored.BodyCode == expected.BodyCode
        && stored.RegionCode == expected.RegionCode && stored.IndustryCode == expected.IndustryCode && stored.IndustrySection == expected.IndustrySection
        && stored.State == expected.State && stored.Rights == expected.Rights && stored.Pledged == expected.Pledged && stored.Date == expected.Date
        && stored.NoticeStartedOn == expected.NoticeStartedOn && stored.RegistrationDate == expected.RegistrationDate
        && stored.ValidUntil == expected.ValidUntil && stored.CertificateNumber == expected.CertificateNumber;
}
