using System;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using EcsTools.Engine.Client;
using EcsTools.Engine.Credentials;

namespace EcsTools.Engine.Resolution;

/// <summary>
/// Resolves settings to a <see cref="ConnectionPlan"/>: cheap enough to run for every command (it reads the environment
/// and the profile files, and creates no credentials), so that a changed region, profile or key is noticed at once.
/// </summary>
internal static class ConnectionResolver
{
    [ThreadStatic]
    private static int s_resolutions;

    /// <summary>How many resolutions this thread has made (tests prove with it that one was or was not made).</summary>
    public static int Resolutions => s_resolutions;

    public static ConnectionPlan Resolve(EcsConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        s_resolutions++;
        try
        {
            return ResolveChecked(settings);
        }
        catch (AmazonClientException e)
        {
            // Whatever the SDK refuses that the checks before it did not catch gets an error of ours, not the SDK's type.
            throw ConfigurationErrors.Unusable(e);
        }
    }

    private static ConnectionPlan ResolveChecked(EcsConnectionSettings settings)
    {
        SdkDependencies.EnsureRegistered();
        try
        {
            return ResolveSettings(settings);
        }
        catch (System.IO.InvalidDataException e)
        {
            // The SDK's parser quotes the bad line of a credentials or config file, which can be a secret.
            throw ProfileFileErrors.Invalid(e, settings.ProfileLocation);
        }
    }

    private static ConnectionPlan ResolveSettings(EcsConnectionSettings settings)
    {
        var profiles = ProfileContext.Load(settings);
        var explicitEndpoint = ValidateEndpoint(settings.EndpointUrl);
        var environmentEndpoint = Variable("AWS_ENDPOINT_URL_ECS") is not null ? "AWS_ENDPOINT_URL_ECS"
            : Variable("AWS_ENDPOINT_URL") is not null ? "AWS_ENDPOINT_URL" : null;

        var (region, regionSource) = RegionResolver.TryResolve(settings, profiles)
            ?? (explicitEndpoint is not null || environmentEndpoint is not null
                ? (RegionEndpoint.USEast1, "default for a custom endpoint (us-east-1)")
                : throw RegionResolver.NotFound());

        // The signing region is pinned too: with an endpoint from AWS_ENDPOINT_URL_ECS the SDK clears RegionEndpoint and
        // would otherwise sign for the region it cached the first time it looked.
        var requestTimeout = settings.RequestTimeout ?? EcsConnectionSettings.DefaultRequestTimeout;
        if (requestTimeout <= TimeSpan.Zero)
        {
            throw ConfigurationErrors.RequestTimeoutNotPositive(requestTimeout);
        }

        // Timeout: the SDK's HttpClient.Timeout, one HTTP attempt until the response starts.
        var config = new EcsClientConfig { RegionEndpoint = region, AuthenticationRegion = region.SystemName, Timeout = requestTimeout };
        if (profiles.InUse is { } profile)
        {
            config.Profile = new Profile(profile.Name, ProfileContext.CredentialsFile(settings.ProfileLocation));
        }

        string endpointSource;
        if (explicitEndpoint is not null)
        {
            // Setting ServiceURL clears RegionEndpoint; AuthenticationRegion keeps the region for signing.
            config.ServiceURL = explicitEndpoint;
            endpointSource = settings.EndpointOrigin ?? "-EndpointUrl";
        }
        else if (environmentEndpoint is not null)
        {
            endpointSource = "environment variable " + environmentEndpoint;
        }
        else
        {
            endpointSource = "ECS endpoint rules for the region";
        }

        string endpoint;
        try
        {
            endpoint = config.DetermineServiceOperationEndpoint(new ServiceOperationEndpointParameters(new EcsWireRequest("ListClusters", []))).URL;
        }
        catch (AmazonClientException e)
        {
            throw ConfigurationErrors.EndpointNotResolved(region.SystemName, EcsSecrets.Scrub(e.Message), EcsSecrets.CleanInner(e));
        }

        if (explicitEndpoint is null && environmentEndpoint is null && profiles.InUse is { } inUse
            && !string.Equals(endpoint, StandardEndpoint(config), StringComparison.OrdinalIgnoreCase))
        {
            endpointSource = $"endpoint_url or services section of profile '{inUse.Name}'";
        }

        var credentials = CredentialResolver.Resolve(settings, profiles, config);
        var timeoutSource = settings.RequestTimeout is null ? "default" : settings.RequestTimeoutOrigin ?? "-RequestTimeout";
        return new ConnectionPlan(region, regionSource, config, endpoint, endpointSource, credentials, requestTimeout, timeoutSource)
        {
            ExplicitEndpoint = explicitEndpoint,
        };
    }

    private static string? ValidateEndpoint(string? endpointUrl)
    {
        if (string.IsNullOrEmpty(endpointUrl))
        {
            return null;
        }

        if (!Uri.TryCreate(endpointUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw ConfigurationErrors.EndpointNotAbsolute(endpointUrl);
        }

        return endpointUrl;
    }

    private static string StandardEndpoint(EcsClientConfig config)
    {
        try
        {
            return new EcsEndpointProvider().ResolveEndpoint(new EndpointParameters
            {
                ["Region"] = config.RegionEndpoint?.SystemName,
                ["UseFIPS"] = config.UseFIPSEndpoint,
                ["UseDualStack"] = config.UseDualstackEndpoint,
                ["Endpoint"] = null,
            }).URL;
        }
        catch (AmazonClientException)
        {
            return "";
        }
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
