using System;
using System.Buffers;
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
    private readonly WireReader<T>? _lean;

    /// <summary>
    /// Reads <paramref name="typeInfo"/>'s shape; error messages name <paramref name="serviceName"/> ("ECS", "CloudWatch
    /// Logs"). With <paramref name="lean"/>, the answer is read by it first, and with the generated types when it gives up.
    /// </summary>
    public EcsResponseUnmarshaller(JsonTypeInfo<T> typeInfo, string serviceName = EcsErrorParser.Ecs, WireReader<T>? lean = null)
    {
        _typeInfo = typeInfo;
        _serviceName = serviceName;
        _lean = lean;
    }

    public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var requestId = input.ResponseData?.GetHeaderValue("x-amzn-RequestId");
        T? result;
        try
        {
            result = input.Stream is not { } stream ? default
                : _lean is null ? JsonSerializer.Deserialize(stream, _typeInfo)
                : ReadLean(stream, _lean);
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

    // The whole body in a pooled buffer, read by the lean reader; by the generated types when it gives up (they decide
    // what an answer the lean reader does not expect means, and word the error, as they always have).
    private T? ReadLean(Stream stream, WireReader<T> lean)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            var length = 0;
            int read;
            while ((read = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return Read(buffer.AsSpan(0, length), lean, _typeInfo);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The answer as <paramref name="lean"/> reads it, or as the generated types do when it gives up.</summary>
    internal static T? Read(ReadOnlySpan<byte> json, WireReader<T> lean, JsonTypeInfo<T> typeInfo)
    {
        if (json.StartsWith(Utf8Bom))
        {
            // As the stream reader of System.Text.Json does.
            json = json[Utf8Bom.Length..];
        }

        try
        {
            return lean(json);
        }
        catch (JsonException)
        {
            return JsonSerializer.Deserialize(json, typeInfo);
        }
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

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
