using System;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Amazon.Runtime;
using EcsTools.Engine.Client;

namespace EcsTools.Engine;

/// <summary>Translates what the SDK pipeline throws into <see cref="EcsServiceException"/>.</summary>
internal static class ServiceErrorTranslation
{
    public static EcsErrorKind KindOf(string? errorCode) => errorCode switch
    {
        "ClientException" => EcsErrorKind.Client,
        "ClusterNotFoundException" => EcsErrorKind.ClusterNotFound,
        "InvalidParameterException" or "ValidationException" or "SerializationException" => EcsErrorKind.InvalidParameter,
        "ServerException" or "InternalFailure" or "ServiceUnavailable" or "ServiceUnavailableException" => EcsErrorKind.Server,
        "UnsupportedFeatureException" => EcsErrorKind.UnsupportedFeature,
        "AccessDeniedException" or "AccessDenied" or "UnauthorizedOperation" => EcsErrorKind.AccessDenied,
        "PlatformUnknownException" => EcsErrorKind.PlatformUnknown,
        "PlatformTaskDefinitionIncompatibilityException" => EcsErrorKind.PlatformTaskDefinitionIncompatibility,
        "BlockedException" => EcsErrorKind.Blocked,
        "ConflictException" => EcsErrorKind.Conflict,
        "NamespaceNotFoundException" => EcsErrorKind.NamespaceNotFound,
        "ServiceNotFoundException" => EcsErrorKind.ServiceNotFound,
        "ServiceNotActiveException" => EcsErrorKind.ServiceNotActive,
        "TaskSetNotFoundException" => EcsErrorKind.TaskSetNotFound,
        "LimitExceededException" => EcsErrorKind.LimitExceeded,
        "ResourceNotFoundException" => EcsErrorKind.ResourceNotFound,
        "ThrottlingException" or "Throttling" or "ThrottledException" or "RequestThrottledException" or "TooManyRequestsException"
            or "RequestLimitExceeded" or "BandwidthLimitExceeded" or "RequestThrottled" or "SlowDown" or "PriorRequestNotComplete"
            or "EC2ThrottledException" => EcsErrorKind.Throttled,
        "UnrecognizedClientException" or "InvalidSignatureException" or "IncompleteSignature" or "MissingAuthenticationToken"
            or "ExpiredTokenException" or "InvalidClientTokenId" or "SignatureDoesNotMatch" => EcsErrorKind.Authentication,
        _ => EcsErrorKind.Unknown,
    };

    /// <summary>
    /// The kind of an ECS error by its code, except that an InvalidParameterException saying a creation "was not
    /// idempotent" (ECS's answer to a client token used again with other parameters on CreateService and CreateTaskSet,
    /// which have no ConflictException) is a <see cref="EcsErrorKind.Conflict"/>, as RunTask's ConflictException is.
    /// </summary>
    public static EcsErrorKind KindOf(string? errorCode, string? message)
    {
        var kind = KindOf(errorCode);
        return kind == EcsErrorKind.InvalidParameter && message is not null && message.Contains("not idempotent", StringComparison.OrdinalIgnoreCase)
            ? EcsErrorKind.Conflict
            : kind;
    }

    /// <summary>Translates, and marks an error after which the request may have been processed (see <see cref="EcsServiceException.MayHaveBeenProcessed"/>).</summary>
    public static EcsServiceException Translate(string operation, Exception exception, TimeSpan? requestTimeout = null)
    {
        var translated = TranslateOnly(operation, exception);
        if (translated.Kind == EcsErrorKind.Timeout && requestTimeout is { } limit)
        {
            translated = new EcsServiceException(EcsErrorKind.Timeout, translated.ErrorCode, operation,
                $"ECS did not answer {operation} within the request timeout ({limit.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s "
                + "an attempt; -RequestTimeout sets it).", null, null, null, exception);
        }

        // The message and causes hold no secret (see EcsSecrets).
        translated = (EcsServiceException)EcsSecrets.Clean(translated);
        return exception is EcsServiceException || !EcsOperationSafety.IsAmbiguous(exception, cancelledByCaller: false)
            ? translated
            : new EcsServiceException(translated.Kind, translated.ErrorCode, translated.Operation, translated.Message, translated.RequestId,
                translated.StatusCode, translated.ResourceIds, translated.InnerException)
            {
                MayHaveBeenProcessed = true,
            };
    }

    private static EcsServiceException TranslateOnly(string operation, Exception exception) => exception switch
    {
        EcsServiceException e => e,
        _ when IsCredentialFailure(exception) => new EcsServiceException(
            EcsErrorKind.Credentials, "CredentialsFailed", operation, $"No AWS credentials could be obtained for {operation}: {exception.Message}",
            null, null, null, exception),
        AmazonUnmarshallingException { InnerException: EcsWireException inner } => TranslateOnly(operation, inner),
        EcsWireException e => new EcsServiceException(
            KindOf(e.ErrorCode, e.Message), e.ErrorCode, operation, e.Message, e.RequestId, (int)e.StatusCode, e.ResourceIds, e),
        AmazonServiceException e => new EcsServiceException(
            KindOf(e.ErrorCode, e.Message), e.ErrorCode ?? "Unknown", operation, e.Message, e.RequestId, (int)e.StatusCode, null, e),
        AmazonClientException e when e.InnerException is HttpRequestException or SocketException => Network(operation, e.InnerException!),
        AmazonClientException e => new EcsServiceException(
            EcsErrorKind.Unknown, "ClientError", operation, e.Message, null, null, null, e),
        HttpRequestException or SocketException or System.IO.IOException => Network(operation, exception),
        TimeoutException or TaskCanceledException => new EcsServiceException(
            EcsErrorKind.Timeout, "RequestTimeout", operation, $"ECS did not answer {operation} in time: {exception.Message}", null, null, null, exception),
        _ => new EcsServiceException(EcsErrorKind.Unknown, exception.GetType().Name, operation, exception.Message, null, null, null, exception),
    };

    /// <summary>credential_process, the SSO portal or OIDC, or STS (AssumeRole) failed while the SDK resolved the call's credentials.</summary>
    private static bool IsCredentialFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var type = e.GetType().FullName ?? "";
            if (type == "Amazon.Runtime.ProcessAWSCredentialException" || type.StartsWith("Amazon.SSO", StringComparison.Ordinal)
                || type.StartsWith("Amazon.SecurityToken", StringComparison.Ordinal)
                || e.Message.StartsWith("Error calling AssumeRole", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static EcsServiceException Network(string operation, Exception exception) => new(
        EcsErrorKind.Network, "NetworkError", operation, $"Could not reach ECS for {operation}: {exception.Message}", null, null, null, exception);
}
