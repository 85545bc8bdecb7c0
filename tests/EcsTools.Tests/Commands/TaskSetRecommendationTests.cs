using System;
using System.Management.Automation;
using System.Threading.Tasks;
using Xunit;
using static EcsTools.Tests.Commands.TaskSetTestKit;

namespace EcsTools.Tests.Commands;

/// <summary>The recommended action of an InvalidParameterException from a task set operation fits what ECS rejected.</summary>
public sealed class TaskSetRecommendationTests
{
    [Fact]
    public async Task Removing_a_scaled_task_set_with_Force_points_to_IgnoreScale()
    {
        await using var host = await StartAsync();
        var blue = CreateSet(host.Server, 100);

        var result = host.Run("Remove-EcsTaskSet $args[0] -Cluster demo -Service checkout -Force", blue);

        var error = SingleError(result, "InvalidParameter,EcsTools.Commands.RemoveEcsTaskSetCommand", ErrorCategory.InvalidArgument);
        Assert.Contains("-IgnoreScale", error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.Contains("-Force only skips the confirmation", error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.Contains("Set-EcsTaskSet -Scale 0", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.Contains("-IgnoreScale", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.DoesNotContain("EXTERNAL", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);

        host.Run("Remove-EcsTaskSet $args[0] -Cluster demo -Service checkout -Force -IgnoreScale", blue).EnsureSuccess();
    }

    [Fact]
    public async Task A_service_without_the_EXTERNAL_controller_points_to_the_controller()
    {
        await using var host = await StartAsync();

        var result = host.Run("New-EcsTaskSet -Cluster demo -Service classic -TaskDefinition web -LaunchType EC2");

        var error = SingleError(result, "InvalidParameter,EcsTools.Commands.NewEcsTaskSetCommand", ErrorCategory.InvalidArgument);
        Assert.Contains("EXTERNAL", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.Contains("deploymentController", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_rejected_parameter_is_not_blamed_on_the_controller()
    {
        await using var host = await StartAsync();

        // web uses bridge networking; checkout's task sets get awsvpc settings.
        var result = host.Run("New-EcsTaskSet -Cluster demo -Service checkout -TaskDefinition web -LaunchType FARGATE -Subnet subnet-0a1b2c3d4e5f60718");

        var error = SingleError(result, "InvalidParameter,EcsTools.Commands.NewEcsTaskSetCommand", ErrorCategory.InvalidArgument);
        Assert.DoesNotContain("EXTERNAL", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.DoesNotContain("IgnoreScale", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.Contains("does not use the awsvpc network mode", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.Contains("leave out -Subnet", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
    }
}
