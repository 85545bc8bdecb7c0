using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Amazon.Runtime.CredentialManagement;

namespace EcsTools.Engine.Resolution;

/// <summary>
/// Everything a resolution reads, captured cheaply: the settings, every AWS_* environment variable, and the size and
/// time of last write of each file the profiles can come from (the shared credentials and config files, -ProfileLocation,
/// and on Windows the .NET SDK's credential store). Equal inputs resolve to the same plan, so
/// <see cref="EcsConnectionCache"/> reuses the connection without reading and parsing the files again.
/// <para>
/// A file written in the last <see cref="SettleTime"/> is not trusted to have its final time of last write: file systems
/// stamp writes at a coarse clock (a few milliseconds on Linux, 2 seconds on FAT), so a second write of the same size
/// within that tick would look unchanged. Inputs with such a file are never reused (<see cref="Settled"/> is false),
/// as git treats a file modified in the same second as its index as possibly changed.
/// </para>
/// </summary>
internal sealed class ResolutionInputs : IEquatable<ResolutionInputs>
{
    /// <summary>How long after its last write a file's stamp is trusted.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(2);

    private readonly EcsConnectionSettings _settings;
    private readonly string _environment;
    private readonly FileStamp[] _files;

    private ResolutionInputs(EcsConnectionSettings settings, string environment, FileStamp[] files, bool settled)
    {
        _settings = settings;
        _environment = environment;
        _files = files;
        Settled = settled;
    }

    /// <summary>False when a file was written too recently for its stamp to be trusted: the inputs are not reused.</summary>
    public bool Settled { get; }

    public static ResolutionInputs Capture(EcsConnectionSettings settings, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var environment = AwsEnvironment();
        string[] paths =
        [
            Variable("AWS_SHARED_CREDENTIALS_FILE") ?? SharedCredentialsFile.DefaultFilePath,
            Variable("AWS_CONFIG_FILE") ?? SharedCredentialsFile.DefaultConfigFilePath,
            string.IsNullOrEmpty(settings.ProfileLocation) ? "" : settings.ProfileLocation,
            OperatingSystem.IsWindows() ? NetSdkStore() : "",
        ];
        var files = new FileStamp[paths.Length];
        var settled = true;
        for (var i = 0; i < paths.Length; i++)
        {
            files[i] = FileStamp.Of(paths[i]);
            settled &= files[i].LastWriteUtcTicks < (utcNow - SettleTime).Ticks;
        }

        return new ResolutionInputs(settings, environment, files, settled);
    }

    public bool Equals(ResolutionInputs? other) =>
        other is not null
        && _settings.Equals(other._settings)
        && string.Equals(_environment, other._environment, StringComparison.Ordinal)
        && _files.AsSpan().SequenceEqual(other._files);

    public override bool Equals(object? obj) => Equals(obj as ResolutionInputs);

    public override int GetHashCode() => HashCode.Combine(_settings, _environment);

    // Every AWS_* variable, sorted, as one string: any of them can change what the SDK or the resolver does.
    private static string AwsEnvironment()
    {
        List<KeyValuePair<string, string>>? variables = null;
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && name.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase))
            {
                (variables ??= []).Add(new(name, entry.Value as string ?? ""));
            }
        }

        if (variables is null)
        {
            return "";
        }

        variables.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var text = new StringBuilder();
        foreach (var (name, value) in variables)
        {
            text.Append(name).Append('=').Append(value).Append('\0');
        }

        return text.ToString();
    }

    private static string NetSdkStore() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "AWSToolkit", "RegisteredAccounts.json");

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    private readonly record struct FileStamp(string Path, long Length, long LastWriteUtcTicks)
    {
        public static FileStamp Of(string path)
        {
            if (path.Length == 0)
            {
                return new(path, -1, 0);
            }

            try
            {
                var info = new FileInfo(path);
                return info.Exists ? new(path, info.Length, info.LastWriteTimeUtc.Ticks) : new(path, -1, 0);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                // Unreadable: never settled, so it is resolved (and its error reported) every time.
                return new(path, -2, long.MaxValue);
            }
        }
    }
}
