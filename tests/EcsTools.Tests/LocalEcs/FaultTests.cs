using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using EcsTools.LocalEcs;
using EcsTools.Tests.Host;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace EcsTools.Tests.LocalEcs;

public sealed class FaultTests
{
    [Fact]
    public async Task Throttling_applies_to_the_next_N_matching_requests_then_disappears()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        ecs.Server.Faults.Add(LocalEcsFault.Throttling("ListClusters").Times(2));

        await ecs.CallAsync("ListTasks", """{"cluster": "demo"}""");
        await ecs.FailAsync("ListClusters", "{}", "ThrottlingException", "Rate exceeded");
        await ecs.FailAsync("ListClusters", "{}", "ThrottlingException");
        await ecs.CallAsync("ListClusters", "{}");

        Assert.Empty(ecs.Server.Faults.Pending);
        Assert.Equal(
            [null, LocalEcsFaultKind.Throttling, LocalEcsFaultKind.Throttling, null],
            ecs.Server.Requests.Select(r => r.Fault).ToArray());
    }

    [Fact]
    public async Task A_server_error_is_a_500_ServerException_with_a_JSON_body()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        ecs.Server.Faults.Add(LocalEcsFault.ServerError());

        await ecs.FailAsync("DescribeClusters", """{"clusters": ["demo"]}""", "ServerException");
        await ecs.CallAsync("DescribeClusters", """{"clusters": ["demo"]}""");
    }

    [Fact]
    public async Task An_html_error_is_a_5xx_with_a_non_JSON_body()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        ecs.Server.Faults.Add(LocalEcsFault.HtmlError("RunTask", 502));

        EcsResponse response = await ecs.SendAsync("RunTask", """{"cluster": "demo", "taskDefinition": "web", "launchType": "EC2"}""");

        Assert.Equal(HttpStatusCode.BadGateway, response.Status);
        Assert.Equal("text/html", response.Message.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<!DOCTYPE html>", response.Body, StringComparison.Ordinal);
        Assert.Null(response.Header("X-Amzn-ErrorType"));
        Assert.Empty((await ecs.CallAsync("ListTasks", """{"cluster": "demo"}"""))["taskArns"]!.AsArray());
    }

    [Fact]
    public async Task A_slow_fault_delays_the_response()
    {
        // The delay runs on the server's clock: a fake one answers when the test moves it past the delay, and only then.
        var time = new FakeTimeProvider(LocalEcsHarness.Start);
        await using var server = await LocalEcsServer.StartAsync(new LocalEcsOptions { Scene = LocalEcsScenes.Demo, TimeProvider = time });
        using var http = new HttpClient { BaseAddress = server.Endpoint, Timeout = TimeSpan.FromSeconds(20) };
        server.Faults.Add(LocalEcsFault.Slow("ListClusters", TimeSpan.FromMilliseconds(400)));

        var slow = ListClusters(http);
        await WaitClocks.Until(() => server.RequestsFor("ListClusters").Count == 1);
        var arrived = time.GetUtcNow();
        await WaitClocks.AdvanceUntil(time, TimeSpan.FromMilliseconds(20), () => slow.IsCompleted);
        var waited = time.GetUtcNow() - arrived;
        Assert.Equal(HttpStatusCode.OK, (await slow).StatusCode);
        // The next call is not delayed: it is answered while the clock stands still.
        var next = await ListClusters(http).WaitAsync(WaitClocks.Bound);

        Assert.True(waited >= TimeSpan.FromMilliseconds(400), $"the slow call was answered after {waited} on the server's clock");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(LocalEcsFaultKind.Slow, server.Requests[0].Fault);
        Assert.Null(server.Requests[1].Fault);
    }

    private static async Task<HttpResponseMessage> ListClusters(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", LocalEcsHarness.TargetPrefix + "ListClusters");
        request.Headers.TryAddWithoutValidation("Authorization",
            "AWS4-HMAC-SHA256 Credential=AKIDTEST/20260101/us-east-1/ecs/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123abcd");
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task A_request_held_by_a_slow_fault_is_logged_in_flight_and_not_processed_when_the_client_gives_up()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        ecs.Server.Faults.Add(LocalEcsFault.Slow("RunTask", TimeSpan.FromSeconds(30)));
        using var cancel = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent("""{"cluster": "demo", "taskDefinition": "web", "launchType": "EC2"}""", Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", LocalEcsHarness.TargetPrefix + "RunTask");
        Task<HttpResponseMessage> call = ecs.Http.SendAsync(request, cancel.Token);

        LocalEcsRequest? inFlight = null;
        await WaitClocks.Until(() => (inFlight = ecs.Server.RequestsFor("RunTask").SingleOrDefault()) is not null);

        Assert.NotNull(inFlight);
        Assert.False(inFlight.Completed);
        Assert.Equal(0, inFlight.StatusCode);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await WaitClocks.Until(() => inFlight.Completed);

        Assert.True(inFlight.Completed);
        Assert.Empty((await ecs.CallAsync("ListTasks", """{"cluster": "demo"}"""))["taskArns"]!.AsArray());
    }

    [Fact]
    public async Task A_dropped_connection_gives_no_response_and_is_logged_with_status_0()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        ecs.Server.Faults.Add(LocalEcsFault.DropConnection("ListClusters"));

        await Assert.ThrowsAsync<HttpRequestException>(() => ecs.SendAsync("ListClusters", "{}"));

        LocalEcsRequest dropped = ecs.Server.RequestsFor("ListClusters").Single();
        Assert.Equal(0, dropped.StatusCode);
        Assert.True(dropped.Completed);
        Assert.Equal(LocalEcsFaultKind.DropConnection, dropped.Fault);
        await ecs.CallAsync("ListClusters", "{}");
    }

    [Fact]
    public async Task A_fault_after_processing_keeps_the_effects_so_a_retry_with_the_token_gets_the_same_tasks()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        ecs.Server.Faults.Add(LocalEcsFault.ServerError("RunTask").AfterProcessing());
        const string Request = """{"cluster": "demo", "taskDefinition": "web", "launchType": "EC2", "clientToken": "retry-me"}""";

        await ecs.FailAsync("RunTask", Request, "ServerException");
        JsonObject listed = await ecs.CallAsync("ListTasks", """{"cluster": "demo"}""");
        JsonObject retried = await ecs.CallAsync("RunTask", Request);

        string created = Assert.Single(LocalEcsHarness.Strings(listed["taskArns"]));
        Assert.Equal(created, (string?)retried["tasks"]![0]!["taskArn"]);
        Assert.Single((await ecs.CallAsync("ListTasks", """{"cluster": "demo"}"""))["taskArns"]!.AsArray());
    }

    [Fact]
    public async Task A_dropped_connection_after_processing_also_keeps_the_effects()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        ecs.Server.Faults.Add(LocalEcsFault.DropConnection("CreateCluster").AfterProcessing());

        await Assert.ThrowsAsync<HttpRequestException>(() => ecs.SendAsync("CreateCluster", """{"clusterName": "made"}"""));

        JsonObject clusters = await ecs.CallAsync("DescribeClusters", """{"clusters": ["made"]}""");
        Assert.Equal("ACTIVE", (string?)clusters["clusters"]![0]!["status"]);
    }

    [Fact]
    public async Task Any_error_code_can_be_injected()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        ecs.Server.Faults.Add(LocalEcsFault.Error("StopTask", "AccessDeniedException", "User is not authorized to perform: ecs:StopTask"));

        await ecs.FailAsync("StopTask", """{"cluster": "demo", "task": "x"}""", "AccessDeniedException", "ecs:StopTask");
        await ecs.FailAsync("StopTask", """{"cluster": "demo", "task": "x"}""", "InvalidParameterException");
    }
}
