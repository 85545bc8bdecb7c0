using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using EcsTools.Engine.Client;
using EcsTools.Engine.Model;
using Xunit;

namespace EcsTools.Engine.Tests.Model;

/// <summary>
/// The hand-written reader of RunTask and StartTask answers reads every member Start-EcsTask shows as the generated
/// types do, skips the rest, and gives up (so that the generated types read the answer) on anything it does not expect.
/// </summary>
public sealed class TaskAnswerReaderTests
{
    // Every member the task view reads, with values of every kind, between members it skips (known and unknown, nested).
    private const string Full = """
        {
          "unknownTop": {"a": [1, {"b": null}], "c": "d"},
          "tasks": [
            {
              "attachments": [
                {"id": "att-1", "type": "ElasticNetworkInterface", "status": "ATTACHED", "details": [
                  {"name": "subnetId", "value": "subnet-1"},
                  {"name": "privateIPv4Address", "value": "10.0.0.7", "extra": [true]}
                ]},
                {"type": "Other", "details": null}
              ],
              "attributes": [{"name": "ecs.cpu-architecture", "value": "x86_64"}],
              "availabilityZone": "us-east-1a",
              "capacityProviderName": "FARGATE_SPOT",
              "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/demo",
              "connectivity": "CONNECTED",
              "connectivityAt": 1795499455.5,
              "containerInstanceArn": "arn:aws:ecs:us-east-1:123456789012:container-instance/demo/abc",
              "containers": [
                {"containerArn": "arn:aws:ecs:us-east-1:123456789012:container/demo/t1/c1", "taskArn": "arn:t1", "name": "web",
                 "image": "public.ecr.aws/nginx/nginx:1.27", "runtimeId": "rt-1", "lastStatus": "STOPPED", "exitCode": 137,
                 "reason": "OutOfMemoryError: \u0022killed\u0022", "healthStatus": "UNHEALTHY", "cpu": "0",
                 "networkInterfaces": [{"attachmentId": "att-1", "privateIpv4Address": "10.0.0.7"}], "unknown": {"x": 1}},
                {"name": "sidecar", "exitCode": null, "lastStatus": "RUNNING"}
              ],
              "cpu": "256",
              "createdAt": 1795499455.102,
              "desiredStatus": "STOPPED",
              "enableExecuteCommand": true,
              "group": "family:web",
              "healthStatus": "UNKNOWN",
              "lastStatus": "STOPPED",
              "launchType": "FARGATE",
              "memory": "512",
              "overrides": {"containerOverrides": [{"name": "web", "command": ["a", "b"]}], "inferenceAcceleratorOverrides": []},
              "platformVersion": "1.4.0",
              "startedAt": 1795499460,
              "startedBy": "ci/\u00e9t\u00e9",
              "stopCode": "EssentialContainerExited",
              "stoppedAt": "2026-12-06T08:00:00Z",
              "stoppedReason": "Essential container in task exited",
              "stoppingAt": 1795499470.25,
              "tags": [{"key": "team", "value": "web"}, {"key": "empty", "value": ""}],
              "taskArn": "arn:aws:ecs:us-east-1:123456789012:task/demo/t1",
              "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:7",
              "version": 4,
              "ephemeralStorage": {"sizeInGiB": 20}
            },
            {"taskArn": "arn:aws:ecs:us-east-1:123456789012:task/demo/t2", "enableExecuteCommand": false, "containers": []}
          ],
          "failures": [
            {"arn": "arn:aws:ecs:us-east-1:123456789012:container-instance/demo/x", "reason": "RESOURCE:MEMORY", "detail": "needs 512"},
            {"reason": "AGENT"}
          ]
        }
        """;

