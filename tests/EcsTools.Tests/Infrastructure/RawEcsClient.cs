using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace EcsTools.Tests.Infrastructure;

/// <summary>
/// A deliberately small ECS client (JSON 1.1 over HTTP, SigV4-signed for service <c>ecs</c>) that tests use to set up
/// and check state in moto independently of the module's own client. It does no retries and no pagination.
/// </summary>
/// <remarks>
/// moto routes by the Authorization header's credential scope (service and region), so every request is signed; moto
/// does not check the signature itself, but <see cref="CreateAuthorizationHeader"/> is a complete SigV4 implementation.
/// </remarks>
public sealed class RawEcsClient : IDisposable
{
    public const string TargetPrefix = "AmazonEC2ContainerServiceV20141113.";
    public const string ContentType = "application/x-amz-json-1.1";
    public const string Service = "ecs";

    private const string Algorithm = "AWS4-HMAC-SHA256";

    // Request bodies: camelCase property names (ECS wire names) so anonymous objects can be written either way;
    // nulls are left out so optional members can be passed as null. Dictionary keys are sent as given.
    private static readonly JsonSerializerOptions s_bodyOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly string _accessKeyId;
    private readonly string _secretAccessKey;

    public RawEcsClient(Uri endpoint, string region = "us-east-1", string accessKeyId = "test", string secretAccessKey = "test")
        : this(endpoint, region, accessKeyId, secretAccessKey, http: null)
    {
    }

    /// <param name="http">A client to send with (not disposed by this instance), or null to own one.</param>
    public RawEcsClient(Uri endpoint, string region, string accessKeyId, string secretAccessKey, HttpClient? http)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentException.ThrowIfNullOrEmpty(accessKeyId);
        ArgumentException.ThrowIfNullOrEmpty(secretAccessKey);
        Endpoint = endpoint;
        Region = region;
        _accessKeyId = accessKeyId;
        _secretAccessKey = secretAccessKey;
        _ownsHttp = http is null;
        _http = http ?? new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri Endpoint { get; }

    public string Region { get; }

