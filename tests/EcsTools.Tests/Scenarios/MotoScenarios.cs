using System.Collections;
using System.Threading.Tasks;
using EcsTools.Tests.Host;
using EcsTools.Tests.Infrastructure;
using Xunit;

namespace EcsTools.Tests.Scenarios;

/// <summary>
/// The scenarios against moto 5.2.1 with the scene of seed.py (clusters ec2 and fargate, task definitions web:1,
/// web:2 and fargate-web:1, the EXTERNAL service checkout in ec2), tasks kept RUNNING until StopTask. Where moto
/// departs from ECS, the target says how; LocalEcs is the side that matches ECS there (see tests/EcsTools.Tests/moto/README.md).
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class MotoScenarios(MotoFixture moto) : EcsScenarios
{
    protected override ScenarioTarget Target { get; } = new()
    {
        Name = "moto",
        Cluster = "ec2",
        Ec2TaskDefinition = "web:1",
        StrategyCluster = "fargate",
        StrategyTaskDefinition = "fargate-web:1",
        Strategy = new Hashtable { ["CapacityProvider"] = "FARGATE_SPOT", ["Weight"] = 1 },
        StrategyNetwork = new Hashtable { ["Subnet"] = moto.Scene.SubnetId, ["SecurityGroup"] = moto.Scene.SecurityGroupId },
        // moto 5.2.1's RunTask does not understand capacityProviderStrategy: it looks for EC2 container instances,
        // finds none in the fargate cluster, and answers HTTP 500. ECS runs the task on FARGATE_SPOT, as LocalEcs does.
        // A 500 on every attempt leaves open whether RunTask started anything: OutcomeUnknown (issue 11).
        StrategyOutcome = (null, null, "OutcomeUnknown,EcsTools.Commands.StartEcsTaskCommand"),
        // moto answers the fargate cluster's default strategy with the same 500, so the default here is that of the
        // ec2 cluster, which has none: ECS then uses the EC2 launch type and says so (launchType EC2), moto places the
        // task on a container instance but leaves launchType empty.
        DefaultCluster = "ec2",
        DefaultTaskDefinition = "web:1",
        DefaultNetwork = [],
        DefaultOutcome = (null, null),
        Service = "checkout",
        BlueTaskDefinition = "web:1",
        GreenTaskDefinition = "web:2",
        TaskSetPlacement = new Hashtable { ["LaunchType"] = "EC2" },
        // moto reports no counts on task sets and calls every one STEADY_STATE at once; ECS counts the tasks.
        ReportsTaskSetCounts = false,
        // moto deletes the set at once and returns it with its old status; ECS returns it DRAINING while it stops its tasks.
        RemovedTaskSetStatus = "ACTIVE",
        // moto's DeleteTaskSet does not check the cluster and fails on the missing service with HTTP 500 (KeyError);
        // ECS answers ClusterNotFoundException, as LocalEcs does.
        // After that 500 the DescribeTaskSets that should tell whether the set was deleted fails too: OutcomeUnknown.
        RemoveInMissingClusterErrorId = "OutcomeUnknown,EcsTools.Commands.RemoveEcsTaskSetCommand",
    };

    protected override async Task<PsSession> StartAsync()
    {
        await moto.Server.KeepTasksRunningAsync();
        return PsSession.Create(moto.Endpoint);
    }

    // A fresh scene for each scenario that starts tasks: moto places EC2 tasks until the instances are full and then
    // silently starts fewer, and a task set created at scale 0 fills them (96 tasks in this scene) where ECS starts none.
    protected override async Task ResetAsync() => await moto.ResetSceneAsync();
}
