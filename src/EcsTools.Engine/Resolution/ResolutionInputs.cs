using System;
using System.Collections.Generic;
using System.IO;
using Amazon.Runtime.CredentialManagement;

namespace EcsTools.Engine.Resolution;

/// <summary>
/// Everything a resolution reads, captured cheaply: the settings, the AWS_* environment variables, and the size and
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
    private readonly string?[] _environment;
    private readonly FileStamp[] _files;

    private ResolutionInputs(EcsConnectionSettings settings, string?[] environment, FileStamp[] files, bool settled)
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
            // The files the SDK reads: fixed when it first reads the variables (the default files when they named none
            // that existed then), so not always the ones the variables name now.
            SharedCredentialsFile.DefaultFilePath,
            SharedCredentialsFile.DefaultConfigFilePath,
            string.IsNullOrEmpty(settings.ProfileLocation) ? "" : settings.ProfileLocation,
            s_netSdkStore,
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
        && _environment.AsSpan().SequenceEqual(other._environment)
        && _files.AsSpan().SequenceEqual(other._files);

    public override bool Equals(object? obj) => Equals(obj as ResolutionInputs);

    public override int GetHashCode() => _settings.GetHashCode();

    // The AWS_* variables that AWSSDK.Core 4.1 and the resolver read (the SDK's own list, from its strings), plus the
    // ECS forms of the per-service ones. GetEnvironmentVariable returns the stored string: no copy of the environment.
    private static readonly string[] s_variables =
    [
        "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_ACCOUNT_ID", "AWS_ACCOUNT_ID_ENDPOINT_MODE", "AWS_AUTH_SCHEME_PREFERENCE",
        "AWS_BEARER_TOKEN_ECS", "AWS_CONFIG_FILE", "AWS_CONTAINER_AUTHORIZATION_TOKEN", "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CSM_CLIENT_ID", "AWS_CSM_ENABLED",
        "AWS_CSM_HOST", "AWS_CSM_PORT", "AWS_DEFAULTS_MODE", "AWS_DEFAULT_REGION",
        "AWS_DISABLE_CLOCK_SKEW_CORRECTION", "AWS_DISABLE_REQUEST_COMPRESSION", "AWS_EC2_METADATA_DISABLED",
        "AWS_EC2_METADATA_SERVICE_ENDPOINT", "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "AWS_ENABLE_ENDPOINT_DISCOVERY",
        "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_ECS", "AWS_EXECUTION_ENV", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
        "AWS_INTERNAL_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_MAX_CONCURRENCY", "AWS_LOGIN_CACHE_DIRECTORY", "AWS_MAX_ATTEMPTS", "AWS_PROFILE", "AWS_REGION", "AWS_REQUEST_CHECKSUM_CALCULATION",
        "AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "AWS_RESPONSE_CHECKSUM_VALIDATION", "AWS_RESTRICT_FILE_PERMISSIONS", "AWS_RETRY_MODE", "AWS_ROLE_ARN",
        "AWS_ROLE_SESSION_NAME", "AWS_SDK_UA_APP_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY", "AWS_SESSION_TOKEN",
        "AWS_SHARED_CREDENTIALS_FILE", "AWS_SIGV4A_SIGNING_REGION_SET", "AWS_USE_DUALSTACK_ENDPOINT", "AWS_USE_FIPS_ENDPOINT",
        "AWS_WEB_IDENTITY_TOKEN_FILE",
    ];

    /// <summary>The environment variables that take part (tests check the list against the SDK's).</summary>
    internal static IReadOnlyList<string> Variables => s_variables;

    private static string?[] AwsEnvironment()
    {
        var values = new string?[s_variables.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Environment.GetEnvironmentVariable(s_variables[i]);
        }

        return values;
    }

    private static readonly string s_netSdkStore = OperatingSystem.IsWindows()
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "AWSToolkit", "RegisteredAccounts.json")
        : "";

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
                if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target)
                {
                    // A symbolic link: the SDK reads the file it ends at, whose stamp (and path) is the one that changes.
                    return target.Exists ? new(target.FullName, target.Length, target.LastWriteTimeUtc.Ticks) : new(target.FullName, -1, 0);
                }

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