    /// <summary>
    /// Calls one ECS operation, e.g. <c>CallAsync("DescribeClusters", new { clusters = new[] { "ec2" } })</c>.
    /// </summary>
    /// <param name="operation">The bare operation name (<c>RunTask</c>), without the X-Amz-Target prefix.</param>
    /// <param name="body">
    /// The request: a <see cref="JsonNode"/> (sent as is), a string (sent as raw JSON), null (sent as <c>{}</c>), or any
    /// other object, serialized with System.Text.Json (camelCase names, nulls omitted).
    /// </param>
    /// <returns>The parsed response body (an empty object when the body is empty).</returns>
    /// <exception cref="RawEcsException">Any HTTP error (with the ECS error code when there is one) or a non-JSON answer.</exception>
    public async Task<JsonNode> CallAsync(string operation, object? body = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        byte[] payload = body switch
        {
            null => "{}"u8.ToArray(),
            JsonNode node => Encoding.UTF8.GetBytes(node.ToJsonString()),
            string json => Encoding.UTF8.GetBytes(json),
            _ => JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), s_bodyOptions),
        };

        var target = TargetPrefix + operation;
        var now = DateTime.UtcNow;
        var amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var host = Endpoint.IsDefaultPort ? Endpoint.IdnHost : Endpoint.IdnHost + ":" + Endpoint.Port.ToString(CultureInfo.InvariantCulture);
        var requestUri = new Uri(Endpoint, "/");

        using var request = new HttpRequestMessage(HttpMethod.Post, requestUri);
        request.Headers.Host = host;
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        request.Content = new ByteArrayContent(payload);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);

        var authorization = CreateAuthorizationHeader(
            "POST",
            "/",
            string.Empty,
            [("content-type", ContentType), ("host", host), ("x-amz-date", amzDate), ("x-amz-target", target)],
            Hex(SHA256.HashData(payload)),
            now,
            Region,
            Service,
            _accessKeyId,
            _secretAccessKey);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var responseBytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var responseText = Encoding.UTF8.GetString(responseBytes);

        JsonNode? parsed = null;
        var isJson = true;
        if (responseBytes.Length > 0)
        {
            try
            {
                parsed = JsonNode.Parse(responseBytes);
            }
            catch (JsonException)
            {
                isJson = false;
            }
        }

        if (!response.IsSuccessStatusCode)
        {
            throw CreateError(operation, response, isJson ? parsed : null, responseText);
        }

        if (!isJson)
        {
            // An unsigned or mis-signed request falls through to moto's S3 handler and comes back as XML with 200.
            throw new RawEcsException("NonJsonResponse", "Expected JSON, got: " + Truncate(responseText), response.StatusCode)
            {
                Operation = operation,
                ResponseBody = responseText,
            };
        }

        return parsed ?? new JsonObject();
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    /// <summary>
    /// Builds a SigV4 Authorization header value. <paramref name="headers"/> are the headers to sign, with lower-case
    /// names and their values as sent; <paramref name="canonicalQuery"/> is already canonical (sorted and encoded).
    /// </summary>
    internal static string CreateAuthorizationHeader(
        string method,
        string canonicalPath,
        string canonicalQuery,
        IReadOnlyList<(string Name, string Value)> headers,
        string payloadSha256Hex,
        DateTime utcNow,
        string region,
        string service,
        string accessKeyId,
        string secretAccessKey)
    {
        var amzDate = utcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = utcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var scope = $"{date}/{region}/{service}/aws4_request";

        var sorted = headers
            .Select(h => (Name: h.Name.Trim().ToLowerInvariant(), Value: CollapseSpaces(h.Value)))
            .OrderBy(h => h.Name, StringComparer.Ordinal)
            .ToList();
        var signedHeaders = string.Join(';', sorted.Select(h => h.Name));

        var canonical = new StringBuilder()
            .Append(method).Append('\n')
            .Append(canonicalPath).Append('\n')
            .Append(canonicalQuery).Append('\n');
        foreach (var (name, value) in sorted)
        {
            canonical.Append(name).Append(':').Append(value).Append('\n');
        }

        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(payloadSha256Hex);

        var stringToSign = string.Join(
            '\n',
            Algorithm,
            amzDate,
            scope,
            Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString()))));

        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        key = HMACSHA256.HashData(key, "aws4_request"u8);
        var signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

        return $"{Algorithm} Credential={accessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
    }

    private static RawEcsException CreateError(string operation, HttpResponseMessage response, JsonNode? body, string text)
    {
        string? code = null;
        string? message = null;
        if (body is JsonObject obj)
        {
            code = obj["__type"]?.GetValue<string>() ?? obj["code"]?.GetValue<string>();
            // Real ECS sends "message"; moto always sends "Message" and sometimes both.
            message = obj["message"]?.GetValue<string>() ?? obj["Message"]?.GetValue<string>();
        }

        if (string.IsNullOrEmpty(code) && response.Headers.TryGetValues("X-Amzn-ErrorType", out var errorTypes))
        {
            code = errorTypes.FirstOrDefault();
        }

        code = string.IsNullOrEmpty(code)
            ? "Http" + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)
            : BareCode(code);
        message ??= Truncate(text);

        return new RawEcsException(code, message, response.StatusCode)
        {
            Operation = operation,
            ResponseBody = text,
        };
    }

    // "com.amazonaws.ecs#ClientException" or "ClientException:http://..." → "ClientException".
    private static string BareCode(string code)
    {
        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        var colon = code.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? code[..colon] : code;
    }

    private static string CollapseSpaces(string value)
    {
        var builder = new StringBuilder(value.Length);
        var previousSpace = false;
        foreach (var c in value.Trim())
        {
            var space = c == ' ';
            if (!space || !previousSpace)
            {
                builder.Append(c);
            }

            previousSpace = space;
        }

        return builder.ToString();
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500] + "…";

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}

/// <summary>An error answer from ECS (or moto) to a <see cref="RawEcsClient"/> call.</summary>
public sealed class RawEcsException : Exception
{
    public RawEcsException(string code, string message, HttpStatusCode status)
        : base($"{code}: {message} (HTTP {(int)status})")
    {
        Code = code;
        ErrorMessage = message;
        Status = status;
    }

    /// <summary>The bare error code (<c>ClusterNotFoundException</c>), or <c>Http500</c> etc. when the answer has none.</summary>
    public string Code { get; }

    /// <summary>The service's message (lower-case <c>message</c>, else <c>Message</c>), or the start of a non-JSON body.</summary>
    public string ErrorMessage { get; }

    public HttpStatusCode Status { get; }

    public string? Operation { get; init; }

    public string? ResponseBody { get; init; }
}
