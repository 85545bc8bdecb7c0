using EcsTools.Engine.TaskSets;
using Xunit;

namespace EcsTools.Engine.Tests.TaskSets;

/// <summary>The task set inputs ECS checks, refused before anything is sent.</summary>
public sealed class TaskSetShapesTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void A_scale_outside_0_to_100_is_InvalidScale(double percent)
    {
        var e = Assert.Throws<EcsInputException>(() => TaskSetShapes.Scale(percent));
        Assert.Equal("InvalidScale", e.ErrorId);
        Assert.Contains("from 0 to 100", e.Message, System.StringComparison.Ordinal);
        Assert.NotNull(e.RecommendedAction);
    }

    [Fact]
    public void A_scale_from_0_to_100_is_taken()
    {
        Assert.Equal(0, TaskSetShapes.Scale(0));
        Assert.Equal(100, TaskSetShapes.Scale(100));
    }

    [Fact]
    public void Load_balancer_keys_match_whatever_their_case_and_advanced_routing_is_kept()
    {
        var lb = Assert.Single(TaskSetShapes.LoadBalancers(
            ["""{"TargetGroupArn":"arn:tg","containerName":"web","ContainerPort":80,"advancedConfiguration":{"alternateTargetGroupArn":"arn:tg2","roleArn":"arn:role"}}"""]));
        Assert.Equal(new TaskSetLoadBalancer("arn:tg", null, "web", 80, new TaskSetLoadBalancerRouting("arn:tg2", null, null, "arn:role")), lb);
    }

    [Theory]
    [InlineData("""{"containerName":"web","containerPort":80}""", "neither TargetGroupArn nor LoadBalancerName")]
    [InlineData("""{"targetGroupArn":"arn:tg","containerPort":80}""", "needs ContainerName and ContainerPort")]
    [InlineData("""{"loadBalancerName":"classic","containerName":"web"}""", "needs ContainerName and ContainerPort")]
    [InlineData("""{"targetGroupArn":"arn:tg","containerName":"web","containerPort":65536}""", "ContainerPort 65536 is not a port number")]
    public void A_load_balancer_ECS_would_refuse_is_InvalidLoadBalancer(string json, string message)
    {
        var e = Assert.Throws<EcsInputException>(() => TaskSetShapes.LoadBalancers([json]));
        Assert.Equal("InvalidLoadBalancer", e.ErrorId);
        Assert.Contains(message, e.Message, System.StringComparison.Ordinal);
        Assert.Null(e.ItemIndex);
    }

    [Fact]
    public void An_unknown_key_names_the_item_and_the_valid_keys()
    {
        var e = Assert.Throws<EcsInputException>(() => TaskSetShapes.LoadBalancers(
            ["""{"targetGroupArn":"arn:tg","containerName":"web","containerPort":80}""", """{"targetGroup":"arn:tg"}"""]));
        Assert.Equal("InvalidLoadBalancer", e.ErrorId);
        Assert.Equal(1, e.ItemIndex);
        Assert.Contains("unknown key 'targetGroup'", e.Message, System.StringComparison.Ordinal);
        Assert.Contains("targetGroupArn", e.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"port":80}""", "has no RegistryArn")]
    [InlineData("""{"registryArn":"arn:sd","port":-1}""", "Port -1 is not a port number")]
    [InlineData("""{"registryArn":"arn:sd","containerPort":70000}""", "ContainerPort 70000 is not a port number")]
    public void A_registry_ECS_would_refuse_is_InvalidServiceRegistry(string json, string message)
    {
        var e = Assert.Throws<EcsInputException>(() => TaskSetShapes.ServiceRegistries([json]));
        Assert.Equal("InvalidServiceRegistry", e.ErrorId);
        Assert.Contains(message, e.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Registries_are_read_as_given()
    {
        Assert.Equal(
            [new TaskSetServiceRegistry("arn:sd", 8080, "web", 80)],
            TaskSetShapes.ServiceRegistries(["""{"registryArn":"arn:sd","port":8080,"containerName":"web","containerPort":80}"""]));
    }
}
