using Amazon.Runtime;

namespace EcsTools.Engine.Client;

internal sealed class EcsWireResponse<T> : AmazonWebServiceResponse
{
    public T Result { get; set; } = default!;

    public string? RequestId { get; set; }
}
