using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EcsTools.LocalEcs;
using Xunit;

namespace EcsTools.Tests.LocalEcs;

public sealed class ProtocolTests
{
    [Fact]
    public async Task Errors_carry_the_code_in_type_and_header_with_a_lower_case_message()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();

        EcsResponse response = await ecs.FailAsync("ListTasks", """{"cluster": "nope"}""", "ClusterNotFoundException", "Cluster not found.");

        Assert.Equal("application/x-amz-json-1.1", response.Message.Content.Headers.ContentType!.MediaType);
        Assert.True(Guid.TryParse(response.Header("x-amzn-RequestId"), out _));
        Assert.Equal(response.Header("x-amzn-RequestId"), ecs.Server.Requests[^1].RequestId);
        Assert.Null(response.Json!["Message"]);
        Assert.Equal(["__type", "message"], response.Json!.AsObject().Select(p => p.Key).ToArray());
    }

    [Fact]
    public async Task Request_counts_are_served_per_operation_over_GET()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        await ecs.CallAsync("ListClusters", "{}");
        await ecs.CallAsync("ListClusters", "{}");
        await ecs.FailAsync("ListTasks", """{"cluster": "nope"}""", "ClusterNotFoundException");

        string counts = await ecs.Http.GetStringAsync("/localecs/request-counts");

        Assert.Equal("""{"ListClusters":2,"ListTasks":1}""", counts);
    }

    [Fact]
    public async Task Unknown_operations_and_targets_are_UnknownOperationException()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();

        await ecs.FailAsync("Frobnicate", "{}", "UnknownOperationException");
        EcsResponse other = await ecs.SendAsync("ListClusters", "{}", target: "AmazonS3.ListBuckets");
        Assert.Equal("UnknownOperationException", other.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, other.Status);
    }

    [Fact]
    public async Task Malformed_json_and_wrong_types_are_SerializationException()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();

        await ecs.FailAsync("ListClusters", "not json", "SerializationException");
        await ecs.FailAsync("ListClusters", "[1, 2]", "SerializationException");
        await ecs.FailAsync("RunTask", """{"cluster": "demo", "taskDefinition": "batch", "count": "two"}""", "SerializationException", "count");
        await ecs.FailAsync("DescribeTasks", """{"cluster": "demo", "tasks": "abc"}""", "SerializationException");
    }

    [Fact]
    public async Task Missing_required_members_are_InvalidParameterException_naming_the_member()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();

        await ecs.FailAsync("RunTask", """{"cluster": "demo"}""", "InvalidParameterException", "'taskDefinition'");
        await ecs.FailAsync("DescribeTaskSets", """{"cluster": "demo"}""", "InvalidParameterException", "'service'");
        await ecs.FailAsync("UpdateTaskSet", """{"cluster": "demo", "service": "checkout", "taskSet": "x"}""", "InvalidParameterException", "'scale'");
        await ecs.FailAsync(
            "RunTask",
            """{"cluster": "demo", "taskDefinition": "batch", "capacityProviderStrategy": [{"weight": 1}]}""",
            "InvalidParameterException",
            "capacityProviderStrategy.1.member.capacityProvider");
    }

    [Fact]
    public async Task State_is_per_region_of_the_credential_scope_and_unsigned_requests_use_the_default_region()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync(LocalEcsScenes.Empty);

        JsonObject created = await ecs.CallAsync("CreateCluster", """{"clusterName": "west"}""", region: "us-west-2");
        Assert.Equal("arn:aws:ecs:us-west-2:123456789012:cluster/west", (string?)created["cluster"]!["clusterArn"]);

        JsonObject west = await ecs.CallAsync("ListClusters", "{}", region: "us-west-2");
        JsonObject unsigned = await ecs.CallAsync("ListClusters", "{}", region: null);
        Assert.Equal(["arn:aws:ecs:us-west-2:123456789012:cluster/west"], LocalEcsHarness.Strings(west["clusterArns"]));
        Assert.Empty(unsigned["clusterArns"]!.AsArray());
        Assert.Equal(["us-west-2", "us-west-2", "us-east-1"], ecs.Server.Requests.Select(r => r.Region).ToArray());
    }

    [Fact]
    public async Task The_request_log_keeps_operation_body_headers_and_status()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent("""{"cluster": "demo", "maxResults": 5}""", Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListTasks");
        request.Headers.TryAddWithoutValidation("User-Agent", "aws-sdk-dotnet-coreclr/4.0 ua/2.1 EcsTools/0.1");
        request.Headers.TryAddWithoutValidation("amz-sdk-invocation-id", "3f1c2d4e-0000-4000-8000-000000000001");
        request.Headers.TryAddWithoutValidation("amz-sdk-request", "attempt=2; max=5");
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-1/ecs/aws4_request, SignedHeaders=host, Signature=ff");
        (await ecs.Http.SendAsync(request)).Dispose();
        await ecs.SendAsync("ListTasks", """{"cluster": "nope"}""");

        LocalEcsRequest first = ecs.Server.Requests[0];
        Assert.Equal("ListTasks", first.Operation);
        Assert.Equal(5, (int?)first.Json!["maxResults"]);
        Assert.Contains("\"maxResults\": 5", first.Body, StringComparison.Ordinal);
        Assert.Equal("eu-west-1", first.Region);
        Assert.Equal("AmazonEC2ContainerServiceV20141113.ListTasks", first.Target);
        Assert.StartsWith("aws-sdk-dotnet-coreclr/4.0", first.UserAgent, StringComparison.Ordinal);
        Assert.Equal("3f1c2d4e-0000-4000-8000-000000000001", first.InvocationId);
        Assert.Equal("attempt=2; max=5", first.SdkRequest);
        Assert.Equal("attempt=2; max=5", first.Headers["AMZ-SDK-REQUEST"]);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKID/", first.Authorization, StringComparison.Ordinal);
        Assert.Equal(LocalEcsHarness.Start, first.ReceivedAt);
        Assert.Equal(200, first.StatusCode);
        Assert.Equal(400, ecs.Server.Requests[1].StatusCode);
        Assert.Equal("ClusterNotFoundException", ecs.Server.Requests[1].ErrorCode);
        Assert.Equal(2, ecs.Server.RequestsFor("ListTasks").Count);
        Assert.Empty(ecs.Server.RequestsFor("RunTask"));

        ecs.Server.ClearRequests();
        Assert.Empty(ecs.Server.Requests);
    }

    [Fact]
    public async Task Timestamps_are_epoch_seconds_with_milliseconds_and_absent_members_are_left_out()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        ecs.Advance(TimeSpan.FromMilliseconds(123));

        JsonObject task = await ecs.RunOneAsync("web");

        JsonValue createdAt = task["createdAt"]!.AsValue();
        Assert.Equal(System.Text.Json.JsonValueKind.Number, createdAt.GetValueKind());
        Assert.Equal((LocalEcsHarness.Start.ToUnixTimeMilliseconds() + 123) / 1000.0, (double)createdAt);
        Assert.Contains(".123", createdAt.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(task["stoppedAt"]);
        Assert.Null(task["startedAt"]);
        Assert.DoesNotContain(":null", ecs.Server.Requests[^1].Body + task.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_listens_on_loopback_and_Reset_forgets_state_requests_and_faults()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        Assert.Equal("127.0.0.1", ecs.Server.Endpoint.Host);
        Assert.Equal("/", ecs.Server.Endpoint.AbsolutePath);
        await ecs.CallAsync("CreateCluster", """{"clusterName": "extra"}""");
        ecs.Server.Faults.Add(LocalEcsFault.Throttling("ListClusters"));

        ecs.Server.Reset();

        Assert.Empty(ecs.Server.Faults.Pending);
        Assert.Empty(ecs.Server.Requests);
        JsonObject clusters = await ecs.CallAsync("ListClusters", "{}");
        Assert.Equal(["arn:aws:ecs:us-east-1:123456789012:cluster/demo"], LocalEcsHarness.Strings(clusters["clusterArns"]));
    }

    [Fact]
    public async Task Describe_operations_report_unknown_resources_as_MISSING_failures()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();

        JsonObject clusters = await ecs.CallAsync("DescribeClusters", """{"clusters": ["demo", "nope"]}""");
        JsonObject services = await ecs.CallAsync("DescribeServices", """{"cluster": "demo", "services": ["checkout", "nope"]}""");
        JsonObject tasks = await ecs.CallAsync("DescribeTasks", """{"cluster": "demo", "tasks": ["0123456789abcdef0123456789abcdef"]}""");

        Assert.Equal("demo", (string?)clusters["clusters"]![0]!["clusterName"]);
        Assert.Equal("""{"arn":"arn:aws:ecs:us-east-1:123456789012:cluster/nope","reason":"MISSING"}""", clusters["failures"]![0]!.ToJsonString());
        Assert.Equal("checkout", (string?)services["services"]![0]!["serviceName"]);
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:service/demo/nope", (string?)services["failures"]![0]!["arn"]);
        Assert.Empty(tasks["tasks"]!.AsArray());
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:task/demo/0123456789abcdef0123456789abcdef", (string?)tasks["failures"]![0]!["arn"]);
        Assert.Equal("MISSING", (string?)tasks["failures"]![0]!["reason"]);
    }
}
