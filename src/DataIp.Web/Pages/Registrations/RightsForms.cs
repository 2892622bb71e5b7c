using System.Globalization;
using DataIp.Web.Features.Rights.Changes;
using DataIp.Web.Features.Rights.Licences;
using DataIp.Web.Features.Rights.Pledges;
using DataIp.Web.Features.Rights.Transfers;

namespace DataIp.Web.Pages.Registrations;

/// <summary>
/// The forms of a registration's page, as typed (strings, kept after a refusal), and the requests
/// of the API's use cases they become. The page checks only what a browser's form cannot carry
/// (a date, an account named by its e-mail); the use case checks everything else, as for the API.
/// </summary>
public static class RightsForms
{
    /// <summary>The id of a form's field (the error summary links to it): e.g. <c>licence-scope</c>.</summary>
    public static string FieldId(string form, string field) => $"{form}-{field}";

    /// <summary>A day typed as YYYY-MM-DD (a date input's value), or null with the error when it is not one.</summary>
    internal static DateOnly? Day(string? typed, string fieldId, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null; // the use case says which day is missing
        }

        if (DateOnly.TryParseExact(typed.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(new FieldError(fieldId, Text.Get("Rights.BadDay")));
        return null;
    }

    /// <summary>The rights ticked, by their JSON names.</summary>
    internal static List<DataRight>? Rights(IEnumerable<string>? ticked) =>
        ticked is null ? null : [.. ticked.Select(r => Enum.TryParse<DataRight>(r, ignoreCase: true, out var right) && Enum.IsDefined(right) && !int.TryParse(r, out _) ? right : (DataRight?)null).OfType<DataRight>()];

    /// <summary>The account with that e-mail and role, or null with the error.</summary>
    internal static async Task<Guid?> AccountAsync(
        RegistryDbContext db, string? email, AccountRole role, string fieldId, string missingKey, string unknownKey, List<FieldError> errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            errors.Add(new FieldError(fieldId, Text.Get(missingKey)));
            return null;
        }

        var normalized = email.Trim().ToUpperInvariant();
        var id = await db.Users.AsNoTracking().Where(a => a.NormalizedEmail == normalized && a.Role == role).Select(a => (Guid?)a.Id)
            .SingleOrDefaultAsync(ct).ConfigureAwait(false);
        if (id is null)
        {
            errors.Add(new FieldError(fieldId, Text.Get(unknownKey)));
        }

        return id;
    }
}

/// <summary>The licence form.</summary>
public sealed class LicenceForm
{
    public string? LicenseeName { get; set; }

    public string? LicenseeIdentifier { get; set; }

    public string? Kind { get; set; }

    public List<string> Rights { get; set; } = [];

    public string? Scope { get; set; }

    public string? Territory { get; set; }

    public string? StartsOn { get; set; }

    public string? EndsOn { get; set; }

    public bool SubLicensing { get; set; }

    internal LicenceRequest Request(List<FieldError> errors) => new(
        LicenseeName, LicenseeIdentifier, null,
        Enum.TryParse<LicenceKind>(Kind, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(Kind, out _) ? kind : null,
        RightsForms.Rights(Rights), Scope, Territory,
        RightsForms.Day(StartsOn, RightsForms.FieldId("licence", "startsOn"), errors), RightsForms.Day(EndsOn, RightsForms.FieldId("licence", "endsOn"), errors),
        SubLicensing);
}

/// <summary>The pledge form: the holder names the bank by its account's e-mail.</summary>
public sealed class PledgeForm
{
    public string? PledgeeEmail { get; set; }

    public string? ContractNumber { get; set; }

    public string? SecuredAmount { get; set; }

    public string? Currency { get; set; } = "CNY";

    public string? StartsOn { get; set; }

    public string? EndsOn { get; set; }

    public List<string> Rights { get; set; } = [];

    internal PledgeRequest Request(Guid? pledgee, List<FieldError> errors) => new(
        pledgee, ContractNumber, SecuredAmount, Currency,
        RightsForms.Day(StartsOn, RightsForms.FieldId("pledge", "startsOn"), errors), RightsForms.Day(EndsOn, RightsForms.FieldId("pledge", "endsOn"), errors),
        RightsForms.Rights(Rights));
}

/// <summary>The transfer form: the transferee by its applicant account's e-mail, the share as a percentage (empty: the holder's whole share).</summary>
public sealed class TransferForm
{
    public string? TransfereeEmail { get; set; }

    public string? SharePercent { get; set; }

    public string? Reason { get; set; }

