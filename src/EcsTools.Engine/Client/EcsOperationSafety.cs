using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Amazon.Runtime;

namespace EcsTools.Engine.Client;

/// <summary>What may happen when an ECS operation is sent again.</summary>
internal enum RepeatSafety
{
    /// <summary>Reads (Describe*, List*): a repeat changes nothing; retried on every transient error.</summary>
    Read,

    /// <summary>RunTask, CreateTaskSet (and the other creates with a client token): the repeat carries the same token, so ECS returns what the first attempt made.</summary>
    SameToken,

    /// <summary>StartTask, StopTask, the task set changes: retried only when the request cannot have been processed; otherwise the engine finds out what happened.</summary>
    Unsafe,
}

/// <summary>
/// Which ECS operations are safe to repeat, and which failures prove that a request was not processed. The retry policy
/// and the engine's outcome checks share these rules.
/// </summary>
internal static class EcsOperationSafety
{
    private static readonly HashSet<string> s_sameToken = new(StringComparer.Ordinal)
    {
        "RunTask", "CreateTaskSet",
    };

    private static readonly HashSet<string> s_unsafe = new(StringComparer.Ordinal)
    {
        "StartTask", "StopTask", "DeleteTaskSet", "UpdateTaskSet", "UpdateServicePrimaryTaskSet",
    };

    /// <summary>ECS errors that say the request was refused before anything was done (throttling, ECS's own code for a rate limit).</summary>
    private static readonly HashSet<string> s_refusedCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "ThrottlingException", "Throttling", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "RequestLimitExceeded", "RequestThrottled", "SlowDown",
    };

    public static RepeatSafety Of(string operation) =>
        s_unsafe.Contains(operation) ? RepeatSafety.Unsafe
        : s_sameToken.Contains(operation) ? RepeatSafety.SameToken
        : IsRead(operation) ? RepeatSafety.Read
        : RepeatSafety.Unsafe;

    // AWS names its reads Describe*, List*, Get* (and CloudWatch Logs' FilterLogEvents): any other operation, one added
    // later included, changes something and is not repeated until it is classified above.
    private static bool IsRead(string operation) =>
        operation.StartsWith("Describe", StringComparison.Ordinal) || operation.StartsWith("List", StringComparison.Ordinal)
        || operation.StartsWith("Get", StringComparison.Ordinal) || operation == "FilterLogEvents";

    /// <summary>True for a throttling error: ECS refused the request without acting on it.</summary>
    public static bool IsThrottling(Exception exception) =>
        exception is AmazonServiceException { ErrorCode: { } code } service
        && (s_refusedCodes.Contains(code) || service.StatusCode == HttpStatusCode.TooManyRequests);

    /// <summary>
    /// True when the request cannot have reached ECS: the connection could not be made (refused, no route, DNS, TLS
    /// handshake) or the request was refused by throttling. A failure after the request was sent (a reset, a timeout, a
    /// 5xx, a response that could not be read) is not proof, and this returns false.
    /// </summary>
    public static bool CannotHaveBeenProcessed(Exception exception)
    {
        if (IsThrottling(exception))
        {
            return true;
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError }:
                    return true;
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.NoData }:
                    return true;
                case HttpRequestException or IOException or TimeoutException or OperationCanceledException:
                    // Sent, or possibly sent: keep looking for a connect failure underneath.
                    break;
            }
        }

        return false;
    }

    /// <summary>
    /// True when an unsafe request may have been processed although it failed: a 5xx, a dropped or reset connection, no
    /// answer in time, or an answer that could not be read. A 4xx error from ECS (other than throttling, which
    /// <see cref="CannotHaveBeenProcessed"/> covers) says the request was refused.
    /// </summary>
    public static bool IsAmbiguous(Exception exception, bool cancelledByCaller)
    {
        if (cancelledByCaller || CannotHaveBeenProcessed(exception))
        {
            return false;
        }

        return exception switch
        {
            AmazonUnmarshallingException => true,
            AmazonServiceException { StatusCode: >= HttpStatusCode.InternalServerError } => true,
            AmazonServiceException { StatusCode: HttpStatusCode.OK } => true,
            AmazonServiceException => false,
            AmazonClientException => HasNetworkCause(exception),
            _ => true,
        };
    }

    // A client exception is the SDK failing before it sent anything (credentials, endpoint), unless a network error is under it.
    private static bool HasNetworkCause(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or IOException or SocketException or TimeoutException or OperationCanceledException)
            {
                return true;
            }
        }

        return false;
    }
}
