using System.Linq;
using System.Threading.Tasks;
using EcsTools.Tests.Host;
using EcsTools.Tests.Infrastructure;
using Xunit;

namespace EcsTools.Tests.Commands;

/// <summary>Start-EcsTask against moto, the third-party ECS emulator, seeded by the suite.</summary>
[Collection(MotoCollection.Name)]
public sealed class StartEcsTaskMotoTests(MotoFixture moto) : MotoTestClass(moto)
{
    [Fact]
    public void LaunchType_EC2_starts_tasks_on_the_cluster()
    {
        using var session = PsSession.Create(Moto.Endpoint);
        var result = session.Run("Start-EcsTask web:1 -Cluster ec2 -LaunchType EC2 -Count 2 -StartedBy suite -Tag @{team='web'}").EnsureSuccess();
        var tasks = result.Output.Select(o => o.BaseObject).ToArray();
        Assert.Equal(2, tasks.Length);
        foreach (dynamic task in tasks)
        {
            Assert.Equal("EcsTools.EcsTask", ((object)task).GetType().FullName);
            Assert.Equal(Moto.Scene.Ec2ClusterArn, task.ClusterArn);
            Assert.Equal("ec2", task.ClusterName);
            Assert.Equal("web", task.Family);
            Assert.Equal(1, task.Revision);
            Assert.Equal("RUNNING", task.LastStatus);
            Assert.Equal("suite", task.StartedBy);
            Assert.Equal((string)task.TaskArn, task.ToString());
            Assert.EndsWith((string)task.TaskId, (string)task.TaskArn);
        }
    }

    [Fact]
    public async Task Tasks_that_ECS_neither_starts_nor_explains_are_an_error()
    {
        // moto places nothing and says nothing when no instance has the memory (moto/README.md, Placement); ECS would answer RESOURCE:MEMORY.
        await Moto.Ecs.CallAsync("RegisterTaskDefinition", new
        {
            family = "huge",
            containerDefinitions = new[] { new { name = "web", image = "nginx", memory = 1_000_000, essential = true } },
        });
        using var session = PsSession.Create(Moto.Endpoint);

        var result = session.Run("Start-EcsTask huge -Cluster ec2 -LaunchType EC2 -Count 2");

        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal("TasksNotAccountedFor,EcsTools.Commands.StartEcsTaskCommand", error.FullyQualifiedErrorId);
        Assert.Contains("asked for 2 task(s) of 'huge' on cluster 'ec2'; ECS started 0 and reported 0 failure(s)", error.Exception.Message, System.StringComparison.Ordinal);
        Assert.Contains("Get-EcsTask -Cluster ec2 -Family huge", error.ErrorDetails.RecommendedAction, System.StringComparison.Ordinal);
    }

    [Fact]
    public void ContainerInstance_set_calls_StartTask_on_the_instances()
    {
        using var session = PsSession.Create(Moto.Endpoint);
        var instances = Moto.Scene.ContainerInstanceArns.ToArray();
        var result = session.Run("Start-EcsTask -TaskDefinition web:2 -Cluster ec2 -ContainerInstance $args[0]", (object)instances).EnsureSuccess();
        var tasks = result.Output.Select(o => (dynamic)o.BaseObject).ToArray();
        Assert.Equal(3, tasks.Length);
        Assert.Equal(instances.Order(), tasks.Select(t => (string)t.ContainerInstanceArn).Order());
    }

    [Fact]
    public void CapacityProviderStrategy_set_calls_RunTask_with_the_strategy()
    {
        // moto 5.2.1 ignores capacityProviderStrategy and places the task on the cluster's EC2 container instances
        // (moto/README.md, RunTask and capacity provider strategies); real ECS would use the provider's capacity. The LocalEcs tests check the strategy on the wire.
        using var session = PsSession.Create(Moto.Endpoint);
        var result = session.Run("Start-EcsTask web:1 -Cluster ec2 -CapacityProviderStrategy @{CapacityProvider='ec2-provider'; Weight=2; Base=1}")
            .EnsureSuccess();
        dynamic task = Assert.Single(result.Output).BaseObject;
        Assert.Equal("ec2", task.ClusterName);
        Assert.Contains((string)task.ContainerInstanceArn, Moto.Scene.ContainerInstanceArns);
    }

    [Fact]
    public void Default_set_leaves_placement_to_the_cluster()
    {
        // Neither a launch type nor a strategy: ECS uses the cluster's default strategy, or EC2 when it has none (cluster ec2).
        // moto 5.2.1 places even a default-strategy FARGATE cluster's tasks on EC2 instances, so the ec2 cluster is used here.
        using var session = PsSession.Create(Moto.Endpoint);
        var result = session.Run("Start-EcsTask web:1 -Cluster ec2").EnsureSuccess();
        dynamic task = Assert.Single(result.Output).BaseObject;
        Assert.Contains((string)task.ContainerInstanceArn, Moto.Scene.ContainerInstanceArns);
    }

