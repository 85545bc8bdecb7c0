using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using EcsTools.Engine.Client;
using EcsTools.Engine.Logs;

namespace EcsTools.Engine;

/// <summary>
/// CloudWatch Logs on the same connection: one Logs client per region (a task definition's awslogs-region may differ
/// from the connection's), with the connection's credentials, request timeout and profile.
/// <para>
/// The Logs endpoint: -EndpointUrl when given (LocalEcs, moto and LocalStack serve every service on one port);
/// otherwise AWS_ENDPOINT_URL_LOGS; otherwise what the SDK resolves for the service id "CloudWatch Logs"
/// (AWS_ENDPOINT_URL_CLOUDWATCH_LOGS, AWS_ENDPOINT_URL, the profile's endpoint_url and services section); otherwise
/// the Logs endpoint rules for the region.
/// </para>
/// </summary>
public sealed partial class EcsConnection
{
    /// <summary>The environment variable the issue tracker and ECS users know for the Logs endpoint; the SDK's own is AWS_ENDPOINT_URL_CLOUDWATCH_LOGS.</summary>
    internal const string LogsEndpointVariable = "AWS_ENDPOINT_URL_LOGS";

    private readonly ConcurrentDictionary<string, Lazy<LogsServiceClient>> _logsClients = new(StringComparer.Ordinal);

    /// <summary>The Logs endpoint for <paramref name="region"/> (the connection's when null) and where it came from; for -Verbose.</summary>
    public (string Endpoint, string Source) LogsEndpoint(string? region)
    {
        var config = LogsConfig(region ?? Region, out var source);
        var endpoint = config.DetermineServiceOperationEndpoint(
            new Amazon.Runtime.Endpoints.ServiceOperationEndpointParameters(new EcsWireRequest("GetLogEvents", []))).URL;
        return (endpoint, source);
    }

    internal async Task<TResponse> InvokeLogsAsync<TRequest, TResponse>(
        string region,
        string operation,
        TRequest request,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<TRequest> requestType,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
        // One client per region and Logs endpoint variables as they are now: the connection is reused across commands,
        // and a variable changed in the session must move the reads (the ECS endpoint's variables re-resolve the connection).
        var key = $"{region}|{Environment.GetEnvironmentVariable(LogsEndpointVariable)}|{Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS")}";
        var client = _logsClients.GetOrAdd(key, _ => new Lazy<LogsServiceClient>(() => new LogsServiceClient(_credentials, LogsConfig(region, out _)))).Value;
        try
        {
            var (result, _) = await client.CallAsync(operation, request, requestType, responseType, cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw ServiceErrorTranslation.Translate(operation, e, RequestTimeout);
        }
    }

    internal Task<GetLogEventsResponse> GetLogEventsAsync(string region, GetLogEventsRequest request, CancellationToken cancellationToken) =>
        InvokeLogsAsync(region, "GetLogEvents", request, LogsJsonContext.Default.GetLogEventsRequest, LogsJsonContext.Default.GetLogEventsResponse, cancellationToken);

    internal Task<FilterLogEventsResponse> FilterLogEventsAsync(string region, FilterLogEventsRequest request, CancellationToken cancellationToken) =>
        InvokeLogsAsync(region, "FilterLogEvents", request, LogsJsonContext.Default.FilterLogEventsRequest, LogsJsonContext.Default.FilterLogEventsResponse, cancellationToken);

    private LogsClientConfig LogsConfig(string region, out string source)
    {
        var regionEndpoint = RegionEndpoint.GetBySystemName(region);
        var config = new LogsClientConfig { RegionEndpoint = regionEndpoint, AuthenticationRegion = region, Timeout = RequestTimeout };
        if (_plan.Config.Profile is { } profile)
        {
            config.Profile = profile;
        }

        if (_plan.ExplicitEndpoint is { } explicitEndpoint)
        {
            config.ServiceURL = explicitEndpoint;
            source = _plan.EndpointSource;
        }
        else if (Environment.GetEnvironmentVariable(LogsEndpointVariable) is { Length: > 0 } fromEnvironment)
        {
            config.ServiceURL = fromEnvironment;
            source = "environment variable " + LogsEndpointVariable;
        }
        else
        {
            source = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS") is { Length: > 0 } ? "environment variable AWS_ENDPOINT_URL_CLOUDWATCH_LOGS"
                : Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL") is { Length: > 0 } ? "environment variable AWS_ENDPOINT_URL"
                : "CloudWatch Logs endpoint rules for the region (or the profile's endpoint settings)";
        }

        return config;
    }

    private void DisposeLogsClients()
    {
        foreach (var client in _logsClients.Values)
        {
            if (client.IsValueCreated)
            {
                client.Value.Dispose();
            }
        }
    }
}
