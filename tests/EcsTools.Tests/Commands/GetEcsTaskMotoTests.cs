using System;
using System.Linq;
using EcsTools.Tests.Host;
using EcsTools.Tests.Infrastructure;
using Xunit;

namespace EcsTools.Tests.Commands;

/// <summary>
/// Get-EcsTask by listing against moto, with each filter moto honours (family, startedBy, containerInstance,
/// desiredStatus; it ignores serviceName and launchType). Other tests share the moto scene, so each test tags its own
/// tasks with a startedBy of its own and checks that the filters keep them and only matching tasks.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class GetEcsTaskMotoTests(MotoFixture moto) : MotoTestClass(moto)
{
    [Fact]
    public async System.Threading.Tasks.Task Each_filter_moto_honours()
    {
        await Moto.Server.KeepTasksRunningAsync();
        using var session = PsSession.Create(Moto.Endpoint);
        var tag = "get-" + Guid.NewGuid().ToString("N")[..8];
        var instance = Moto.Scene.ContainerInstanceArns[1];
        var web = session.Run($"Start-EcsTask web:1 -Cluster ec2 -LaunchType EC2 -Count 2 -StartedBy {tag}").EnsureSuccess().Dynamic.Select(t => (string)t.TaskArn).ToArray();
        var multi = (string)Assert.Single(session.Run($"Start-EcsTask multi:1 -Cluster ec2 -ContainerInstance $args[0] -StartedBy {tag}", instance).EnsureSuccess().Dynamic).TaskArn;
        var stopped = (string)Assert.Single(session.Run("Stop-EcsTask $args[0]", web[1]).EnsureSuccess().Dynamic).TaskArn;

        var byStartedBy = session.Run($"Get-EcsTask -Cluster ec2 -StartedBy {tag}").EnsureSuccess().Dynamic.ToArray();
        Assert.Equal(new[] { web[0], web[1], multi }.Order(), byStartedBy.Select(t => (string)t.TaskArn).Order());

        var byFamily = session.Run("Get-EcsTask -Cluster ec2 -Family multi").EnsureSuccess().Dynamic.ToArray();
        Assert.Contains(multi, byFamily.Select(t => (string)t.TaskArn));
        Assert.All(byFamily, t => Assert.Equal("multi", (string)t.Family));

        var byInstance = session.Run("Get-EcsTask -Cluster ec2 -ContainerInstance $args[0]", instance).EnsureSuccess().Dynamic.ToArray();
        Assert.Contains(multi, byInstance.Select(t => (string)t.TaskArn));
        Assert.All(byInstance, t => Assert.Equal(instance, (string)t.ContainerInstanceArn));

        var running = session.Run("Get-EcsTask -Cluster ec2").EnsureSuccess().Dynamic.ToArray();
        Assert.Contains(web[0], running.Select(t => (string)t.TaskArn));
        Assert.DoesNotContain(stopped, running.Select(t => (string)t.TaskArn));
        Assert.All(running, t => Assert.Equal("RUNNING", (string)t.DesiredStatus));

        var byStopped = session.Run("Get-EcsTask -Cluster ec2 -DesiredStatus STOPPED").EnsureSuccess().Dynamic.ToArray();
        Assert.Contains(stopped, byStopped.Select(t => (string)t.TaskArn));
        Assert.All(byStopped, t => Assert.Equal("STOPPED", (string)t.DesiredStatus));

        session.Run("$args | Stop-EcsTask", web[0], multi).EnsureSuccess();
    }
}
