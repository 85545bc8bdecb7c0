using System;
using System.Threading;
using System.Threading.Tasks;
using EcsTools.Engine.Client;
using EcsTools.Engine.Credentials;
using EcsTools.Engine.Resolution;

namespace EcsTools.Engine;

/// <summary>
/// A resolved ECS connection: region, credentials and endpoint settled up front (one clear error when one is missing),
/// one SDK client reused for every call. Get one from <see cref="EcsConnectionCache"/>.
/// </summary>
public sealed partial class EcsConnection : IDisposable
{
    private static int s_lastId;

    private readonly EcsServiceClient _client;
    private readonly ConnectionPlan _plan;
    private readonly Amazon.Runtime.AWSCredentials _credentials;

    private EcsConnection(EcsServiceClient client, ConnectionPlan plan, Amazon.Runtime.AWSCredentials credentials, string credentialSource)
    {
        _client = client;
        _plan = plan;
        _credentials = credentials;
        Id = Interlocked.Increment(ref s_lastId);
        Region = plan.Region.SystemName;
        RegionSource = plan.RegionSource;
        Endpoint = plan.Endpoint;
        EndpointSource = plan.EndpointSource;
        CredentialSource = credentialSource;
        Slot = plan.Slot;
        RequestTimeout = plan.RequestTimeout;
        RequestTimeoutSource = plan.RequestTimeoutSource;
    }

    /// <summary>A number unique in the session, for -Verbose ("client #3") and tests.</summary>
    public int Id { get; }

    public string Region { get; }

    /// <summary>Where the region came from, for -Verbose (never a secret).</summary>
    public string RegionSource { get; }

    public string Endpoint { get; }

    public string EndpointSource { get; }

    /// <summary>Where the credentials came from and their kind, for -Verbose (never a secret).</summary>
    public string CredentialSource { get; }

    /// <summary>How long one HTTP attempt may wait for an answer.</summary>
    public TimeSpan RequestTimeout { get; }

    /// <summary>Where <see cref="RequestTimeout"/> came from, for -Verbose.</summary>
    public string RequestTimeoutSource { get; }

    internal string Slot { get; }

    /// <summary>Opens a connection that is not cached (the caller disposes it). Cmdlets use <see cref="EcsConnectionCache"/>.</summary>
    public static EcsConnection Open(EcsConnectionSettings settings) => Open(ConnectionResolver.Resolve(settings));

    internal static EcsConnection Open(ConnectionPlan plan)
    {
        var credentials = plan.Credentials.Create();
        AssumeRoleSources.Track(credentials);
        var client = new EcsServiceClient(credentials, plan.Config);
        return new EcsConnection(client, plan, credentials, $"{plan.Credentials.Source} [{credentials.GetType().Name}]");
    }

    public void Dispose()
    {
        _client.Dispose();
        DisposeLogsClients();
    }

    internal async Task<TResponse> InvokeAsync<TRequest, TResponse>(
        string operation,
        TRequest request,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<TRequest> requestType,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken,
        WireReader<TResponse>? leanReader = null)
    {
        try
        {
            var (result, _) = await _client.CallAsync(operation, request, requestType, responseType, cancellationToken, leanReader).ConfigureAwait(false);
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
}