    [Fact]
    public void Reads_every_member_the_task_view_shows_as_the_generated_types_do()
    {
        var lean = TaskAnswerReader.ReadRunTask(Encoding.UTF8.GetBytes(Full));
        var generated = JsonSerializer.Deserialize(Full, EcsJsonContext.Default.RunTaskResponse)!;

        Assert.Equal(Shown(generated.Tasks, generated.Failures), Shown(lean.Tasks, lean.Failures));
        var first = lean.Tasks![0];
        Assert.Equal("10.0.0.7", new EcsTools.Engine.Tasks.TaskInfo(first).PrivateIpAddress);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795499455102), first.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero), first.StoppedAt);
        Assert.Equal(137, first.Containers![0].ExitCode);
        Assert.Equal("ci/été", first.StartedBy);
        Assert.Equal(4, first.Version);
        Assert.Equal(2, lean.Failures!.Count);
    }

    [Fact]
    public void Skips_what_the_task_view_does_not_show()
    {
        var task = TaskAnswerReader.ReadRunTask(Encoding.UTF8.GetBytes(Full)).Tasks![0];
        Assert.Null(task.Overrides);
        Assert.Null(task.Attributes);
        Assert.Null(task.EphemeralStorage);
        Assert.Null(task.ConnectivityAt);
        Assert.Null(task.Containers![0].Cpu);
        Assert.Null(task.Containers[0].TaskArn);
    }

    [Fact]
    public void Reads_a_StartTask_answer_too()
    {
        var lean = TaskAnswerReader.ReadStartTask(Encoding.UTF8.GetBytes(Full));
        var generated = JsonSerializer.Deserialize(Full, EcsJsonContext.Default.StartTaskResponse)!;
        Assert.Equal(Shown(generated.Tasks, generated.Failures), Shown(lean.Tasks, lean.Failures));
    }

    [Theory]
    [InlineData("""{"tasks":null,"failures":null}""")]
    [InlineData("""{"tasks":[null],"failures":[null]}""")]
    [InlineData("""{}""")]
    [InlineData("""{"tasks":[]}""")]
    [InlineData("""{"tasks":[{"taskArn":null,"clusterArn":null,"taskDefinitionArn":null,"lastStatus":null,"desiredStatus":null,"launchType":null,"capacityProviderName":null,"group":null,"startedBy":null,"createdAt":null,"startedAt":null,"stoppingAt":null,"stoppedAt":null,"stopCode":null,"stoppedReason":null,"containers":null,"attachments":null,"tags":null,"cpu":null,"memory":null,"availabilityZone":null,"containerInstanceArn":null,"healthStatus":null,"connectivity":null,"platformVersion":null,"version":null,"enableExecuteCommand":null}]}""")]
    [InlineData("""{"tasks":[{"containers":[null,{"name":null,"containerArn":null,"image":null,"lastStatus":null,"exitCode":null,"reason":null,"healthStatus":null,"runtimeId":null}],"attachments":[null,{"type":null,"details":[null,{"name":null,"value":null}]}],"tags":[null,{"key":null,"value":null}]}],"failures":[{"arn":null,"reason":null,"detail":null}]}""")]
    [InlineData("""{"tasks":[{"taskArn":"first","taskArn":"second"}]}""")]
    public void Reads_nulls_and_absent_members_as_the_generated_types_do(string json)
    {
        var lean = TaskAnswerReader.ReadRunTask(Encoding.UTF8.GetBytes(json));
        var generated = JsonSerializer.Deserialize(json, EcsJsonContext.Default.RunTaskResponse)!;
        Assert.Equal(Shown(generated.Tasks, generated.Failures), Shown(lean.Tasks, lean.Failures));
    }

    [Theory]
    [InlineData("""{"tasks":[{"cpu":256}]}""")]
    [InlineData("""{"tasks":[{"version":"4"}]}""")]
    [InlineData("""{"tasks":[{"enableExecuteCommand":"true"}]}""")]
    [InlineData("""{"tasks":[{"containers":[{"exitCode":1.5}]}]}""")]
    [InlineData("""{"tasks":[{"containers":[{"exitCode":"1"}]}]}""")]
    [InlineData("""{"tasks":[{"task\u0041rn":"escaped"}]}""")]
    [InlineData("""{"tasks":{}}""")]
    [InlineData("""{"tasks":[7]}""")]
    [InlineData("""{"tasks":[]} trailing""")]
    [InlineData("""{"tasks":[""")]
    [InlineData("""null""")]
    [InlineData("""[]""")]
    [InlineData("")]
    public void Gives_up_on_what_it_does_not_expect(string json)
    {
        Assert.ThrowsAny<JsonException>(() => TaskAnswerReader.ReadRunTask(Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("""{"tasks":[{"taskArn":"arn:t","cpu":256,"version":"4"}]}""")]
    [InlineData("""{"tasks":[{"containers":[{"name":"web","exitCode":"1"}]}],"failures":[]}""")]
    [InlineData("""{"tasks":[{"task\u0041rn":"escaped"}]}""")]
    [InlineData("\uFEFF{\"tasks\":[{\"taskArn\":\"bom\"}]}")]
    [InlineData("""null""")]
    public void What_it_gives_up_on_is_read_by_the_generated_types(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var read = EcsResponseUnmarshaller<RunTaskResponse>.Read(bytes, TaskAnswerReader.ReadRunTask, EcsJsonContext.Default.RunTaskResponse);
        var generated = JsonSerializer.Deserialize(bytes.AsSpan(json.StartsWith('\uFEFF') ? 3 : 0), EcsJsonContext.Default.RunTaskResponse);
        Assert.Equal(Shown(generated?.Tasks, generated?.Failures), Shown(read?.Tasks, read?.Failures));
    }

    [Theory]
    [InlineData("""{"tasks":[""")]
    [InlineData("""{"tasks":"no"}""")]
    [InlineData("""{"tasks":[{"version":"x"}]}""")]
    public void An_answer_neither_can_read_fails_with_the_generated_types_error(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var expected = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(bytes, EcsJsonContext.Default.RunTaskResponse));
        var actual = Assert.ThrowsAny<JsonException>(() =>
            EcsResponseUnmarshaller<RunTaskResponse>.Read(bytes, TaskAnswerReader.ReadRunTask, EcsJsonContext.Default.RunTaskResponse));
        Assert.Equal(expected.Message, actual.Message);
    }

    // What the task view (TaskInfo and its mapping to EcsTask) and the failures reads, as text to compare.
    private static List<string> Shown(List<TaskData>? tasks, List<Failure>? failures)
    {
        var shown = new List<string> { $"tasks {(tasks is null ? "null" : tasks.Count)}", $"failures {(failures is null ? "null" : failures.Count)}" };
        foreach (var t in tasks ?? [])
        {
            if (t is null)
            {
                shown.Add("null task");
                continue;
            }

            shown.Add(string.Join("|", t.TaskArn, t.ClusterArn, t.TaskDefinitionArn, t.LastStatus, t.DesiredStatus, t.LaunchType,
                t.CapacityProviderName, t.Group, t.StartedBy, t.CreatedAt?.ToUnixTimeMilliseconds(), t.StartedAt?.ToUnixTimeMilliseconds(),
                t.StoppingAt?.ToUnixTimeMilliseconds(), t.StoppedAt?.ToUnixTimeMilliseconds(), t.StopCode, t.StoppedReason, t.Cpu, t.Memory,
                t.AvailabilityZone, t.ContainerInstanceArn, t.HealthStatus, t.Connectivity, t.PlatformVersion, t.Version, t.EnableExecuteCommand,
                t.Containers is null ? "no containers" : $"{t.Containers.Count} containers",
                t.Attachments is null ? "no attachments" : $"{t.Attachments.Count} attachments",
                t.Tags is null ? "no tags" : $"{t.Tags.Count} tags"));
            shown.AddRange((t.Containers ?? []).Select(c => c is null ? "null container"
                : string.Join("|", c.Name, c.ContainerArn, c.Image, c.LastStatus, c.ExitCode, c.Reason, c.HealthStatus, c.RuntimeId)));
            foreach (var a in t.Attachments ?? [])
            {
                shown.Add(a is null ? "null attachment" : $"{a.Type}|{(a.Details is null ? "no details" : a.Details.Count)}");
                shown.AddRange((a?.Details ?? []).Select(d => d is null ? "null detail" : $"{d.Name}={d.Value}"));
            }

            shown.AddRange((t.Tags ?? []).Select(g => g is null ? "null tag" : $"{g.Key}={g.Value}"));
        }

        shown.AddRange((failures ?? []).Select(f => f is null ? "null failure" : $"{f.Arn}|{f.Reason}|{f.Detail}"));
        return shown;
    }
}
