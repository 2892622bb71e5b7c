using System.Globalization;

namespace DataIp.Domain.Registration;

/// <summary>
/// The sections and divisions of the Industrial Classification for National Economic Activities
/// (GB/T 4754-2017, 国民经济行业分类): 20 sections A–T holding 97 divisions 01–97. An industry code
/// in an application is a section letter followed by a two-digit division of that section, e.g.
/// <c>I65</c>.
/// </summary>
public static class IndustryClassification
{
    /// <summary>The first division number.</summary>
    public const int FirstDivision = 1;

    /// <summary>The last division number.</summary>
    public const int LastDivision = 97;

    // GB/T 4754-2017 table of sections: each section covers a contiguous run of divisions.
    private static readonly (char Section, int First, int Last)[] Sections =
    [
        ('A', 1, 5), ('B', 6, 12), ('C', 13, 43), ('D', 44, 46), ('E', 47, 50),
        ('F', 51, 52), ('G', 53, 60), ('H', 61, 62), ('I', 63, 65), ('J', 66, 69),
        ('K', 70, 70), ('L', 71, 72), ('M', 73, 75), ('N', 76, 79), ('O', 80, 82),
        ('P', 83, 83), ('Q', 84, 85), ('R', 86, 90), ('S', 91, 96), ('T', 97, 97),
    ];

    /// <summary>The section letter a division belongs to.</summary>
    /// <param name="division">A division number.</param>
    /// <returns>The section letter, or null when the division does not exist.</returns>
    public static char? SectionOf(int division) =>
        Sections.Where(s => division >= s.First && division <= s.Last).Select(s => (char?)s.Section).FirstOrDefault();

    /// <summary>Whether <paramref name="industryCode"/> is a section letter followed by one of its divisions.</summary>
    /// <param name="industryCode">The code to check, e.g. <c>I65</c>.</param>
    /// <returns>True for a well-formed, consistent code.</returns>
    public static bool IsValid(string industryCode) => Problem(industryCode) is null;

    /// <summary>Checks an industry code.</summary>
    /// <param name="industryCode">The code to check.</param>
    /// <returns>Null when valid; otherwise a sentence, starting with "industryCode", saying what is wrong.</returns>
    internal static string? Check(string industryCode) =>
        Problem(industryCode) is var (code, arguments) ? new ContentProblem("industryCode", code, arguments).English : null;

    /// <summary>Checks an industry code.</summary>
    /// <param name="industryCode">The code to check.</param>
    /// <returns>Null when valid; otherwise what is wrong, as a content problem's code and arguments.</returns>
    internal static (ContentProblemCode Code, object?[] Arguments)? Problem(string industryCode)
    {
        ArgumentNullException.ThrowIfNull(industryCode);
        if (industryCode.Length != 3 || !char.IsAsciiLetterUpper(industryCode[0])
            || !char.IsAsciiDigit(industryCode[1]) || !char.IsAsciiDigit(industryCode[2]))
        {
            return (ContentProblemCode.IndustryCodeShape, [industryCode]);
        }

        var section = industryCode[0];
        var division = int.Parse(industryCode.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);
        if (SectionOf(division) is not { } expected)
        {
            return (ContentProblemCode.IndustryDivisionUnknown, [industryCode[1..]]);
        }

        if (expected != section)
        {
            var (_, first, last) = Sections.Single(s => s.Section == expected);
            var range = first == last ? first.ToString("00", CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{first:00}–{last:00}");
            return (ContentProblemCode.IndustrySectionMismatch, [industryCode, industryCode[1..], expected, range, section]);
        }

        return null;
    }
}
