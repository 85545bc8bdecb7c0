using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.Runtime;

namespace EcsTools.Engine.Client;

/// <summary>
/// awsJson1_1 error bodies: the code from X-Amzn-ErrorType or __type (anything up to '#' dropped, anything from ':'
/// dropped), the message from "message" or "Message". A body that is not JSON (a proxy's or load balancer's HTML page)
/// still gives a clear error.
/// </summary>
internal static partial class EcsErrorParser
{
    /// <summary>The default service name in messages.</summary>
    public const string Ecs = "ECS";

    /// <summary>The error of a response; its message names <paramref name="serviceName"/>, the service that answered ("ECS", "CloudWatch Logs").</summary>
    public static EcsWireException Parse(
        ReadOnlySpan<byte> body,
        HttpStatusCode statusCode,
        string? requestId,
        string? errorTypeHeader,
        string? contentType,
        Exception? innerException,
        string serviceName = Ecs)
    {
        string? code = NormalizeCode(errorTypeHeader);
        string? message = null;
        List<string>? resourceIds = null;
        var isJson = false;

        if (!body.IsEmpty)
        {
            try
            {
                using var document = JsonDocument.Parse(body.ToArray());
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    isJson = true;
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        switch (property.Name)
                        {
                            case "__type" when code is null && property.Value.ValueKind == JsonValueKind.String:
                                code = NormalizeCode(property.Value.GetString());
                                break;
                            case "message" or "Message" when property.Value.ValueKind == JsonValueKind.String:
                                message ??= property.Value.GetString();
                                break;
                            case "resourceIds" when property.Value.ValueKind == JsonValueKind.Array:
                                resourceIds = [];
                                foreach (var item in property.Value.EnumerateArray())
                                {
                                    if (item.ValueKind == JsonValueKind.String)
                                    {
                                        resourceIds.Add(item.GetString()!);
                                    }
                                }

                                break;
                        }
                    }
                }
            }
            catch (JsonException)
            {
                isJson = false;
            }
        }

        var status = (int)statusCode;
        if (!isJson && code is null)
        {
            code = status >= 500 ? "ServerException" : "UnknownError";
            var excerpt = Excerpt(body);
            var article = serviceName == Ecs ? "an" : "a";
            message = $"{serviceName} answered HTTP {status} {statusCode} with a body that is not {article} {serviceName} error ({(string.IsNullOrEmpty(contentType) ? "no content type" : contentType)})"
                + (excerpt.Length > 0 ? $": {excerpt}" : ".");
        }

        code ??= status >= 500 ? "ServerException" : "UnknownError";
        message ??= $"{serviceName} answered HTTP {status} with error {code} and no message.";
        var errorType = status >= 500 ? ErrorType.Receiver : ErrorType.Sender;
        return new EcsWireException(message, innerException, errorType, code, requestId, statusCode, resourceIds);
    }

    internal static string? NormalizeCode(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var code = raw.Trim();
        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        return code.Length == 0 ? null : code;
    }

    private static string Excerpt(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return "";
        }

        var text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, 4096)]);
        text = Whitespace().Replace(Tags().Replace(text, " "), " ").Trim();
        return text.Length > 200 ? text[..200] + "…" : text;
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
