using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using EcsTools.Engine.Model;
using Xunit;

namespace EcsTools.Engine.Tests.Model;

public sealed class WireShapeRoundTripTests
{
    // What ECS answers to RunTask (awsJson1_1), plus things the model does not know yet: a launch type value
    // ("QUANTUM") and members ("futureMember", "anotherNewThing") that a newer ECS may send.
    private const string RunTaskResponseJson = """
        {
          "tasks": [
            {
              "attachments": [
                {
                  "id": "a1b2c3d4-5678-90ab-cdef-11111EXAMPLE",
                  "type": "ElasticNetworkInterface",
                  "status": "PRECREATED",
                  "details": [
                    { "name": "subnetId", "value": "subnet-0123456789abcdef0" },
                    { "name": "networkInterfaceId", "value": "eni-0fa40520aeEXAMPLE" },
                    { "name": "privateIPv4Address", "value": "10.0.1.23" }
                  ]
                }
              ],
              "attributes": [ { "name": "ecs.cpu-architecture", "value": "x86_64" } ],
              "availabilityZone": "us-east-1b",
              "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/default",
              "containers": [
                {
                  "containerArn": "arn:aws:ecs:us-east-1:123456789012:container/default/abc/def",
                  "taskArn": "arn:aws:ecs:us-east-1:123456789012:task/default/1234567890abcdef0",
                  "name": "web",
                  "image": "public.ecr.aws/nginx/nginx:latest",
                  "lastStatus": "PENDING",
                  "exitCode": null,
                  "networkInterfaces": [ { "attachmentId": "a1b2c3d4-5678-90ab-cdef-11111EXAMPLE", "privateIpv4Address": "10.0.1.23" } ],
                  "cpu": "256",
                  "memory": "512",
                  "gpuIds": [],
                  "futureMember": { "a": 1 }
                }
              ],
              "cpu": "256",
              "createdAt": 1795499455.102,
              "desiredStatus": "RUNNING",
              "enableExecuteCommand": false,
              "group": "family:web",
              "lastStatus": "PROVISIONING",
              "launchType": "QUANTUM",
              "memory": "512",
              "overrides": {
                "containerOverrides": [
                  {
                    "name": "web",
                    "command": [ "nginx", "-g", "daemon off;" ],
                    "environment": [ { "name": "STAGE", "value": "prod" } ],
                    "memoryReservation": 128
                  }
                ],
                "inferenceAcceleratorOverrides": []
              },
              "platformVersion": "1.4.0",
              "platformFamily": "Linux",
              "startedAt": 1795499460,
              "stoppedAt": null,
              "tags": [ { "key": "team", "value": "platform" } ],
              "taskArn": "arn:aws:ecs:us-east-1:123456789012:task/default/1234567890abcdef0",
              "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:7",
              "version": 3,
              "ephemeralStorage": { "sizeInGiB": 20 },
              "futureMember": { "a": 1 },
              "anotherNewThing": [ 1, "two", { "three": 3 } ]
            }
          ],
          "failures": [
            { "arn": "arn:aws:ecs:us-east-1:123456789012:container-instance/abc", "reason": "RESOURCE:MEMORY", "detail": "more memory needed" }
          ],
          "futureMember": { "a": 1 }
        }
        """;

