using System;
using System.IO;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;

namespace EcsTools.Engine.Client;

/// <summary>
/// Reads a successful response with System.Text.Json into <typeparamref name="T"/>; turns an error response into an
/// <see cref="EcsWireException"/> the SDK's retry policy understands (error code, status code, request id).
/// </summary>
internal sealed class EcsResponseUnmarshaller<T> : JsonResponseUnmarshaller
{
    private readonly JsonTypeInfo<T> _typeInfo;
    private readonly string _serviceName;

    /// <summary>Reads <paramref name="typeInfo"/>'s shape; error messages name <paramref name="serviceName"/> ("ECS", "CloudWatch Logs").</summary>
    public EcsResponseUnmarshaller(JsonTypeInfo<T> typeInfo, string serviceName = EcsErrorParser.Ecs)
    {
        _typeInfo = typeInfo;
        _serviceName = serviceName;
    }

    public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var requestId = input.ResponseData?.GetHeaderValue("x-amzn-RequestId");
        T? result;
        try
        {
            result = input.Stream is { } stream ? JsonSerializer.Deserialize(stream, _typeInfo) : default;
        }
        catch (JsonException e)
        {
            throw new EcsWireException(
                $"{_serviceName} answered with a body that is not the expected JSON: {e.Message}",
                e, ErrorType.Receiver, "InvalidResponse", requestId, input.ResponseData?.StatusCode ?? HttpStatusCode.OK, null);
        }

        // An empty 200 body (no members) is a valid answer for some operations.
        result ??= JsonSerializer.Deserialize("{}"u8, _typeInfo)!;
        return new EcsWireResponse<T> { Result = result, RequestId = requestId };
    }

    public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext input, Exception innerException, HttpStatusCode statusCode)
    {
        ArgumentNullException.ThrowIfNull(input);
        var body = ReadBody(input);
        var data = input.ResponseData;
        return EcsErrorParser.Parse(
            body,
            statusCode,
            data?.GetHeaderValue("x-amzn-RequestId"),
            data?.GetHeaderValue("X-Amzn-ErrorType"),
            data?.ContentType,
            innerException,
            _serviceName);
    }

    private static byte[] ReadBody(JsonUnmarshallerContext input)
    {
        try
        {
            var bytes = input.GetResponseBodyBytes();
            if (bytes is { Length: > 0 })
            {
                return bytes;
            }
        }
        catch (InvalidOperationException)
        {
            // The body was not kept; read what is left of the stream below.
        }

        if (input.Stream is not { CanRead: true } stream)
        {
            return [];
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
