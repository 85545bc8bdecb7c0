using System.Net;
using EcsTools.Engine;
using EcsTools.Errors;
using EcsTools.Input;

namespace EcsTools.Session;

/// <summary>
/// Turns a command's credential, region and endpoint inputs into engine connection settings. Explicit parameters win
/// over the session defaults of AWS.Tools, and those over the environment (the engine applies that order). Throws
/// <see cref="InputValidationException"/> for contradictory inputs and unreadable session credentials.
/// </summary>
internal static class ConnectionSettingsBuilder
{
    /// <summary>The longest -RequestTimeout accepted.</summary>
    public static readonly System.TimeSpan MaxRequestTimeout = System.TimeSpan.FromMinutes(10);

    public static EcsConnectionSettings Build(ConnectionParameters parameters)
    {
        string? accessKey = parameters.AccessKey;
        string? secretKey = parameters.SecretKey;
        string? credentialOrigin = accessKey is not null || secretKey is not null ? parameters.OriginOf(nameof(parameters.AccessKey)) : null;
        if (parameters.Credential is { } credential)
        {
            var pscredentialOrigin = parameters.OriginOf(nameof(parameters.Credential));
            var keysAreDefaults = IsDefault(credentialOrigin);
            if ((accessKey is not null || secretKey is not null) && keysAreDefaults == IsDefault(pscredentialOrigin))
            {
                throw new InputValidationException(
                    ErrorIds.ConflictingCredentials,
                    InputMessages.ConflictingCredentials,
                    InputMessages.ConflictingCredentialsAction);
            }

            // What is typed wins over what $PSDefaultParameterValues fills in.
            if ((accessKey is null && secretKey is null) || keysAreDefaults)
            {
                accessKey = credential.UserName;
                secretKey = new NetworkCredential(string.Empty, credential.Password).Password;
                credentialOrigin = pscredentialOrigin;
            }
        }

        // A typed -ProfileName (or -ProfileLocation) wins over keys that $PSDefaultParameterValues fills in.
        var sessionToken = parameters.SessionToken;
        if ((accessKey is not null || secretKey is not null) && IsDefault(credentialOrigin) && ProfileTyped(parameters))
        {
            accessKey = secretKey = credentialOrigin = null;
            sessionToken = sessionToken is not null && IsDefault(parameters.OriginOf(nameof(parameters.SessionToken))) ? null : sessionToken;
        }

        if (parameters.RequestTimeout is { } timeout && (timeout <= System.TimeSpan.Zero || timeout > MaxRequestTimeout))
        {
            throw new InputValidationException(
                ErrorIds.InvalidRequestTimeout,
                InputMessages.InvalidRequestTimeout(timeout, MaxRequestTimeout.TotalMinutes),
                InputMessages.InvalidRequestTimeoutAction);
        }

        var settings = new EcsConnectionSettings
        {
            Region = parameters.Region,
            RegionOrigin = parameters.Region is null ? null : parameters.OriginOf(nameof(parameters.Region)),
            ProfileName = parameters.ProfileName,
            ProfileOrigin = parameters.ProfileName is null ? null : parameters.OriginOf(nameof(parameters.ProfileName)),
            ProfileLocation = parameters.ProfileLocation,
            EndpointUrl = parameters.EndpointUrl,
            EndpointOrigin = parameters.EndpointUrl is null ? null : parameters.OriginOf(nameof(parameters.EndpointUrl)),
            RequestTimeout = parameters.RequestTimeout,
            RequestTimeoutOrigin = parameters.RequestTimeout is null ? null : parameters.OriginOf(nameof(parameters.RequestTimeout)),
            AccessKey = accessKey,
            SecretKey = secretKey,
            SessionToken = sessionToken,
            CredentialOrigin = credentialOrigin,
            StoredRegion = StoredAwsDefaults.ReadRegion(parameters.StoredRegion),
            StoredRegionOrigin = $"${StoredAwsDefaults.RegionVariable} (Set-DefaultAWSRegion)",
        };

        // Session credentials are read only when nothing explicit names the credentials: reading calls GetCredentials().
        if (accessKey is null && secretKey is null && parameters.ProfileName is null && parameters.ProfileLocation is null
            && StoredAwsDefaults.ReadCredentials(parameters.StoredCredentials) is { } stored)
        {
            settings = settings with
            {
                StoredAccessKey = stored.AccessKey,
                StoredSecretKey = stored.SecretKey,
                StoredSessionToken = stored.Token,
                StoredCredentialOrigin = stored.Origin,
            };
        }

        return settings;
    }

    private static bool ProfileTyped(ConnectionParameters parameters) =>
        (parameters.ProfileName is not null && !IsDefault(parameters.OriginOf(nameof(parameters.ProfileName))))
        || (parameters.ProfileLocation is not null && !IsDefault(parameters.OriginOf(nameof(parameters.ProfileLocation))));

    private static bool IsDefault(string? origin) => origin?.StartsWith("$PSDefaultParameterValues", System.StringComparison.Ordinal) == true;
}