    [Fact]
    public void RunTaskResponse_Deserializes_WithUnknownMembersAndEnumValues()
    {
        RunTaskResponse? response = JsonSerializer.Deserialize(RunTaskResponseJson, EcsJsonContext.Default.RunTaskResponse);

        Assert.NotNull(response);
        TaskData task = Assert.Single(response.Tasks!);
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:task/default/1234567890abcdef0", task.TaskArn);
        Assert.Equal("QUANTUM", task.LaunchType);
        Assert.Equal("PROVISIONING", task.LastStatus);
        Assert.Equal("256", task.Cpu);
        Assert.False(task.EnableExecuteCommand);
        Assert.Equal(3L, task.Version);
        Assert.Equal(20, task.EphemeralStorage?.SizeInGiB);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_795_499_455_102), task.CreatedAt);
        Assert.Equal(102, task.CreatedAt!.Value.Millisecond);
        Assert.Equal(TimeSpan.Zero, task.CreatedAt.Value.Offset);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_795_499_460), task.StartedAt);
        Assert.Null(task.StoppedAt);
        Assert.Null(task.ExecutionStoppedAt);

        Attachment attachment = Assert.Single(task.Attachments!);
        Assert.Equal("ElasticNetworkInterface", attachment.Type);
        Assert.Equal(3, attachment.Details!.Count);
        Assert.Equal("eni-0fa40520aeEXAMPLE", attachment.Details.Single(d => d.Name == "networkInterfaceId").Value);

        AttributeData attribute = Assert.Single(task.Attributes!);
        Assert.Equal("ecs.cpu-architecture", attribute.Name);

        Container container = Assert.Single(task.Containers!);
        Assert.Equal("web", container.Name);
        Assert.Null(container.ExitCode);
        Assert.NotNull(container.GpuIds);
        Assert.Empty(container.GpuIds);
        Assert.Equal("10.0.1.23", Assert.Single(container.NetworkInterfaces!).PrivateIpv4Address);

        ContainerOverride containerOverride = Assert.Single(task.Overrides!.ContainerOverrides!);
        Assert.Equal(["nginx", "-g", "daemon off;"], containerOverride.Command!);
        Assert.Equal(128, containerOverride.MemoryReservation);
        KeyValuePairData variable = Assert.Single(containerOverride.Environment!);
        Assert.Equal(("STAGE", "prod"), (variable.Name, variable.Value));

        Assert.Equal("platform", Assert.Single(task.Tags!).Value);
        Failure failure = Assert.Single(response.Failures!);
        Assert.Equal("RESOURCE:MEMORY", failure.Reason);
    }

    [Fact]
    public void RunTaskResponse_SerializesBack_WithEpochSecondsAndWithoutNulls()
    {
        RunTaskResponse response = JsonSerializer.Deserialize(RunTaskResponseJson, EcsJsonContext.Default.RunTaskResponse)!;

        string json = JsonSerializer.Serialize(response, EcsJsonContext.Default.RunTaskResponse);

        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement task = document.RootElement.GetProperty("tasks")[0];
        Assert.Equal(JsonValueKind.Number, task.GetProperty("createdAt").ValueKind);
        Assert.Equal("1795499455.102", task.GetProperty("createdAt").GetRawText());
        Assert.Equal("1795499460", task.GetProperty("startedAt").GetRawText());
        Assert.Equal("QUANTUM", task.GetProperty("launchType").GetString());
        Assert.False(task.TryGetProperty("stoppedAt", out _));
        Assert.False(task.TryGetProperty("futureMember", out _));
        Assert.False(task.GetProperty("containers")[0].TryGetProperty("exitCode", out _));
        AssertNoNulls(document.RootElement);

        RunTaskResponse again = JsonSerializer.Deserialize(json, EcsJsonContext.Default.RunTaskResponse)!;
        Assert.Equal(response.Tasks![0].CreatedAt, again.Tasks![0].CreatedAt);
        Assert.Equal(json, JsonSerializer.Serialize(again, EcsJsonContext.Default.RunTaskResponse));
    }

    [Fact]
    public void RunTaskRequest_Serializes_WireNamesExactly_AndOmitsNulls()
    {
        var request = new RunTaskRequest
        {
            Cluster = "default",
            TaskDefinition = "web:7",
            Count = 2,
            EnableECSManagedTags = true,
            LaunchType = "FARGATE",
            NetworkConfiguration = new NetworkConfiguration
            {
                AwsvpcConfiguration = new AwsVpcConfiguration
                {
                    Subnets = ["subnet-0123456789abcdef0"],
                    AssignPublicIp = "DISABLED",
                },
            },
            Overrides = new TaskOverride
            {
                ContainerOverrides =
                [
                    new ContainerOverride
                    {
                        Name = "web",
                        Environment = [new KeyValuePairData { Name = "STAGE", Value = "prod" }],
                    },
                ],
            },
            Tags = [new Tag { Key = "team", Value = "platform" }],
        };

        string json = JsonSerializer.Serialize(request, EcsJsonContext.Default.RunTaskRequest);

        // Members in model order, camelCase wire names exactly as in the model (enableECSManagedTags, awsvpcConfiguration).
        string expected = string.Concat(
            """{"cluster":"default","count":2,"enableECSManagedTags":true,"launchType":"FARGATE",""",
            """ "networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-0123456789abcdef0"],"assignPublicIp":"DISABLED"}},""",
            """ "overrides":{"containerOverrides":[{"name":"web","environment":[{"name":"STAGE","value":"prod"}]}]},""",
            """ "tags":[{"key":"team","value":"platform"}],"taskDefinition":"web:7"}""").Replace(" ", "", StringComparison.Ordinal);
        Assert.Equal(expected, json);
    }

    [Fact]
    public void EmptyRequest_SerializesToAnEmptyObject()
    {
        Assert.Equal("{}", JsonSerializer.Serialize(new ListClustersRequest(), EcsJsonContext.Default.ListClustersRequest));
        Assert.Equal(
            """{"maxResults":10}""",
            JsonSerializer.Serialize(new ListClustersRequest { MaxResults = 10 }, EcsJsonContext.Default.ListClustersRequest));
    }

    [Fact]
    public void MapMembers_RoundTrip()
    {
        const string json = """{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/web","awslogs-region":"us-east-1"}}""";

        LogConfiguration log = JsonSerializer.Deserialize(json, EcsJsonContext.Default.LogConfiguration)!;

        Assert.Equal("/ecs/web", log.Options!["awslogs-group"]);
        Assert.Equal(json, JsonSerializer.Serialize(log, EcsJsonContext.Default.LogConfiguration));
    }

    [Fact]
    public void MapMembers_OfATaskDefinition_Deserialize()
    {
        const string json = """{"taskDefinition":{"family":"batch","containerDefinitions":[{"name":"job","dockerLabels":{"team":"data","localecs.runFor":"3s"}}]}}""";

        DescribeTaskDefinitionResponse response = JsonSerializer.Deserialize(json, EcsJsonContext.Default.DescribeTaskDefinitionResponse)!;

        Assert.Equal("3s", response.TaskDefinition!.ContainerDefinitions![0].DockerLabels!["localecs.runFor"]);
    }

    private static void AssertNoNulls(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                Assert.Fail("serialized JSON contains a null");
                break;
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    AssertNoNulls(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in element.EnumerateArray())
                {
                    AssertNoNulls(item);
                }

                break;
        }
    }
}
