using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace EcsTools.Engine.Client;

/// <summary>awsJson1_1: POST / with X-Amz-Target AmazonEC2ContainerServiceV20141113.&lt;Operation&gt;.</summary>
internal sealed class EcsRequestMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    internal const string TargetPrefix = "AmazonEC2ContainerServiceV20141113.";

    public static EcsRequestMarshaller Instance { get; } = new();

    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        var wire = (EcsWireRequest)input;
        var request = new DefaultRequest(wire, EcsClientConfig.EcsServiceId)
        {
            HttpMethod = "POST",
            ResourcePath = "/",
            Content = wire.Body,
        };
        request.Headers["X-Amz-Target"] = TargetPrefix + wire.Operation;
        request.Headers["Content-Type"] = "application/x-amz-json-1.1";
        return request;
    }
}
