using System;
using System.Collections;
using System.Management.Automation;

namespace EcsTools.Session;

/// <summary>
/// The connection inputs of one command, from a cmdlet's bound parameters or from a command line being completed,
/// with where each came from, and the raw session defaults ($StoredAWSRegion, $StoredAWSCredentials).
/// </summary>
internal sealed class ConnectionParameters
{
    public string? Region { get; init; }

    public string? ProfileName { get; init; }

    public string? ProfileLocation { get; init; }

    public string? EndpointUrl { get; init; }

    public TimeSpan? RequestTimeout { get; init; }

    public string? AccessKey { get; init; }

    public string? SecretKey { get; init; }

    public string? SessionToken { get; init; }

    public PSCredential? Credential { get; init; }

    public object? StoredRegion { get; init; }

    public object? StoredCredentials { get; init; }

    /// <summary>Where a parameter's value came from, by parameter name: "-Region" or "$PSDefaultParameterValues['...']".</summary>
    public Func<string, string> OriginOf { get; init; } = name => "-" + name;

    public static ConnectionParameters FromCmdlet(EcsCmdlet cmdlet)
    {
        ArgumentNullException.ThrowIfNull(cmdlet);
        var defaults = cmdlet.SessionValue("PSDefaultParameterValues") as IDictionary;
        var commandName = cmdlet.MyInvocation.MyCommand?.Name ?? "";
        var bound = cmdlet.MyInvocation.BoundParameters;
        return new ConnectionParameters
        {
            Region = cmdlet.Region,
            ProfileName = cmdlet.ProfileName,
            ProfileLocation = cmdlet.ProfileLocation is { } location ? FileSystemPath(cmdlet, location) : null,
            EndpointUrl = cmdlet.EndpointUrl,
            RequestTimeout = cmdlet.RequestTimeout,
            AccessKey = cmdlet.AccessKey,
            SecretKey = cmdlet.SecretKey,
            SessionToken = cmdlet.SessionToken,
            Credential = cmdlet.Credential,
            StoredRegion = cmdlet.SessionValue(StoredAwsDefaults.RegionVariable),
            StoredCredentials = cmdlet.SessionValue(StoredAwsDefaults.CredentialsVariable),
            OriginOf = name => DefaultParameterValues.Origin(defaults, commandName, name, bound.TryGetValue(name, out var value) ? value : null),
        };
    }

    /// <summary>
    /// A path as PowerShell means it: relative to the current location ($PWD, which Set-Location changes but the
    /// process's working directory, which the SDK would use, does not), with ~ expanded. Unchanged if it is no file path.
    /// </summary>
    private static string FileSystemPath(EcsCmdlet cmdlet, string path)
    {
        try
        {
            return cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
        }
        catch (Exception e) when (e is ItemNotFoundException or ProviderNotFoundException or DriveNotFoundException or NotSupportedException
            or ArgumentException or PSInvalidOperationException)
        {
            return path;
        }
    }
}
