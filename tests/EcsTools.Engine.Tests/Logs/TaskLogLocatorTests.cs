using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EcsTools.Engine.Logs;
using EcsTools.Engine.Tasks;
using EcsTools.LocalEcs;
using Xunit;

namespace EcsTools.Engine.Tests.Logs;

/// <summary>Where a container's log is: the awslogs options of its task definition, read once per task definition.</summary>
public sealed class TaskLogLocatorTests
{
    private const string Task = "arn:aws:ecs:us-east-1:123456789012:task/demo/0123456789abcdef0123456789abcdef";

    [Fact]
    public void An_awslogs_container_with_a_prefix_logs_to_prefix_container_task_id()
    {
        var location = TaskLogLocator.Locate(Task, "0123456789abcdef0123456789abcdef", "app", "awslogs",
            new Dictionary<string, string> { ["awslogs-group"] = "/ecs/demo", ["awslogs-stream-prefix"] = "batch", ["awslogs-region"] = "eu-west-1" }, "us-east-1");
        Assert.Null(location.Problem);
        Assert.Equal(new TaskLogSource(Task, "0123456789abcdef0123456789abcdef", "app", "eu-west-1", "/ecs/demo", "batch/app/0123456789abcdef0123456789abcdef"), location.Source);
    }

    [Fact]
    public void Without_awslogs_region_the_connection_region_is_used()
    {
        var location = TaskLogLocator.Locate(Task, "t", "app", "awslogs",
            new Dictionary<string, string> { ["awslogs-group"] = "g", ["awslogs-stream-prefix"] = "p" }, "ap-south-1");
        Assert.Equal("ap-south-1", location.Source!.Region);
    }

    [Theory]
    [InlineData("splunk", "g", "p", "'splunk' driver")]
    [InlineData(null, null, null, "no log configuration")]
    [InlineData("awslogs", "g", null, "no awslogs-stream-prefix")]
    [InlineData("awslogs", null, "p", "no awslogs-group")]
    public void A_container_whose_log_cannot_be_read_says_why(string? driver, string? group, string? prefix, string reason)
    {
        var options = new Dictionary<string, string>();
        if (group is not null)
        {
            options["awslogs-group"] = group;
        }

        if (prefix is not null)
        {
            options["awslogs-stream-prefix"] = prefix;
        }

        var location = TaskLogLocator.Locate(Task, "t", "app", driver, options, "us-east-1");
        Assert.Null(location.Source);
        Assert.Contains(reason, location.Problem);
        Assert.Contains("'app'", location.Problem);
    }

    [Fact]
    public async Task The_task_definition_is_described_once_for_many_tasks()
    {
        await using var scene = await LogScene.StartAsync();
        var definition = scene.Register("two",
            LogScene.Container("app", TimeSpan.FromSeconds(1)),
            new LocalEcsContainer { Name = "sidecar", Memory = 64, Essential = false, LogDriver = "fluentd" });
        var tasks = scene.Run("two", 3);
        var locator = new TaskLogLocator(scene.Connection);
        foreach (var task in tasks)
        {
            var locations = await locator.LocateAsync(task, definition);
            Assert.Equal(["app", "sidecar"], locations.Select(l => l.Container));
            Assert.Equal($"app/app/{TaskIds.IdOf(task)}", locations[0].Source!.Stream);
            Assert.Contains("'fluentd' driver", locations[1].Problem);
        }

        Assert.Single(scene.Server.Requests, r => r.Operation == "DescribeTaskDefinition");
    }

    [Fact]
    public async Task A_revision_is_described_once_per_connection_and_a_family_each_time()
    {
        await using var scene = await LogScene.StartAsync();
        var definition = scene.Register("two", LogScene.Container("app", TimeSpan.FromSeconds(1)), new LocalEcsContainer { Name = "sidecar", Memory = 64, Essential = false });
        int Described() => scene.Server.Requests.Count(r => r.Operation == "DescribeTaskDefinition");

        // The family's latest revision can change: described each time, and kept under the revision's ARN.
        Assert.Equal(["app", "sidecar"], (await scene.Connection.ContainerDefinitionsAsync("two")).Select(c => c.Name));
        await scene.Connection.ContainerDefinitionsAsync("two");
        Assert.Equal(2, Described());

        // The revision: the launch, the wait and the log locator of a command (and the next commands) share one answer.
        Assert.Equal(["app"], await scene.Connection.EssentialContainersAsync(definition));
        var task = scene.Run("two").Single();
        Assert.Equal(2, (await new TaskLogLocator(scene.Connection).LocateAsync(task, definition)).Count);
        Assert.Equal(2, Described());
    }
}
