using System;
using System.Linq;
using System.Management.Automation;
using EcsTools.Tests.Host;
using EcsTools.Tests.Infrastructure;
using Xunit;

namespace EcsTools.Tests.Commands;

/// <summary>A task's life against moto (tasks kept RUNNING until StopTask): start, wait for Running, stop, wait for Stopped.</summary>
[Collection(MotoCollection.Name)]
public sealed class WaitEcsTaskMotoTests(MotoFixture moto) : MotoTestClass(moto)
{
    [Fact]
    public async System.Threading.Tasks.Task Start_wait_for_Running_stop_and_wait_for_Stopped()
    {
        await Moto.Server.KeepTasksRunningAsync();
        using var session = PsSession.Create(Moto.Endpoint);
        var running = session.Run("Start-EcsTask web:1 -Cluster ec2 -LaunchType EC2 -Count 2 | Wait-EcsTask -Until Running -PollInterval 0.1").EnsureSuccess();
        Assert.Equal(2, running.Output.Count);
        Assert.All(running.Dynamic, t => Assert.Equal("RUNNING", (string)t.LastStatus));

        var stopped = session.Run("$args | Stop-EcsTask -Reason 'suite done' | Wait-EcsTask -PollInterval 0.1", running.Output.Cast<object>().ToArray()).EnsureSuccess();
        Assert.Equal(running.Dynamic.Select(t => (string)t.TaskArn).Order(), stopped.Dynamic.Select(t => (string)t.TaskArn).Order());
        Assert.All(stopped.Dynamic, t =>
        {
            Assert.Equal("STOPPED", (string)t.LastStatus);
            Assert.Equal("suite done", (string)t.StoppedReason);
        });
    }

    [Fact]
    public async System.Threading.Tasks.Task Start_Wait_until_Running_against_moto()
    {
        await Moto.Server.KeepTasksRunningAsync();
        using var session = PsSession.Create(Moto.Endpoint);
        var result = session.Run("Start-EcsTask web:2 -Cluster ec2 -LaunchType EC2 -WaitUntil Running -PollInterval 0.1").EnsureSuccess();
        dynamic task = Assert.Single(result.Output).BaseObject;
        Assert.Equal("RUNNING", task.LastStatus);
        session.Run("Stop-EcsTask $args[0]", (string)task.TaskArn).EnsureSuccess();
    }

    [Fact]
    public async System.Threading.Tasks.Task A_task_moto_does_not_return_is_reported_missing()
    {
        // moto drops unknown ids from DescribeTasks without a MISSING failure: the ids asked for and not returned are errors all the same.
        await Moto.Server.KeepTasksRunningAsync();
        using var session = PsSession.Create(Moto.Endpoint);
        var known = (string)((dynamic)session.Run("Start-EcsTask web:1 -Cluster ec2 -LaunchType EC2").EnsureSuccess().Output[0].BaseObject).TaskArn;
        var result = session.Run("Wait-EcsTask $args[0], 'ffffffff-0000-0000-0000-000000000000' -Cluster ec2 -Until Running -PollInterval 0.1", known);
        Assert.Equal(known, (string)Assert.Single(result.Dynamic).TaskArn);
        var error = Assert.Single(result.Errors);
        Assert.Equal("TaskNotFound,EcsTools.Commands.WaitEcsTaskCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);

        var get = session.Run("Get-EcsTask 'ffffffff-0000-0000-0000-000000000000' -Cluster ec2");
        Assert.Equal("TaskNotFound,EcsTools.Commands.GetEcsTaskCommand", Assert.Single(get.Errors).FullyQualifiedErrorId);
        session.Run("Stop-EcsTask $args[0]", known).EnsureSuccess();
    }
}
