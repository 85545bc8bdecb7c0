using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace EcsTools.Engine.Client;

/// <summary>
/// An awsJson1_1 client on AWSSDK.Core (ECS, CloudWatch Logs): the SDK supplies credentials, SigV4, the retry machinery,
/// timeouts and endpoint rules (with our policy of what is safe to retry); this class supplies awsJson1_1 with
/// System.Text.Json. Every call goes through the async pipeline.
/// </summary>
internal abstract class AwsJsonServiceClient : AmazonServiceClient
{
    private readonly EcsRequestMarshaller _marshaller;

    private readonly string _serviceName;

    /// <summary>A client whose error messages name <paramref name="serviceName"/> ("ECS", "CloudWatch Logs").</summary>
    protected AwsJsonServiceClient(AWSCredentials credentials, ClientConfig config, EcsRequestMarshaller marshaller, string serviceName)
        : base(credentials, config)
    {
        _marshaller = marshaller;
        _serviceName = serviceName;
    }

    public async Task<(TResponse Result, string? RequestId)> CallAsync<TRequest, TResponse>(
        string operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken,
        WireReader<TResponse>? leanReader = null)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestType);
        var options = new InvokeOptions
        {
            RequestMarshaller = _marshaller,
            ResponseUnmarshaller = new EcsResponseUnmarshaller<TResponse>(responseType, _serviceName, leanReader),
        };
        var response = await InvokeAsync<EcsWireResponse<TResponse>>(new EcsWireRequest(operation, body), options, cancellationToken)
            .ConfigureAwait(false);
        return (response.Result, response.RequestId);
    }

    // A fresh handler chain for every client: handler instances carry per-client state.
    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline.RemoveHandler<Amazon.Runtime.Internal.EndpointResolver>();
        pipeline.AddHandlerAfter<Marshaller>(new EcsEndpointResolver());
        pipeline.AddHandlerAfter<Marshaller>(new EcsAuthSchemeHandler());

        // Our retry policy on the SDK's retry handler (see EcsRetryPolicy), and the recorder just inside it.
        pipeline.ReplaceHandler<RetryHandler>(new RetryHandler(new EcsRetryPolicy(Config.MaxErrorRetry)));
        pipeline.AddHandlerAfter<RetryHandler>(new EcsAttemptRecorder());
    }
}
