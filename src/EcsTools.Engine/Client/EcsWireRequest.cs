using Amazon.Runtime;

namespace EcsTools.Engine.Client;

/// <summary>One ECS call: the operation name and its JSON body, serialized once so that every retry sends the same bytes.</summary>
internal sealed class EcsWireRequest : AmazonWebServiceRequest
{
    public EcsWireRequest(string operation, byte[] body)
    {
        Operation = operation;
        Body = body;
    }

    public string Operation { get; }

    public byte[] Body { get; }
}
