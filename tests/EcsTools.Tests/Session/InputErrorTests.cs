using System;
using System.Management.Automation;
using System.Threading.Tasks;
using EcsTools.Tests.Host;
using Xunit;

namespace EcsTools.Tests.Session;

/// <summary>
/// A client-side check becomes an error record one way, whichever check it is: its id and category, an
/// ArgumentException with the check's message, the fix in RecommendedAction, the check itself kept as the cause, and
/// nothing sent.
/// </summary>
public sealed class InputErrorTests
{
    [Theory]
    [InlineData("Get-EcsTask -Cluster demo -RequestTimeout 0", "InvalidRequestTimeout,EcsTools.Commands.GetEcsTaskCommand")]
    [InlineData("Stop-EcsTask 0123456789abcdef0123456789abcdef -Cluster demo -Reason ('x' * 256)", "ReasonTooLong,EcsTools.Commands.StopEcsTaskCommand")]
    [InlineData("Get-EcsTaskSet ecs-svc/123", "ClusterAndServiceRequired,EcsTools.Commands.GetEcsTaskSetCommand")]
    public async Task A_refused_input_is_an_ArgumentException_that_keeps_the_check_as_its_cause(string script, string errorId)
    {
        await using var host = await LocalEcsHost.StartAsync();

        var error = host.Run(script).FirstError;

        Assert.NotNull(error);
        Assert.Equal(errorId, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        var exception = Assert.IsType<ArgumentException>(error.Exception);
        Assert.NotNull(exception.InnerException);
        Assert.Equal("InputValidationException", exception.InnerException.GetType().Name);
        Assert.Equal(exception.Message, exception.InnerException.Message);
        Assert.False(string.IsNullOrEmpty(error.ErrorDetails?.RecommendedAction));
        Assert.Empty(host.Server.Requests);
    }

    [Theory]
    [InlineData("Get-EcsTask -Cluster demo -RequestTimeout 0",
        "-RequestTimeout is 00:00:00; it must be more than 0 and at most 10 minutes.",
        "Pass -RequestTimeout in seconds (for example -RequestTimeout 10) or as a TimeSpan.")]
    [InlineData("Stop-EcsTask 0123456789abcdef0123456789abcdef -Cluster demo -Reason ('x' * 256)",
        "-Reason is 256 characters long; ECS takes at most 255.",
        "Shorten the reason to 255 characters or fewer.")]
    [InlineData("Get-EcsTaskSet ecs-svc/123",
        "-Cluster and -Service are needed for task set 'ecs-svc/123': an id does not name its cluster and service, as a task set ARN does.",
        "Pass -Cluster and -Service, or the task set's ARN (task-set/cluster/service/id), or pipe in the task set object (it has ClusterArn, ServiceArn and TaskSetArn).")]
    public async Task A_refused_input_keeps_its_message_and_recommended_action_word_for_word(string script, string message, string action)
    {
        await using var host = await LocalEcsHost.StartAsync();

        var error = host.Run(script).FirstError;

        Assert.NotNull(error);
        Assert.Equal(message, error.Exception.Message);
        Assert.Equal(action, error.ErrorDetails?.RecommendedAction);
    }
}
