using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Endpoints;
using EcsTools.Engine.Client;

namespace EcsTools.Engine;

/// <summary>
/// A resolved ECS connection: region, credentials and endpoint settled up front (one clear error when one is missing),
/// one SDK client reused for every call. Get one from <see cref="EcsConnectionCache"/>.
/// </summary>
public sealed partial class EcsConnection : IDisposable
{
    private readonly EcsServiceClient _client;

    private EcsConnection(EcsServiceClient client, string region, string regionSource, string endpoint, string endpointSource, string credentialSource)
    {
        _client = client;
        Region = region;
        RegionSource = regionSource;
        Endpoint = endpoint;
        EndpointSource = endpointSource;
        CredentialSource = credentialSource;
    }

    public string Region { get; }

    /// <summary>Where the region came from, for -Verbose (never a secret).</summary>
    public string RegionSource { get; }

    public string Endpoint { get; }

    public string EndpointSource { get; }

    /// <summary>Where the credentials came from, for -Verbose (never a secret).</summary>
    public string CredentialSource { get; }

    public static EcsConnection Open(EcsConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var chain = new CredentialProfileStoreChain(settings.ProfileLocation);
        CredentialProfile? profile = null;
        if (!string.IsNullOrEmpty(settings.ProfileName) && !chain.TryGetProfile(settings.ProfileName, out profile))
        {
            throw new EcsConfigurationException(
                "Profile",
                $"The AWS profile '{settings.ProfileName}' was not found in {DescribeProfileLocations(settings.ProfileLocation)}.",
                "Check the profile name (Get-Content ~/.aws/config), or pass -ProfileLocation with the file that defines it.");
        }

        var (region, regionSource) = ResolveRegion(settings, profile);
        var config = new EcsClientConfig { RegionEndpoint = region };
        var endpointSource = "ECS endpoint rules for the region";
        if (!string.IsNullOrEmpty(settings.EndpointUrl))
        {
            if (!Uri.TryCreate(settings.EndpointUrl, UriKind.Absolute, out var endpointUri) || (endpointUri.Scheme != Uri.UriSchemeHttp && endpointUri.Scheme != Uri.UriSchemeHttps))
            {
                throw new EcsConfigurationException(
                    "Endpoint",
                    $"The endpoint URL '{settings.EndpointUrl}' is not an absolute http or https URL.",
                    "Pass -EndpointUrl such as http://127.0.0.1:4566 or https://ecs.us-east-1.amazonaws.com.");
            }

            // The region is resolved first and kept as the signing region: setting ServiceURL clears RegionEndpoint.
            config.ServiceURL = settings.EndpointUrl;
            config.AuthenticationRegion = region.SystemName;
            endpointSource = "-EndpointUrl";
        }
        else if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_ECS")))
        {
            endpointSource = "environment variable AWS_ENDPOINT_URL_ECS";
        }
        else if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL")))
        {
            endpointSource = "environment variable AWS_ENDPOINT_URL";
        }
        else if (!string.IsNullOrEmpty(profile?.EndpointUrl))
        {
            endpointSource = $"endpoint_url of profile '{profile.Name}'";
        }

        var (credentials, credentialSource) = ResolveCredentials(settings, chain, profile, config);
        var client = new EcsServiceClient(credentials, config);
        string endpoint;
        try
        {
            endpoint = config.DetermineServiceOperationEndpoint(new ServiceOperationEndpointParameters(new EcsWireRequest("ListClusters", []))).URL;
        }
        catch (AmazonClientException e)
        {
            client.Dispose();
            throw new EcsConfigurationException("Endpoint", $"No ECS endpoint could be resolved for region '{region.SystemName}': {e.Message}",
                "Check -Region, or pass -EndpointUrl.", e);
        }

        return new EcsConnection(client, region.SystemName, regionSource, endpoint, endpointSource, credentialSource);
    }

    public void Dispose() => _client.Dispose();

