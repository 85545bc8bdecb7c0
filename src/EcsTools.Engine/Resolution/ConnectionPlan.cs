using Amazon;
using EcsTools.Engine.Client;

namespace EcsTools.Engine.Resolution;

/// <summary>What one set of settings resolves to right now; see <see cref="EcsConnectionCache"/> for how it keys the cache.</summary>
internal sealed record ConnectionPlan(
    RegionEndpoint Region,
    string RegionSource,
    EcsClientConfig Config,
    string Endpoint,
    string EndpointSource,
    CredentialPlan Credentials,
    System.TimeSpan RequestTimeout,
    string RequestTimeoutSource)
{
    /// <summary>-EndpointUrl when given: the Logs client of the connection uses it too.</summary>
    public string? ExplicitEndpoint { get; init; }

    /// <summary>Region, endpoint, request timeout and credential source: one live connection per slot.</summary>
    public string Slot => $"{Region.SystemName}|{Endpoint}|{RequestTimeout.Ticks}|{Credentials.Slot}";

    /// <summary>The slot plus the digest of what can change inside it.</summary>
    public string CacheKey => $"{Region.SystemName}|{Endpoint}|{RequestTimeout.Ticks}|{Credentials.Key}";
}