    internal TransferRequest Request(Guid? transferee, List<FieldError> errors)
    {
        int? share = null;
        if (!string.IsNullOrWhiteSpace(SharePercent))
        {
            if (decimal.TryParse(SharePercent.Trim().TrimEnd('%'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
                && decimal.Round(percent * 100) == percent * 100 && percent * 100 <= int.MaxValue)
            {
                share = (int)(percent * 100);
            }
            else
            {
                errors.Add(new FieldError(RightsForms.FieldId("transfer", "share"), Text.Get("Rights.BadShare")));
            }
        }

        return new TransferRequest(transferee, share, string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim());
    }
}

/// <summary>The change form: only the particulars filled in change.</summary>
public sealed class ChangeForm
{
    public string? DataName { get; set; }

    /// <summary>The application scenarios, one a line.</summary>
    public string? ApplicationScenarios { get; set; }

    public string? UpdateFrequency { get; set; }

    public string? HolderName { get; set; }

    public string? Reason { get; set; }

    internal ChangeParticularsRequest Request() => new(
        string.IsNullOrWhiteSpace(DataName) ? null : DataName,
        string.IsNullOrWhiteSpace(ApplicationScenarios) ? null : [.. ApplicationScenarios.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
        Enum.TryParse<UpdateFrequency>(UpdateFrequency, ignoreCase: true, out var frequency) && Enum.IsDefined(frequency) && !int.TryParse(UpdateFrequency, out _) ? frequency : null,
        string.IsNullOrWhiteSpace(HolderName) ? null : HolderName,
        string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim());
}

/// <summary>
/// An examiner's release of a registered pledge on a court order (one form per pledge): the order's
/// number (案号), the court that made it, its date and the order itself; its reasons, which are
/// public, are the page's <c>Reason</c>.
/// The page checks only that each is there; the use case checks the rest, as for the API.
/// </summary>
public sealed class CourtOrderForm
{
    private const string Prefix = "release-";

    /// <summary>The pledge's number.</summary>
    public string? Pledge { get; set; }

    /// <summary>The court order's number, as typed.</summary>
    public string? Number { get; set; }

    /// <summary>The court that made the order, as typed.</summary>
    public string? Court { get; set; }

    /// <summary>The order's date, as typed (<c>yyyy-MM-dd</c> from a date field).</summary>
    public string? Date { get; set; }

    /// <summary>The court order (PDF, PNG or JPEG).</summary>
    public IFormFile? Order { get; set; }

    /// <summary>The order's number, court and date for the use case.</summary>
    internal Features.Rights.Pledges.CourtOrderParticulars Particulars => new(Number, Court, Date);

    /// <summary>The name of the form of a pledge's release (kept open after a refusal).</summary>
    public static string FormOf(string pledge) => Prefix + pledge;

    /// <summary>The pledge a form is the release of, or null for another form.</summary>
    public static string? PledgeOf(string form) => form.StartsWith(Prefix, StringComparison.Ordinal) ? form[Prefix.Length..] : null;

    /// <summary>The id of a field of a pledge's release form: <c>number</c>, <c>court</c>, <c>date</c>, <c>order</c> or <c>reason</c>.</summary>
    public static string FieldId(string pledge, string field) => $"{Prefix}{pledge}-{field}";

    /// <summary>The court order when the number, the court, the date, the order and the reasons are all given; null with an error for each missing one.</summary>
    internal IFormFile? Check(string pledge, string? reason, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(Number))
        {
            errors.Add(new FieldError(FieldId(pledge, "number"), Text.Get("Examiner.Release.NumberMissing")));
        }

        if (string.IsNullOrWhiteSpace(Court))
        {
            errors.Add(new FieldError(FieldId(pledge, "court"), Text.Get("Court.NameMissing")));
        }

        if (string.IsNullOrWhiteSpace(Date))
        {
            errors.Add(new FieldError(FieldId(pledge, "date"), Text.Get("Court.DateMissing")));
        }

        if (Order is not { Length: > 0 })
        {
            errors.Add(new FieldError(FieldId(pledge, "order"), Text.Get("Examiner.Release.OrderMissing")));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new FieldError(FieldId(pledge, "reason"), Text.Get("Examiner.Release.ReasonMissing")));
        }

        return errors.Count == 0 ? Order : null;
    }
}

/// <summary>A text field of a rights form (Pages/Registrations/_TextField.cshtml).</summary>
/// <param name="Id">Its id, which the error summary links to.</param>
/// <param name="Name">The posted name (e.g. <c>Licence.Scope</c>).</param>
/// <param name="Label">Its label.</param>
/// <param name="Hint">What the law asks for, if anything needs saying.</param>
/// <param name="Value">What was typed.</param>
/// <param name="Errors">Its errors.</param>
/// <param name="Type">The input's type (text, date, email), or <c>textarea</c>.</param>
public sealed record TextField(string Id, string Name, string Label, string? Hint, string? Value, IReadOnlyList<string> Errors, string Type = "text");

/// <summary>Radios or checkboxes in a fieldset (Pages/Registrations/_Choices.cshtml); the first input carries <paramref name="Id"/>.</summary>
/// <param name="Id">The id the error summary links to.</param>
/// <param name="Name">The posted name.</param>
/// <param name="Legend">The fieldset's legend.</param>
/// <param name="Type">radio or checkbox.</param>
/// <param name="Options">Each option's value and label.</param>
/// <param name="Chosen">The values chosen.</param>
/// <param name="Errors">Its errors.</param>
/// <param name="Hint">A hint, if anything needs saying.</param>
public sealed record Choices(
    string Id, string Name, string Legend, string Type, IReadOnlyList<(string Value, string Label)> Options, IReadOnlyList<string> Chosen, IReadOnlyList<string> Errors, string? Hint);
