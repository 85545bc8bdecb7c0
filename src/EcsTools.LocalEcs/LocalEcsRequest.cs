using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;

namespace EcsTools.LocalEcs;

/// <summary>One request LocalEcs received, with the status it was answered with.</summary>
public sealed class LocalEcsRequest
{
    private readonly Lazy<JsonNode?> _json;
    private bool _completed;

    internal LocalEcsRequest(string body)
    {
        Body = body;
        _json = new Lazy<JsonNode?>(() =>
        {
            try
            {
                return string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body);
            }
            catch (JsonException)
            {
                return null;
            }
        });
    }

    /// <summary>The operation from X-Amz-Target (e.g. "RunTask"); the raw header value when it is not an ECS target; empty without one.</summary>
    public required string Operation { get; init; }

    /// <summary>The raw request body.</summary>
    public string Body { get; }

    /// <summary>The body parsed as JSON; null when it is empty or not JSON.</summary>
    public JsonNode? Json => _json.Value;

    /// <summary>The region from the SigV4 credential scope (or the default region).</summary>
    public required string Region { get; init; }

    public string? Target { get; init; }

    public string? Authorization { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>The <c>amz-sdk-invocation-id</c> header: the same on every retry of one SDK call.</summary>
    public string? InvocationId { get; init; }

    /// <summary>The <c>amz-sdk-request</c> header, e.g. "attempt=2; max=5".</summary>
    public string? SdkRequest { get; init; }

    public string? ContentType { get; init; }

    /// <summary>Every request header (looked up case-insensitively).</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>The <c>x-amzn-RequestId</c> answered (null when no JSON answer was sent: dropped connection, HTML error).</summary>
    public string? RequestId { get; internal set; }

    /// <summary>The HTTP status answered; 0 while the request is in flight, and when the connection was dropped.</summary>
    public int StatusCode { get; internal set; }

    /// <summary>
    /// False while the request is in flight (requests are logged when they arrive, so a test can see a call that a
    /// slow fault holds up); true once it was answered or its connection dropped.
    /// </summary>
    public bool Completed
    {
        get => Volatile.Read(ref _completed);
        internal set => Volatile.Write(ref _completed, value);
    }

    /// <summary>The error code answered, if any.</summary>
    public string? ErrorCode { get; internal set; }

    /// <summary>The kind of injected fault that applied, if any.</summary>
    public LocalEcsFaultKind? Fault { get; internal set; }

    /// <summary>When the request arrived (by the server's TimeProvider).</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    public override string ToString() => $"{ReceivedAt:O} {Region} {Operation} -> {StatusCode}{(ErrorCode is null ? string.Empty : " " + ErrorCode)}";
}
