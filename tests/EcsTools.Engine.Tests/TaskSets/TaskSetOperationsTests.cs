using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EcsTools.Engine.Tasks;
using EcsTools.Engine.Tests.Client;
using EcsTools.Engine.TaskSets;
using EcsTools.LocalEcs;
using Xunit;

namespace EcsTools.Engine.Tests.TaskSets;

/// <summary>The task set operations in ECS terms, against LocalEcs: what reaches the wire, and retries that never create twice.</summary>
public sealed class TaskSetOperationsTests
{
    private static TaskSetCreation Creation(string? token = null, int inputIndex = 0) => new()
    {
        Cluster = FaultKit.Cluster,
        Service = FaultKit.Service,
        TaskDefinition = "fargate-web",
        LaunchType = "FARGATE",
        Scale = 25,
        ExternalId = "deploy-42",
        Network = new AwsVpcNetwork(["subnet-0123456789abcdef0"], null, false),
        Tags = [new ResourceTag("team", "web"), new ResourceTag("env", "prod")],
        ClientToken = TaskSetRules.ClientTokenFor(token, inputIndex),
    };

    [Fact]
    public async Task Create_sends_the_request_in_ECS_terms_and_returns_the_task_set()
    {
        await using var kit = await FaultKit.StartAsync();
        var created = await kit.Connection.CreateTaskSetAsync(Creation("deploy-42", 1));

        Assert.NotNull(created);
        Assert.Equal("deploy-42", created.ExternalId);
        Assert.Equal(25, created.Scale);
        Assert.StartsWith("ecs-svc/", created.Id, StringComparison.Ordinal);
        var sent = Assert.Single(kit.Server.RequestsFor("CreateTaskSet")).Json!.AsObject();
        Assert.Equal("deploy-42-p2", (string?)sent["clientToken"]);
        Assert.Equal("PERCENT", (string?)sent["scale"]!["unit"]);
        Assert.Equal(25, (double)sent["scale"]!["value"]!);
        Assert.Equal("FARGATE", (string?)sent["launchType"]);
        Assert.Equal("""[{"key":"team","value":"web"},{"key":"env","value":"prod"}]""", sent["tags"]!.ToJsonString());
        Assert.Equal("""{"awsvpcConfiguration":{"subnets":["subnet-0123456789abcdef0"],"assignPublicIp":"DISABLED"}}""", sent["networkConfiguration"]!.ToJsonString());
        Assert.False(sent.ContainsKey("capacityProviderStrategy"));
        Assert.False(sent.ContainsKey("loadBalancers"));
    }

    [Fact]
    public void A_creation_without_a_token_is_sent_with_a_new_one()
    {
        var wire = EcsConnection.ToWire(Creation() with { ClientToken = null });
        Assert.True(Guid.TryParse(wire.ClientToken, out _), wire.ClientToken);
    }

    [Fact]
    public void Placement_load_balancers_and_registries_are_sent_in_ECS_shapes()
    {
        var wire = EcsConnection.ToWire(new TaskSetCreation
        {
            Cluster = "demo",
            Service = "checkout",
            TaskDefinition = "web:3",
            CapacityProviderStrategy = [new CapacityProviderShare("FARGATE", 1, 1), new CapacityProviderShare("FARGATE_SPOT", 3, null)],
            LoadBalancers =
            [
                new TaskSetLoadBalancer("arn:tg", null, "web", 80, new TaskSetLoadBalancerRouting("arn:tg2", "arn:prod", null, "arn:role")),
                new TaskSetLoadBalancer(null, "classic", "web", 8080),
            ],
            ServiceRegistries = [new TaskSetServiceRegistry("arn:sd", 8080, null, null)],
            Network = new AwsVpcNetwork(["subnet-1", "subnet-2"], ["sg-1"], true),
            ClientToken = "t",
        });
        var expected = ("{'service':'checkout','cluster':'demo','taskDefinition':'web:3','networkConfiguration':{'awsvpcConfiguration':"
            + "{'subnets':['subnet-1','subnet-2'],'securityGroups':['sg-1'],'assignPublicIp':'ENABLED'}},'loadBalancers':[{'t"
            + "argetGroupArn':'arn:tg','containerName':'web','containerPort':80,'advancedConfiguration':{'alternateTargetGrou"
            + "pArn':'arn:tg2','productionListenerRule':'arn:prod','roleArn':'arn:role'}},{'loadBalancerName':'classic','cont"
            + "ainerName':'web','containerPort':8080}],'serviceRegistries':[{'registryArn':'arn:sd','port':8080}],'capacityPr"
            + "oviderStrategy':[{'capacityProvider':'FARGATE','weight':1,'base':1},{'capacityProvider':'FARGATE_SPOT','weight"
            + "':3}],'clientToken':'t'}").Replace('\'', '"');
        Assert.Equal(
            expected,
            EcsInput.ToJson(wire));
    }

