using System.Collections.Generic;
using Amazon.Runtime.Internal;

namespace EcsTools.Engine.Client;

/// <summary>The service id the SDK keys service-specific settings on ("ECS", "CloudWatch Logs").</summary>
internal sealed class EcsServiceMetadata(string serviceId) : IServiceMetadata
{
    public string ServiceId { get; } = serviceId;

    public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>();
}
