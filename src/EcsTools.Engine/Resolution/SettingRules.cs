using System;
using System.Globalization;
using System.IO;

namespace EcsTools.Engine.Resolution;

/// <summary>
/// Checks of the region, profile name and profile files, made before anything is resolved or sent. Each failure is an
/// <see cref="EcsConfigurationException"/> whose <see cref="EcsConfigurationException.Setting"/> names the condition
/// (the module turns it into an error id), and whose message shows at most the first 64 characters of what was given.
/// </summary>
internal static class SettingRules
{
    /// <summary>Longest region name taken: a DNS label (the endpoint rules put the region into the host name).</summary>
    public const int MaxRegionLength = 63;

    public const int MaxProfileNameLength = 256;

    /// <summary>The largest shared config or credentials file read: far above any real one, far below what exhausts memory.</summary>
    public const long MaxProfileFileBytes = 1024 * 1024;

    public const string InvalidRegion = ConfigurationErrors.RegionName;
    public const string InvalidProfileName = ConfigurationErrors.ProfileName;
    public const string InvalidProfileFile = ConfigurationErrors.ProfileFile;
    public const string ProfileFileTooLarge = ConfigurationErrors.ProfileFileSize;

    /// <summary>A region name: lowercase letters, digits and hyphens, starting and ending with a letter or digit (us-east-1).</summary>
    public static string Region(string value, string origin)
    {
        // Not trimmed: "us-east-1\n" from a file read whole is refused like any other character outside the rule.
        var region = value;
        var valid = region.Length is > 0 and <= MaxRegionLength && IsAlphanumeric(region[0]) && IsAlphanumeric(region[^1]);
        foreach (var c in region)
        {
            valid &= IsAlphanumeric(c) || c == '-';
        }

        if (!valid)
        {
            throw ConfigurationErrors.InvalidRegion(Show(value), origin);
        }

        return region;
    }

    /// <summary>A profile name: 1 to 256 characters, no control characters or square brackets, no surrounding spaces.</summary>
    public static void ProfileName(string name, string origin)
    {
        var valid = name.Length is > 0 and <= MaxProfileNameLength && name.Trim().Length == name.Length;
        foreach (var c in name)
        {
            valid &= !char.IsControl(c) && c is not '[' and not ']';
        }

        if (!valid)
        {
            throw ConfigurationErrors.InvalidProfileName(Show(name), origin, MaxProfileNameLength);
        }
    }

    /// <summary>
    /// A shared config or credentials file that exists must be a regular file of at most <see cref="MaxProfileFileBytes"/>:
    /// not a directory or a device (/dev/zero would be read forever), not a huge file read whole into memory.
    /// </summary>
    public static void ProfileFile(string? path, string origin)
    {
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                throw NotAFile(path, origin, "a directory");
            }

            var info = new FileInfo(full);
            if (!info.Exists)
            {
                return;
            }

            var target = info.LinkTarget is null ? full : info.ResolveLinkTarget(true)?.FullName ?? full;
            if (IsDevicePath(target))
            {
                throw NotAFile(path, origin, "a device or system file");
            }

            if (Directory.Exists(target))
            {
                throw NotAFile(path, origin, "a directory");
            }

            var length = new FileInfo(target).Length;
            if (length > MaxProfileFileBytes)
            {
                throw ConfigurationErrors.ProfileFileTooLarge(Show(path), origin, length, MaxProfileFileBytes);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw ConfigurationErrors.ProfileFileUnreadable(Show(path), origin, e);
        }
    }

    /// <summary>Profile names and the files the SDK is about to read, checked before it reads them.</summary>
    public static void Profiles(EcsConnectionSettings settings)
    {
        if (settings.ProfileName is not null)
        {
            SettingRules.ProfileName(settings.ProfileName, settings.ProfileOrigin ?? "-ProfileName");
        }

        if (Environment.GetEnvironmentVariable("AWS_PROFILE") is { Length: > 0 } ambient && !string.IsNullOrWhiteSpace(ambient))
        {
            SettingRules.ProfileName(ambient.Trim(), "environment variable AWS_PROFILE");
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        SettingRules.ProfileFile(settings.ProfileLocation, "-ProfileLocation");
        SettingRules.ProfileFile(
            Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE") is { Length: > 0 } credentials ? credentials
                : string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".aws", "credentials"),
            "the shared credentials file");
        SettingRules.ProfileFile(
            Environment.GetEnvironmentVariable("AWS_CONFIG_FILE") is { Length: > 0 } config ? config
                : string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".aws", "config"),
            "the shared config file");
    }

    /// <summary>At most 64 characters of what was given, with its length when cut; control characters escaped.</summary>
    public static string Show(string text)
    {
        var shown = text.Length <= 64 ? text : text[..(char.IsHighSurrogate(text[63]) ? 63 : 64)];
        var builder = new System.Text.StringBuilder();
        foreach (var c in shown)
        {
            _ = char.IsControl(c) ? builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : builder.Append(c);
        }

        return text.Length <= 64 ? builder.ToString() : builder.Append(CultureInfo.InvariantCulture, $"... ({text.Length} characters)").ToString();
    }

    private static EcsConfigurationException NotAFile(string path, string origin, string what) => ConfigurationErrors.NotAFile(Show(path), origin, what);

    private static bool IsDevicePath(string fullPath) =>
        OperatingSystem.IsWindows()
            ? fullPath.StartsWith(@"\\.\", StringComparison.Ordinal) || fullPath.StartsWith(@"\\?\", StringComparison.Ordinal)
            : fullPath.StartsWith("/dev/", StringComparison.Ordinal) || fullPath.StartsWith("/proc/", StringComparison.Ordinal)
              || fullPath.StartsWith("/sys/", StringComparison.Ordinal);

    private static bool IsAlphanumeric(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
