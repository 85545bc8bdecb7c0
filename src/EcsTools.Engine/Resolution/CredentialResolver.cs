using System;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using EcsTools.Engine.Client;

namespace EcsTools.Engine.Resolution;

/// <summary>
/// The credentials, in this order: -AccessKey/-SecretKey or -Credential; -ProfileName (or -ProfileLocation); the session
/// default ($StoredAWSCredentials); the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY environment variables; the AWS_PROFILE or
/// default profile; then the rest of the SDK's chain (web identity, container credentials, instance metadata).
/// </summary>
internal static class CredentialResolver
{
    public static CredentialPlan Resolve(EcsConnectionSettings settings, ProfileContext profiles, IClientConfig config)
    {
        if (!string.IsNullOrEmpty(settings.AccessKey) || !string.IsNullOrEmpty(settings.SecretKey))
        {
            return Keys(settings.AccessKey, settings.SecretKey, settings.SessionToken, settings.CredentialOrigin ?? "-AccessKey/-SecretKey");
        }

        if (profiles.Explicit is { } explicitProfile)
        {
            return FromProfile(explicitProfile, profiles.ExplicitOrigin!, profiles, required: true)!;
        }

        if (!string.IsNullOrEmpty(settings.StoredAccessKey) || !string.IsNullOrEmpty(settings.StoredSecretKey))
        {
            return Keys(settings.StoredAccessKey, settings.StoredSecretKey, settings.StoredSessionToken,
                settings.StoredCredentialOrigin ?? "$StoredAWSCredentials");
        }

        if (FromEnvironment() is { } environment)
        {
            return environment;
        }

        if (profiles.AmbientName is { } named && profiles.Ambient is null)
        {
            throw ConfigurationErrors.EnvironmentProfileNotFound(named, ProfileContext.Describe(null));
        }

        if (profiles.Ambient is { } ambient
            && FromProfile(ambient, profiles.AmbientOrigin!, profiles, required: profiles.AmbientName is not null) is { } ambientPlan)
        {
            return ambientPlan;
        }

        return FromSdkChain(config.RegionEndpoint);
    }

    private static CredentialPlan Keys(string? accessKey, string? secretKey, string? sessionToken, string origin)
    {
        if (string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey))
        {
            throw ConfigurationErrors.HalfKeyPair(origin);
        }

        EcsSecrets.Register(secretKey);
        EcsSecrets.Register(sessionToken);
        var slot = $"keys|{origin}|{accessKey}";
        return new CredentialPlan(
            slot,
            slot + "|" + Fingerprint.Of(secretKey, sessionToken),
            $"{origin} (access key {EcsConnectionSettings.Redact(accessKey)}{(string.IsNullOrEmpty(sessionToken) ? "" : ", with a session token")})",
            () => string.IsNullOrEmpty(sessionToken)
                ? new BasicAWSCredentials(accessKey, secretKey)
                : new SessionAWSCredentials(accessKey, secretKey, sessionToken));
    }

    private static CredentialPlan? FromEnvironment()
    {
        var accessKey = Variable("AWS_ACCESS_KEY_ID") ?? Variable("AWS_ACCESS_KEY");
        var secretKey = Variable("AWS_SECRET_ACCESS_KEY") ?? Variable("AWS_SECRET_KEY");
        if (accessKey is null || secretKey is null)
        {
            return null;
        }

        return Keys(accessKey, secretKey, Variable("AWS_SESSION_TOKEN"), "environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY");
    }

    private static CredentialPlan? FromProfile(CredentialProfile profile, string origin, ProfileContext profiles, bool required)
    {
        if (!profile.CanCreateAWSCredentials)
        {
            if (!required)
            {
                return null;
            }

            throw ConfigurationErrors.ProfileWithoutCredentials(profile.Name, origin);
        }

        var slot = $"profile|{profiles.Chain.ProfilesLocation}|{profile.Name}";
        return new CredentialPlan(
            slot,
            slot + "|" + Fingerprint.OfProfile(profile, profiles.Chain),
            $"profile '{profile.Name}' from {origin}: {DescribeProfile(profile.Options)}",
            () =>
            {
                try
                {
                    return profile.GetAWSCredentials(profiles.Chain);
                }
                catch (Exception e) when (e is AmazonClientException or InvalidOperationException or ArgumentException or NotSupportedException)
                {
                    throw ConfigurationErrors.ProfileCredentialsFailed(profile.Name, EcsSecrets.Scrub(e.Message), EcsSecrets.CleanInner(e));
                }
            });
    }

    // Environment keys and profiles were looked at above; what the SDK's chain adds is web identity, container
    // credentials and instance metadata. It gets a config without the profile, so a profile without credentials is skipped.
    private static CredentialPlan FromSdkChain(Amazon.RegionEndpoint? region)
    {
        AWSCredentials credentials;
        try
        {
            credentials = DefaultAWSCredentialsIdentityResolver.GetCredentials(new Client.EcsClientConfig { RegionEndpoint = region });
        }
        catch (Exception e) when (e is AmazonClientException or AmazonServiceException or InvalidOperationException)
        {
            throw NotFound(e);
        }

        var type = credentials.GetType().Name;
        return new CredentialPlan(
            "chain",
            "chain|" + type + "|" + Fingerprint.Of(Variable("AWS_ROLE_ARN"), Variable("AWS_WEB_IDENTITY_TOKEN_FILE"),
                Variable("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"), Variable("AWS_CONTAINER_CREDENTIALS_FULL_URI")),
            $"the AWS SDK's credential chain ({DescribeChain(type)})",
            () => credentials);
    }

    private static EcsConfigurationException NotFound(Exception inner) => new(
        "Credentials",
        "No AWS credentials were found. Looked at: -AccessKey/-SecretKey, -Credential, -ProfileName, $StoredAWSCredentials (Set-AWSCredential), "
        + "the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY environment variables, AWS_PROFILE and the default profile in "
        + ProfileContext.Describe(null) + " (keys, SSO, assume-role, credential_process), web identity (AWS_WEB_IDENTITY_TOKEN_FILE), "
        + "container credentials and instance metadata.",
        "Pass -ProfileName, set $env:AWS_PROFILE, run 'aws configure' or 'aws sso login', pass -Credential, "
        + "or set $PSDefaultParameterValues['*-Ecs*:ProfileName'].",
        EcsSecrets.CleanInner(inner));

    private static string DescribeProfile(CredentialProfileOptions options) =>
        !string.IsNullOrEmpty(options.RoleArn)
            ? $"assume role {options.RoleArn} with the credentials of "
              + (!string.IsNullOrEmpty(options.SourceProfile) ? $"profile '{options.SourceProfile}'" : $"credential_source {options.CredentialSource}")
        : !string.IsNullOrEmpty(options.SsoStartUrl) || !string.IsNullOrEmpty(options.SsoSession)
            ? $"IAM Identity Center (SSO) account {options.SsoAccountId}, role {options.SsoRoleName}"
        : !string.IsNullOrEmpty(options.CredentialProcess) ? "credential_process"
        : !string.IsNullOrEmpty(options.WebIdentityTokenFile) ? "web identity token file"
        : !string.IsNullOrEmpty(options.AccessKey) ? $"access key {EcsConnectionSettings.Redact(options.AccessKey)}"
        : "profile settings";

    private static string DescribeChain(string type) => type switch
    {
        "AssumeRoleWithWebIdentityCredentials" => "web identity",
        "ECSTaskCredentials" or "GenericContainerCredentials" => "container credentials",
        "DefaultInstanceProfileAWSCredentials" or "InstanceProfileAWSCredentials" => "instance metadata",
        _ => type,
    };

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
