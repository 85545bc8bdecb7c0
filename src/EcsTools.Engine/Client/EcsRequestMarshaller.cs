using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace EcsTools.Engine.Client;

/// <summary>
/// awsJson1_1: POST / with X-Amz-Target &lt;prefix&gt;.&lt;Operation&gt; (AmazonEC2ContainerServiceV20141113 for ECS,
/// Logs_20140328 for CloudWatch Logs).
/// </summary>
internal sealed class EcsRequestMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    internal const string TargetPrefix = "AmazonEC2ContainerServiceV20141113.";

    internal const string LogsTargetPrefix = "Logs_20140328.";

    private readonly string _serviceId;
    private readonly string _targetPrefix;

    private EcsRequestMarshaller(string serviceId, string targetPrefix)
    {
        _serviceId = serviceId;
        _targetPrefix = targetPrefix;
    }

    public static EcsRequestMarshaller Instance { get; } = new(EcsClientConfig.EcsServiceId, TargetPrefix);

    public static EcsRequestMarshaller Logs { get; } = new(LogsClientConfig.LogsServiceId, LogsTargetPrefix);

    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        var wire = (EcsWireRequest)input;
        var request = new DefaultRequest(wire, _serviceId)
        {
            HttpMethod = "POST",
            ResourcePath = "/",
            Content = wire.Body,
        };
        request.Headers["X-Amz-Target"] = _targetPrefix + wire.Operation;
        request.Headers["Content-Type"] = "application/x-amz-json-1.1";
        return request;
    }
}
