using System;
using System.IO;
using System.Text.RegularExpressions;

namespace EcsTools.Engine.Resolution;

/// <summary>
/// A credentials or config file the SDK cannot parse. The SDK's message quotes the offending line, which may be
/// "aws_secret_access_key SECRET" with its '=' missing: our error names the file and the line number only, and keeps no
/// inner exception (its message is that line).
/// </summary>
internal static partial class ProfileFileErrors
{
    public const string CredentialsFileSetting = ConfigurationErrors.CredentialsFile;
    public const string ConfigFileSetting = ConfigurationErrors.ConfigFile;

    public static EcsConfigurationException Invalid(InvalidDataException exception, string? profileLocation)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message ?? "";
        var line = LineNumber().Match(message) is { Success: true } m ? m.Groups[1].Value : null;
        var config = ConfigFile();
        var credentials = string.IsNullOrEmpty(profileLocation) ? CredentialsFile() : profileLocation;
        string? file = null;
        foreach (var candidate in (string[])[config, credentials])
        {
            if (message.EndsWith(" in file " + candidate + " does not contain a section, property or comment.", StringComparison.Ordinal))
            {
                file = candidate;
                break;
            }
        }

        if (file is null)
        {
            // The path follows the quoted line: take the last "> in file " (a line holding that text is unlikely).
            const string Before = "> in file ";
            const string After = " does not contain a section, property or comment.";
            var start = message.LastIndexOf(Before, StringComparison.Ordinal);
            if (start >= 0 && message.EndsWith(After, StringComparison.Ordinal) && start + Before.Length <= message.Length - After.Length)
            {
                file = message[(start + Before.Length)..^After.Length];
            }
        }

        var isConfig = file is not null && !string.Equals(file, credentials, StringComparison.Ordinal)
            && (string.Equals(file, config, StringComparison.Ordinal) || string.Equals(Path.GetFileName(file), "config", StringComparison.OrdinalIgnoreCase));
        var kind = isConfig ? "config" : "credentials";
        var where = file is null ? $"the AWS {kind} file" : $"the AWS {kind} file '{file}'";
        var text = line is null
            ? $"{char.ToUpperInvariant(where[0])}{where[1..]} could not be read: a line is not a section, property or comment (it is not shown: it may hold a secret)."
            : $"Line {line} of {where} is not a section ([name]), a property (name = value) or a comment (# or ;); the line is not shown, as it may hold a secret.";
        return ConfigurationErrors.ProfileFileLine(isConfig, text, line);
    }

    private static string ConfigFile() =>
        Environment.GetEnvironmentVariable("AWS_CONFIG_FILE") is { Length: > 0 } path
            ? path
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".aws", "config");

    private static string CredentialsFile() =>
        Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE") is { Length: > 0 } path
            ? path
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".aws", "credentials");

    [GeneratedRegex(@"^Line (\d+):")]
    private static partial Regex LineNumber();
}
