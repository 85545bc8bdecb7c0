using System.Collections.Generic;
using Amazon.Runtime.Internal;

namespace EcsTools.Engine.Client;

internal sealed class EcsServiceMetadata : IServiceMetadata
{
    public string ServiceId => EcsClientConfig.EcsServiceId;

    public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>();
}
