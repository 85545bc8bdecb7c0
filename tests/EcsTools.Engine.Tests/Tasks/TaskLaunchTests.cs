using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EcsTools.Engine.Model;
using EcsTools.Engine.Tasks;
using EcsTools.Engine.Tests.Client;
using EcsTools.LocalEcs;
using Xunit;

namespace EcsTools.Engine.Tests.Tasks;

/// <summary>Launching, stopping and listing tasks through the engine's records, against LocalEcs in-process.</summary>
public sealed class TaskLaunchTests
{
    [Fact]
    public async Task RunTask_starts_25_tasks_in_calls_of_10_10_and_5_with_the_derived_tokens_and_streams_each_call()
    {
        await using var kit = await FaultKit.StartAsync();
        var launcher = TaskLauncher.Create(new TaskLaunchRequest { LaunchType = "ec2", Count = 25, ClientToken = "runbook-7", StartedBy = "tests" });
        var launch = await launcher.PrepareRunAsync(kit.Connection, "web", FaultKit.Cluster, inputIndex: 1);
        Assert.Equal((TaskLaunch.RunTask, 3, 25), (launch.Operation, launch.Calls, launch.TaskCount));

        var batches = new List<TaskLaunchBatch>();
        await foreach (var batch in launch.SendAsync(kit.Connection))
        {
            // Each call's answer arrives before the next call is sent.
            Assert.Equal(batch.Call, kit.Server.RequestsFor("RunTask").Count);
            batches.Add(batch);
        }

        Assert.Equal([10, 10, 5], batches.Select(b => b.Tasks.Count));
        Assert.All(batches, b => Assert.Equal((0, 0, (EcsServiceException?)null), (b.Failures.Count, b.Unaccounted, b.Error)));
        var sent = kit.Server.RequestsFor("RunTask").Select(r => r.Json!).ToList();
        Assert.Equal([10, 10, 5], sent.Select(r => (int)r["count"]!));
        Assert.Equal(["runbook-7-p2-1", "runbook-7-p2-2", "runbook-7-p2-3"], sent.Select(r => (string)r["clientToken"]!));
        Assert.All(sent, r => Assert.Equal(("EC2", "tests"), ((string)r["launchType"]!, (string)r["startedBy"]!)));
        Assert.Equal(25, batches.SelectMany(b => b.Tasks).Select(t => t.TaskArn).Distinct().Count());
    }

    [Fact]
    public async Task A_call_that_fails_ends_the_launch_and_the_calls_after_it_are_not_sent()
    {
        await using var kit = await FaultKit.StartAsync();
        var launcher = TaskLauncher.Create(new TaskLaunchRequest { LaunchType = "EC2", Count = 30 });
        var launch = await launcher.PrepareRunAsync(kit.Connection, "web", FaultKit.Cluster, 0);
        var batches = new List<TaskLaunchBatch>();
        await foreach (var batch in launch.SendAsync(kit.Connection))
        {
            batches.Add(batch);
            kit.Server.Faults.Add(LocalEcsFaultSpec.Parse("RunTask:error=AccessDeniedException"));
        }

        Assert.Equal(2, batches.Count);
        Assert.Equal(10, batches[0].Tasks.Count);
        Assert.Equal(EcsErrorKind.AccessDenied, batches[1].Error!.Kind);
        Assert.Equal((0, 0), (batches[1].Tasks.Count, batches[1].Unaccounted));
        Assert.Equal(2, kit.Server.RequestsFor("RunTask").Count);
    }

    [Fact]
    public async Task StartTask_takes_at_most_10_container_instances_a_call_and_a_retry_never_starts_a_task_twice()
    {
        await using var kit = await FaultKit.StartAsync();
        var instances = kit.Instances();
        var launcher = TaskLauncher.Create(new TaskLaunchRequest { Tags = [new ResourceTag("team", "web")] });

        var many = await launcher.PrepareStartAsync(kit.Connection, "web", FaultKit.Cluster, Enumerable.Range(0, 23).Select(i => instances[i % 3]).ToList());
        Assert.Equal((TaskLaunch.StartTask, 3, 23), (many.Operation, many.Calls, many.TaskCount));
        Assert.Equal([10, 10, 3], many.Requests.Select(r => ((StartTaskRequest)r).ContainerInstances!.Count));

        // An answer lost after ECS started the tasks: StartTask is not resent; the tasks are found by their marker.
        var before = kit.RunningTasks().Length;
        kit.Server.Faults.Add(LocalEcsFaultSpec.Parse("StartTask:server:after"));
        var launch = await launcher.PrepareStartAsync(kit.Connection, "web", FaultKit.Cluster, instances[..2]);
        var batch = Assert.Single(await Collect(launch.SendAsync(kit.Connection)));
        Assert.Equal((2, 0), (batch.Tasks.Count, batch.Unaccounted));
        Assert.Contains(batch.Tasks[0].Tags, t => t == new ResourceTag("team", "web"));
        Assert.Equal(before + 2, kit.RunningTasks().Length);
        Assert.Single(kit.Server.RequestsFor("StartTask"));
    }

