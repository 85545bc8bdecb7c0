using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EcsTools.LocalEcs.Operations;
using Microsoft.AspNetCore.Http;

namespace EcsTools.LocalEcs.Protocol;

/// <summary>
/// The awsJson1_1 front end: <c>POST /</c> with <c>X-Amz-Target: AmazonEC2ContainerServiceV20141113.Op</c> (or
/// <c>Logs_20140328.Op</c> for the CloudWatch Logs operations, see <see cref="LogsOperations"/>). Records
/// every request, applies injected faults (before or after processing), and answers JSON or
/// <c>{"__type": code, "message": text}</c> errors with the X-Amzn-ErrorType header.
/// </summary>
internal sealed class EcsHttpHandler(EcsEngine engine, LocalEcsFaults faults, RequestLog log, LocalEcsOptions options)
{
    public const string TargetPrefix = "AmazonEC2ContainerServiceV20141113.";

    /// <summary><c>GET</c> this path: the number of requests received so far for each operation, as a JSON object.</summary>
    public const string RequestCountsPath = "/localecs/request-counts";
    private const string JsonContentType = "application/x-amz-json-1.1";

    // Plain JSON as the service writes it: no \u0027 for apostrophes.
    private static readonly JsonSerializerOptions s_json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task HandleAsync(HttpContext http)
    {
        HttpRequest request = http.Request;
        if (HttpMethods.IsGet(request.Method) && request.Path == RequestCountsPath)
        {
            // How many requests of each operation the server has had (benchmarks read it before and after a workload).
            var counts = new JsonObject();
            foreach (var group in log.Snapshot().GroupBy(r => r.Operation, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                counts[group.Key] = group.Count();
            }

            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(counts.ToJsonString()).ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            http.Response.StatusCode = HttpMethods.IsGet(request.Method) && request.Path == "/" ? 200 : 405;
            await http.Response.WriteAsync(http.Response.StatusCode == 200 ? "LocalEcs: an Amazon ECS endpoint for tests.\n" : string.Empty).ConfigureAwait(false);
            return;
        }

        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
        }

        string? target = request.Headers["X-Amz-Target"].FirstOrDefault();
        string? authorization = request.Headers.Authorization.FirstOrDefault();
        string operation = target is null ? string.Empty
            : target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..]
            : target.StartsWith(LogsOperations.TargetPrefix, StringComparison.Ordinal) ? target[LogsOperations.TargetPrefix.Length..] : target;
        var entry = new LocalEcsRequest(body)
        {
            Operation = operation,
            Region = SigV4Scope.Region(authorization) ?? options.DefaultRegion,
            Target = target,
            Authorization = authorization,
            UserAgent = request.Headers.UserAgent.FirstOrDefault(),
            InvocationId = request.Headers["amz-sdk-invocation-id"].FirstOrDefault(),
            SdkRequest = request.Headers["amz-sdk-request"].FirstOrDefault(),
            ContentType = request.ContentType,
            Headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            ReceivedAt = options.TimeProvider.GetUtcNow(),
        };

