using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EcsTools.LocalEcs;
using Xunit;

namespace EcsTools.Tests.LocalEcs;

/// <summary>A LocalEcs server on a manual clock (100 ms steps), driven with raw awsJson1_1 requests over HttpClient.</summary>
internal sealed class LocalEcsHarness : IAsyncDisposable
{
    public const string TargetPrefix = "AmazonEC2ContainerServiceV20141113.";
    public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private LocalEcsHarness(LocalEcsServer server, ManualTimeProvider clock)
    {
        Server = server;
        Clock = clock;
        Http = new HttpClient { BaseAddress = server.Endpoint, Timeout = TimeSpan.FromSeconds(20) };
    }

    public LocalEcsServer Server { get; }

    public ManualTimeProvider Clock { get; }

    public HttpClient Http { get; }

    /// <summary>Starts a server with the demo scene (or the given one) on a manual clock.</summary>
    public static async Task<LocalEcsHarness> StartAsync(Action<LocalEcsScene>? scene = null)
    {
        var clock = new ManualTimeProvider(Start);
        LocalEcsServer server = await LocalEcsServer.StartAsync(new LocalEcsOptions
        {
            StepInterval = Step,
            TimeProvider = clock,
            Scene = scene ?? LocalEcsScenes.Demo,
        });
        return new LocalEcsHarness(server, clock);
    }

    public void Advance(int steps) => Clock.Advance(Step * steps);

    public void Advance(TimeSpan by) => Clock.Advance(by);

    /// <summary>Sends one request; signed for the region unless <paramref name="region"/> is null.</summary>
    public async Task<EcsResponse> SendAsync(string operation, string body, string? region = "us-east-1", string? target = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target ?? TargetPrefix + operation);
        if (region is not null)
        {
            request.Headers.TryAddWithoutValidation(
                "Authorization",
                $"AWS4-HMAC-SHA256 Credential=AKIDTEST/20260101/{region}/ecs/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123abcd");
        }

        HttpResponseMessage response = await Http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/x-amz-json-1.1")
        {
            json = JsonNode.Parse(text);
        }

        return new EcsResponse(response.StatusCode, text, json, response);
    }

    /// <summary>Calls an operation that must succeed and returns the response body.</summary>
    public async Task<JsonObject> CallAsync(string operation, string body, string? region = "us-east-1")
    {
        EcsResponse response = await SendAsync(operation, body, region);
        Assert.True(response.Status == HttpStatusCode.OK, $"{operation} answered {(int)response.Status}: {response.Body}");
        return response.Json!.AsObject();
    }

    /// <summary>Calls an operation that must fail with <paramref name="code"/> (400, or 500 for ServerException) as ECS sends errors.</summary>
    public async Task<EcsResponse> FailAsync(string operation, string body, string code, string? messagePart = null)
    {
        EcsResponse response = await SendAsync(operation, body);
        Assert.True(response.ErrorCode == code, $"{operation} answered {(int)response.Status}: {response.Body} (expected {code})");
        Assert.Equal(code == "ServerException" ? HttpStatusCode.InternalServerError : HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(code, response.Header("X-Amzn-ErrorType"));
        Assert.False(string.IsNullOrEmpty(response.ErrorMessage), "the error has a lower-case 'message'");
        if (messagePart is not null)
        {
            Assert.Contains(messagePart, response.ErrorMessage, StringComparison.Ordinal);
        }

        return response;
    }

    /// <summary>RunTask that must start exactly one task; returns it.</summary>
    public async Task<JsonObject> RunOneAsync(string taskDefinition, string extra = """ "launchType": "EC2" """)
    {
        JsonObject response = await CallAsync("RunTask", $$"""{"cluster": "demo", "taskDefinition": "{{taskDefinition}}", {{extra}} }""");
        Assert.Empty(response["failures"]!.AsArray());
        return Assert.Single(response["tasks"]!.AsArray())!.AsObject();
    }

    public async Task<JsonObject> DescribeTaskAsync(string taskArn, string cluster = "demo", bool tags = false)
    {
        string include = tags ? """, "include": ["TAGS"]""" : string.Empty;
        JsonObject response = await CallAsync("DescribeTasks", $$"""{"cluster": "{{cluster}}", "tasks": ["{{taskArn}}"]{{include}} }""");
        return Assert.Single(response["tasks"]!.AsArray())!.AsObject();
    }

    public static string Json(object value) => JsonSerializer.Serialize(value);

    public static string[] Strings(JsonNode? array) => array!.AsArray().Select(n => (string)n!).ToArray();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