    [Theory]
    [InlineData("server:after")]
    [InlineData("drop:after")]
    public async Task A_change_that_fails_after_ECS_acted_on_it_is_resolved_without_doing_it_twice(string kind)
    {
        await using var kit = await FaultKit.StartAsync(requestTimeout: TimeSpan.FromMilliseconds(700));
        var before = kit.TaskSets().Length;
        kit.Server.Faults.Add(LocalEcsFaultSpec.Parse("CreateTaskSet:" + kind));
        var created = await kit.Connection.CreateTaskSetAsync(Creation());
        Assert.Equal(before + 1, kit.TaskSets().Length);
        var target = new TaskSetTarget(FaultKit.Cluster, FaultKit.Service, created!.TaskSetArn!);

        kit.Server.Faults.Add(LocalEcsFaultSpec.Parse("UpdateTaskSet:" + kind));
        Assert.Equal(0, (await kit.Connection.ScaleTaskSetAsync(target, 0))!.Scale);

        kit.Server.Faults.Add(LocalEcsFaultSpec.Parse("UpdateServicePrimaryTaskSet:" + kind));
        Assert.Equal("PRIMARY", (await kit.Connection.MakeTaskSetPrimaryAsync(target))!.Status);

        var other = kit.CreateSet();
        kit.Server.Faults.Add(LocalEcsFaultSpec.Parse("DeleteTaskSet:" + kind));
        var deleted = await kit.Connection.DeleteTaskSetAsync(new TaskSetTarget(FaultKit.Cluster, FaultKit.Service, other), force: false);
        Assert.Equal("DRAINING", deleted!.Status);
        Assert.Equal(TaskSetArns.IdOf(other), deleted.Id);
        Assert.DoesNotContain(kit.TaskSets(), s => (string?)s["taskSetArn"] == other);
        Assert.Empty(kit.Server.Faults.Pending);
    }

    [Fact]
    public async Task Delete_sends_force_only_when_asked()
    {
        await using var kit = await FaultKit.StartAsync();
        var first = kit.CreateSet();
        var second = kit.CreateSet();
        await kit.Connection.DeleteTaskSetAsync(new TaskSetTarget(FaultKit.Cluster, FaultKit.Service, first), force: false);
        await kit.Connection.DeleteTaskSetAsync(new TaskSetTarget(FaultKit.Cluster, FaultKit.Service, second), force: true);
        var sent = kit.Server.RequestsFor("DeleteTaskSet").Select(r => r.Json!.AsObject()).ToArray();
        Assert.False(sent[0].ContainsKey("force"));
        Assert.True((bool)sent[1]["force"]!);
    }

    [Fact]
    public async Task Describe_asks_for_tags_and_reports_what_is_not_there()
    {
        await using var kit = await FaultKit.StartAsync();
        var arn = kit.CreateSet();
        var description = await kit.Connection.DescribeTaskSetsAsync(new TaskSetQuery(FaultKit.Cluster, FaultKit.Service, [arn, "ecs-svc/404"]));

        Assert.Equal(arn, Assert.Single(description.TaskSets).TaskSetArn);
        var problem = Assert.Single(description.Problems);
        Assert.Equal("ecs-svc/404", problem.TaskSet);
        Assert.True(problem.IsNotFound);
        var sent = kit.Server.RequestsFor("DescribeTaskSets").Last().Json!.AsObject();
        Assert.Equal("""["TAGS"]""", sent["include"]!.ToJsonString());
    }

    [Fact]
    public async Task A_service_that_does_not_exist_is_ServiceNotFound_naming_the_service_the_cluster_and_the_region()
    {
        await using var kit = await FaultKit.StartAsync();
        var calls = new Func<Task>[]
        {
            () => kit.Connection.CreateTaskSetAsync(Creation() with { Service = "nope" }),
            () => kit.Connection.DescribeTaskSetsAsync(new TaskSetQuery(FaultKit.Cluster, "nope")),
            () => kit.Connection.ScaleTaskSetAsync(new TaskSetTarget(FaultKit.Cluster, "nope", "ecs-svc/1"), 50),
            () => kit.Connection.MakeTaskSetPrimaryAsync(new TaskSetTarget(FaultKit.Cluster, "nope", "ecs-svc/1")),
            () => kit.Connection.DeleteTaskSetAsync(new TaskSetTarget(FaultKit.Cluster, "nope", "ecs-svc/1"), force: false),
        };

        foreach (var call in calls)
        {
            var e = await Assert.ThrowsAsync<EcsServiceException>(call);
            Assert.Equal(EcsErrorKind.ServiceNotFound, e.Kind);
            Assert.Equal("ServiceNotFoundException", e.ErrorCode);
            Assert.NotNull(e.RequestId);
            Assert.StartsWith($"The service 'nope' was not found in cluster '{FaultKit.Cluster}' in region {kit.Connection.Region}. ", e.Message, StringComparison.Ordinal);
        }
    }
}
