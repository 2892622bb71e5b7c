using System.Globalization;
using Microsoft.Extensions.Options;

namespace DataIp.Web.Infrastructure;

/// <summary>
/// The <c>DataIp</c> settings (<see cref="PlatformOptions"/>): bound once, and checked at start by
/// each area's check (<see cref="CheckSettings"/>, <c>ValidateOnStart</c>). <see cref="SettingsAreValidAsync"/> runs
/// the checks right after the host is built, before anything opens the database, creates a key or
/// listens, so that a bad setting stops the start with exit code 1 and a message naming it.
/// </summary>
internal static class Settings
{
    /// <summary>Binds <see cref="PlatformOptions"/> from the <c>DataIp</c> section, checked at start, with the platform's own check.</summary>
    public static void AddSettings(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<PlatformOptions>().Bind(builder.Configuration.GetSection(PlatformOptions.Section)).ValidateOnStart();
        builder.CheckSettings(PlatformProblems);
    }

    /// <summary>
    /// Adds an area's check of its part of the settings: <paramref name="problems"/> lists them,
    /// each a sentence that begins with the setting's full name (null entries are no problem).
    /// It runs at start, with every other area's.
    /// </summary>
    /// <returns><paramref name="builder"/>, for the area's services.</returns>
    public static WebApplicationBuilder CheckSettings(this WebApplicationBuilder builder, Func<PlatformOptions, IEnumerable<string?>> problems)
    {
        builder.Services.AddSingleton<IValidateOptions<PlatformOptions>>(new SettingsCheck(problems));
        return builder;
    }

    // The node's own settings: the database and where the public reaches it.
    private static IEnumerable<string?> PlatformProblems(PlatformOptions options)
    {
        if (!Enum.IsDefined(options.DatabaseProvider))
        {
            yield return SettingRules.Invariant($"{SettingRules.Name("DatabaseProvider")} must be Sqlite or Postgres; it is {options.DatabaseProvider}.");
        }
        else if (options.DatabaseProvider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            yield return "DataIp:DatabaseProvider is Postgres but DataIp:ConnectionString is empty; set it to a PostgreSQL connection string.";
        }

        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            && (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            yield return $"DataIp:PublicBaseUrl must be an absolute http or https URL; it is '{options.PublicBaseUrl}'.";
        }
    }

    /// <summary>
    /// The settings as an area reads them while the host is built (paths, the database provider,
    /// token lifetimes). A setting that cannot be read (a word where a number or a time span is
    /// expected) reads as its default here: <see cref="SettingsAreValidAsync"/> refuses it before the node starts.
    /// </summary>
    public static PlatformOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(PlatformOptions.Section);
        try
        {
            return section.Get<PlatformOptions>() ?? new PlatformOptions();
        }
        catch (InvalidOperationException)
        {
            return new PlatformOptions { DataDirectory = section[nameof(PlatformOptions.DataDirectory)] ?? new PlatformOptions().DataDirectory };
        }
    }

    /// <summary>
    /// Runs every area's check now; on a bad setting, writes each problem to standard error as
    /// <c>dataip: …</c> (no stack trace) and answers false: the caller exits with code 1.
    /// </summary>
    public static async Task<bool> SettingsAreValidAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        IEnumerable<string> problems;
        try
        {
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            return true;
        }
        catch (OptionsValidationException e)
        {
            problems = e.Failures;
        }
        catch (InvalidOperationException e) when (e.Message.Contains($"'{PlatformOptions.Section}:", StringComparison.Ordinal))
        {
            // The configuration binder's: "Failed to convert configuration value … at 'DataIp:…' to type …".
            problems = [e.Message];
        }

        foreach (var problem in problems)
        {
            await Console.Error.WriteLineAsync("dataip: " + problem).ConfigureAwait(false);
        }

        return false;
    }
}

/// <summary>One area's check of its part of the settings, run at start (<see cref="Settings.CheckSettings"/>).</summary>
internal sealed class SettingsCheck(Func<PlatformOptions, IEnumerable<string?>> problems) : IValidateOptions<PlatformOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var found = problems(options).OfType<string>().ToList();
        return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
    }
}

/// <summary>The sentences of the settings checks, each naming the setting in full.</summary>
internal static class SettingRules
{
    /// <summary>The setting's full name: <c>DataIp:</c> and <paramref name="setting"/>.</summary>
    public static string Name(string setting) => $"{PlatformOptions.Section}:{setting}";

    /// <summary>A time span that must be above zero.</summary>
    public static string? Positive(TimeSpan value, string setting) =>
        value > TimeSpan.Zero ? null : Invariant($"{Name(setting)} must be a positive time span (e.g. 00:00:30); it is {value}.");

    /// <summary>A count that must be at least <paramref name="minimum"/>.</summary>
    public static string? AtLeast(int value, int minimum, string setting) =>
        value >= minimum ? null : Invariant($"{Name(setting)} must be at least {minimum}; it is {value}.");

    /// <summary>Text formatted the same on every machine.</summary>
    public static string Invariant(FormattableString text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToString(CultureInfo.InvariantCulture);
    }
}