    internal async Task<TResponse> InvokeAsync<TRequest, TResponse>(
        string operation,
        TRequest request,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<TRequest> requestType,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
        try
        {
            var (result, _) = await _client.CallAsync(operation, request, requestType, responseType, cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw EcsErrors.Translate(operation, e);
        }
    }

    private static (RegionEndpoint Region, string Source) ResolveRegion(EcsConnectionSettings settings, CredentialProfile? profile)
    {
        if (!string.IsNullOrWhiteSpace(settings.Region))
        {
            return (RegionEndpoint.GetBySystemName(settings.Region.Trim()), settings.RegionOrigin ?? "-Region");
        }

        if (profile?.Region is { } profileRegion)
        {
            return (profileRegion, $"region of profile '{profile.Name}'");
        }

        RegionEndpoint? fallback = null;
        try
        {
            fallback = FallbackRegionFactory.GetRegionEndpoint();
        }
        catch (AmazonClientException)
        {
            fallback = null;
        }

        if (fallback is not null)
        {
            var source = Environment.GetEnvironmentVariable("AWS_REGION") is { Length: > 0 } ? "environment variable AWS_REGION"
                : Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") is { Length: > 0 } ? "environment variable AWS_DEFAULT_REGION"
                : "the AWS SDK's region chain (shared config file or instance metadata)";
            return (fallback, source);
        }

        if (!string.IsNullOrEmpty(settings.EndpointUrl))
        {
            return (RegionEndpoint.USEast1, "default for a custom -EndpointUrl (us-east-1)");
        }

        throw new EcsConfigurationException(
            "Region",
            "No AWS region was found. Looked at: -Region, $StoredAWSRegion (Set-DefaultAWSRegion), the AWS_REGION and AWS_DEFAULT_REGION "
            + "environment variables, the region of the profile in use in ~/.aws/config, and instance metadata.",
            "Pass -Region (for example -Region us-east-1), set $env:AWS_REGION, or add region = ... to your profile in ~/.aws/config.");
    }

    private static (AWSCredentials Credentials, string Source) ResolveCredentials(
        EcsConnectionSettings settings, CredentialProfileStoreChain chain, CredentialProfile? profile, EcsClientConfig config)
    {
        if (!string.IsNullOrEmpty(settings.AccessKey) || !string.IsNullOrEmpty(settings.SecretKey))
        {
            if (string.IsNullOrEmpty(settings.AccessKey) || string.IsNullOrEmpty(settings.SecretKey))
            {
                throw new EcsConfigurationException(
                    "Credentials",
                    "Both an access key and a secret key are needed; only one was given.",
                    "Pass -AccessKey with -SecretKey (and -SessionToken for temporary credentials), or -Credential.");
            }

            AWSCredentials explicitCredentials = string.IsNullOrEmpty(settings.SessionToken)
                ? new BasicAWSCredentials(settings.AccessKey, settings.SecretKey)
                : new SessionAWSCredentials(settings.AccessKey, settings.SecretKey, settings.SessionToken);
            return (explicitCredentials, $"{settings.CredentialOrigin ?? "-AccessKey/-SecretKey"} (access key {EcsConnectionSettings.Redact(settings.AccessKey)})");
        }

        if (profile is not null)
        {
            if (chain.TryGetAWSCredentials(profile.Name, out var profileCredentials))
            {
                return (profileCredentials, $"profile '{profile.Name}'");
            }

            throw new EcsConfigurationException(
                "Credentials",
                $"The AWS profile '{profile.Name}' has no usable credentials (keys, SSO, role_arn with a source, or credential_process).",
                "Add credentials to the profile, run 'aws sso login --profile " + profile.Name + "' for an SSO profile, or choose another -ProfileName.");
        }

        try
        {
            var credentials = DefaultAWSCredentialsIdentityResolver.GetCredentials(config);
            var source = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") is { Length: > 0 } ? "environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY"
                : Environment.GetEnvironmentVariable("AWS_PROFILE") is { Length: > 0 } p ? $"profile '{p}' (AWS_PROFILE)"
                : $"the AWS SDK's credential chain ({credentials.GetType().Name})";
            return (credentials, source);
        }
        catch (AmazonClientException e)
        {
            throw new EcsConfigurationException(
                "Credentials",
                "No AWS credentials were found. Looked at: -AccessKey/-SecretKey, -Credential, -ProfileName, $StoredAWSCredentials (Set-AWSCredential), "
                + "the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY environment variables, AWS_PROFILE and the default profile in ~/.aws/credentials and "
                + "~/.aws/config (keys, SSO, assume-role, credential_process), web identity, container credentials and instance metadata.",
                "Pass -ProfileName, set $env:AWS_PROFILE, run 'aws configure' or 'aws sso login', or pass -Credential.",
                e);
        }
    }

    private static string DescribeProfileLocations(string? profileLocation) =>
        string.IsNullOrEmpty(profileLocation) ? "the shared credentials and config files (~/.aws/credentials, ~/.aws/config)" : $"'{profileLocation}' and ~/.aws/config";
}
