using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace EcsTools.Tests.LocalEcs;

public sealed class ValidationTests
{
    public static TheoryData<string, string, string, string> Cases()
    {
        string tags51 = string.Join(",", Enumerable.Range(0, 51).Select(i => $$"""{"key": "k{{i}}", "value": "v"}"""));
        string providers21 = string.Join(",", Enumerable.Range(0, 21).Select(i => $$"""{"capacityProvider": "p{{i}}", "weight": 1}"""));
        string instances11 = string.Join(",", Enumerable.Range(0, 11).Select(_ => "\"0123456789abcdef0123456789abcdef\""));
        string ids101 = string.Join(",", Enumerable.Range(0, 101).Select(i => $"\"{i:x32}\""));
        string bigOverride = new('x', 8200);
        const string Run = """ "cluster": "demo", "taskDefinition": "web" """;
        return new TheoryData<string, string, string, string>
        {
            { "RunTask", $$"""{ {{Run}}, "launchType": "EC2", "capacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1}]}""", "InvalidParameterException", "Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again." },
            { "RunTask", $$"""{ {{Run}}, "launchType": "EC2", "count": 0}""", "InvalidParameterException", "count" },
            { "RunTask", $$"""{ {{Run}}, "launchType": "EC2", "count": 11}""", "InvalidParameterException", "count" },
            { "RunTask", $$"""{ {{Run}}, "launchType": "EC2", "tags": [{{tags51}}]}""", "InvalidParameterException", "50" },
            { "RunTask", $$"""{ {{Run}}, "launchType": "EC2", "tags": [{"key": "{{new string('k', 129)}}", "value": "v"}]}""", "InvalidParameterException", "128" },
            { "RunTask", $$"""{ {{Run}}, "launchType": "EC2", "tags": [{"key": "k", "value": "{{new string('v', 257)}}"}]}""", "InvalidParameterException", "256" },
            { "RunTask", $$"""{ {{Run}}, "launchType": "EC2", "tags": [{"key": "bad#key", "value": "v"}]}""", "InvalidParameterException", "pattern" },
            { "RunTask", $$"""{ {{Run}}, "launchType": "EC2", "tags": [{"key": "k", "value": "a"}, {"key": "k", "value": "b"}]}""", "InvalidParameterException", "unique" },
            { "RunTask", $$"""{ {{Run}}, "launchType": "EC2", "tags": [{"key": "aws:owner", "value": "me"}]}""", "InvalidParameterException", "aws:" },
            { "RunTask", $$"""{ {{Run}}, "launchType": "EC2", "startedBy": "{{new string('s', 129)}}"}""", "InvalidParameterException", "startedBy" },
            { "RunTask", $$"""{ {{Run}}, "launchType": "EC2", "startedBy": "me!"}""", "InvalidParameterException", "startedBy" },
            { "StartTask", $$"""{ {{Run}}, "containerInstances": ["0123456789abcdef0123456789abcdef"], "startedBy": "{{new string('s', 37)}}"}""", "InvalidParameterException", "startedBy" },
            { "StartTask", $$"""{ {{Run}}, "containerInstances": [{{instances11}}]}""", "InvalidParameterException", "10" },
            { "StartTask", $$"""{ {{Run}}, "containerInstances": []}""", "InvalidParameterException", "empty" },
            { "RunTask", $$"""{ {{Run}}, "launchType": "EC2", "overrides": {"containerOverrides": [{"name": "web", "command": ["{{bigOverride}}"]}] } }""", "InvalidParameterException", "8192" },
            { "RunTask", $$"""{ {{Run}}, "launchType": "EC2", "overrides": {"containerOverrides": [{"name": "nope"}] } }""", "InvalidParameterException", "nope" },
            { "RunTask", $$"""{ {{Run}}, "capacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1001}]}""", "InvalidParameterException", "1000" },
            { "RunTask", $$"""{ {{Run}}, "capacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1, "base": 100001}]}""", "InvalidParameterException", "100000" },
            { "RunTask", $$"""{ {{Run}}, "capacityProviderStrategy": [{{providers21}}]}""", "InvalidParameterException", "20" },
            { "RunTask", $$"""{ {{Run}}, "capacityProviderStrategy": [{"capacityProvider": "my-asg", "weight": 1}]}""", "InvalidParameterException", "not associated with the cluster" },
            { "RunTask", """{"cluster": "nope", "taskDefinition": "web"}""", "ClusterNotFoundException", "Cluster not found." },
            { "RunTask", """{"taskDefinition": "web"}""", "ClusterNotFoundException", "Cluster not found." },
            { "RunTask", """{"cluster": "demo", "taskDefinition": "nope"}""", "ClientException", "Unable to describe task definition." },
            { "RunTask", """{"cluster": "demo", "taskDefinition": "web:9"}""", "ClientException", "Unable to describe task definition." },
            { "DescribeTasks", $$"""{"cluster": "demo", "tasks": [{{ids101}}]}""", "InvalidParameterException", "100" },
            { "DescribeTasks", """{"cluster": "demo", "tasks": []}""", "InvalidParameterException", "empty" },
            { "DescribeServices", """{"cluster": "demo", "services": []}""", "InvalidParameterException", "empty" },
            { "RunTask", $$"""{ {{Run}}, "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-1"]} } }""", "InvalidParameterException", "networkMode" },
            { "RunTask", $$"""{ {{Run}}, "launchType": "WARP"}""", "InvalidParameterException", "enum" },
            { "RunTask", """{"cluster": "demo", "taskDefinition": "fargate-web", "launchType": "FARGATE", "platformVersion": "9.9.9", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-1"]}}}""", "PlatformUnknownException", "platform version" },
            { "RegisterTaskDefinition", """{"family": "x", "containerDefinitions": [{"name": "a", "image": "busybox"}]}""", "ClientException", "'memory' or 'memoryReservation'" },
            { "RegisterTaskDefinition", """{"family": "x", "requiresCompatibilities": ["FARGATE"], "networkMode": "bridge", "cpu": "256", "memory": "512", "containerDefinitions": [{"name": "a", "image": "busybox"}]}""", "ClientException", "awsvpc" },
            { "RegisterTaskDefinition", """{"family": "x", "containerDefinitions": [{"name": "a", "image": "busybox", "memory": 64, "dockerLabels": {"localecs.runFor": "soon"}}]}""", "ClientException", "localecs.runFor" },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Requests_that_ECS_refuses_are_refused_with_its_error_code(string operation, string body, string code, string messagePart)
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();

        await ecs.FailAsync(operation, body, code, messagePart);

        Assert.Empty((await ecs.CallAsync("ListTasks", """{"cluster": "demo"}"""))["taskArns"]!.AsArray());
    }

    [Fact]
    public async Task Limits_are_inclusive()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        string tags50 = string.Join(",", Enumerable.Range(0, 50).Select(i => $$"""{"key": "k{{i}}", "value": "v"}"""));

        await ecs.CallAsync("RunTask", $$"""{"cluster": "demo", "taskDefinition": "web", "launchType": "EC2", "count": 10, "tags": [{{tags50}}], "startedBy": "{{new string('s', 128)}}"}""");

        Assert.Equal(10, (await ecs.CallAsync("ListTasks", """{"cluster": "demo"}"""))["taskArns"]!.AsArray().Count);
    }
}
