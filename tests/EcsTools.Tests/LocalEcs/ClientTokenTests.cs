using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace EcsTools.Tests.LocalEcs;

public sealed class ClientTokenTests
{
    [Fact]
    public async Task RunTask_with_a_used_token_and_the_same_parameters_returns_the_same_tasks()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        const string Request = """{"cluster": "demo", "taskDefinition": "web", "launchType": "EC2", "count": 2, "clientToken": "token-1"}""";

        JsonObject first = await ecs.CallAsync("RunTask", Request);
        ecs.Advance(3);
        JsonObject retry = await ecs.CallAsync("RunTask", """{"clientToken": "token-1", "count": 2, "launchType": "EC2", "taskDefinition": "web", "cluster": "demo"}""");

        string[] firstArns = first["tasks"]!.AsArray().Select(t => (string)t!["taskArn"]!).ToArray();
        Assert.Equal(firstArns, retry["tasks"]!.AsArray().Select(t => (string)t!["taskArn"]!).ToArray());
        Assert.All(retry["tasks"]!.AsArray(), t => Assert.Equal("RUNNING", (string?)t!["lastStatus"]));
        JsonObject listed = await ecs.CallAsync("ListTasks", """{"cluster": "demo"}""");
        Assert.Equal(2, listed["taskArns"]!.AsArray().Count);
    }

    [Fact]
    public async Task RunTask_with_a_used_token_and_other_parameters_is_ConflictException_with_the_resource_ids()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        JsonObject first = await ecs.CallAsync("RunTask", """{"cluster": "demo", "taskDefinition": "web", "launchType": "EC2", "clientToken": "token-2"}""");

        EcsResponse conflict = await ecs.FailAsync(
            "RunTask", """{"cluster": "demo", "taskDefinition": "batch", "launchType": "EC2", "clientToken": "token-2"}""", "ConflictException");

        Assert.Equal([(string)first["tasks"]![0]!["taskArn"]!], LocalEcsHarness.Strings(conflict.Json!["resourceIds"]));
        Assert.Single((await ecs.CallAsync("ListTasks", """{"cluster": "demo"}"""))["taskArns"]!.AsArray());
    }

    [Fact]
    public async Task Client_tokens_must_be_printable_ascii_of_limited_length()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();

        await ecs.FailAsync("RunTask", LocalEcsHarness.Json(new { cluster = "demo", taskDefinition = "web", launchType = "EC2", clientToken = new string('t', 65) }), "InvalidParameterException", "clientToken");
        await ecs.FailAsync("RunTask", """{"cluster": "demo", "taskDefinition": "web", "launchType": "EC2", "clientToken": "has space"}""", "InvalidParameterException", "clientToken");
        await ecs.CallAsync("RunTask", LocalEcsHarness.Json(new { cluster = "demo", taskDefinition = "web", launchType = "EC2", clientToken = new string('t', 64) }));
        await ecs.FailAsync("CreateTaskSet", LocalEcsHarness.Json(new { cluster = "demo", service = "checkout", taskDefinition = "fargate-web", clientToken = new string('t', 37) }), "InvalidParameterException", "clientToken");
    }

    [Fact]
    public async Task CreateTaskSet_with_a_used_token_returns_the_same_set_and_refuses_other_parameters()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        const string Request = """{"cluster": "demo", "service": "checkout", "taskDefinition": "fargate-web", "clientToken": "ts-1", "scale": {"value": 50, "unit": "PERCENT"}}""";

        JsonObject first = await ecs.CallAsync("CreateTaskSet", Request);
        JsonObject retry = await ecs.CallAsync("CreateTaskSet", Request);
        await ecs.FailAsync(
            "CreateTaskSet",
            """{"cluster": "demo", "service": "checkout", "taskDefinition": "fargate-web", "clientToken": "ts-1", "scale": {"value": 100, "unit": "PERCENT"}}""",
            "InvalidParameterException",
            "not idempotent");

        Assert.Equal((string?)first["taskSet"]!["id"], (string?)retry["taskSet"]!["id"]);
        JsonObject sets = await ecs.CallAsync("DescribeTaskSets", """{"cluster": "demo", "service": "checkout"}""");
        Assert.Single(sets["taskSets"]!.AsArray());
    }
}
