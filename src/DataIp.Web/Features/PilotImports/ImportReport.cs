using System.Globalization;
using DataIp.Web.Pages;

namespace DataIp.Web.Features.PilotImports;

/// <summary>Why a row (or the whole file) cannot be imported; its words are <c>Import.Problem.&lt;Code&gt;</c> in the pages' resources.</summary>
public enum ImportProblemCode
{
    /// <summary>The file is not UTF-8 (a GBK export reads so).</summary>
    NotUtf8,

    /// <summary>The file holds NUL characters: not a text file.</summary>
    NotText,

    /// <summary>The file is larger than the limit.</summary>
    FileTooLarge,

    /// <summary>The file has more rows than the limit.</summary>
    TooManyRows,

    /// <summary>The file is empty or has only its header.</summary>
    NoRows,

    /// <summary>A quoted field is not closed before the end of the file.</summary>
    UnclosedQuote,

    /// <summary>Something follows a quoted field's closing quote before the comma.</summary>
    TextAfterQuote,

    /// <summary>A quote inside an unquoted field.</summary>
    QuoteInField,

    /// <summary>A required column is missing from the header.</summary>
    MissingColumn,

    /// <summary>A column of the header is not one of the file's columns.</summary>
    UnknownColumn,

    /// <summary>A column is named twice in the header.</summary>
    RepeatedColumn,

    /// <summary>The row has a different number of fields from the header.</summary>
    FieldCount,

    /// <summary>A required value is empty.</summary>
    Required,

    /// <summary>A value is longer than its column allows.</summary>
    TooLong,

    /// <summary>A value holds control characters, lone surrogates or noncharacters.</summary>
    BadCharacters,

    /// <summary>A date is not YYYY-MM-DD or not a day of the calendar.</summary>
    BadDate,

    /// <summary>The end of validity is before the registration date.</summary>
    EndsBeforeStart,

    /// <summary>A registration date after today.</summary>
    FutureDate,

    /// <summary>The unified social credit code (or ID number) fails its check.</summary>
    BadIdentifier,

    /// <summary>Not a GB/T 4754 division code.</summary>
    BadIndustry,

    /// <summary>Not a data source type code.</summary>
    BadSourceType,

    /// <summary>Not a right's name.</summary>
    BadRight,

    /// <summary>A co-holder is not written "name|code".</summary>
    BadCoHolder,

    /// <summary>The same pilot-era number is on an earlier line of the file.</summary>
    DuplicateInFile,
}

/// <summary>A problem of the file or of one row.</summary>
/// <param name="Line">The file's line (1 is the header); 0 for the whole file.</param>
/// <param name="Column">The column's name, or null for the whole row or file.</param>
/// <param name="Code">What is wrong.</param>
/// <param name="Value">The value the sentence names (a column's name, a line, a limit), if any.</param>
public sealed record ImportProblem(int Line, string? Column, ImportProblemCode Code, string? Value = null)
{
    /// <summary>The sentence in English, as the API and the CLI give it.</summary>
    public string Message => Words(Text.English);

    /// <summary>The sentence in the page's language.</summary>
    public string PageMessage => Words(CultureInfo.CurrentUICulture);

    private string Words(CultureInfo culture) =>
        string.Format(culture, Text.Get("Import.Problem." + Code, culture), Value ?? "");
}

/// <summary>A row imported, or one already imported by an earlier run.</summary>
/// <param name="Line">The file's line.</param>
/// <param name="PilotNumber">The pilot-era certificate number.</param>
/// <param name="RegistrationNumber">The unified registration number (null in a dry run).</param>
/// <param name="CertificateNumber">The unified certificate number (null in a dry run).</param>
public sealed record ImportedRow(int Line, string PilotNumber, string? RegistrationNumber, string? CertificateNumber);

/// <summary>What an import did, or would do in a dry run.</summary>
/// <param name="Body">The body's code.</param>
/// <param name="Batch">The batch's name (the file's name).</param>
/// <param name="DryRun">Whether nothing was written.</param>
/// <param name="Rows">The rows of the file (header excluded).</param>
/// <param name="Imported">Rows imported now (in a dry run: that would be).</param>
/// <param name="AlreadyImported">Rows whose pilot-era number was imported before: not imported again.</param>
/// <param name="Errors">Problems of rows not imported.</param>
public sealed record ImportReport(
    string Body, string Batch, bool DryRun, int Rows, IReadOnlyList<ImportedRow> Imported, IReadOnlyList<ImportedRow> AlreadyImported,
    IReadOnlyList<ImportProblem> Errors);
