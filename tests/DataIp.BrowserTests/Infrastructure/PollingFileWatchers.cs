using System.Runtime.CompilerServices;

namespace DataIp.BrowserTests.Infrastructure;

/// <summary>
/// Every web host a test starts watches its content root, configuration files and wwwroot (the
/// layout's asp-append-version) with inotify, and Linux allows a user 128 inotify instances: with
/// many hosts alive at once the next watcher throws ("The configured user limit (128) on the number
/// of inotify instances has been reached") and a page answers 500. Polling watchers use no inotify
/// instance; the tests never edit a watched file, so nothing is lost.
/// </summary>
internal static class PollingFileWatchers
{
#pragma warning disable CA2255 // A test assembly's module initializer: it must run before the first host is built.
    [ModuleInitializer]
    internal static void Use() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
#pragma warning restore CA2255
}
