using EcsTools.Engine.TaskSets;
using Xunit;

namespace EcsTools.Engine.Tests.TaskSets;

/// <summary>What a task set ARN names, and the cluster and service a task set is sent to.</summary>
public sealed class TaskSetArnsTests
{
    private const string Arn = "arn:aws:ecs:us-east-1:123456789012:task-set/demo/checkout/ecs-svc/1234567890";

    [Fact]
    public void An_arn_names_its_cluster_and_service()
    {
        Assert.True(TaskSetArns.TryParse(Arn, out var cluster, out var service));
        Assert.Equal(("demo", "checkout"), (cluster, service));
    }

    [Theory]
    [InlineData("ecs-svc/1234567890")]
    [InlineData("arn:aws:ecs:us-east-1:123456789012:service/demo/checkout")]
    [InlineData("arn:aws:ecs:us-east-1:123456789012:task-set/demo/checkout")]
    [InlineData("arn:aws:ecs:us-east-1:123456789012:task-set//checkout/ecs-svc/1")]
    [InlineData("")]
    [InlineData(null)]
    public void An_id_or_another_arn_names_neither(string? value)
    {
        Assert.False(TaskSetArns.TryParse(value, out var cluster, out var service));
        Assert.Equal(("", ""), (cluster, service));
    }

    [Fact]
    public void Given_names_win_over_those_of_the_arn()
    {
        Assert.Equal(new TaskSetTarget("other", "web", Arn), TaskSetArns.Resolve("other", "web", Arn));
        Assert.Equal(new TaskSetTarget("other", "checkout", Arn), TaskSetArns.Resolve("other", " ", Arn));
        Assert.Equal(new TaskSetTarget("demo", "checkout", Arn), TaskSetArns.Resolve(null, null, Arn));
    }

    [Fact]
    public void An_id_without_cluster_and_service_cannot_be_sent()
    {
        Assert.Null(TaskSetArns.Resolve(null, null, "ecs-svc/1"));
        Assert.Null(TaskSetArns.Resolve("demo", null, "ecs-svc/1"));
        Assert.Null(TaskSetArns.Resolve(null, "checkout", "ecs-svc/1"));
        Assert.Equal(new TaskSetTarget("demo", "checkout", "ecs-svc/1"), TaskSetArns.Resolve("demo", "checkout", "ecs-svc/1"));
    }

    [Theory]
    [InlineData(Arn, "ecs-svc/1234567890")]
    [InlineData("ecs-svc/1234567890", "1234567890")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    public void The_id_is_everything_after_the_service(string arn, string id)
    {
        Assert.Equal(id, TaskSetArns.IdOf(arn));
    }
}
