using System;
using System.Collections;
using System.Threading.Tasks;
using EcsTools.LocalEcs;
using EcsTools.Tests.Host;

namespace EcsTools.Tests.Scenarios;

/// <summary>
/// The scenarios against LocalEcs with the demo scene (a fresh server for each, with a 50 ms lifecycle step). LocalEcs
/// is the side that matches ECS wherever the two targets differ: it was written from ECS's documented behaviour, and
/// moto's departures are listed in tests/EcsTools.Tests/moto/README.md.
/// </summary>
public sealed class LocalEcsScenarios : EcsScenarios
{
    private static readonly Hashtable s_network = new()
    {
        ["Subnet"] = LocalEcsScenes.DemoSubnet,
        ["SecurityGroup"] = LocalEcsScenes.DemoSecurityGroup,
    };

    private LocalEcsServer? _server;

    protected override ScenarioTarget Target { get; } = new()
    {
        Name = "LocalEcs",
        Cluster = LocalEcsScenes.DemoCluster,
        Ec2TaskDefinition = "web",
        StrategyCluster = LocalEcsScenes.DemoCluster,
        StrategyTaskDefinition = "fargate-web",
        Strategy = new Hashtable { ["CapacityProvider"] = "FARGATE_SPOT", ["Weight"] = 1 },
        StrategyNetwork = s_network,
        // As ECS: a task placed by a Fargate capacity provider reports the provider and the FARGATE launch type.
        StrategyOutcome = ("FARGATE", "FARGATE_SPOT", null),
        // The demo cluster's default strategy is FARGATE base 1, FARGATE_SPOT weight 3: the first task goes to FARGATE.
        DefaultCluster = LocalEcsScenes.DemoCluster,
        DefaultTaskDefinition = "fargate-web",
        DefaultNetwork = s_network,
        DefaultOutcome = ("FARGATE", "FARGATE"),
        Service = LocalEcsScenes.DemoService,
        BlueTaskDefinition = "fargate-web",
        GreenTaskDefinition = "fargate-web",
        TaskSetPlacement = new Hashtable
        {
            ["LaunchType"] = "FARGATE",
            ["Subnet"] = LocalEcsScenes.DemoSubnet,
            ["SecurityGroup"] = LocalEcsScenes.DemoSecurityGroup,
        },
        ReportsTaskSetCounts = true,
        RemovedTaskSetStatus = "DRAINING",
        RemoveInMissingClusterErrorId = "ClusterNotFound,EcsTools.Commands.RemoveEcsTaskSetCommand",
    };

    protected override async Task<PsSession> StartAsync()
    {
        _server = await LocalEcsServer.StartAsync(new LocalEcsOptions
        {
            Scene = LocalEcsScenes.Demo,
            StepInterval = TimeSpan.FromMilliseconds(50),
        });
        return PsSession.Create(_server.Endpoint);
    }

    protected override async Task StopAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    // Each scenario has a server of its own, seeded with the scene.
    protected override Task ResetAsync() => Task.CompletedTask;
}