        log.Add(entry);
        try
        {
            await RespondAsync(http, entry, target).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away (e.g. during a slow fault): there is nobody to answer.
        }
        finally
        {
            entry.Completed = true;
        }
    }

    private async Task RespondAsync(HttpContext http, LocalEcsRequest entry, string? target)
    {
        LocalEcsFault? fault = faults.Take(entry.Operation);
        if (fault is not null && !fault.AppliesAfterProcessing)
        {
            entry.Fault = fault.Kind;
            if (fault.Kind != LocalEcsFaultKind.Slow)
            {
                await ApplyFaultAsync(http, entry, fault).ConfigureAwait(false);
                return;
            }

            await Task.Delay(fault.Delay, options.TimeProvider, http.RequestAborted).ConfigureAwait(false);
        }

        (int status, string json, string? errorCode) = Process(entry, target);
        if (fault is not null && fault.AppliesAfterProcessing)
        {
            entry.Fault = fault.Kind;
            if (fault.Kind != LocalEcsFaultKind.Slow)
            {
                await ApplyFaultAsync(http, entry, fault).ConfigureAwait(false);
                return;
            }

            await Task.Delay(fault.Delay, options.TimeProvider, http.RequestAborted).ConfigureAwait(false);
        }

        await WriteAsync(http, entry, status, json, errorCode).ConfigureAwait(false);
    }

    private (int Status, string Json, string? ErrorCode) Process(LocalEcsRequest entry, string? target)
    {
        try
        {
            if (target is not null && target.StartsWith(LogsOperations.TargetPrefix, StringComparison.Ordinal) && LogsOperations.IsKnownOperation(entry.Operation))
            {
                return (200, engine.InvokeLogs(entry.Region, entry.Operation, entry.Body).ToJsonString(s_json), null);
            }

            if (target is null || !target.StartsWith(TargetPrefix, StringComparison.Ordinal) || !EcsEngine.IsKnownOperation(entry.Operation))
            {
                throw ServerErrors.UnknownOperation(target ?? "(no X-Amz-Target)");
            }

            JsonObject result = engine.Invoke(entry.Region, entry.Operation, entry.Body);
            return (200, result.ToJsonString(s_json), null);
        }
        catch (LocalEcsException e)
        {
            return (e.StatusCode, ErrorBody(e.ErrorCode, e.Message, e), e.ErrorCode);
        }
#pragma warning disable CA1031 // Any bug of the emulator is answered as the service would: a 500 ServerException.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return (500, ErrorBody("ServerException", "LocalEcs internal error: " + e.Message, null), "ServerException");
        }
    }

    private static string ErrorBody(string code, string message, LocalEcsException? error)
    {
        var json = new JsonObject { ["__type"] = code, ["message"] = message };
        if (error?.ResourceIds is { } ids)
        {
            json["resourceIds"] = new JsonArray(ids.Select(i => (JsonNode)i).ToArray());
        }

        return json.ToJsonString(s_json);
    }

    private static async Task ApplyFaultAsync(HttpContext http, LocalEcsRequest entry, LocalEcsFault fault)
    {
        switch (fault.Kind)
        {
            case LocalEcsFaultKind.DropConnection:
                entry.StatusCode = 0;
                entry.Completed = true;
                http.Abort();
                break;
            case LocalEcsFaultKind.HtmlError:
                entry.StatusCode = fault.StatusCode;
                entry.Completed = true;
                http.Response.StatusCode = fault.StatusCode;
                http.Response.ContentType = "text/html";
                await http.Response.WriteAsync(
                    $"<!DOCTYPE html>\n<html><head><title>{fault.StatusCode} Service Unavailable</title></head>" +
                    $"<body><h1>{fault.StatusCode} Service Unavailable</h1><p>The server is temporarily unable to service your request.</p></body></html>\n")
                    .ConfigureAwait(false);
                break;
            case LocalEcsFaultKind.EchoRequest:
                string echo = "Request rejected. "
                    + string.Join(" ", entry.Headers.Select(h => fault.EchoHeaderNames ? $"{h.Key}: {h.Value}" : h.Value)) + " Body: " + entry.Body;
                if (fault.ErrorCode is not null)
                {
                    await WriteAsync(http, entry, fault.StatusCode, ErrorBody(fault.ErrorCode, echo, null), fault.ErrorCode).ConfigureAwait(false);
                    break;
                }

                entry.StatusCode = fault.StatusCode;
                entry.Completed = true;
                http.Response.StatusCode = fault.StatusCode;
                http.Response.ContentType = "text/plain";
                await http.Response.WriteAsync(
                    "POST / HTTP/1.1\n" + string.Join("\n", entry.Headers.Select(h => $"{h.Key}: {h.Value}")) + "\n\n" + entry.Body + "\n").ConfigureAwait(false);
                break;
            default:
                await WriteAsync(http, entry, fault.StatusCode, ErrorBody(fault.ErrorCode!, fault.Message ?? string.Empty, null), fault.ErrorCode)
                    .ConfigureAwait(false);
                break;
        }
    }

    private static async Task WriteAsync(HttpContext http, LocalEcsRequest entry, int status, string json, string? errorCode)
    {
        entry.StatusCode = status;
        entry.ErrorCode = errorCode;
        entry.RequestId = Guid.NewGuid().ToString();
        entry.Completed = true;
        HttpResponse response = http.Response;
        response.StatusCode = status;
        response.ContentType = JsonContentType;
        response.Headers["x-amzn-RequestId"] = entry.RequestId;
        if (errorCode is not null)
        {
            response.Headers["X-Amzn-ErrorType"] = errorCode;
        }

        byte[] bytes = Encoding.UTF8.GetBytes(json);
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, http.RequestAborted).ConfigureAwait(false);
    }
}