    [Fact]
    public void LaunchType_FARGATE_with_awsvpc_reports_the_private_ip()
    {
        using var session = PsSession.Create(Moto.Endpoint);
        var result = session.Run("Start-EcsTask fargate-web:1 -Cluster fargate -LaunchType FARGATE -Subnet $args[0] -SecurityGroup $args[1]",
            Moto.Scene.SubnetId, Moto.Scene.SecurityGroupId).EnsureSuccess();
        dynamic task = Assert.Single(result.Output).BaseObject;
        Assert.Equal("FARGATE", task.LaunchType);
        Assert.False(string.IsNullOrEmpty((string)task.PrivateIpAddress));
    }

    [Fact]
    public void Task_definitions_by_value_from_the_pipeline()
    {
        using var session = PsSession.Create(Moto.Endpoint);
        var result = session.Run("'web:1','web:2' | Start-EcsTask -Cluster ec2 -LaunchType EC2").EnsureSuccess();
        var revisions = result.Output.Select(o => (int)((dynamic)o.BaseObject).Revision).ToArray();
        Assert.Equal(new[] { 1, 2 }, revisions);
    }

    [Fact]
    public void Objects_with_ClusterArn_and_TaskDefinitionArn_bind_by_property_name()
    {
        using var session = PsSession.Create(Moto.Endpoint);
        var result = session.Run(
            "[pscustomobject]@{ ClusterArn = $args[0]; TaskDefinitionArn = $args[1] }, [pscustomobject]@{ ClusterArn = $args[0]; TaskDefinitionArn = $args[2] } | Start-EcsTask -LaunchType EC2",
            Moto.Scene.Ec2ClusterArn, Moto.Scene.Web1TaskDefinitionArn, Moto.Scene.Web2TaskDefinitionArn).EnsureSuccess();
        Assert.Equal(
            new[] { Moto.Scene.Web1TaskDefinitionArn, Moto.Scene.Web2TaskDefinitionArn },
            result.Output.Select(o => (string)((dynamic)o.BaseObject).TaskDefinitionArn));
    }

    [Fact]
    public void A_missing_cluster_fails_that_input_only()
    {
        using var session = PsSession.Create(Moto.Endpoint);
        var result = session.Run(
            "'ec2','nope','ec2' | ForEach-Object { [pscustomobject]@{ Cluster = $_; TaskDefinition = 'web:1' } } | Start-EcsTask -LaunchType EC2");
        Assert.Null(result.Terminating);
        Assert.Equal(2, result.Output.Count);
        var error = Assert.Single(result.Errors);
        Assert.Equal("ClusterNotFound,EcsTools.Commands.StartEcsTaskCommand", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("web:1", error.TargetObject);
        Assert.Contains("request id", error.ErrorDetails.Message);
        Assert.DoesNotContain("test-secret-key", error.ToString());
    }

    [Fact]
    public async Task Command_and_Environment_override_the_only_container()
    {
        using var session = PsSession.Create(Moto.Endpoint);
        var result = session.Run("Start-EcsTask web:1 -Cluster ec2 -LaunchType EC2 -Command echo,hi -Environment @{ MODE = 'batch' }").EnsureSuccess();
        dynamic task = Assert.Single(result.Output).BaseObject;
        var described = await Moto.Ecs.CallAsync("DescribeTasks", new { cluster = "ec2", tasks = new[] { (string)task.TaskArn } });
        var container = described["tasks"]![0]!["overrides"]!["containerOverrides"]![0]!;
        Assert.Equal("web", (string?)container["name"]);
        Assert.Equal(new[] { "echo", "hi" }, container["command"]!.AsArray().Select(c => (string)c!));
        Assert.Equal("batch", (string?)container["environment"]![0]!["value"]);
    }

    [Fact]
    public void Command_without_Container_on_a_multi_container_definition_names_the_containers()
    {
        using var session = PsSession.Create(Moto.Endpoint);
        var result = session.Run("Start-EcsTask multi:1 -Cluster ec2 -LaunchType EC2 -Command echo");
        var error = Assert.Single(result.Errors);
        Assert.Equal("ContainerNameRequired,EcsTools.Commands.StartEcsTaskCommand", error.FullyQualifiedErrorId);
        Assert.Contains("app, sidecar", error.Exception.Message);
        Assert.Empty(result.Output);
    }
}
