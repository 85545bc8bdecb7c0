using System;
using System.Collections.Generic;
using System.Net;
using Amazon.Runtime;

namespace EcsTools.Engine.Client;

/// <summary>An ECS error inside the SDK pipeline (so the retry policy sees code and status); the engine converts it to <see cref="EcsServiceException"/>.</summary>
internal sealed class EcsWireException : AmazonServiceException
{
    public EcsWireException(
        string message,
        Exception? innerException,
        ErrorType errorType,
        string errorCode,
        string? requestId,
        HttpStatusCode statusCode,
        IReadOnlyList<string>? resourceIds)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
        ResourceIds = resourceIds ?? [];
    }

    public IReadOnlyList<string> ResourceIds { get; }
}