    [Fact]
    public async Task Command_and_Environment_go_to_the_only_container_or_need_a_container_name()
    {
        await using var kit = await FaultKit.StartAsync();
        var launcher = TaskLauncher.Create(new TaskLaunchRequest
        {
            LaunchType = "EC2",
            Overrides = new TaskOverrideRequest { Command = ["echo", "hi"], Environment = [new("LOG", "debug")] },
        });

        // 'web' has two containers: refused, with the names, before anything is started.
        var refused = await Assert.ThrowsAsync<EcsInputException>(() => launcher.PrepareRunAsync(kit.Connection, "web", FaultKit.Cluster, 0));
        Assert.Equal(("ContainerNameRequired", (object?)"web"), (refused.ErrorId, refused.Target));
        Assert.Contains("web, log-router", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<EcsInputException>(() => launcher.PrepareRunAsync(kit.Connection, "web", FaultKit.Cluster, 1));
        Assert.Single(kit.Server.RequestsFor("DescribeTaskDefinition"));
        Assert.Empty(kit.Server.RequestsFor("RunTask"));

        // 'batch' has one ('job'): the override names it.
        var launch = await launcher.PrepareRunAsync(kit.Connection, "batch", FaultKit.Cluster, 0);
        await Collect(launch.SendAsync(kit.Connection));
        var container = kit.Server.RequestsFor("RunTask").Single().Json!["overrides"]!["containerOverrides"]![0]!;
        Assert.Equal("""{"name":"job","command":["echo","hi"],"environment":[{"name":"LOG","value":"debug"}]}""", container.ToJsonString());
    }

    [Fact]
    public async Task StopTask_after_an_ambiguous_failure_looks_before_it_sends_again()
    {
        await using var kit = await FaultKit.StartAsync();
        var task = kit.RunOne();
        kit.Server.Faults.Add(LocalEcsFaultSpec.Parse("StopTask:server:after"));
        var stopped = await kit.Connection.StopTaskAsync(new TaskStopRequest(task, FaultKit.Cluster, "done"));
        Assert.Equal((task, "STOPPED"), (stopped!.TaskArn, stopped.DesiredStatus));
        Assert.Single(kit.Server.RequestsFor("StopTask"));
    }

    [Fact]
    public async Task StopTask_is_not_sent_again_when_the_look_cannot_tell_and_the_outcome_is_unknown()
    {
        await using var kit = await FaultKit.StartAsync();
        var task = kit.RunOne();
        kit.Server.Faults.Add(LocalEcsFaultSpec.Parse("StopTask:server:after"));
        kit.Server.Faults.Add(LocalEcsFaultSpec.Parse("DescribeTasks:server:x10"));
        var unknown = await Assert.ThrowsAsync<EcsServiceException>(() => kit.Connection.StopTaskAsync(new TaskStopRequest(task, FaultKit.Cluster)));
        Assert.Equal(EcsErrorKind.OutcomeUnknown, unknown.Kind);
        Assert.Contains($"Get-EcsTask -Cluster '{FaultKit.Cluster}' -Task '{task}'", unknown.Check, StringComparison.Ordinal);
        Assert.Single(kit.Server.RequestsFor("StopTask"));
    }

    [Fact]
    public async Task A_listing_is_streamed_page_by_page_with_each_page_described()
    {
        await using var kit = await FaultKit.StartAsync(scene: scene =>
        {
            LocalEcsScenes.Demo(scene);
            for (var i = 0; i < 60; i++)
            {
                scene.RegisterContainerInstance(FaultKit.Cluster);
            }
        });
        for (var i = 0; i < 15; i++)
        {
            kit.Server.Invoke("RunTask", $$"""{"cluster":"{{FaultKit.Cluster}}","taskDefinition":"web","launchType":"EC2","count":10}""");
        }

        kit.Server.ClearRequests();
        var pages = await Collect(kit.Connection.ListTasksAsync(new TaskQuery { Cluster = FaultKit.Cluster, Family = "web" }));
        Assert.Equal([(1, 100), (2, 50)], pages.Select(p => (p.Page, p.Listed)));
        Assert.Equal([100, 50], pages.Select(p => p.Described.Tasks.Count));
        Assert.Equal(150, pages.SelectMany(p => p.Described.Tasks).Select(t => t.TaskArn).Distinct().Count());
        Assert.All(kit.Server.RequestsFor("ListTasks"), r => Assert.Equal(("RUNNING", "web"), ((string)r.Json!["desiredStatus"]!, (string)r.Json!["family"]!)));

        // startedBy is taken only on its own: no desired status is added.
        kit.Server.ClearRequests();
        await Collect(kit.Connection.ListTasksAsync(new TaskQuery { Cluster = FaultKit.Cluster, StartedBy = "nobody" }));
        Assert.Null(kit.Server.RequestsFor("ListTasks").Single().Json!["desiredStatus"]);
    }

    private static async Task<List<T>> Collect<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
