using System;
using System.Collections.Generic;

namespace EcsTools.LocalEcs;

/// <summary>
/// An ECS error as LocalEcs answers it on the wire: <c>{"__type": ErrorCode, "message": Message}</c> with
/// <see cref="StatusCode"/> (400, or 500 for ServerException). Thrown by <see cref="LocalEcsServer.Invoke(string, string, string?)"/>
/// and the <see cref="LocalEcsScene"/> helpers.
/// </summary>
public sealed class LocalEcsException : Exception
{
    public LocalEcsException()
        : this("ServerException", "An unknown error occurred.")
    {
    }

    public LocalEcsException(string message)
        : this("ClientException", message)
    {
    }

    public LocalEcsException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorCode = "ServerException";
        StatusCode = 500;
    }

    public LocalEcsException(string errorCode, string message, int statusCode = 400, IReadOnlyList<string>? resourceIds = null)
        : base(message)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
        ResourceIds = resourceIds;
    }

    /// <summary>The ECS error code, sent as <c>__type</c> and <c>X-Amzn-ErrorType</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>The HTTP status code the error is answered with.</summary>
    public int StatusCode { get; }

    /// <summary>For ConflictException: the ARNs of the resources already tied to the client token.</summary>
    public IReadOnlyList<string>? ResourceIds { get; }
}
