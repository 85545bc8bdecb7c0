using System;
using System.Collections.Generic;

namespace EcsTools.Engine;

/// <summary>The one exception the engine throws for a failed ECS call. Carries no credentials.</summary>
public sealed class EcsServiceException : Exception
{
    public EcsServiceException()
    {
        ErrorCode = "Unknown";
        Operation = "";
        ResourceIds = [];
    }

    public EcsServiceException(string message)
        : base(message)
    {
        ErrorCode = "Unknown";
        Operation = "";
        ResourceIds = [];
    }

    public EcsServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorCode = "Unknown";
        Operation = "";
        ResourceIds = [];
    }

    public EcsServiceException(
        EcsErrorKind kind,
        string errorCode,
        string operation,
        string message,
        string? requestId,
        int? statusCode,
        IReadOnlyList<string>? resourceIds,
        Exception? innerException)
        : base(message, innerException)
    {
        Kind = kind;
        ErrorCode = errorCode;
        Operation = operation;
        RequestId = requestId;
        StatusCode = statusCode;
        ResourceIds = resourceIds ?? [];
    }

    public EcsErrorKind Kind { get; }

    /// <summary>The ECS error code, e.g. ClusterNotFoundException.</summary>
    public string ErrorCode { get; }

    /// <summary>The ECS operation, e.g. RunTask.</summary>
    public string Operation { get; }

    /// <summary>The AWS request id (x-amzn-RequestId) when ECS answered.</summary>
    public string? RequestId { get; }

    public int? StatusCode { get; }

    /// <summary>ConflictException: the resources already tied to the client token. OutcomeUnknown: the resources the call may have made or changed.</summary>
    public IReadOnlyList<string> ResourceIds { get; init; }

    /// <summary>
    /// The request may have been processed although the call failed (a 5xx, a dropped connection, no answer in time): for
    /// a change, what ECS did is not known from this error alone.
    /// </summary>
    public bool MayHaveBeenProcessed { get; init; }

    /// <summary>OutcomeUnknown: exactly what to check, and how (ARNs, ids, the command to run), before doing anything again.</summary>
    public string? Check { get; init; }
}
