using System;
using System.Collections.Generic;
using EcsTools.Engine.Model;
using EcsTools.Engine.TaskSets;
using EcsTools.Engine.Tasks;
using Xunit;

namespace EcsTools.Engine.Tests.TaskSets;

/// <summary>A task set as ECS reports it, read into the engine's record, and when it counts as settled.</summary>
public sealed class TaskSetStateTests
{
    [Fact]
    public void Every_member_is_read_and_empty_strings_are_left_out()
    {
        var created = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var state = TaskSetState.From(new TaskSet
        {
            Id = "ecs-svc/1",
            TaskSetArn = "arn:aws:ecs:us-east-1:123456789012:task-set/demo/checkout/ecs-svc/1",
            ServiceArn = "arn:aws:ecs:us-east-1:123456789012:service/demo/checkout",
            ClusterArn = "arn:aws:ecs:us-east-1:123456789012:cluster/demo",
            Status = "PRIMARY",
            StabilityStatus = "STABILIZING",
            TaskDefinition = "arn:aws:ecs:us-east-1:123456789012:task-definition/fargate-web:3",
            ComputedDesiredCount = 4,
            PendingCount = 1,
            RunningCount = 2,
            Scale = new Scale { Value = 50, Unit = "PERCENT" },
            LaunchType = "",
            CapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "FARGATE_SPOT", Weight = 3, Base = 1 }],
            PlatformVersion = "1.4.0",
            PlatformFamily = "",
            ExternalId = "deploy-42",
            LoadBalancers =
            [
                new LoadBalancer
                {
                    TargetGroupArn = "arn:tg", ContainerName = "web", ContainerPort = 80,
                    AdvancedConfiguration = new AdvancedConfiguration { AlternateTargetGroupArn = "arn:tg2", RoleArn = "arn:role" },
                },
            ],
            ServiceRegistries = [new ServiceRegistry { RegistryArn = "arn:sd", Port = 8080 }],
            NetworkConfiguration = new NetworkConfiguration
            {
                AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = ["subnet-1"], AssignPublicIp = "DISABLED" },
            },
            CreatedAt = created,
            Tags = [new Tag { Key = "team", Value = "web" }, new Tag { Key = "empty" }],
        });

        Assert.Equal("ecs-svc/1", state.Id);
        Assert.Equal("PRIMARY", state.Status);
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:task-definition/fargate-web:3", state.TaskDefinition);
        Assert.Equal((4, 1, 2), (state.ComputedDesiredCount, state.PendingCount, state.RunningCount));
        Assert.Equal(50, state.Scale);
        Assert.Null(state.LaunchType);
        Assert.Null(state.PlatformFamily);
        Assert.Equal("1.4.0", state.PlatformVersion);
        Assert.Equal("deploy-42", state.ExternalId);
        Assert.Equal(new CapacityProviderShare("FARGATE_SPOT", 3, 1), Assert.Single(state.CapacityProviderStrategy));
        var balancer = Assert.Single(state.LoadBalancers);
        Assert.Equal(("arn:tg", "web", 80), (balancer.TargetGroupArn, balancer.ContainerName, balancer.ContainerPort));
        Assert.Equal(new TaskSetLoadBalancerRouting("arn:tg2", null, null, "arn:role"), balancer.Advanced);
        Assert.Equal(new TaskSetServiceRegistry("arn:sd", 8080, null, null), Assert.Single(state.ServiceRegistries));
        Assert.Equal(["subnet-1"], state.Network!.Subnets);
        Assert.Empty(state.Network.SecurityGroups);
        Assert.Equal("DISABLED", state.Network.AssignPublicIp);
        Assert.Equal(created, state.CreatedAt);
        Assert.Null(state.UpdatedAt);
        Assert.Equal([new ResourceTag("team", "web"), new ResourceTag("empty", "")], state.Tags);
    }

    [Fact]
    public void What_ECS_left_out_is_empty()
    {
        var state = TaskSetState.From(new TaskSet());
        Assert.Null(state.Id);
        Assert.Null(state.Scale);
        Assert.Null(state.Network);
        Assert.Empty(state.CapacityProviderStrategy);
        Assert.Empty(state.LoadBalancers);
        Assert.Empty(state.ServiceRegistries);
        Assert.Empty(state.Tags);
    }

    [Theory]
    [InlineData("STEADY_STATE", 2, 2, 0, true)]
    [InlineData("STEADY_STATE", null, null, null, true)]
    [InlineData("STEADY_STATE", 2, null, 0, true)]
    [InlineData("STEADY_STATE", 2, 1, 0, false)]
    [InlineData("STEADY_STATE", 2, 2, 1, false)]
    [InlineData("STABILIZING", 2, 2, 0, false)]
    [InlineData(null, 0, 0, 0, false)]
    [InlineData("steady_state", 0, 0, 0, false)]
    public void Steady_is_STEADY_STATE_with_the_counts_agreeing(string? stability, int? desired, int? running, int? pending, bool steady)
    {
        var state = new TaskSetState { StabilityStatus = stability, ComputedDesiredCount = desired, RunningCount = running, PendingCount = pending };
        Assert.Equal(steady, state.IsSteady);
    }
}
